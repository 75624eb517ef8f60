// A fact is a fact once: repeated background facts and repeated records of one source change
// no aggregate, `query`-style relations and aggregates agree, and each repeat is reported (W0401).
#include <catch2/catch.hpp>

#include "nogood/engine/duplicates.hpp"
#include "nogood/session.hpp"
#include "run_program.hpp"

using testing::run_program;
using testing::TupleSet;

namespace {

std::vector<nogood::Diagnostic> warnings_of(std::string const& rules, std::vector<std::pair<std::string, std::string>> facts = {}) {
  nogood::Inputs in;
  in.rules_text.emplace_back("test.rules", rules);
  in.facts_text = std::move(facts);
  nogood::Session session;
  REQUIRE(session.load(in));
  std::vector<nogood::Diagnostic> out;
  for (auto const& d : session.diagnostics().all())
    if (d.code == "W0401") out.push_back(d);
  return out;
}

}  // namespace

TEST_CASE("a background fact stated twice is counted and summed once") {
  auto run = run_program(R"(
pred n(x: int).
n(0). n(0). n(1).
c(C) :- C = count : { n(_) }.
s(S) :- S = sum(X) : { n(X) }.
m(X) :- n(X).
)");
  REQUIRE(run.ok);
  CHECK(run.relations["c"] == TupleSet{{2}});
  CHECK(run.relations["s"] == TupleSet{{1}});
  CHECK(run.relations["m"] == TupleSet{{0}, {1}});
}

TEST_CASE("a source repeating a record is counted once; other sources, claimants and certainties stay apart") {
  std::string const rules = R"(
pred e(x: int).
per_source(S, N) :- source(S, _, _, _), N = count : { e(_) @ S }.
all(N) :- N = count : { e(_) @ _ }.
)";
  auto const s1 = R"({"nogood": 1, "source": {"id": "s1"}, "facts": [
    {"pred": "e", "args": [1], "quote": "one"}, {"pred": "e", "args": [1], "quote": "one again"},
    {"pred": "e", "args": [1], "by": "police"}, {"pred": "e", "args": [1], "certainty": "alleged"},
    {"pred": "e", "args": [1], "by": "police"}]})";
  auto const s2 = R"({"nogood": 1, "source": {"id": "s2"}, "facts": [{"pred": "e", "args": [1]}]})";
  auto run = run_program(rules, {s1, s2});
  REQUIRE(run.ok);
  // s1: the own-voice claim, the police's, the alleged one; s2 its own.
  CHECK(run.relations["per_source"] == TupleSet{{0, 3}, {1, 1}});
  CHECK(run.relations["all"] == TupleSet{{4}});
}

TEST_CASE("a repeated denial is one denial, and a denial does not repeat a claim") {
  auto run = run_program(R"(
pred e(x: int).
-e(1). -e(1). e(1).
d(N) :- N = count : { -e(_) }.
c(N) :- N = count : { e(_) }.
)");
  REQUIRE(run.ok);
  CHECK(run.relations["d"] == TupleSet{{1}});
  CHECK(run.relations["c"] == TupleSet{{1}});
}

TEST_CASE("each repeat is reported with where the first one is, and many repeats in one summary") {
  SECTION("a background fact points at both statements") {
    auto w = warnings_of("pred n(x: int).\nn(0).\nn(0).\n");
    REQUIRE(w.size() == 1);
    CHECK(w[0].message == "background fact `n(0)` is stated twice");
    REQUIRE(w[0].primary);
    REQUIRE(w[0].secondary.size() == 1);
    CHECK(w[0].secondary[0].span.begin < w[0].primary->span.begin);
  }
  SECTION("a facts file record names its pointer and the first one's") {
    auto w = warnings_of("pred e(x: int).\n", {{"f.json", R"({"nogood": 1, "source": {"id": "s1"}, "facts": [
      {"pred": "e", "args": [1], "quote": "a"}, {"pred": "e", "args": [2]}, {"pred": "e", "args": [1], "quote": "b"}]})"}});
    REQUIRE(w.size() == 1);
    CHECK(w[0].message == "source `s1` claims `e(1)` twice");
    CHECK(w[0].file_name == "f.json");
    CHECK(w[0].json_pointer == "/facts/2");
    REQUIRE(w[0].notes.size() == 3);
    CHECK(w[0].notes[0].find("f.json at /facts/0") != std::string::npos);
    CHECK(w[0].notes[2].find("first claim's quote") != std::string::npos);
  }
  SECTION("past ten repeats, the rest are summed up in one warning") {
    std::string facts = R"({"nogood": 1, "source": {"id": "s1"}, "facts": [)";
    for (int i = 0; i < 25; ++i) facts += std::string(i ? ", " : "") + R"({"pred": "e", "args": [7]})";
    auto w = warnings_of("pred e(x: int).\n", {{"f.json", facts + "]}"}});
    REQUIRE(w.size() == 11);
    CHECK(w[10].message == "14 more claims repeat earlier ones and are dropped");
  }
}

TEST_CASE("dropping repeats keeps the first claim of each and the order of the rest") {
  nogood::engine::Corpus corpus;
  corpus.reserve_predicates(1);
  auto add = [&](nogood::engine::Value v, std::uint32_t source) {
    nogood::engine::Claim c;
    c.source = source;
    corpus.positive[0].values.push_back(v);
    corpus.positive[0].claims.push_back(corpus.add_claim(c, {}));
  };
  add(5, 0), add(6, 0), add(5, 0), add(5, 1), add(6, 0), add(7, 0);
  auto repeats = nogood::engine::drop_duplicate_claims(corpus);
  CHECK(corpus.positive[0].values == std::vector<nogood::engine::Value>{5, 6, 5, 7});
  CHECK(corpus.positive[0].claims == std::vector<std::uint32_t>{0, 1, 3, 5});
  REQUIRE(repeats.size() == 2);
  CHECK((repeats[0].claim == 2 && repeats[0].first == 0 && repeats[0].row == 0));
  CHECK((repeats[1].claim == 4 && repeats[1].first == 1 && repeats[1].row == 1));
}
