// Bugs the differential test found, each as the smallest program that showed it.
#include <catch2/catch.hpp>

#include "nogood/engine/relation.hpp"
#include "run_program.hpp"

using testing::facts_json;
using testing::run_program;
using testing::RunOptions;
using testing::TupleSet;

TEST_CASE("a constraint's columns leave out variables local to its aggregates") {
  // Y only lives inside the count: a verdict has no single value for it, so it must not be a
  // column (it used to be, holding whatever the last counted row left behind).
  auto facts = facts_json("s", {{"g", {1}}, {"g", {2}}, {"e", {1, 2}}, {"e", {1, 3}}, {"e", {2, 2}}});
  auto run = run_program(R"(
pred g(x: int).
pred e(x: int, y: int).
constraint busy "{X} has {N} edges" :- g(X), N = count : { e(X, Y) }, N >= 1.
constraint top :- M = max(Y) : { e(_, Y) }.
)",
                         {facts});
  REQUIRE(run.ok);
  CHECK(run.relations["constraint busy"] == TupleSet{{1, 2}, {2, 1}});
  CHECK(run.relations["constraint top"] == TupleSet{{3}});
  REQUIRE(run.verdicts.size() == 3);
  for (auto const& v : run.verdicts) {
    std::vector<std::string> names;
    for (auto const& b : v.bindings()) names.emplace_back(b.name);
    CHECK(names == (v.rule() == "busy" ? std::vector<std::string>{"X", "N"} : std::vector<std::string>{"M"}));
  }
}

TEST_CASE("an aggregate whose target another literal binds groups by it and waits for it") {
  // X is bound by b(X) and is the aggregate's target: the count must be taken per X and
  // compared with it (it used to run before b(X), with X unbound inside the count).
  auto facts = facts_json("s", {{"b", {1}}, {"b", {2}}, {"b", {3}}, {"e", {1, 5}}, {"e", {2, 5}}, {"e", {2, 6}}, {"e", {3, 7}}});
  auto run = run_program(R"(
pred b(x: int).
pred e(x: int, y: int).
p(X) :- X = count : { e(X, _) }, b(X).
q(X, V) :- b(X), e(X, V), min(W) : { e(X, W) } = V.
)",
                         {facts});
  REQUIRE(run.ok);
  CHECK(run.relations["p"] == TupleSet{{1}, {2}});
  CHECK(run.relations["q"] == TupleSet{{1, 5}, {2, 5}, {3, 7}});
}

TEST_CASE("nested aggregates keep their own counts") {
  // The inner count used to reset the outer one's accumulator.
  auto facts = facts_json("s", {{"b", {-1}}, {"b", {2}}, {"b", {3}}});
  auto run = run_program(R"(
pred b(x: int).
above_some(N) :- N = count : { b(X), M = count : { b(Y), Y < X }, M >= 1 }.
ranks(S) :- S = sum(M) : { b(X), M = count : { b(Y), Y < X } }.
lowest_rank(R) :- R = min(M + 1) : { b(X), M = count : { b(Y), Y < X } }.
)",
                         {facts});
  REQUIRE(run.ok);
  CHECK(run.relations["above_some"] == TupleSet{{2}});
  CHECK(run.relations["ranks"] == TupleSet{{3}});  // 0 + 1 + 2
  CHECK(run.relations["lowest_rank"] == TupleSet{{1}});
}

TEST_CASE("types flow through chains of assignments written in any order") {
  // Written last to first, the chain used to leave V5 untyped (taken for a symbol): `q` could
  // not be typed, and `V5 - 0` read -1 as 4294967295 and stopped with an overflow error.
  auto facts = facts_json("s", {{"b", {-1}}, {"b", {2}}});
  auto run = run_program(R"(
pred b(x: int).
p(V0) :- V6 = V5 - 0, V5 = V4, V4 = V3, V3 = V2, V2 = V1, V1 = V0, b(V0), V6 < 0.
q(V6) :- V6 = V5, V5 = V4, V4 = V3, V3 = V2, V2 = V1, V1 = V0, b(V0).
)",
                         {facts});
  INFO(run.errors);
  REQUIRE(run.ok);
  CHECK(run.relations["p"] == TupleSet{{-1}});
  CHECK(run.relations["q"] == TupleSet{{-1}, {2}});
}

TEST_CASE("a fact of a derived predicate agrees with its rules on `@`") {
  // `p(7).` used to be derived as p(7) @ s (the first source, from an unset column), and
  // `q(8) @ s.` lost its source without a word.
  auto facts = facts_json("s", {{"b", {1}}});
  auto sourced = run_program("pred b(x: int).\np(X) @ S :- b(X) @ S.\np(7).\n", {facts});
  CHECK_FALSE(sourced.ok);
  CHECK(sourced.errors.find("E0208: the rules for `p` disagree on whether it has a source") != std::string::npos);
  auto unsourced = run_program("pred b(x: int).\nq(X) :- b(X).\nq(8) @ s.\n", {facts});
  CHECK_FALSE(unsourced.ok);
  CHECK(unsourced.errors.find("E0208: the rules for `q` disagree on whether it has a source") != std::string::npos);
  auto agreeing = run_program("pred b(x: int).\np(X) @ S :- b(X) @ S.\np(7) @ s.\nq(X) :- b(X).\nq(8).\n", {facts});
  REQUIRE(agreeing.ok);
  CHECK(agreeing.relations["p"] == TupleSet{{1, 0}, {7, 0}});
  CHECK(agreeing.relations["q"] == TupleSet{{1}, {8}});
}

