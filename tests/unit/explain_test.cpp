// Explanations re-check every step against its rule, including values that assignments and
// aggregates compute (found by the differential test, which explains every verdict).
#include <catch2/catch.hpp>

#include <functional>

#include "run_program.hpp"

using testing::facts_json;
using testing::run_program;

namespace {

bool has(std::vector<std::string> const& v, std::string const& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("explanations recompute aggregates and assignments that are not columns") {
  auto facts = facts_json("s", {{"b", {1}}, {"b", {2}}, {"e", {1, 5}}, {"e", {2, 5}}, {"e", {2, 6}}});
  testing::RunOptions options;
  options.explain = true;
  auto run = run_program(R"(
pred b(x: int).
pred e(x: int, y: int).
many(X) :- b(X), N = count : { e(X, _) }, N >= 2.
constraint busy "{X} is busy" :- many(X).
constraint few "{X} has few edges" :- b(X), _N = count : { e(X, _) }, _N < 2.
constraint doubled :- _B = _A + 1, _A = X * 2, b(X), _B > 4.
constraint top "{X}: {M}" :- b(X), M = max(Y) : { e(X, Y) }.
)",
                         {facts}, options);
  REQUIRE(run.ok);
  REQUIRE(run.verdicts.size() == 5);
  INFO(run.unverified.size());
  CHECK(run.unverified.empty());
  for (std::size_t i = 0; i < run.verdicts.size(); ++i) {
    auto const& v = run.verdicts[i];
    auto shown = testing::proof_statements(run.proofs[i]);
    INFO(v.rule());
    if (v.rule() == "busy") CHECK(has(shown, "N = 2 over 2 matches   (N = count : { e(X, _) })"));
    if (v.rule() == "few") CHECK(has(shown, "_N = 1 over 1 match   (_N = count : { e(X, _) })"));
    if (v.rule() == "top") CHECK(has(shown, nogood::engine::unpack_int(v.bindings()[0].value) == 1 ? "M = 5 over 1 match   (M = max(Y) : { e(X, Y) })" : "M = 6 over 2 matches   (M = max(Y) : { e(X, Y) })"));
    if (v.rule() == "doubled") {
      CHECK(has(shown, "5 = 5   (_B = _A + 1)"));
      CHECK(has(shown, "4 = 4   (_A = X * 2)"));
    }
  }
}

TEST_CASE("explanations follow the values, not the order a body is written in") {
  // A comparison before the aggregate it tests, an assignment before the atom that gives its
  // input (inside an aggregate too), and an aggregate nested in another.
  auto facts = facts_json("s", {{"b", {1}}, {"b", {2}}, {"e", {1, 5}}, {"e", {2, 5}}, {"e", {2, 6}}});
  testing::RunOptions options;
  options.explain = true;
  auto run = run_program(R"(
pred b(x: int).
pred e(x: int, y: int).
constraint busy "{X}" :- _N >= 2, _N = count : { _Z = Y + 1, e(X, Y) }, b(X).
constraint shifted "{X}" :- _B > 6, _B = _A + 1, _A = _Y, e(X, _Y).
constraint nested "{N}" :- N = count : { b(Y), _M = count : { e(Y, _) }, _M >= 1 }.
)",
                         {facts}, options);
  REQUIRE(run.ok);
  CHECK(run.relations["constraint busy"] == testing::TupleSet{{2}});
  CHECK(run.relations["constraint shifted"] == testing::TupleSet{{2}});
  CHECK(run.relations["constraint nested"] == testing::TupleSet{{2}});
  REQUIRE(run.verdicts.size() == 3);
  CHECK(run.unverified == std::vector<std::string>{});
}

TEST_CASE("a nested aggregate whose value reads the enclosing body waits for it") {
  // min(Y) reads Y, which the enclosing count binds: it used to be counted first, with Y unset.
  auto facts = facts_json("s", {{"b", {1}}, {"b", {2}}, {"e", {1, 5}}});
  testing::RunOptions options;
  options.explain = true;
  auto run = run_program(R"(
pred b(x: int).
pred e(x: int, y: int).
constraint some "{N}" :- N = count : { b(Y), _M = min(Y) : { e(_, _) } }.
)",
                         {facts}, options);
  REQUIRE(run.ok);
  CHECK(run.relations["constraint some"] == testing::TupleSet{{2}});
  CHECK(run.unverified == std::vector<std::string>{});
}
