// accepted.json: entries are read in order with the place of each id; every malformed file is
// refused with a located diagnostic; what `nogood accept` writes reads back the same; and in a
// session, an acceptance follows its verdict's id: it survives edits that leave the bindings as
// they were, and goes stale (W0340) when they change.
#include <catch2/catch.hpp>

#include "nogood/facts/accepted.hpp"
#include "nogood/session.hpp"

namespace {

struct Loaded {
  std::optional<std::vector<nogood::engine::Acceptance>> entries;
  nogood::SourceManager sources;
  nogood::Diagnostics diags;
};

std::unique_ptr<Loaded> load(std::string text) {
  auto l = std::make_unique<Loaded>();
  l->entries = nogood::facts::load_accepted_text("accepted.json", std::move(text), l->sources, l->diags);
  return l;
}

constexpr char const* two_entries = R"({ "nogood": 1,
  "accepted": [
    { "id": "capture_place-4c615ea0a9ff", "reason": "two raids", "by": "rana", "date": "2026-01-01" },
    { "id": "informant_vs_leader-d800fe362066", "reason": "cover story", "by": "omar", "date": "2026-01-02" } ] })";

constexpr char const* rules = R"(pred captured_at(person: entity, place: entity).
unique captured_at(person -> place) across sources as capture_place
    "{Source1} and {Source2} disagree on where {Person} was captured: {Place1} vs {Place2}".
)";

std::string facts(std::string const& source, std::string const& place, std::string const& extra = "") {
  return R"({ "nogood": 1, "source": { "id": ")" + source + R"(" },
  "entities": [ { "id": "badri", "names": ["Ahmad al-Badri"] }, { "id": ")" + place + R"(", "names": [")" + place + R"("] } )" + extra + R"( ],
  "facts": [ { "pred": "captured_at", "args": ["badri", ")" + place + R"("] } ] })";
}

}  // namespace

TEST_CASE("accepted.json entries are read in file order, each with where its id is") {
  auto l = load(two_entries);
  REQUIRE(l->entries);
  REQUIRE(l->entries->size() == 2);
  auto const& a = l->entries->at(0);
  CHECK(a.id == "capture_place-4c615ea0a9ff");
  CHECK(a.reason == "two raids");
  CHECK(a.by == "rana");
  CHECK(a.date == "2026-01-01");
  CHECK(l->entries->at(1).by == "omar");
  auto at = l->sources.line_col(l->entries->at(1).span.file, l->entries->at(1).span.begin);
  CHECK(at.line == 4);
  CHECK(at.column == 13);
  CHECK(l->diags.all().empty());
}

TEST_CASE("an empty list accepts nothing") {
  auto l = load(R"({ "nogood": 1, "accepted": [] })");
  REQUIRE(l->entries);
  CHECK(l->entries->empty());
}

TEST_CASE("a malformed accepted.json is refused with a located diagnostic") {
  auto [code, text] = GENERATE(table<std::string, std::string>({
      {"E0301", R"({ "nogood": 1, "accepted": [ { "id": "a-0123456789ab" ] })"},
      {"E0303", R"([ { "id": "a-0123456789ab" } ])"},
      {"E0304", R"({ "nogood": 2, "accepted": [] })"},
      {"E0304", R"({ "accepted": [] })"},
      {"E0302", R"({ "nogood": 1 })"},
      {"E0303", R"({ "nogood": 1, "accepted": {} })"},
      {"E0320", R"({ "nogood": 1, "accepted": [], "acepted": [] })"},
      {"E0320", R"({ "nogood": 1, "accepted": [ { "id": "a-0123456789ab", "reason": "r", "by": "b", "date": "2026-01-01", "note": "" } ] })"},
      {"E0302", R"({ "nogood": 1, "accepted": [ { "id": "a-0123456789ab", "by": "b", "date": "2026-01-01" } ] })"},
      {"E0303", R"({ "nogood": 1, "accepted": [ { "id": "a-0123456789ab", "reason": "r", "by": 7, "date": "2026-01-01" } ] })"},
      {"E0303", R"({ "nogood": 1, "accepted": [ "a-0123456789ab" ] })"},
      {"E0340", R"({ "nogood": 1, "accepted": [ { "id": "a-0123456789ab", "reason": "  ", "by": "b", "date": "2026-01-01" } ] })"},
      {"E0340", R"({ "nogood": 1, "accepted": [ { "id": "", "reason": "r", "by": "b", "date": "2026-01-01" } ] })"},
      {"E0307", R"({ "nogood": 1, "accepted": [ { "id": "a-0123456789ab", "reason": "r", "by": "b", "date": "2026-02-30" } ] })"},
      {"E0307", R"({ "nogood": 1, "accepted": [ { "id": "a-0123456789ab", "reason": "r", "by": "b", "date": "2026-01-01T10:00" } ] })"},
      {"E0306", R"({ "nogood": 1, "accepted": [ { "id": "a-0123456789ab", "reason": "r", "by": "b", "date": "2026-01-01" },
                                                 { "id": "a-0123456789ab", "reason": "s", "by": "c", "date": "2026-01-02" } ] })"},
      {"E0318", "\xEF\xBB\xBF{ \"nogood\": 1, \"accepted\": [] }"},
      {"E0317", "{ \"nogood\": 1, \"accepted\": [ \"\xC3\" ] }"},
  }));
  CAPTURE(code, text);
  auto l = load(text);
  CHECK_FALSE(l->entries);
  REQUIRE_FALSE(l->diags.all().empty());
  auto const& d = l->diags.all().front();
  CHECK(d.code == code);
  // Located: a span gives file:line:column.
  REQUIRE(d.primary);
  CHECK(d.primary->span.valid());
  CHECK(d.help);
}

