// A fact derived several ways in one round is explained by its least derivation (DerivationOrder):
// what an explanation shows follows from the facts, not from the order of the files or of a join.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "run_program.hpp"

using testing::facts_json;
using testing::run_program;

namespace {

using Facts = std::vector<std::pair<std::string, std::vector<int>>>;

std::vector<std::vector<std::string>> explained(std::string const& rules, Facts const& facts) {
  testing::RunOptions options;
  options.explain = true;
  auto run = run_program(rules, {facts_json("s", facts)}, options);
  INFO(run.errors);
  REQUIRE(run.ok);
  CHECK(run.unverified.empty());
  std::vector<std::vector<std::string>> out;
  for (auto const& proof : run.proofs) out.push_back(testing::proof_statements(proof));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("a fact with several derivations in one round is explained by the least, whatever the order of the claims") {
  // Layers of four nodes, every node linked to every node of the next layer: each path from the
  // first layer to the last has many derivations of the same length.
  Facts facts;
  for (int layer = 0; layer < 4; ++layer)
    for (int a = 0; a < 4; ++a)
      for (int b = 0; b < 4; ++b) facts.push_back({"edge", {layer * 10 + a - 20, (layer + 1) * 10 + b - 20}});
  facts.push_back({"count", {7, 5}});
  facts.push_back({"count", {7, -3}});
  facts.push_back({"count", {7, 40}});
  facts.push_back({"count", {8, 12}});
  facts.push_back({"count", {8, 11}});
  std::string const rules = R"(
pred edge(from: int, to: int).
pred count(event: int, n: int).
path(X, Y) :- edge(X, Y).
path(X, Z) :- path(X, Y), edge(Y, Z).
constraint far "{X} reaches {Z}" :- path(X, Z), X < -15, Z > 15.
# Only that a count exists: the witness is the least row.
counted(E) :- count(E, _), E > 6.
constraint counted "{E} counted" :- counted(E).
# A part of the body sharing no variable with the rest: its least answer.
constraint big "{E} beside some count above 10" :- counted(E), count(_, _N), _N > 10.
)";
  auto const forward = explained(rules, facts);
  Facts reversed(facts.rbegin(), facts.rend());
  CHECK(explained(rules, reversed) == forward);
  Facts rotated = facts;
  std::rotate(rotated.begin(), rotated.begin() + 37, rotated.end());
  CHECK(explained(rules, rotated) == forward);

  // The least derivation of path(-20, 20): through -10, 0 and 10, the least node of each layer.
  auto const proof_of = [&](std::string const& verdict) {
    auto it = std::find_if(forward.begin(), forward.end(), [&](auto const& proof) { return proof.front() == verdict; });
    REQUIRE(it != forward.end());
    return *it;
  };
  CHECK(proof_of("-20 reaches 20") ==
        std::vector<std::string>{"-20 reaches 20", "path(-20, 20)", "path(-20, 10)", "path(-20, 0)", "path(-20, -10)",
                                 "edge(-20, -10) @ s", "edge(-10, 0) @ s", "edge(0, 10) @ s", "edge(10, 20) @ s",
                                 "-20 < -15   (X < -15)", "20 > 15   (Z > 15)"});
  // Ints compare as signed numbers: the witness of event 7 is -3, before 5 and 40.
  CHECK(proof_of("7 counted")[2] == "count(7, -3) @ s");
  // The part apart from the rest: (7, 40) comes before (8, 11) and (8, 12), event first.
  auto const big = proof_of("8 beside some count above 10");
  CHECK(std::find(big.begin(), big.end(), "count(7, 40) @ s") != big.end());
}
