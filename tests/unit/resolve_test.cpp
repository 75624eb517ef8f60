#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "nogood/facts/resolve.hpp"

using namespace nogood;
using namespace nogood::facts;

namespace {

EntityMention corpus(std::string id, std::string type, std::vector<std::pair<std::string, std::string>> names = {}) {
  EntityMention m;
  m.id = std::move(id);
  m.type = std::move(type);
  m.names = std::move(names);
  return m;
}

EntityMention local(std::uint32_t source, std::string id, std::string type,
                    std::vector<std::pair<std::string, std::string>> names, std::optional<std::string> ref = {}) {
  EntityMention m;
  m.id = std::move(id);
  m.type = std::move(type);
  m.names = std::move(names);
  m.ref = std::move(ref);
  m.source = source;
  return m;
}

Diagnostic const* find(Diagnostics const& d, std::string_view code) {
  auto it = std::find_if(d.all().begin(), d.all().end(), [&](Diagnostic const& x) { return x.code == code; });
  return it == d.all().end() ? nullptr : &*it;
}

bool has_note(Diagnostic const& d, std::string_view text) {
  return std::any_of(d.notes.begin(), d.notes.end(),
                     [&](std::string const& n) { return n.find(text) != std::string::npos; });
}

ResolvedEntity const& entity_of(EntityResolution const& r, std::uint32_t mention) {
  return r.entities[r.entity_of_mention[mention]];
}

std::vector<std::pair<std::string, std::string>> const no_distinct;

std::string numbered(std::string_view prefix, std::uint32_t i) {
  std::string out(prefix);
  out += std::to_string(i);
  return out;
}

// The corpus of the seed story, as entities.json would give it.
std::vector<EntityMention> seed_corpus() {
  return {
      corpus("khaled_al_masoud", "person",
             {{"en", "Khaled al-Masoud"}, {"ar", "خالد المسعود"}, {"he", "חאלד אל-מסעוד"}}),
      corpus("ahmad_al_badri", "person", {{"en", "Ahmad al-Badri"}}),
      corpus("ahmad_al_sharaa", "person", {{"en", "Ahmad al-Sharaa"}, {"ar", "أحمد الشرع"}}),
      corpus("tom_barrack", "person", {{"en", "Tom Barrack"}}),
      corpus("al_dumayr", "place"),
  };
}

}  // namespace

TEST_CASE("a ref joins the corpus entity it names") {
  auto mentions = seed_corpus();
  mentions.push_back(local(0, "dumayr", "place", {{"ar", "الضمير"}}, "al_dumayr"));
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(diags.all().empty());
  auto const& e = entity_of(r, 5);
  CHECK(e.id == "al_dumayr");
  CHECK(e.mentions == std::vector<std::uint32_t>{4, 5});
  REQUIRE(e.joins.size() == 1);
  CHECK(e.joins[0].mention_a == 5);
  CHECK(e.joins[0].mention_b == 4);
  CHECK(e.joins[0].why == "`dumayr` refers to `al_dumayr` by `ref`");
  CHECK(e.joins[0].name_a == "الضمير");
  CHECK(e.joins[0].name_b.empty());  // the corpus entity has no names
}

TEST_CASE("a join by ref shows a name of each side, in the same language when there is one") {
  auto mentions = seed_corpus();
  mentions.push_back(local(0, "victim", "person", {{"he", "אל־מסעוד"}}, "khaled_al_masoud"));
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  auto const& j = entity_of(r, 5).joins.at(0);
  CHECK(j.name_a == "אל־מסעוד");
  CHECK(j.name_b == "חאלד אל-מסעוד");
  CHECK(r.ambiguous.empty());  // a ref settles what the name alone could not
}

TEST_CASE("a source entity with a corpus id is that corpus entity") {
  auto mentions = seed_corpus();
  mentions.push_back(local(0, "tom_barrack", "person", {}));
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(entity_of(r, 5).id == "tom_barrack");
  CHECK(entity_of(r, 5).joins.at(0).why == "`tom_barrack` has the id of the corpus entity");
}