TEST_CASE("what nogood accept writes reads back the same") {
  std::vector<nogood::engine::Acceptance> entries{
      {"capture_place-4c615ea0a9ff", "two raids \"a day\" apart", "rana", "2026-01-01", {}},
      {"informant_vs_leader-d800fe362066", "غطاء", "omar", "2026-01-02", {}}};
  auto l = load(nogood::accepted_file_text(entries));
  REQUIRE(l->entries);
  REQUIRE(l->entries->size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(l->entries->at(i).id == entries[i].id);
    CHECK(l->entries->at(i).reason == entries[i].reason);
    CHECK(l->entries->at(i).by == entries[i].by);
    CHECK(l->entries->at(i).date == entries[i].date);
  }
}

namespace {

struct Run {
  std::unique_ptr<nogood::Session> session = std::make_unique<nogood::Session>();
  std::vector<nogood::Diagnostic> stale;
};

Run run(std::string const& wire, std::string const& daily, std::string const& accepted) {
  Run r;
  nogood::Inputs in;
  in.rules_text.emplace_back("test.rules", rules);
  in.facts_text = {{"daily.json", daily}, {"wire.json", wire}};
  in.accepted_text = {"accepted.json", accepted};
  REQUIRE(r.session->load(in));
  REQUIRE(r.session->evaluate());
  r.session->build_verdicts();
  for (auto const& d : r.session->diagnostics().all())
    if (d.code == "W0340") r.stale.push_back(d);
  return r;
}

std::string accepting(std::string const& id) {
  return R"({ "nogood": 1, "accepted": [ { "id": ")" + id + R"(", "reason": "two raids", "by": "rana", "date": "2026-01-01" } ] })";
}

}  // namespace

TEST_CASE("an acceptance follows its verdict's id across edits of the facts") {
  auto first = run(facts("wire", "dumayr"), facts("daily", "qalamoun"), R"({ "nogood": 1, "accepted": [] })");
  REQUIRE(first.session->verdicts().size() == 1);
  auto const id = first.session->verdicts().front().id();
  CHECK(first.session->acceptance(first.session->verdicts().front()) == nullptr);

  SECTION("accepted, the verdict is marked and nothing is stale") {
    auto again = run(facts("wire", "dumayr"), facts("daily", "qalamoun"), accepting(id));
    REQUIRE(again.session->verdicts().size() == 1);
    auto const* a = again.session->acceptance(again.session->verdicts().front());
    REQUIRE(a);
    CHECK(a->by == "rana");
    CHECK(again.stale.empty());
  }
  SECTION("an unrelated edit (a new entity, another source's outlet) keeps the id and the acceptance") {
    auto edited = run(facts("wire", "dumayr", R"(, { "id": "khaled", "names": ["Khaled al-Masoud"] })"), facts("daily", "qalamoun"),
                      accepting(id));
    REQUIRE(edited.session->verdicts().size() == 1);
    CHECK(edited.session->verdicts().front().id() == id);
    CHECK(edited.session->acceptance(edited.session->verdicts().front()));
    CHECK(edited.stale.empty());
  }
  SECTION("changed bindings give a new id: the new verdict is not accepted and the old acceptance is stale") {
    auto changed = run(facts("wire", "dumayr"), facts("daily", "yabroud"), accepting(id));
    REQUIRE(changed.session->verdicts().size() == 1);
    CHECK(changed.session->verdicts().front().id() != id);
    CHECK(changed.session->acceptance(changed.session->verdicts().front()) == nullptr);
    REQUIRE(changed.stale.size() == 1);
    CHECK(changed.stale.front().severity == nogood::Severity::warning);
    CHECK(changed.stale.front().message.find(id) != std::string::npos);
    REQUIRE(changed.stale.front().primary);
    auto at = changed.session->sources().line_col(changed.stale.front().primary->span.file, changed.stale.front().primary->span.begin);
    CHECK(at.line == 1);
  }
}
