// A rule that copies one relation whole, and a query counted from the relation it copies.
#include <catch2/catch.hpp>

#include "nogood/engine/evaluate.hpp"
#include "nogood/session.hpp"
#include "run_program.hpp"

using testing::facts_json;

namespace {

char const* const rules = R"(
pred e(x: int, y: int).
p(X, Y) :- e(X, Y).
p(X, Z) :- p(X, Y), e(Y, Z).
whole(X, Y) :- p(X, Y).
swapped(Y, X) :- p(X, Y).
loops(X, X) :- p(X, X).
starts(X) :- p(X, _).
rising(X, Y) :- p(X, Y), X < Y.
from_claims(X, Y) :- e(X, Y).
constraint query "{X} {Y}" severity info :- p(X, Y).
)";

std::uint32_t rule_for(nogood::engine::Program const& program, std::string const& head) {
  for (std::uint32_t r = 0; r < program.rules.size(); ++r)
    if (program.relations[program.rules[r].head].name == head) return r;
  FAIL("no rule for " << head);
  return 0;
}

}  // namespace

TEST_CASE("a rule copies a relation only when its head repeats the body atom's distinct variables in order") {
  nogood::Inputs in;
  in.rules_text.emplace_back("test.rules", rules);
  nogood::Session session;
  REQUIRE(session.load(in));
  auto const& program = session.program();
  auto p = program.rules[rule_for(program, "p")].head;
  CHECK(nogood::engine::copied_relation(program.rules[rule_for(program, "whole")]) == p);
  CHECK(nogood::engine::copied_relation(program.rules[rule_for(program, "constraint query")]) == p);
  CHECK_FALSE(nogood::engine::copied_relation(program.rules[rule_for(program, "swapped")]));
  CHECK_FALSE(nogood::engine::copied_relation(program.rules[rule_for(program, "loops")]));
  CHECK_FALSE(nogood::engine::copied_relation(program.rules[rule_for(program, "starts")]));
  CHECK_FALSE(nogood::engine::copied_relation(program.rules[rule_for(program, "rising")]));
  // A claimed relation also holds each claim's source, claimant, certainty and id: a rule over
  // it keeps only some columns.
  CHECK_FALSE(nogood::engine::copied_relation(program.rules[rule_for(program, "from_claims")]));
}

TEST_CASE("a skipped rule derives nothing, and the relation it copies holds its answers") {
  nogood::Inputs in;
  in.rules_text.emplace_back("test.rules", rules);
  in.facts_text.emplace_back("f1.json", facts_json("s", {{"e", {1, 2}}, {"e", {2, 3}}, {"e", {3, 1}}, {"e", {3, 4}}}));
  nogood::Session session;
  REQUIRE(session.load(in));
  auto const& program = session.program();
  auto query = rule_for(program, "constraint query");
  auto copied = nogood::engine::copied_relation(program.rules[query]);
  REQUIRE(copied);
  session.skip_rule(query);
  REQUIRE(session.evaluate());
  auto const& db = session.database();
  CHECK(db.relations[program.rules[query].head].size() == 0);
  CHECK(db.relations[*copied].size() == 12);  // 1, 2 and 3 each reach all four nodes; 4 reaches none
  CHECK(db.relations[program.rules[rule_for(program, "whole")].head].size() == 12);
}