TEST_CASE("one man named in three scripts across three sources is one entity, with reasons") {
  auto mentions = seed_corpus();
  mentions.push_back(local(0, "khaled", "person", {{"ar", "خالد عبد العزيز المسعود"}, {"ar", "خالد المسعود"}}));
  mentions.push_back(local(1, "victim", "person", {{"he", "חאלד אל־מסעוד"}}));
  mentions.push_back(local(2, "masoud", "person", {{"en", "KHALED AL-MASOUD"}}));
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(diags.all().empty());
  auto const& e = entity_of(r, 5);
  CHECK(e.id == "khaled_al_masoud");
  CHECK(e.mentions == std::vector<std::uint32_t>{0, 5, 6, 7});
  REQUIRE(e.joins.size() == 3);
  // The same text after folding wins: the Arabic name is the corpus's Arabic name.
  CHECK(e.joins[0].name_a == "خالد المسعود");
  CHECK(e.joins[0].why == "“خالد المسعود” and “خالد المسعود” are the same name");
  CHECK(e.joins[1].name_a == "חאלד אל־מסעוד");
  CHECK_THAT(e.joins[1].why, Catch::Contains("both read `hld msd`"));
  CHECK(e.joins[2].why == "“KHALED AL-MASOUD” and “Khaled al-Masoud” are the same name after case folding");
}

TEST_CASE("sources join each other by name when the corpus has no names") {
  std::vector<EntityMention> mentions{
      corpus("al_dumayr", "place"),
      local(0, "dumayr", "place", {{"en", "al-Dumayr"}}),
      local(1, "dumayr", "place", {{"ar", "الضمير"}}),
      local(2, "dmr", "location", {{"he", "דומייר"}}),
      local(3, "town", "place", {{"ar", "الدمير"}}),
  };
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(diags.all().empty());
  REQUIRE(r.entities.size() == 2);
  CHECK(r.entities[0].id == "al_dumayr");
  auto const& town = r.entities[1];
  CHECK(town.id == "dumayr");
  CHECK(town.mentions == std::vector<std::uint32_t>{1, 2, 3, 4});
  REQUIRE(town.joins.size() == 3);
  for (auto const& j : town.joins) {
    INFO(j.why);
    CHECK(j.mention_b == 1);
    CHECK_THAT(j.why, Catch::Contains("both read `dmr`") && Catch::Contains("dropping the article"));
  }
}

