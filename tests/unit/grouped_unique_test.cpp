// `unique ... across sources grouped`: parsed and printed back, expanded into one constraint whose
// verdicts keep the keys only, and verdicts that list every claim by value with their nogoods.
#include <catch2/catch.hpp>

#include <string>

#include "nogood/rules/parse.hpp"
#include "nogood/rules/print.hpp"
#include "nogood/sql/compile.hpp"
#include "run_program.hpp"

using namespace nogood;
using testing::facts_json;
using testing::run_program;

namespace {

struct Parsed {
  SourceManager sources;
  Diagnostics diags{100};
  std::optional<ast::Program> program;
  std::string codes() const {
    std::string out;
    for (auto const& d : diags.all()) out += d.code + " ";
    return out;
  }
};

std::unique_ptr<Parsed> parse_text(std::string text) {
  auto p = std::make_unique<Parsed>();
  auto file = p->sources.add("test.rules", std::move(text));
  p->program = rules::parse(p->sources, file, p->diags);
  return p;
}

std::vector<std::string> source_ids(Session const& s, std::vector<std::uint32_t> const& sources) {
  std::vector<std::string> out;
  for (auto src : sources) out.push_back(s.corpus().sources[src].id.str());
  return out;
}

std::vector<std::vector<std::string>> nogood_ids(Session const& s, Verdict const& v) {
  std::vector<std::vector<std::string>> out;
  for (auto const& set : s.source_nogoods(v).sets) {
    out.emplace_back();
    for (auto src : set) out.back().push_back(s.corpus().sources[src].id.str());
  }
  return out;
}

}  // namespace

TEST_CASE("grouped unique: parsed and printed back") {
  for (std::string text : {"unique captured_at(person -> place) across sources grouped.",
                           "unique captured_at(person, day -> place) across sources grouped as capture_place \"{Person}: {Groups}\" severity warning.",
                           "unique p(-> v) across sources grouped.", "unique casualties(event -> count) across sources within 20%.",
                           "unique happened_on(event -> day) per source within 1 as same_day."}) {
    INFO(text);
    auto p = parse_text(text);
    INFO(p->codes());
    REQUIRE(p->program);
    REQUIRE(p->program->statements.size() == 1);
    auto const& u = std::get<ast::Unique>(p->program->statements.front());
    CHECK(u.grouped == (text.find("grouped") != std::string::npos));
    CHECK(rules::to_text(u) == text);
  }
}

TEST_CASE("grouped unique: with `per source` or `within` it is E0245") {
  for (std::string text : {"unique p(k -> v) per source grouped.", "unique p(k -> v) across sources grouped within 2.",
                           "unique p(k -> v) across sources grouped within 10%."}) {
    INFO(text);
    // It parses: the checker says why the two do not go together.
    auto p = parse_text(text);
    CHECK(p->codes().empty());
    auto run = run_program("pred p(k: int, v: int).\n" + text + "\n");
    CHECK_FALSE(run.ok);
    CHECK(run.errors.rfind("E0245: ", 0) == 0);
    CHECK(run.errors.find("E0245", 1) == std::string::npos);
  }
}

TEST_CASE("grouped unique: one verdict per key, its relation keeping the key only") {
  auto run = run_program(R"(
pred at(person: int, day: int, place: int).
unique at(person, day -> place) across sources grouped.
)",
                         {facts_json("a", {{"at", {1, 7, 10}}, {"at", {2, 7, 5}}}), facts_json("b", {{"at", {1, 7, 20}}, {"at", {2, 7, 5}}}),
                          facts_json("c", {{"at", {1, 7, 20}}, {"at", {1, 8, 30}}})});
  REQUIRE(run.ok);
  // Pairs (a,b) and (a,c) disagree on person 1, day 7: one verdict, not two.
  CHECK(run.relations["constraint unique_at_place"] == testing::TupleSet{{1, 7}});
  REQUIRE(run.verdicts.size() == 1);
  auto const& v = run.verdicts.front();
  CHECK(v.rule() == "unique_at_place");
  auto const bindings = v.bindings();
  REQUIRE(bindings.size() == 2);
  CHECK(std::string(bindings[0].name) == "Person");
  CHECK(std::string(bindings[1].name) == "Day");
  CHECK(run.session->message(v) == "sources disagree on at(1, 7, ?): 10 (a) vs 20 (b, c)");
}

