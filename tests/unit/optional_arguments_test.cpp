// Optional arguments: declared with `?` or a default, left out by facts, body atoms and heads;
// `absent` tests for an argument left out without a default.
#include <catch2/catch.hpp>

#include "nogood/rules/parse.hpp"
#include "nogood/session.hpp"
#include "run_program.hpp"

using testing::absent;
using testing::run_program;
using testing::TupleSet;

namespace {

// Entities k0, k1, k2 (ids in this order) and organisation o; roles as symbols.
constexpr char const* facts = R"({"nogood": 1, "source": {"id": "wire"},
  "entities": [{"id": "k0", "names": ["K0"]}, {"id": "k1", "names": ["K1"]}, {"id": "k2", "names": ["K2"]},
               {"id": "o", "names": ["O"]}],
  "facts": [{"pred": "role", "args": ["k0", "agent"]},
            {"pred": "role", "args": ["k1", "agent", "o"]},
            {"pred": "role", "args": ["k2", "agent", null, "former"]}]})";

constexpr char const* declaration = "pred role(person: entity, role: symbol, org: entity?, status: symbol = active).\n";

std::vector<std::string> codes(std::string const& rules, std::string const& facts_text = "") {
  nogood::Inputs in;
  in.rules_text.emplace_back("test.rules", rules);
  if (!facts_text.empty()) in.facts_text.emplace_back("f.json", facts_text);
  nogood::Session session;
  session.load(in);
  std::vector<std::string> out;
  for (auto const& d : session.diagnostics().all()) out.push_back(d.code);
  return out;
}

}  // namespace

TEST_CASE("optional arguments: the parser reads `?`, defaults and `absent`") {
  nogood::SourceManager sources;
  nogood::Diagnostics diags;
  auto file = sources.add("t.rules", "pred p(a: entity, b: symbol?, c: int = 3).\nq(X) :- p(X, absent), p(X, \"absent\").");
  auto program = nogood::rules::parse(sources, file, diags);
  REQUIRE(program);
  REQUIRE_FALSE(diags.has_errors());
  auto const& decl = std::get<nogood::ast::PredDecl>(program->statements[0]);
  CHECK_FALSE(decl.params[0].optional);
  CHECK(decl.params[1].optional);
  CHECK_FALSE(decl.params[1].default_value);
  REQUIRE(decl.params[2].default_value);
  CHECK(std::get<nogood::ast::IntLit>(*decl.params[2].default_value).value == 3);
  auto const& rule = std::get<nogood::ast::Rule>(program->statements[1]);
  auto const& first = std::get<nogood::ast::Atom>(rule.body[0]);
  auto const& second = std::get<nogood::ast::Atom>(rule.body[1]);
  CHECK(std::holds_alternative<nogood::ast::Absent>(first.args[1]));
  CHECK(std::holds_alternative<nogood::ast::StringLit>(second.args[1]));  // the symbol, quoted
}

TEST_CASE("optional arguments: facts leave them out; the default fills in, or absent") {
  testing::RunOptions options;
  options.symbols = {"agent", "active", "former"};
  auto run = run_program(std::string(declaration) + "all(P, R, O, S) :- role(P, R, O, S).", {facts}, options);
  INFO(run.errors);
  REQUIRE(run.ok);
  CHECK(run.relations["all"] == TupleSet{{0, 0, absent, 1}, {1, 0, 3, 1}, {2, 0, absent, 2}});
}

TEST_CASE("optional arguments: a body atom that leaves them out matches present and absent alike") {
  auto run = run_program(std::string(declaration) + "any(P) :- role(P, agent).\n"
                                                    "none(P) :- role(P, agent, absent).\n"
                                                    "named(P, O) :- role(P, agent, O), not role(P, agent, absent).",
                         {facts});
  INFO(run.errors);
  REQUIRE(run.ok);
  CHECK(run.relations["any"] == TupleSet{{0}, {1}, {2}});
  CHECK(run.relations["none"] == TupleSet{{0}, {2}});
  CHECK(run.relations["named"] == TupleSet{{1, 3}});
}