TEST_CASE("a family name alone is ambiguous: listed with its candidates, never joined") {
  auto mentions = seed_corpus();
  mentions.push_back(local(0, "target", "person", {{"ar", "أحمد عبد الله المسعود البدري"}}));
  mentions.push_back(local(1, "almasoud", "person", {{"he", "אל־מסעוד"}}));
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(entity_of(r, 5).id == "ahmad_al_badri");  // longer form: given and family name agree
  auto const& alone = entity_of(r, 6);
  CHECK(alone.id == "almasoud");
  CHECK(alone.mentions == std::vector<std::uint32_t>{6});
  REQUIRE(r.ambiguous.size() == 1);
  auto const& a = r.ambiguous[0];
  CHECK(a.mention == 6);
  CHECK(a.name == "אל־מסעוד");
  REQUIRE(a.candidates.size() == 2);
  CHECK(r.entities[a.candidates[0]].id == "khaled_al_masoud");
  CHECK(r.entities[a.candidates[1]].id == "ahmad_al_badri");
  auto const* w = find(diags, "W0350");
  REQUIRE(w);
  CHECK(w->severity == Severity::warning);
  CHECK(w->message == "`almasoud` is not joined: its name “אל־מסעוד” matches only part of 2 entities");
  CHECK(has_note(*w, "candidate `khaled_al_masoud`: “אל־מסעוד” (`msd`) matches only the word `msd`"));
  CHECK(has_note(*w, "candidate `ahmad_al_badri`"));
  CHECK(w->help == "add a `ref` to `almasoud` naming the entity it means");
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("a name that agrees only up to a family name is ambiguous") {
  auto mentions = seed_corpus();
  mentions[1].names = {{"ar", "أحمد عبد الله المسعود البدري"}};
  mentions.push_back(local(0, "ahmad", "person", {{"en", "Ahmad al-Masoud"}}));
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(entity_of(r, 5).id == "ahmad");
  REQUIRE(r.ambiguous.size() == 1);
  REQUIRE(r.ambiguous[0].candidates.size() == 1);
  CHECK(r.entities[r.ambiguous[0].candidates[0]].id == "ahmad_al_badri");
  auto const* w = find(diags, "W0350");
  REQUIRE(w);
  CHECK(w->message == "`ahmad` is not joined: its name “Ahmad al-Masoud” matches only part of another entity");
  CHECK(has_note(*w, "but not with its last name `bdr`"));
}

TEST_CASE("a very common family name alone is compared with a bounded number of names") {
  std::vector<EntityMention> mentions;
  for (std::uint32_t i = 0; i < 300; ++i)
    mentions.push_back(corpus(numbered("masoud", i), "person", {{"en", "Khaled al-Masoud"}}));
  mentions.push_back(local(0, "masoud", "person", {{"ar", "المسعود"}}));
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  REQUIRE(r.ambiguous.size() == 1);
  CHECK(r.ambiguous[0].candidates.size() == 256);
  auto const* w = find(diags, "W0350");
  REQUIRE(w);
  CHECK(has_note(*w, "and 248 more candidates"));
  CHECK(has_note(*w, "the name is part of more than 256 other names; only those were compared"));
}

TEST_CASE("different people with a shared name part stay apart") {
  auto mentions = seed_corpus();
  mentions.push_back(local(0, "cousin", "person", {{"en", "Abdul Karim al-Masoud"}}));
  mentions.push_back(local(1, "cousin", "person", {{"ar", "عبد الكريم مسعود"}}));
  mentions.push_back(local(1, "president", "person", {{"he", "אחמד א-שרע"}}));
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(entity_of(r, 5).id == "cousin");
  CHECK(r.entity_of_mention[5] == r.entity_of_mention[6]);
  CHECK(entity_of(r, 7).id == "ahmad_al_sharaa");
  CHECK(r.entity_of_mention[5] != r.entity_of_mention[0]);
  CHECK(r.entity_of_mention[7] != r.entity_of_mention[1]);
  CHECK(r.ambiguous.empty());
}

TEST_CASE("two entities of one source never join, nor do incompatible types") {
  std::vector<EntityMention> mentions{
      local(0, "khaled", "person", {{"en", "Khaled al-Masoud"}}),
      local(0, "khaled_again", "person", {{"ar", "خالد المسعود"}}),
      local(1, "dumayr_person", "person", {{"en", "al-Dumayr"}}),
      local(2, "dumayr", "place", {{"ar", "الضمير"}}),
  };
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(r.entities.size() == 4);
  CHECK(r.ambiguous.empty());
  CHECK(compatible_types("organisation", "group"));
  CHECK(compatible_types("place", "location"));
  CHECK(compatible_types("", "person"));
  CHECK_FALSE(compatible_types("person", "place"));
  CHECK_FALSE(compatible_types("widget", "gadget"));
}

TEST_CASE("distinct organisations never merge, even through a source that names both") {
  std::vector<EntityMention> mentions{
      corpus("free_syrian_army", "organisation", {{"ar", "الجيش السوري الحر"}, {"en", "Free Syrian Army"}}),
      corpus("syrian_free_army", "organisation", {{"ar", "جيش سوريا الحرة"}, {"en", "Syrian Free Army"}}),
      // The same text wins over a skeleton match: each spelling finds its own army.
      local(0, "fsa", "group", {{"ar", "الجيش السوري الحر"}}),
      local(1, "sfa", "faction", {{"ar", "جيش سوريا الحرة"}}),
      // An analyst who lumped both names together would chain the two armies into one.
      local(2, "army", "organisation", {{"en", "Free Syrian Army"}, {"ar", "جيش سوريا الحرة"}}),
      // A spelling between the two matches both skeletons equally well.
      local(3, "army", "organisation", {{"ar", "جيش سوريا الحر"}}),
  };
  std::vector<std::pair<std::string, std::string>> distinct{{"free_syrian_army", "syrian_free_army"}};
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, distinct, names, diags);
  CHECK(entity_of(r, 2).id == "free_syrian_army");
  CHECK(entity_of(r, 3).id == "syrian_free_army");
  CHECK(r.entity_of_mention[0] != r.entity_of_mention[1]);
  CHECK(entity_of(r, 4).id == "army");
  CHECK(entity_of(r, 5).id == "army#2");
  REQUIRE(r.ambiguous.size() == 2);
  auto ids = [&](Ambiguity const& a) {
    std::vector<std::string> out;
    for (auto e : a.candidates) out.push_back(r.entities[e].id);
    return out;
  };
  CHECK(ids(r.ambiguous[0]) == std::vector<std::string>{"free_syrian_army", "syrian_free_army"});
  // The lumping source's entity was ambiguous itself: it does not widen the next ambiguity.
  CHECK(ids(r.ambiguous[1]) == std::vector<std::string>{"free_syrian_army", "syrian_free_army"});
  REQUIRE(diags.warning_count() == 2);
  CHECK(diags.all().at(0).message ==
        "`army` is not joined: its name “Free Syrian Army” matches 2 entities equally well");
  CHECK(diags.all().at(1).message ==
        "`army` is not joined: its name “جيش سوريا الحر” matches 2 entities equally well");
  for (auto const& w : diags.all()) {
    CHECK(w.code == "W0351");
    CHECK(has_note(w, "`free_syrian_army` and `syrian_free_army` are declared distinct"));
  }
}

