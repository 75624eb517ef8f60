// The SQL back end's pieces: dialect spellings, and the statements compile() writes for rules
// with recursion, negation, comparisons, arithmetic, sets and aggregates. That the statements
// compute what the native engine does is tests/sql/postgres-check's job, on a real PostgreSQL.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "nogood/session.hpp"
#include "nogood/sql/compile.hpp"

namespace {

using nogood::sql::Dialect;

bool has(std::string const& text, std::string const& part) { return text.find(part) != std::string::npos; }

// The scripts of `rules` over one source's `facts`, loaded and not evaluated.
nogood::sql::Scripts compiled(std::string const& rules, std::string const& facts, Dialect dialect) {
  nogood::Session session;
  nogood::Inputs in;
  in.rules_text.emplace_back("case.rules", rules);
  in.facts_text.emplace_back("wire.json", R"({"nogood": 1, "source": {"id": "wire"}, "facts": [)" + facts + "]}");
  REQUIRE(session.load(in));
  return nogood::sql::compile(session.program(), session.corpus(), dialect);
}

std::string const rules = R"(
pred edge(a: int, b: int).
reach(A, B) :- edge(A, B) @ _.
reach(A, C) :- reach(A, B), edge(B, C) @ _.
ratio(A, Q, R) :- edge(A, B) @ _, Q = A / B, R = A % B.
lonely(A) :- edge(A, _) @ _, not reach(_, A).
small(A) :- edge(A, _) @ _, A in {1, 2}.
degree(A, N) :- edge(A, _) @ _, N = count : { edge(A, _) @ _ }.
total(A, S) :- edge(A, _) @ _, S = sum(B) : { edge(A, B) @ _, B > 100 }.
)";
std::string const facts = R"({"pred": "edge", "args": [1, 2]}, {"pred": "edge", "args": [2, 0]}, {"pred": "edge", "args": [-7, 2]})";

}  // namespace

TEST_CASE("dialects spell integer division so that it truncates and a zero divisor gives NULL") {
  auto const [dialect, div] = GENERATE(table<Dialect, std::string>({
      {Dialect::postgres, "(a / NULLIF(b, 0))"}, {Dialect::duckdb, "(a // NULLIF(b, 0))"}, {Dialect::spark, "(a DIV NULLIF(b, 0))"}}));
  auto const d = nogood::sql::rules_for(dialect);
  CHECK(d.div("a", "b") == div);
  CHECK(d.mod("a", "b") == "(a % NULLIF(b, 0))");
  // Out of 32 bits is an error, as the native engine's E0402: a helper function on PostgreSQL.
  CHECK(has(d.check_int32("v", 3, "N = M * M") + d.prelude(), "2147483647"));
  // A NULL (a failed division, the min of nothing) passes through the check, to fail its literal.
  if (dialect != Dialect::postgres) {
    CHECK(has(d.check_int32("v", 3, "N = M * M"), "WHEN v NOT BETWEEN -2147483648 AND 2147483647 THEN "));
    CHECK(has(d.check_int32("v", 3, "N = M * M"), "in `N = M * M`"));
  }
  // A date outside 0001-01-01..9999-12-31 is E0403, unless computed from the unknown date.
  std::string const date = d.check_date("v", "(u = -2147483648)", 2, "D2 = D + 30") + d.prelude();
  CHECK(has(date, "-719162"));   // 0001-01-01, in days since 1970-01-01
  CHECK(has(date, "2932896"));   // 9999-12-31
  CHECK(has(date, "E0403 date out of range"));
  if (dialect == Dialect::postgres) CHECK(has(date, "nogood_date(v, (u = -2147483648), 2, 'D2 = D + 30')"));
  else CHECK(has(date, "WHEN (u = -2147483648) THEN -2147483648"));
}

TEST_CASE("dialects quote identifiers and strings") {
  auto const pg = nogood::sql::rules_for(Dialect::postgres);
  auto const spark = nogood::sql::rules_for(Dialect::spark);
  CHECK(pg.quote("a\"b") == "\"a\"\"b\"");
  CHECK(spark.quote("a`b") == "`a``b`");
  CHECK(pg.string_literal("it's \\ here") == "'it''s \\ here'");
  CHECK(spark.string_literal("it's \\ here") == "'it\\'s \\\\ here'");
  CHECK(nogood::sql::parse_dialect("postgresql") == Dialect::postgres);
  CHECK_FALSE(nogood::sql::parse_dialect("oracle").has_value());
}

TEST_CASE("tables are named by what their relation holds") {
  nogood::Session session;
  nogood::Inputs in;
  in.rules_text.emplace_back("case.rules", rules + "constraint loop \"{A}\" :- reach(A, A).\n");
  REQUIRE(session.load(in));
  auto const names = nogood::sql::table_names(session.program());
  for (auto const& n : {"p_edge", "n_edge", "p_reach", "c_loop", "p_source"})
    CHECK(std::find(names.begin(), names.end(), n) != names.end());
}

