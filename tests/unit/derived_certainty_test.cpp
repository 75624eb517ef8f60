// A derived fact's certainty: the weakest of the facts one derivation rests on, every level some
// derivation gives, read with `certainty K`; explained with what it is the weakest of.
#include <catch2/catch.hpp>

#include <algorithm>

#include "run_program.hpp"

using testing::run_program;
using testing::TupleSet;

namespace {

constexpr int uncertain = 0, alleged = 1, reported = 2, asserted = 3;

// s1 claims b(1) asserted, b(2) alleged, e(1, 2) reported; s2 claims b(2) reported and e(2, 3)
// uncertain. The rules state b(3) in the background.
std::vector<std::string> facts() {
  return {R"({"nogood": 1, "source": {"id": "s1"}, "facts": [
      {"pred": "b", "args": [1]}, {"pred": "b", "args": [2], "certainty": "alleged"},
      {"pred": "e", "args": [1, 2], "certainty": "reported"}]})",
          R"({"nogood": 1, "source": {"id": "s2"}, "facts": [
      {"pred": "b", "args": [2], "certainty": "reported"},
      {"pred": "e", "args": [2, 3], "certainty": "uncertain"}]})"};
}

char const* const declarations = R"(
pred b(x: int).
pred e(x: int, y: int).
b(3).
)";

bool has(std::vector<std::string> const& v, std::string const& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("a derived fact holds at the weakest certainty of each derivation") {
  testing::RunOptions options;
  options.explain = true;
  auto run = run_program(std::string(declarations) + R"(
reach(X) :- b(X).
reach(Y) :- reach(X), e(X, Y).
constraint sure "{X} {K}" :- reach(X) certainty K.
)",
                         facts(), options);
  REQUIRE(run.ok);
  CHECK(run.unverified.empty());
  // b(2) twice (alleged, reported); 3 as background (asserted) and through e(2, 3) (uncertain).
  CHECK(run.relations.at("reach certainty") == TupleSet{{1, asserted}, {2, alleged}, {2, reported}, {3, asserted}, {3, uncertain}});
  // The predicate's own facts are one row each, whatever their certainties.
  CHECK(run.relations.at("reach") == TupleSet{{1}, {2}, {3}});
  CHECK(run.relations.at("constraint sure").size() == 5);
}

TEST_CASE("reading no derived certainty derives none") {
  auto run = run_program(std::string(declarations) + R"(
reach(X) :- b(X).
constraint any "{X}" :- reach(X), b(X) certainty _K, _K >= reported.
)",
                         facts());
  REQUIRE(run.ok);
  CHECK(!run.relations.count("reach certainty"));
  CHECK(run.relations.at("constraint any") == TupleSet{{1}, {2}, {3}});  // b(2) reported by s2
}

TEST_CASE("a constraint that hides the level gives one verdict per binding") {
  auto run = run_program(std::string(declarations) + R"(
r(X) :- b(X).
constraint once "{X}" :- r(X) certainty _K, _K >= alleged.
constraint surest "{X} {K}" :- r(X) certainty K, not (r(X) certainty K2, K2 > K).
)",
                         facts());
  REQUIRE(run.ok);
  CHECK(run.relations.at("constraint once") == TupleSet{{1}, {2}, {3}});
  CHECK(run.relations.at("constraint surest") == TupleSet{{1, asserted}, {2, reported}, {3, asserted}});
  CHECK(run.verdicts.size() == 6);
}

TEST_CASE("aggregates count facts, or facts at each level when they read it") {
  auto run = run_program(std::string(declarations) + R"(
r(X) :- b(X).
constraint facts "{N}" :- N = count : { r(_) }.
constraint levels "{N}" :- N = count : { r(_) certainty _ }.
)",
                         facts());
  REQUIRE(run.ok);
  CHECK(run.relations.at("constraint facts") == TupleSet{{3}});
  CHECK(run.relations.at("constraint levels") == TupleSet{{4}});
}

TEST_CASE("an explanation says what a certainty is the weakest of") {
  testing::RunOptions options;
  options.explain = true;
  auto run = run_program(std::string(declarations) + R"(
step(Y) @ S :- b(X) @ S, e(X, Y) @ S.
constraint weak "{Y} {K}" :- step(Y) @ s1 certainty K, not step(Y) @ _ certainty asserted.
)",
                         facts(), options);
  REQUIRE(run.ok);
  REQUIRE(run.verdicts.size() == 1);  // s1: b(1) asserted, e(1, 2) reported, so step(2) reported
  CHECK(run.unverified.empty());
  auto shown = testing::proof_statements(run.proofs[0]);
  CHECK(has(shown, "step(2) @ s1 certainty reported"));
  CHECK(has(shown, "certainty reported, the weakest of: b(X) @ S asserted, e(X, Y) @ S reported"));
  CHECK(has(shown, "no fact step(2) certainty asserted was found   (not step(Y) @ _ certainty asserted)"));
  // Claims show their claimants and certainties beneath.
  CHECK(has(shown, "e(1, 2) @ s1"));
  auto const& derived = run.proofs[0].children.front();
  CHECK(derived.kind == nogood::ProofNode::Kind::derived);
  CHECK(derived.certainty == "reported");
}