TEST_CASE("grouped unique: groups by value, support of every claim, nogoods of every pair of sources apart") {
  // Three values from four sources; d gives two values itself, and agrees with a on one of them.
  auto run = run_program(R"(
pred at(person: int, place: int).
unique at(person -> place) across sources grouped as place "{Person}: {Groups}".
)",
                         {facts_json("b", {{"at", {1, 20}}}), facts_json("a", {{"at", {1, 10}}}), facts_json("c", {{"at", {1, 20}}}),
                          facts_json("d", {{"at", {1, 30}}, {"at", {1, 10}}}), facts_json("e", {{"at", {2, 10}}})});
  REQUIRE(run.ok);
  REQUIRE(run.verdicts.size() == 1);
  auto const& s = *run.session;
  auto const& v = run.verdicts.front();
  CHECK(s.message(v) == "1: 10 (a, d) vs 20 (b, c) vs 30 (d)");
  auto groups = s.groups(v);
  REQUIRE(groups.size() == 3);
  CHECK(source_ids(s, groups[0].sources) == std::vector<std::string>{"a", "d"});
  CHECK(source_ids(s, groups[1].sources) == std::vector<std::string>{"b", "c"});
  CHECK(source_ids(s, groups[2].sources) == std::vector<std::string>{"d"});
  // The support is every claim of the key, in the groups' order.
  std::vector<std::uint32_t> claims;
  for (auto const& g : groups) claims.insert(claims.end(), g.claims.begin(), g.claims.end());
  CHECK(std::vector<std::uint32_t>(v.support().begin(), v.support().end()) == claims);
  CHECK(claims.size() == 5);
  for (auto c : claims) CHECK(s.corpus().claims[c].source != engine::no_source);
  // Every two sources that give different values; d alone gives two, but a pair takes two sources.
  CHECK(nogood_ids(s, v) == std::vector<std::vector<std::string>>{{"a", "b"}, {"a", "c"}, {"a", "d"}, {"b", "d"}, {"c", "d"}});
}

TEST_CASE("grouped unique: one source that gives two values alone makes no verdict") {
  auto run = run_program(R"(
pred at(person: int, place: int).
unique at(person -> place) across sources grouped.
)",
                         {facts_json("a", {{"at", {1, 10}}, {"at", {1, 20}}}), facts_json("b", {{"at", {1, 10}}})});
  REQUIRE(run.ok);
  // b against a's 20 disagree: one verdict, both values listed, a in both groups.
  REQUIRE(run.verdicts.size() == 1);
  CHECK(run.session->message(run.verdicts.front()) == "sources disagree on at(1, ?): 10 (a, b) vs 20 (a)");
  auto alone = run_program(R"(
pred at(person: int, place: int).
unique at(person -> place) across sources grouped.
)",
                           {facts_json("a", {{"at", {1, 10}}, {"at", {1, 20}}})});
  REQUIRE(alone.ok);
  CHECK(alone.verdicts.empty());
}

TEST_CASE("grouped unique: a message placeholder other than the keys and {Groups} is E0210, naming them") {
  auto run = run_program(R"(
pred at(person: int, place: int).
unique at(person -> place) across sources grouped "{Source1} and {Person}: {Groups}".
)");
  CHECK_FALSE(run.ok);
  CHECK(run.errors.find("E0210: placeholder `{Source1}` is not available in a grouped `unique` message") != std::string::npos);
}