TEST_CASE("optional arguments: a head that leaves them out derives the default or absent") {
  testing::RunOptions options;
  options.symbols = {"plain", "starred"};
  auto run = run_program(std::string(declaration) +
                             "pred tagged(person: entity, org: entity?, mark: symbol = plain).\n"
                             "tagged(P) :- role(P, agent).\n"
                             "tagged(k1, o, starred).\n"
                             "plain_unaffiliated(P) :- tagged(P, absent, plain).",
                         {facts}, options);
  INFO(run.errors);
  REQUIRE(run.ok);
  CHECK(run.relations["tagged"] == TupleSet{{0, absent, 0}, {1, absent, 0}, {2, absent, 0}, {1, 3, 1}});
  CHECK(run.relations["plain_unaffiliated"] == TupleSet{{0}, {1}, {2}});
}

TEST_CASE("optional arguments: statements and messages leave absent arguments out") {
  testing::RunOptions options;
  options.explain = true;
  auto run = run_program(std::string(declaration) + "constraint c \"{P} of {O}.\" :- role(P, agent, O).", {facts}, options);
  INFO(run.errors);
  REQUIRE(run.ok);
  REQUIRE(run.verdicts.size() == 3);
  std::vector<std::string> statements, messages;
  for (std::size_t i = 0; i < run.verdicts.size(); ++i) {
    std::string message;
    run.session->append_message(message, run.verdicts[i]);
    messages.push_back(message);
    for (auto const& child : run.proofs[i].children) statements.push_back(child.statement);
  }
  std::sort(statements.begin(), statements.end());
  std::sort(messages.begin(), messages.end());
  CHECK(statements == std::vector<std::string>{"role(K0, agent) @ wire", "role(K1, agent, O) @ wire",
                                               "role(K2, agent, absent, former) @ wire"});
  CHECK(messages == std::vector<std::string>{"K0 of .", "K1 of O.", "K2 of ."});
}

TEST_CASE("optional arguments: an absent binding adds nothing to a verdict's id") {
  // The same verdict with and without an optional argument left out: ids differ from a binding to "".
  auto absent_run = run_program("pred note(who: entity, text: string?).\nconstraint c \"{W}{T}\" :- note(W, T).",
                                {R"({"nogood": 1, "source": {"id": "s"}, "entities": [{"id": "k", "names": ["K"]}],
                                     "facts": [{"pred": "note", "args": ["k"]}, {"pred": "note", "args": ["k", ""]}]})"});
  REQUIRE(absent_run.ok);
  REQUIRE(absent_run.verdicts.size() == 2);
  CHECK(absent_run.verdicts[0].id() != absent_run.verdicts[1].id());
}

TEST_CASE("optional arguments: declarations and uses that are errors") {
  using V = std::vector<std::string>;
  CHECK(codes("pred p(a: entity?, b: symbol).") == V{"E0242"});
  CHECK(codes("pred p(a: entity = k).") == V{"E0243"});
  CHECK(codes("pred p(a: int?).") == V{"E0243"});
  CHECK(codes("pred p(a: date = 12).") == V{"E0243"});
  CHECK(codes("pred p(a: symbol? = x).") == V{"E0243"});
  CHECK(codes("vocabulary v = {x}.\npred p(a: v = y).") == V{"E0227"});
  CHECK(codes("pred p(a: entity, b: symbol = x).\nconstraint c :- p(_, absent).") == V{"E0244"});
  CHECK(codes("pred p(a: entity, b: entity?).\nconstraint c :- p(A, B), B = absent, A != B.") == V{"E0244"});
  CHECK(codes("pred p(a: entity, b: entity?).\nconstraint c :- p(A, B, A), A != B.") == V{"E0205"});
  CHECK(codes("pred p(a: entity, b: int = 0, c: date?).\nconstraint c \"{A}\" :- p(A).").empty());
}

TEST_CASE("optional arguments: facts with too few or too many arguments name the optional ones") {
  nogood::Inputs in;
  in.rules_text.emplace_back("test.rules", std::string(declaration));
  in.facts_text.emplace_back("f.json", R"({"nogood": 1, "source": {"id": "s"}, "entities": [{"id": "k", "names": ["K"]}],
    "facts": [{"pred": "role", "args": ["k"]}, {"pred": "role", "args": ["k", "a", null, null, "x"]}]})");
  nogood::Session session;
  CHECK_FALSE(session.load(in));
  auto const& all = session.diagnostics().all();
  REQUIRE(all.size() == 2);
  for (auto const& d : all) {
    CHECK(d.code == "E0313");
    CHECK(d.message.find("2 to 4 arguments (`org`, `status` are optional)") != std::string::npos);
  }
}
