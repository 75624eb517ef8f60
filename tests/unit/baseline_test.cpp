// Comparing runs: a saved JSON report reads back as its verdicts; anything else is a located
// E0012; and a session compared with a baseline marks each verdict new or unchanged by id and
// lists the baseline's verdicts it no longer finds as resolved.
#include <catch2/catch.hpp>

#include "nogood/facts/saved_report.hpp"
#include "nogood/session.hpp"

namespace {

std::string report(std::string const& verdicts) { return R"({ "nogood": "0.1.0", "schema": 2, "manifest": {}, "verdicts": [ )" + verdicts + " ] }"; }

std::string saved(std::string const& id, std::string const& extra = "") {
  return R"({ "id": ")" + id + R"(", "rule": "r", "severity": "error", "message": "m", "sources": ["a", "b"])" + extra + " }";
}

}  // namespace

TEST_CASE("a saved report reads back as its verdicts, later fields passed over") {
  nogood::SourceManager sources;
  nogood::Diagnostics diags;
  auto r = nogood::facts::load_saved_report_text("old.json", report(saved("r-000000000001") + ", " +
                                                                     saved("r-000000000002", R"(, "accepted": {"reason": "x", "by": "y", "date": "2026-01-01"}, "future": 1)")),
                                                 sources, diags);
  REQUIRE(r);
  REQUIRE(r->verdicts.size() == 2);
  CHECK(r->verdicts[0].id == "r-000000000001");
  CHECK(r->verdicts[0].sources == std::vector<std::string>{"a", "b"});
  CHECK_FALSE(r->verdicts[0].accepted);
  CHECK(r->verdicts[1].accepted);
  CHECK(diags.all().empty());
}

TEST_CASE("what is no saved report is refused with a located diagnostic") {
  auto [code, text] = GENERATE(table<std::string, std::string>({
      {"E0301", R"({ "schema": 2, "verdicts": [ )"},
      {"E0012", R"([ 1 ])"},
      {"E0012", R"({ "nogood": 1, "source": { "id": "a" }, "facts": [] })"},
      {"E0012", R"({ "schema": 1, "verdicts": [] })"},
      {"E0303", R"({ "schema": 2, "verdicts": {} })"},
      {"E0303", R"({ "schema": 2, "verdicts": [ 7 ] })"},
      {"E0302", R"({ "schema": 2, "verdicts": [ { "id": "r-000000000001", "rule": "r", "severity": "error" } ] })"},
  }));
  CAPTURE(code, text);
  nogood::SourceManager sources;
  nogood::Diagnostics diags;
  CHECK_FALSE(nogood::facts::load_saved_report_text("old.json", text, sources, diags));
  REQUIRE_FALSE(diags.all().empty());
  auto const& d = diags.all().front();
  CHECK(d.code == code);
  REQUIRE(d.primary);
  CHECK(d.primary->span.valid());
}

TEST_CASE("a run compared with a baseline: new, unchanged and resolved by id") {
  nogood::Inputs in;
  in.rules_text.emplace_back("test.rules", R"(pred p(x: symbol).
constraint c "{X}" :- p(X) @ _S.
)");
  in.facts_text = {{"a.json", R"({ "nogood": 1, "source": { "id": "a" }, "facts": [ { "pred": "p", "args": ["one"] }, { "pred": "p", "args": ["two"] } ] })"}};
  nogood::Session session;
  REQUIRE(session.load(in));
  REQUIRE(session.evaluate());
  session.build_verdicts();
  REQUIRE(session.verdicts().size() == 2);
  CHECK_FALSE(session.is_new(session.verdicts()[0]));  // no baseline: nothing is new
  auto const kept = session.verdicts()[0].id();

  nogood::engine::SavedReport old{"old.json", {{kept, "c", "error", "one", {"a"}, false}, {"c-0123456789ab", "c", "error", "three", {"a"}, false}}};
  session.compare_with(old);
  REQUIRE(session.baseline());
  CHECK_FALSE(session.is_new(session.verdicts()[0]));
  CHECK(session.is_new(session.verdicts()[1]));
  REQUIRE(session.resolved().size() == 1);
  CHECK(session.resolved()[0]->id == "c-0123456789ab");
}
