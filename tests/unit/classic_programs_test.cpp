// Classic Datalog programs with answers known by hand, run through the whole pipeline.
#include <catch2/catch.hpp>

#include "run_program.hpp"

using testing::facts_json;
using testing::run_program;
using testing::TupleSet;

namespace {

// A graph with a cycle 1 -> 2 -> 3 -> 1, an exit 3 -> 4, and an island 5 -> 6.
std::string const graph = facts_json("s", {{"edge", {1, 2}}, {"edge", {2, 3}}, {"edge", {3, 1}}, {"edge", {3, 4}}, {"edge", {5, 6}}});

TupleSet const closure = {{1, 1}, {1, 2}, {1, 3}, {1, 4}, {2, 1}, {2, 2}, {2, 3}, {2, 4},
                          {3, 1}, {3, 2}, {3, 3}, {3, 4}, {5, 6}};

}  // namespace

TEST_CASE("transitive closure: left-linear, right-linear and non-linear give the same relation") {
  auto rule = GENERATE(std::string("tc(X, Y) :- tc(X, Z), edge(Z, Y)."), std::string("tc(X, Y) :- edge(X, Z), tc(Z, Y)."),
                       std::string("tc(X, Y) :- tc(X, Z), tc(Z, Y)."));
  INFO(rule);
  auto run = run_program("pred edge(from: int, to: int).\ntc(X, Y) :- edge(X, Y).\n" + rule + "\n", {graph});
  REQUIRE(run.ok);
  CHECK(run.relations["tc"] == closure);
}

TEST_CASE("same generation in a family tree") {
  // 1 has children 2 and 3; 2 has 4 and 5; 3 has 6; 6 has 7.
  auto facts = facts_json("s", {{"parent", {2, 1}}, {"parent", {3, 1}}, {"parent", {4, 2}}, {"parent", {5, 2}},
                                {"parent", {6, 3}}, {"parent", {7, 6}}});
  auto run = run_program(R"(
pred parent(child: int, parent: int).
sg(X, Y) :- parent(X, P), parent(Y, P), X != Y.
sg(X, Y) :- parent(X, XP), sg(XP, YP), parent(Y, YP).
)",
                         {facts});
  REQUIRE(run.ok);
  CHECK(run.relations["sg"] == TupleSet{{2, 3}, {3, 2}, {4, 5}, {5, 4}, {4, 6}, {6, 4}, {5, 6}, {6, 5}});
}

TEST_CASE("negation on a graph: the nodes a root cannot reach, as relation and as verdicts") {
  auto facts = facts_json("s", {{"node", {1}}, {"node", {2}}, {"node", {3}}, {"node", {4}}, {"node", {5}}, {"node", {6}},
                                {"node", {7}}, {"edge", {1, 2}}, {"edge", {2, 3}}, {"edge", {4, 5}}, {"edge", {5, 4}},
                                {"edge", {6, 1}}});
  auto run = run_program(R"(
pred node(n: int).
pred edge(from: int, to: int).
root(1).
pred root(n: int).
reach(X) :- root(X).
reach(Y) :- reach(X), edge(X, Y).
unreachable(X) :- node(X), not reach(X).
constraint cut_off "{X} cannot be reached" severity warning :- node(X), not reach(X).
)",
                         {facts});
  REQUIRE(run.ok);
  CHECK(run.relations["reach"] == TupleSet{{1}, {2}, {3}});
  CHECK(run.relations["unreachable"] == TupleSet{{4}, {5}, {6}, {7}});
  REQUIRE(run.verdicts.size() == 4);
  std::set<std::string> messages;
  for (auto const& v : run.verdicts) messages.insert(run.session->message(v));
  CHECK(messages == std::set<std::string>{"4 cannot be reached", "5 cannot be reached", "6 cannot be reached", "7 cannot be reached"});
}

TEST_CASE("mutual recursion: even and odd along a chain") {
  auto facts = facts_json("s", {{"succ", {0, 1}}, {"succ", {1, 2}}, {"succ", {2, 3}}, {"succ", {3, 4}}, {"succ", {4, 5}}, {"succ", {5, 6}}});
  auto run = run_program(R"(
pred succ(a: int, b: int).
even(0) :- succ(0, _).
even(Y) :- odd(X), succ(X, Y).
odd(Y) :- even(X), succ(X, Y).
)",
                         {facts});
  REQUIRE(run.ok);
  CHECK(run.relations["even"] == TupleSet{{0}, {2}, {4}, {6}});
  CHECK(run.relations["odd"] == TupleSet{{1}, {3}, {5}});
}

TEST_CASE("aggregates per group: count, sum, min and max, with an empty group") {
  // Departments 1, 2, 3; department 3 has nobody.
  auto facts = facts_json("s", {{"dept", {1}}, {"dept", {2}}, {"dept", {3}}, {"works_in", {10, 1}}, {"works_in", {11, 1}},
                                {"works_in", {12, 1}}, {"works_in", {20, 2}}, {"salary", {10, 300}}, {"salary", {11, 100}},
                                {"salary", {12, 200}}, {"salary", {20, 500}}});
  auto run = run_program(R"(
pred dept(d: int).
pred works_in(person: int, dept: int).
pred salary(person: int, amount: int).
size(D, N) :- dept(D), N = count : { works_in(_, D) }.
payroll(D, T) :- dept(D), T = sum(S) : { works_in(P, D), salary(P, S) }.
lowest(D, M) :- dept(D), M = min(S) : { works_in(P, D), salary(P, S) }.
highest(D, M) :- dept(D), M = max(S) : { works_in(P, D), salary(P, S) }.
big(D) :- size(D, N), N >= 2.
constraint understaffed "department {D} has {N} people" :- dept(D), N = count : { works_in(_, D) }, N < 2.
)",
                         {facts});
  REQUIRE(run.ok);
  CHECK(run.relations["size"] == TupleSet{{1, 3}, {2, 1}, {3, 0}});
  CHECK(run.relations["payroll"] == TupleSet{{1, 600}, {2, 500}, {3, 0}});
  CHECK(run.relations["lowest"] == TupleSet{{1, 100}, {2, 500}});  // no minimum of nothing
  CHECK(run.relations["highest"] == TupleSet{{1, 300}, {2, 500}});
  CHECK(run.relations["big"] == TupleSet{{1}});
  CHECK(run.relations["constraint understaffed"] == TupleSet{{2, 1}, {3, 0}});
  REQUIRE(run.verdicts.size() == 2);
}

TEST_CASE("count counts claims: the same fact from two sources counts twice") {
  auto s1 = facts_json("s1", {{"seen", {7}}});
  auto s2 = facts_json("s2", {{"seen", {7}}, {"seen", {8}}});
  auto run = run_program(R"(
pred seen(x: int).
claims(N) :- N = count : { seen(_) }.
claims_of(X, N) :- seen(X), N = count : { seen(X) }.
facts(X) :- seen(X).
)",
                         {s1, s2});
  REQUIRE(run.ok);
  CHECK(run.relations["claims"] == TupleSet{{3}});
  CHECK(run.relations["claims_of"] == TupleSet{{7, 2}, {8, 1}});
  CHECK(run.relations["facts"] == TupleSet{{7}, {8}});
}