TEST_CASE("claims are loaded as rows with their source and claim, and the claimant and certainty rules read") {
  auto const s = compiled(rules, facts, Dialect::postgres);
  CHECK(has(s.load, "CREATE TABLE \"p_edge\" (\"a\" BIGINT, \"b\" BIGINT, \"source\" BIGINT, \"claim\" BIGINT);"));
  CHECK(has(s.load, "(-7, 2, 0, 2)"));  // ints signed, as the native arithmetic reads them
  CHECK(has(s.load, "('source', 0, 'wire')"));
  auto const by = compiled(rules + "said(A) :- edge(A, _) @ _ by C, C != \"\".\n", facts, Dialect::postgres);
  CHECK(has(by.load, "CREATE TABLE \"p_edge\" (\"a\" BIGINT, \"b\" BIGINT, \"source\" BIGINT, \"claimant\" BIGINT, \"claim\" BIGINT);"));
  auto const sure = compiled(rules + "sure(A) :- edge(A, _) @ _ certainty asserted.\n", facts, Dialect::postgres);
  CHECK(has(sure.load, "CREATE TABLE \"p_edge\" (\"a\" BIGINT, \"b\" BIGINT, \"source\" BIGINT, \"certainty\" BIGINT, \"claim\" BIGINT);"));
  CHECK(has(sure.load, "(-7, 2, 0, 3, 2)"));
}

TEST_CASE("rules become INSERT ... SELECT DISTINCT with the native engine's semantics") {
  auto const s = compiled(rules, facts, Dialect::postgres);
  SECTION("derived facts are sets") { CHECK(has(s.evaluate, "INSERT INTO \"p_ratio\" SELECT DISTINCT")); }
  SECTION("a zero divisor fails the literal; the value is range-checked") {
    // The literal's number and text, for E0402 at the literal as the native engine reports it.
    CHECK(has(s.evaluate, "LATERAL (SELECT nogood_int32((t1.\"a\" / NULLIF(t1.\"b\", 0)), 1, 'Q = A / B') AS v) t2"));
    CHECK(has(s.evaluate, "LATERAL (SELECT nogood_int32((t1.\"a\" % NULLIF(t1.\"b\", 0)), 2, 'R = A % B') AS v) t3"));
    CHECK(has(s.evaluate, "t2.v IS NOT NULL"));
  }
  SECTION("negation is NOT EXISTS") { CHECK(has(s.evaluate, "NOT EXISTS (SELECT 1 FROM \"p_reach\"")); }
  SECTION("sets are IN lists") { CHECK(has(s.evaluate, " IN (1, 2)")); }
  SECTION("count and sum over nothing are 0") {
    CHECK(has(s.evaluate, "(SELECT COUNT(*) FROM (SELECT 1 AS v FROM \"p_edge\""));
    CHECK(has(s.evaluate, "CAST(COALESCE(SUM(v), 0) AS BIGINT)"));
  }
  SECTION("recursion loops in a DO block until no new row") {
    CHECK(has(s.evaluate, "DO $$"));
    CHECK(has(s.evaluate, "EXIT WHEN NOT EXISTS (SELECT 1 FROM \"new_p_reach\");"));
    CHECK(has(s.evaluate, "FROM \"delta_p_reach\" t1"));
  }
}

TEST_CASE("the manifest says which statements loop until which tables are empty") {
  auto const s = compiled(rules, facts, Dialect::duckdb);
  CHECK_FALSE(has(s.evaluate, "DO $$"));
  CHECK(has(s.evaluate, "// NULLIF("));
  auto const j = nlohmann::json::parse(s.manifest);
  CHECK(j.at("dialect") == "duckdb");
  int loops = 0;
  for (auto const& stratum : j.at("strata"))
    if (stratum.at("recursive").get<bool>()) {
      ++loops;
      CHECK(stratum.at("loop").at("until_empty") == nlohmann::json::array({"new_p_reach"}));
      CHECK_FALSE(stratum.at("loop").at("statements").empty());
    }
  CHECK(loops == 1);
}

TEST_CASE("claims are batched into multi-row INSERTs") {
  nogood::Session session;
  nogood::Inputs in;
  in.rules_text.emplace_back("case.rules", rules);
  in.facts_text.emplace_back("wire.json", std::string(R"({"nogood": 1, "source": {"id": "wire"}, "facts": [)") + facts + "]}");
  REQUIRE(session.load(in));
  nogood::sql::CompileOptions options;
  options.rows_per_insert = 2;
  auto const s = nogood::sql::compile(session.program(), session.corpus(), Dialect::postgres, options);
  std::size_t inserts = 0;
  for (std::size_t at = s.load.find("INSERT INTO \"p_edge\""); at != std::string::npos; at = s.load.find("INSERT INTO \"p_edge\"", at + 1)) ++inserts;
  CHECK(inserts == 2);  // three claims, two a statement
}

TEST_CASE("on Citus each table is distributed by the column its rules join on") {
  auto const s = compiled(R"(
pred role(person: int, role: symbol).
pred member(person: int, org: int).
leader(P, O) :- role(P, isis_leader) @ S, member(P, O) @ S.
constraint lone "{P}" :- leader(P, O), not member(P, O) @ _.
)",
                          R"({"pred": "role", "args": [1, "isis_leader"]}, {"pred": "member", "args": [1, 2]})", Dialect::postgres);
  CHECK(has(s.citus, "SELECT create_distributed_table('\"p_role\"', 'person');"));
  CHECK(has(s.citus, "SELECT create_distributed_table('\"p_member\"', 'person');"));
  CHECK(has(s.citus, "SELECT create_distributed_table('\"p_leader\"', 'P');"));
  CHECK(has(s.citus, "SELECT create_reference_table('\"p_source\"');"));
  auto const j = nlohmann::json::parse(s.manifest);
  CHECK(j.at("files").at("citus") == "citus.sql");
  for (auto const& t : j.at("tables"))
    if (t.at("name") == "p_member") CHECK(t.at("citus").at("distributed_by") == "person");
  CHECK(compiled(rules, facts, Dialect::duckdb).citus.empty());
}
