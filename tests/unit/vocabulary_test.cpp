// Closed vocabularies: a value outside its argument's vocabulary is an error in rules (E0227)
// and in facts (E0330); derived arguments take the vocabulary every rule agrees on.
#include <catch2/catch.hpp>

#include "nogood/session.hpp"
#include "run_program.hpp"

using testing::run_program;
using testing::TupleSet;

namespace {

constexpr char const* declarations = R"(
vocabulary role_name = {informant, isis_leader, "al-Qaeda leader"}.
pred role(person: entity, role: role_name).
)";

struct Loaded {
  bool ok = false;
  std::vector<nogood::Diagnostic> diags;
  std::size_t count(std::string const& code) const {
    return std::count_if(diags.begin(), diags.end(), [&](auto const& d) { return d.code == code; });
  }
  nogood::Diagnostic const* first(std::string const& code) const {
    for (auto const& d : diags)
      if (d.code == code) return &d;
    return nullptr;
  }
};

Loaded load(std::string const& rules, std::vector<std::pair<std::string, std::string>> facts = {}) {
  nogood::Inputs in;
  in.rules_text.emplace_back("test.rules", std::string(declarations) + rules);
  in.facts_text = std::move(facts);
  nogood::Session session;
  Loaded out;
  out.ok = session.load(in);
  out.diags = session.diagnostics().all();
  return out;
}

std::string facts_with_role(std::string const& role) {
  return R"({"nogood": 1, "source": {"id": "a"}, "entities": [{"id": "k", "names": ["Khaled"]}],
             "facts": [{"pred": "role", "args": ["k", ")" + role + R"("]}]})";
}

}  // namespace

TEST_CASE("vocabulary: values inside it pass, in atoms, comparisons and aggregates") {
  auto r = load(R"(
sourced(P, R) :- role(P, R) @ _.
lead(P) :- sourced(P, isis_leader).
constraint c :- role(P, R) @ S, R != "al-Qaeda leader", not role(P, informant) @ S,
                N = count : { role(P, R2) @ S, R2 = informant }, N = 0.
)");
  INFO((r.diags.empty() ? "" : r.diags.front().message));
  CHECK(r.ok);
  CHECK(r.count("E0227") == 0);
}

TEST_CASE("vocabulary: a value outside it is E0227 with the nearest value") {
  auto atom = load("lead(P) :- role(P, isis_leadr) @ _.\n");
  CHECK_FALSE(atom.ok);
  REQUIRE(atom.first("E0227"));
  CHECK(atom.first("E0227")->message == "`isis_leadr` is not in vocabulary `role_name`");
  CHECK(atom.first("E0227")->help.value_or("").find("did you mean `isis_leader`?") == 0);

  auto compared = load("constraint c :- role(P, R) @ _, R = informnt.\n");
  CHECK(compared.count("E0227") == 1);
  auto reversed = load("constraint c :- role(P, R) @ _, \"al-Qaeda\" != R.\n");
  CHECK(reversed.count("E0227") == 1);
  auto negated = load("constraint c :- role(P, informant) @ S, not role(P, leader) @ S.\n");
  CHECK(negated.count("E0227") == 1);
  auto in_aggregate = load("constraint c :- role(P, _) @ S, N = count : { role(P, R) @ S, R = spy }, N > 0.\n");
  CHECK(in_aggregate.count("E0227") == 1);
  auto background = load("role(khaled, spy).\n");
  CHECK(background.count("E0227") == 1);
  // Far from every value: the values are listed instead.
  REQUIRE(background.first("E0227"));
  CHECK(background.first("E0227")->help.value_or("").find("the values of `role_name` are `al-Qaeda leader`, `informant`, `isis_leader`") == 0);
}

TEST_CASE("vocabulary: derived arguments take the vocabulary their rules agree on") {
  auto through = load("sourced(P, R) :- role(P, R) @ _.\nsure(P, R) :- sourced(P, R).\nx(P) :- sure(P, spy).\n");
  CHECK(through.count("E0227") == 1);
  // A constant head adds no vocabulary of its own, and is checked against the others'.
  auto head = load("sourced(P, R) :- role(P, R) @ _.\nsourced(P, spy) :- role(P, informant) @ _.\n");
  CHECK(head.count("E0227") == 1);
  // Recursion keeps it.
  auto recursive = load("pred link(a: entity, b: entity).\nr(P, R) :- role(P, R) @ _.\nr(Q, R) :- r(P, R), link(P, Q).\nx(P) :- r(P, spy).\n");
  CHECK(recursive.count("E0227") == 1);
  // Rules that disagree (one gives any symbol) leave the argument open.
  auto open = load("pred note(p: entity, s: symbol).\nany(P, R) :- role(P, R) @ _.\nany(P, S) :- note(P, S).\nx(P) :- any(P, spy).\n");
  CHECK(open.count("E0227") == 0);
}

TEST_CASE("vocabulary: declaration errors") {
  auto twice = load("vocabulary role_name = {a}.\n");
  CHECK(twice.count("E0228") == 1);
  auto builtin = load("vocabulary symbol = {a}.\n");
  CHECK(builtin.count("E0228") == 1);
  auto repeated = load("vocabulary level = {low, high, low}.\npred p(l: level).\n");
  CHECK(repeated.ok);
  CHECK(repeated.count("W0203") == 1);
  auto unused = load("vocabulary level = {low, high}.\n");
  CHECK(unused.ok);
  CHECK(unused.count("W0204") == 1);
  auto typo = load("pred p(x: role_nme).\n");
  REQUIRE(typo.first("E0106"));
  CHECK(typo.first("E0106")->help.value_or("") == "did you mean `role_name`?");
  auto alias = load("pred p(x: integer).\n");
  REQUIRE(alias.first("E0106"));
  CHECK(alias.first("E0106")->help.value_or("") == "did you mean `int`?");
}

TEST_CASE("vocabulary: facts outside it are E0330, located; inside, they load") {
  auto bad = load("", {{"a.json", facts_with_role("informnt")}});
  CHECK_FALSE(bad.ok);
  REQUIRE(bad.first("E0330"));
  CHECK(bad.first("E0330")->message == "`informnt` is not in vocabulary `role_name`, the type of argument `role` of `role`");
  CHECK(bad.first("E0330")->help.value_or("").find("did you mean `informant`?") == 0);
  CHECK(bad.first("E0330")->primary);
  auto good = load("", {{"a.json", facts_with_role("al-Qaeda leader")}});
  CHECK(good.ok);
  CHECK(good.count("E0330") == 0);
}

TEST_CASE("vocabulary: a restricted argument evaluates like a symbol") {
  auto run = run_program(std::string(declarations) + "lead(P) :- role(P, isis_leader) @ _.\n",
                         {R"({"nogood": 1, "source": {"id": "a"}, "entities": [{"id": "k", "names": ["Khaled"]}, {"id": "m", "names": ["Mahmoud"]}],
                              "facts": [{"pred": "role", "args": ["k", "isis_leader"]}, {"pred": "role", "args": ["m", "informant"]}]})"});
  INFO(run.errors);
  REQUIRE(run.ok);
  CHECK(run.relations["lead"].size() == 1);
}