TEST_CASE("a same-script spelling conflict keeps Nasr and Nasser apart through Arabic") {
  std::vector<EntityMention> mentions{
      local(0, "nasr", "person", {{"en", "Nasr"}}),
      local(1, "nasr", "person", {{"ar", "نصر"}}),
      local(2, "nasser", "person", {{"en", "Nasser"}}),
  };
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(r.entity_of_mention[0] == r.entity_of_mention[1]);
  CHECK(r.entity_of_mention[2] != r.entity_of_mention[0]);
  REQUIRE(r.ambiguous.size() == 1);
  CHECK(r.ambiguous[0].mention == 2);
  auto const* w = find(diags, "W0350");
  REQUIRE(w);
  CHECK(has_note(*w, "candidate `nasr`: “Nasser” and “نصر” both read `nsr`"));
  CHECK(has_note(*w, "; but “Nasser” (`nsr`) and “Nasr” (`nsr`) have the same consonants"));
}

TEST_CASE("an unknown ref is an error with a suggestion, and joins nothing") {
  auto mentions = seed_corpus();
  mentions.push_back(local(0, "dumayr", "place", {{"en", "al-Dumayr"}}, "al_dumayer"));
  mentions.back().json_pointer = "/entities/0";
  mentions.back().file_name = "en.json";
  mentions.push_back(local(1, "town", "place", {{"ar", "الضمير"}}));
  mentions.push_back(local(2, "x", "place", {}, "zzzzzzzzzzzz"));
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(entity_of(r, 5).id == "dumayr");
  CHECK(entity_of(r, 5).mentions == std::vector<std::uint32_t>{5});
  CHECK(entity_of(r, 6).id == "town");  // not joined through the unresolved mention
  REQUIRE(diags.error_count() == 2);
  auto const& e = diags.all().at(0);
  CHECK(e.code == "E0310");
  CHECK(e.message == "unknown entity `al_dumayer` in the `ref` of `dumayr`");
  CHECK(e.help == "did you mean `al_dumayr`?");
  CHECK(e.file_name == "en.json");
  CHECK(e.json_pointer == "/entities/0/ref");
  auto const& far = diags.all().at(1);
  CHECK(far.code == "E0310");
  CHECK_FALSE(far.help);
  CHECK(has_note(far, "a `ref` names an entity of the corpus entities file"));
}

TEST_CASE("a ref to an entity of another type is an error") {
  auto mentions = seed_corpus();
  mentions.push_back(local(0, "dumayr", "place", {}, "tom_barrack"));
  SourceManager sm;
  auto file = sm.add("ar.json", R"({"entities": [{"id": "dumayr"}]})");
  mentions.back().span = Span{file, 15, 31};
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(entity_of(r, 5).id == "dumayr");
  auto const* e = find(diags, "E0350");
  REQUIRE(e);
  CHECK(e->message == "`dumayr` is a `place` but the corpus entity `tom_barrack` is a `person`");
  REQUIRE(e->primary);
  CHECK(e->primary->span == Span{file, 15, 31});
}