TEST_CASE("grouped unique: the proof of a verdict is its first derivation, and re-checks") {
  auto run = run_program(R"(
pred at(person: int, place: int).
unique at(person -> place) across sources grouped.
)",
                         {facts_json("a", {{"at", {1, 10}}}), facts_json("b", {{"at", {1, 20}}}), facts_json("c", {{"at", {1, 30}}})},
                         {.explain = true});
  REQUIRE(run.ok);
  REQUIRE(run.proofs.size() == 1);
  CHECK(run.unverified.empty());
  // Two claims and the two comparisons of one pair of sources.
  CHECK(run.proofs.front().children.size() == 4);
}

TEST_CASE("grouped unique: on SQL its constraint's table is a projection onto the keys") {
  for (auto dialect : {sql::Dialect::postgres, sql::Dialect::duckdb, sql::Dialect::spark}) {
    Session session;
    Inputs in;
    in.rules_text.emplace_back("case.rules", "pred at(person: int, place: int).\nunique at(person -> place) across sources grouped.\n");
    in.facts_text.emplace_back("a.json", facts_json("a", {{"at", {1, 10}}}));
    REQUIRE(session.load(in));
    auto const scripts = sql::compile(session.program(), session.corpus(), dialect);
    auto const quote = dialect == sql::Dialect::postgres ? "\"" : dialect == sql::Dialect::duckdb ? "\"" : "`";
    auto const table = std::string(quote) + "c_unique_at_place" + quote;
    INFO(scripts.evaluate);
    CHECK(scripts.evaluate.find("INSERT INTO " + table + " SELECT DISTINCT t1." + quote + "person" + quote + "\n") != std::string::npos);
  }
}

TEST_CASE("grouped unique: nogoods are the first pairs by source id, up to the bound, said incomplete past it") {
  std::vector<std::string> facts;
  for (int i = 9; i >= 0; --i) facts.push_back(facts_json("s" + std::to_string(i), {{"at", {1, i}}}));
  facts.push_back(facts_json("t", {{"at", {1, 0}}}));  // agrees with s0
  auto run = run_program("pred at(person: int, place: int).\nunique at(person -> place) across sources grouped.\n", facts);
  REQUIRE(run.ok);
  REQUIRE(run.verdicts.size() == 1);
  auto const& s = *run.session;
  auto const& v = run.verdicts.front();
  auto all = s.source_nogoods(v, {.matches = 100000, .sets = 100});
  CHECK(all.complete);
  // 11 sources, 55 pairs, less s0 and t, which agree.
  CHECK(all.sets.size() == 54);
  auto bounded = s.source_nogoods(v, {.matches = 100000, .sets = 3});
  CHECK_FALSE(bounded.complete);
  CHECK(nogood_ids(s, v).size() == 32);
  std::vector<std::vector<std::string>> first;
  for (auto const& set : bounded.sets) first.push_back({s.corpus().sources[set[0]].id.str(), s.corpus().sources[set[1]].id.str()});
  CHECK(first == std::vector<std::vector<std::string>>{{"s0", "s1"}, {"s0", "s2"}, {"s0", "s3"}});
}

TEST_CASE("grouped unique on dates: overlapping dates are two groups but no nogood") {
  auto day = [](std::string const& source, std::string const& date) {
    return "{\"nogood\": 1, \"source\": {\"id\": \"" + source + "\"}, \"facts\": [{\"pred\": \"on\", \"args\": [1, \"" + date + "\"]}]}";
  };
  auto run = run_program("pred on(event: int, day: date).\nunique on(event -> day) across sources grouped.\n",
                         {day("a", "2025-10"), day("b", "2025-10-19"), day("c", "2025-11-02")});
  REQUIRE(run.ok);
  REQUIRE(run.verdicts.size() == 1);
  auto const& s = *run.session;
  auto const& v = run.verdicts.front();
  CHECK(s.message(v) == "sources disagree on on(1, ?): 2025-10 (a) vs 2025-10-19 (b) vs 2025-11-02 (c)");
  // A month and a day in it do not disagree: c against each of them.
  CHECK(nogood_ids(s, v) == std::vector<std::vector<std::string>>{{"a", "c"}, {"b", "c"}});
}