TEST_CASE("a zero-arity relation holds at most one tuple, compared without touching its data") {
  // Its tuples have no values: the data pointer may be null, which memcmp must not be given
  // (UBSan reported it on generated programs with zero-arity predicates).
  nogood::engine::Relation rel(0);
  CHECK(rel.find(nullptr) == nogood::engine::no_row);
  CHECK(rel.insert(nullptr) == std::pair<nogood::engine::RowId, bool>{0, true});
  CHECK(rel.insert(nullptr) == std::pair<nogood::engine::RowId, bool>{0, false});
  CHECK(rel.find(nullptr) == 0);
  CHECK(rel.size() == 1);
  auto run = run_program("pred b(x: int).\nq :- b(_).\nr :- q, not b(9).\n", {facts_json("s", {{"b", {1}}, {"b", {2}}})});
  REQUIRE(run.ok);
  CHECK(run.relations["q"] == TupleSet{{}});
  CHECK(run.relations["r"] == TupleSet{{}});
}

TEST_CASE("the built-in source's columns are typed before arithmetic on them") {
  // `D = P + 30` with P from `source/4` was taken for int arithmetic (E0206): the built-in's
  // types were unknown while assignments were typed.
  auto run = run_program(R"(
pred seen(on: date).
late(S) :- source(S, _, _, P), D = P + 30, seen(X), X > D.
)",
                         {R"({"nogood": 1, "source": {"id": "a", "published": "2025-01-01"}, "facts": []})"});
  INFO(run.errors);
  REQUIRE(run.ok);
}

TEST_CASE("a variable an aggregate compares its count with is read by the aggregate") {
  // V2 is bound by the scan of b0 and then compared with the count: the scan's binding is
  // live although no later atom and not the head reads it (it was once dropped as unread).
  auto s1 = facts_json("s1", {{"b0", {2, 2}}, {"b0", {3, 4}}});
  auto s2 = facts_json("s2", {{"b0", {1, 3}}});
  auto run = run_program(R"(
pred b0(a0: int, a1: int).
p(A) :- b0(V0, V0), V2 = count : { b0(V0, V0) }, b0(V2, V3) @ s2, b0(A, 4) @ s1, V3 > 0.
)",
                         {s1, s2});
  REQUIRE(run.ok);
  CHECK(run.relations["p"] == TupleSet{{3}});
}

TEST_CASE("atoms that bind nothing read later are existence checks") {
  // `q :- e(_), e(_), e(_).` used to visit every combination of rows: 400 facts took 2 s.
  std::vector<std::pair<std::string, std::vector<int>>> rows;
  for (int i = 0; i < 400; ++i) rows.push_back({"e", {i}});
  std::vector<std::pair<std::string, std::vector<int>>> pairs;
  for (int i = 0; i < 400; ++i) pairs.push_back({"f", {i, i % 7}});
  auto facts = facts_json("s", rows);
  auto more = facts_json("t", pairs);
  RunOptions opts;
  opts.explain = true;
  auto run = run_program(R"(
pred e(x: int).
pred f(x: int, y: int).
q :- e(_), e(_), e(_).
r(X) :- e(X), f(X, Y), f(_, Y), f(Z, _), Z > 398.
constraint all_seven "{X}" :- e(X), X < 3, f(_, _), f(_, _).
)",
                         {facts, more}, opts);
  INFO(run.errors);
  REQUIRE(run.ok);
  CHECK(run.relations["q"] == TupleSet{{}});
  CHECK(run.relations["r"].size() == 400);
  CHECK(run.relations["constraint all_seven"] == TupleSet{{0}, {1}, {2}});
  CHECK(run.unverified.empty());  // the witness rows re-check as proofs
}

TEST_CASE("body parts that share no variable with the rest are found once per stratum") {
  // The flag pair shares no variable with the path: it used to be joined again for every new
  // path fact (a 500-node closure with 3,000 flags took 38 s). Its answers are kept, also when
  // it binds a head variable, and a part with more answers than kept is joined in place.
  std::vector<std::pair<std::string, testing::Tuple>> rows;
  for (int i = 0; i < 30; ++i) rows.push_back({"edge", {i, i + 1}});
  for (int i = 0; i < 200; ++i) rows.push_back({"flag", {i, i + 1000}});
  rows.push_back({"flag", {5000, 5001}});
  rows.push_back({"flag", {5001, 5000}});
  rows.push_back({"mark", {300}});
  rows.push_back({"mark", {301}});
  auto facts = facts_json("s", rows);
  std::string const rules = R"(
pred edge(x: int, y: int).
pred flag(x: int, y: int).
pred mark(x: int).
path(X, Y) :- edge(X, Y).
path(X, Z) :- path(X, Y), edge(Y, Z), flag(A, B), flag(B, A), A < B.
tagged(X, M) :- path(0, X), X > 28, mark(M), flag(M, _), M > 6.
tagged(X, M) :- path(0, X), X > 28, flag(A, M), flag(M, A).
none(X) :- path(0, X), flag(A, B), flag(B, A), A > B, A < 5000.
)";
  auto limit = GENERATE(std::size_t(1) << 22, std::size_t(2));
  INFO("answers kept: " << limit);
  RunOptions opts;
  opts.explain = true;
  opts.max_kept_answer_values = limit;
  auto run = run_program(rules, {facts, facts_json("t", {{"flag", {300, 9}}})}, opts);
  INFO(run.errors);
  REQUIRE(run.ok);
  CHECK(run.relations["path"].size() == 30 * 31 / 2);
  CHECK(run.relations["tagged"] == TupleSet{{29, 300}, {30, 300}, {29, 5000}, {30, 5000}, {29, 5001}, {30, 5001}});
  CHECK(run.relations["none"].empty());
  CHECK(run.unverified.empty());
}