TEST_CASE("one id declared twice in a source is one entity; two refs for it are an error") {
  auto mentions = seed_corpus();
  mentions.push_back(local(0, "khaled", "person", {}, "khaled_al_masoud"));
  mentions.push_back(local(0, "khaled", "person", {}, "ahmad_al_badri"));
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(entity_of(r, 6).id == "khaled_al_masoud");
  CHECK(entity_of(r, 6).joins.back().why == "both declare `khaled` in the same source");
  CHECK(entity_of(r, 5).joins.at(0).name_b == "Khaled al-Masoud");
  auto const* e = find(diags, "E0351");
  REQUIRE(e);
  CHECK(e->message == "`khaled` refers to both `khaled_al_masoud` and `ahmad_al_badri`");
}

TEST_CASE("a distinct pair naming an unknown entity is ignored: the loader reports it") {
  auto mentions = seed_corpus();
  std::vector<std::pair<std::string, std::string>> distinct{{"tom_barrack", "tom_barak"}};
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, distinct, names, diags);
  CHECK(r.entities.size() == mentions.size());
  CHECK(diags.all().empty());
}

TEST_CASE("a local entity with a corpus id but another type is not joined by id") {
  auto mentions = seed_corpus();
  mentions.push_back(local(0, "al_dumayr", "person", {{"en", "Tom Barrack"}}));
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(entity_of(r, 5).id == "tom_barrack");  // its name still finds the right entity
  auto const* w = find(diags, "W0352");
  REQUIRE(w);
  CHECK(w->message == "`al_dumayr` is a `person` but the corpus entity with its id is a `place`; not joined by id");
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("duplicate corpus ids are one entity") {
  std::vector<EntityMention> mentions{corpus("a", "person"), corpus("a", "person")};
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  REQUIRE(r.entities.size() == 1);
  CHECK(r.entities[0].joins.at(0).why == "both are corpus entries with the id `a`");
}

TEST_CASE("tens of thousands of id-only entities resolve without comparing names") {
  std::vector<EntityMention> mentions;
  constexpr std::uint32_t n = 40000;
  for (std::uint32_t i = 0; i < n; ++i) mentions.push_back(corpus(numbered("e", i), "person"));
  for (std::uint32_t i = 0; i < n; ++i) mentions.push_back(local(i % 7, numbered("e", i), "person", {}));
  for (std::uint32_t i = 0; i < 1000; ++i) mentions.push_back(local(i % 7, numbered("s", i), "person", {}));
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(r.entities.size() == n + 1000);
  CHECK(r.entity_of_mention[n + 123] == 123);
  CHECK(names.cached() == 0);
  CHECK(diags.all().empty());
}

TEST_CASE("resolution is deterministic") {
  auto mentions = seed_corpus();
  mentions.push_back(local(0, "almasoud", "person", {{"he", "אל־מסעוד"}}));
  mentions.push_back(local(1, "barrack", "person", {{"ar", "توم باراك"}}));
  mentions.push_back(local(2, "barrack", "person", {{"he", "טום בארק"}}));
  NameMatcher n1, n2;
  Diagnostics d1, d2;
  auto a = resolve_entities(mentions, no_distinct, n1, d1);
  auto b = resolve_entities(mentions, no_distinct, n2, d2);
  CHECK(a.entity_of_mention == b.entity_of_mention);
  REQUIRE(a.entities.size() == b.entities.size());
  for (std::size_t i = 0; i < a.entities.size(); ++i) {
    CHECK(a.entities[i].id == b.entities[i].id);
    CHECK(a.entities[i].mentions == b.entities[i].mentions);
  }
  CHECK(entity_of(a, 6).id == "tom_barrack");
  CHECK(entity_of(a, 7).id == "tom_barrack");
}

TEST_CASE("the seed articles' people and places resolve across scripts when the corpus names them in English only") {
  // Entities as the five seed articles' facts files declare them (examples/syria-raid), against
  // corpus entities that carry only their English names, so every join is a name match.
  std::vector<EntityMention> mentions{
      corpus("khaled_al_masoud", "person", {{"en", "Khaled al-Masoud"}}),
      corpus("ahmad_al_badri", "person", {{"en", "Ahmad Al Badri"}}),
      corpus("abdul_karim_al_masoud", "person", {{"en", "Abdul Karim al-Masoud"}}),
      corpus("ahmad_al_sharaa", "person", {{"en", "Ahmad Al Shara"}}),
      corpus("bashar_al_assad", "person", {{"en", "Bashar Al Assad"}}),
      corpus("tom_barrack", "person", {{"en", "Tom Barrack"}}),
      corpus("khaled_ghazal", "person", {{"en", "Khaled Ghazal"}}),
      corpus("wassim_nasr", "person"),
      corpus("al_dumayr", "place", {{"en", "al-Dumayr"}}),
      corpus("dumayr_airport", "place", {{"ar", "مطار الضمير"}}),
      corpus("madamiyat_al_qalamoun", "place", {{"en", "Ma‘damiyat al-Qalamoun"}}),
      corpus("idlib", "place", {{"en", "Idlib"}}),
      corpus("hts", "organisation", {{"en", "Hay’at Tahrir al-Sham"}}),
  };
  auto const corpus_size = mentions.size();
  struct Expect {
    std::uint32_t source;
    std::string id, type, lang;
    std::vector<std::string> names;
    std::string entity;
  };
  std::vector<Expect> const expected{
      {0, "khaled", "person", "ar", {"خالد المسعود"}, "khaled_al_masoud"},
      {0, "cousin", "person", "ar", {"عبد الكريم مسعود"}, "abdul_karim_al_masoud"},
      {0, "sharaa", "person", "ar", {"أحمد الشرع"}, "ahmad_al_sharaa"},
      {0, "assad", "person", "ar", {"بشار الأسد"}, "bashar_al_assad"},
      {0, "nasr", "person", "ar", {"وسيم نصر"}, "nasr"},
      {0, "barrack", "person", "ar", {"توم باراك"}, "tom_barrack"},
      {0, "dumayr", "place", "ar", {"الضمير", "الدمير"}, "al_dumayr"},
      {0, "idlib", "place", "ar", {"إدلب"}, "idlib"},
      {0, "tahrir", "organisation", "ar", {"هيئة تحرير الشام"}, "hts"},  // هيئة / Hay’at: a final t
      {1, "khaled", "person", "ar", {"خالد عبد العزيز المسعود", "خالد المسعود"}, "khaled_al_masoud"},
      {1, "badri", "person", "ar", {"أحمد عبد الله المسعود البدري"}, "ahmad_al_badri"},
      {1, "sharaa", "person", "ar", {"أحمد الشرع"}, "ahmad_al_sharaa"},
      {1, "nasr", "person", "ar", {"واسم نصر"}, "nasr"},
      {1, "dumayr", "place", "ar", {"الضمير"}, "al_dumayr"},
      {1, "dumayr_airport", "place", "ar", {"مطار الضمير"}, "dumayr_airport"},
      {2, "abdul_karim", "person", "en", {"Abdul Karim al-Masoud"}, "abdul_karim_al_masoud"},
      {2, "ghazal", "person", "en", {"Khaled Ghazal"}, "khaled_ghazal"},
      {2, "dumayr", "place", "en", {"al-Dumayr"}, "al_dumayr"},
      {2, "madamiyat", "place", "en", {"Ma‘damiyat al-Qalamoun"}, "madamiyat_al_qalamoun"},
      {2, "hts", "organisation", "en", {"Hay’at Tahrir al-Sham"}, "hts"},
      {3, "khaled", "person", "he", {"חאלד אל-מסעוד", "אל-מסעוד", "אל־מסעוד"}, "khaled_al_masoud"},
      {3, "assad", "person", "he", {"בשאר אסד"}, "bashar_al_assad"},
      {3, "nasr", "person", "he", {"וסימ נסר"}, "nasr"},
      {3, "barrack", "person", "he", {"טום בארק"}, "tom_barrack"},
      {3, "dumayr", "place", "he", {"דומייר"}, "al_dumayr"},
      {4, "badri", "person", "en", {"Ahmad Al Badri"}, "ahmad_al_badri"},
      {4, "barrack", "person", "en", {"Tom Barrack"}, "tom_barrack"},
      {4, "sharaa", "person", "en", {"Ahmad Al Shara"}, "ahmad_al_sharaa"},
      {4, "assad", "person", "en", {"Bashar Al Assad"}, "bashar_al_assad"},
      {4, "madamiyat", "place", "en", {"Muadamiyat Al Qalamon"}, "madamiyat_al_qalamoun"},
      {4, "idlib", "place", "en", {"Idlib"}, "idlib"},
      {4, "hts", "organisation", "en", {"Hayat Tahrir Al Sham"}, "hts"},
  };
  for (auto const& e : expected) {
    std::vector<std::pair<std::string, std::string>> names;
    for (auto const& n : e.names) names.emplace_back(e.lang, n);
    mentions.push_back(local(e.source, e.id, e.type, names));
  }
  NameMatcher names;
  Diagnostics diags;
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO(expected[i].source << ":" << expected[i].id);
    CHECK(entity_of(r, static_cast<std::uint32_t>(corpus_size + i)).id == expected[i].entity);
  }
  // The bare family names in the Hebrew entity join nothing by themselves: its full name did.
  CHECK(r.ambiguous.empty());
  CHECK(diags.all().empty());
}

