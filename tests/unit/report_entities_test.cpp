// cli/render_entities: the entity table shows names by language and source, each join with its
// reason, and the ambiguous names with their candidates, in text and JSON.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "nogood/report/entities.hpp"

using namespace nogood;
using namespace nogood::report;

namespace {

engine::Corpus resolved_corpus() {
  engine::Corpus c;
  c.sources.resize(2);
  c.sources[0].id = "ap-ar";
  c.sources[0].language = "ar";
  c.sources[1].id = "he-report";
  c.sources[1].language = "he";
  engine::Entity khaled{"khaled_al_masoud", "person",
                        {{"en", "Khaled al-Masoud", engine::no_source}, {"ar", "خالد المسعود", 0}, {"he", "חאלד אל-מסעוד", 1}, {"ar", "خالد المسعود", engine::no_source}},
                        {{"خالد المسعود", "Khaled al-Masoud", 0, engine::no_source, "the same name in Arabic and Latin script"},
                         {"חאלד אל-מסעוד", "خالد المسعود", 1, 0, "the same name in Hebrew and Arabic script"}}};
  engine::Entity karim{"abdul_karim_al_masoud", "person", {{"en", "Abdul Karim al-Masoud", engine::no_source}}, {}};
  c.entities = {khaled, karim};
  c.ambiguous = {{"אל־מסעוד", 1, {0, 1}}};
  return c;
}

}  // namespace

TEST_CASE("the entity table in text: names by language with their sources, joins, ambiguous names") {
  auto c = resolved_corpus();
  auto text = render_entities_text(c, select_entities(c, {}), Style{}, false);
  CHECK(text.find("khaled_al_masoud (person)\n") == 0);
  // A name written by a source and by entities.json is listed once, with both.
  CHECK(text.find("  ar  \u2068خالد المسعود\u2069  ap-ar, entities.json\n") != std::string::npos);
  CHECK(text.find("  en  Khaled al-Masoud  entities.json\n") != std::string::npos);
  CHECK(text.find("joined \u201c\u2068חאלד אל-מסעוד\u2069\u201d (he-report) and \u201c\u2068خالد المسعود\u2069\u201d (ap-ar): the same name in Hebrew and Arabic script") !=
        std::string::npos);
  CHECK(text.find("\u201c\u2068אל־מסעוד\u2069\u201d in he-report could be khaled_al_masoud (Khaled al-Masoud), abdul_karim_al_masoud (Abdul Karim al-Masoud)") !=
        std::string::npos);
  CHECK(text.ends_with("summary: 2 entities, 1 joined from several names (2 joins), 1 ambiguous name\n"));

  SECTION("--quiet keeps the summary only") {
    CHECK(render_entities_text(c, select_entities(c, {}), Style{}, true) == "summary: 2 entities, 1 joined from several names (2 joins), 1 ambiguous name\n");
  }
  SECTION("a source keeps the entities it names and its ambiguous names") {
    auto only_ar = select_entities(c, {0});
    CHECK(only_ar.entities == std::vector<std::uint32_t>{0});
    CHECK(only_ar.ambiguous.empty());
    CHECK(select_entities(c, {1}).ambiguous == std::vector<std::size_t>{0});
  }
}

TEST_CASE("the entity table in JSON") {
  auto c = resolved_corpus();
  auto j = nlohmann::json::parse(render_entities_json(c, select_entities(c, {})));
  auto const& k = j.at("entities").at(0);
  CHECK(k.at("id") == "khaled_al_masoud");
  CHECK(k.at("display") == "Khaled al-Masoud");
  auto const& ar = k.at("names").at(0);
  CHECK(ar.at("language") == "ar");
  CHECK(ar.at("sources") == nlohmann::json::array({"ap-ar"}));
  CHECK(ar.at("corpus") == true);
  auto const& join = k.at("joins").at(0);
  CHECK(join.at("a").at("source") == "ap-ar");
  CHECK(join.at("b").at("source").is_null());
  CHECK(join.at("why") == "the same name in Arabic and Latin script");
  auto const& amb = j.at("ambiguous").at(0);
  CHECK(amb.at("source") == "he-report");
  CHECK(amb.at("candidates").size() == 2);
  CHECK(amb.at("candidates").at(1).at("id") == "abdul_karim_al_masoud");
  CHECK(j.at("summary") == nlohmann::json{{"entities", 2}, {"joined", 1}, {"joins", 2}, {"ambiguous", 1}, {"lonely", 0}});
}