TEST_CASE("an entity one source names, close to another's name, is reported once with its candidate") {
  NameMatcher names;
  Diagnostics diags;
  std::vector<EntityMention> mentions{
      local(0, "badri", "person", {{"en", "Ahmad al-Badri"}}),
      local(1, "badawi", "person", {{"ar", "أحمد البدوي"}}),
      local(1, "farmer", "person", {{"ar", "مزارع مدني"}}),
  };
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  REQUIRE(r.lonely.size() == 1);
  CHECK(r.entities[r.lonely[0].entity].id == "badri");
  REQUIRE(r.lonely[0].candidates.size() == 1);
  CHECK(r.entities[r.lonely[0].candidates[0]].id == "badawi");
  CHECK(r.lonely[0].scores[0] > 0.7);
  CHECK(std::count_if(diags.all().begin(), diags.all().end(), [](Diagnostic const& d) { return d.code == "W0353"; }) == 1);
  auto const* w = find(diags, "W0353");
  REQUIRE(w);
  CHECK(has_note(*w, "candidate `badawi` (similarity 0.88)"));
}

TEST_CASE("names written with a letter pair join during resolution, not only when compared") {
  NameMatcher names;
  Diagnostics diags;
  std::vector<EntityMention> mentions{
      local(0, "lister", "person", {{"en", "Charles Lister"}}),
      local(1, "lister_ar", "person", {{"ar", "تشارلز ليستر"}}),
      local(2, "putin_he", "person", {{"he", "ולדימיר פוטין"}}),
      local(1, "putin_ar", "person", {{"ar", "فلاديمير بوتين"}}),
  };
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(entity_of(r, 0).id == entity_of(r, 1).id);
  CHECK(entity_of(r, 2).id == entity_of(r, 3).id);
  CHECK(entity_of(r, 0).id != entity_of(r, 2).id);
  CHECK(r.lonely.empty());
  CHECK_FALSE(find(diags, "W0353"));
}

TEST_CASE("names known to differ, joined or with a ref, are not reported as close") {
  NameMatcher names;
  Diagnostics diags;
  auto corpus_entities = seed_corpus();
  std::vector<EntityMention> mentions(corpus_entities.begin(), corpus_entities.end());
  mentions.push_back(local(0, "khaled", "person", {{"en", "Khaled al-Masoud"}}));               // joins by name
  mentions.push_back(local(1, "badri", "person", {{"en", "Ahmed Badri"}}, "ahmad_al_badri"));  // a ref
  mentions.push_back(local(1, "nasr", "person", {{"en", "Wassim Nasr"}}));
  mentions.push_back(local(2, "nasser", "person", {{"ar", "وسيم ناصر"}}));  // the vowels say another man
  auto r = resolve_entities(mentions, no_distinct, names, diags);
  CHECK(r.lonely.empty());
  CHECK_FALSE(find(diags, "W0353"));
}
