// The driver: tables and claims (load.sql), strata in order (evaluate.sql), the manifest that
// lets other tools run the same statements, and results.sql.
//
// A non-recursive stratum is one INSERT per rule. A recursive stratum runs semi-naive: a first
// round of every rule over whole tables into new_ tables, then rounds that move new_ rows into
// the relation and its delta_ table, and run each rule once per atom of the stratum, that atom
// reading delta_; until no new_ table gains a row.
#include <nlohmann/json.hpp>

#include "internal.hpp"
#include "nogood/sql/compile.hpp"
#include "schema_sql.hpp"

namespace nogood::sql {

using namespace detail;

StratumSql detail::stratum_sql(engine::Program const& program, std::vector<Table> const& tables, DialectRules const& d,
                               engine::Stratum const& s, Provenance provenance) {
  StratumSql out;
  out.recursive = s.recursive;
  std::vector<bool> in_stratum(program.relations.size(), false);
  for (auto r : s.relations) in_stratum[r] = true;
  for (auto rule : s.rules) {
    auto const& t = tables[program.rules[rule].head];
    if (!s.recursive) out.once.push_back(rule_insert(program, tables, d, rule, -1, t.name, {t.name}, provenance));
    else out.once.push_back(rule_insert(program, tables, d, rule, -1, t.fresh, {t.name, t.fresh}, provenance));
    out.once_rules.push_back(rule);
  }
  if (!s.recursive) return out;
  for (auto r : s.relations) {
    auto const& t = tables[r];
    out.fresh.push_back(t.fresh);
    out.advance.push_back(d.clear(d.quote(t.delta)) + ";");
    out.advance.push_back("INSERT INTO " + d.quote(t.delta) + " SELECT * FROM " + d.quote(t.fresh) + ";");
    out.advance.push_back("INSERT INTO " + d.quote(t.name) + " SELECT * FROM " + d.quote(t.fresh) + ";");
    out.advance.push_back(d.clear(d.quote(t.fresh)) + ";");
  }
  for (auto rule : s.rules) {
    auto const& body = program.rules[rule].body;
    auto const& t = tables[program.rules[rule].head];
    for (std::size_t i = 0; i < body.size(); ++i)
      if (body[i].kind == engine::Literal::Kind::atom && in_stratum[body[i].relation]) {
        out.round.push_back(rule_insert(program, tables, d, rule, std::int32_t(i), t.fresh, {t.name, t.fresh}, provenance));
        out.round_rules.push_back(rule);
      }
  }
  return out;
}

namespace {

std::string indent(std::string const& statement, std::string const& by) {
  std::string out = by;
  for (char c : statement) {
    out += c;
    if (c == '\n') out += by;
  }
  return out;
}

std::string evaluate_script(std::vector<StratumSql> const& strata, DialectRules const& d) {
  std::string out;
  for (std::size_t s = 0; s < strata.size(); ++s) {
    auto const& st = strata[s];
    out += "-- stratum " + std::to_string(s) + (st.recursive ? " (recursive)" : "") + "\n";
    if (!st.recursive) {
      for (auto const& q : st.once) out += q + "\n";
      continue;
    }
    if (d.dialect == Dialect::postgres) {
      std::vector<std::string> empty;
      for (auto const& f : st.fresh) empty.push_back("NOT EXISTS (SELECT 1 FROM " + d.quote(f) + ")");
      out += "DO $$\nBEGIN\n";
      for (auto const& q : st.once) out += indent(q, "  ") + "\n";
      out += "  LOOP\n    EXIT WHEN " + join(empty, " AND ") + ";\n";
      for (auto const& q : st.advance) out += indent(q, "    ") + "\n";
      for (auto const& q : st.round) out += indent(q, "    ") + "\n";
      out += "  END LOOP;\nEND $$;\n";
      continue;
    }
    // Other engines have no loop in a script: the manifest says what to repeat until when.
    for (auto const& q : st.once) out += q + "\n";
    out += "-- repeat from here until " + join(st.fresh, ", ") + " (are) empty before the first statement (manifest.json: strata[" +
           std::to_string(s) + "].loop)\n";
    for (auto const& q : st.advance) out += q + "\n";
    for (auto const& q : st.round) out += q + "\n";
    out += "-- end of the repeated statements\n";
  }
  return out;
}

std::string_view relation_kind(engine::Program const& program, engine::RelationDecl const& decl) {
  if (decl.name.rfind("constraint ", 0) == 0) return "constraint";
  switch (program.schema.predicates[decl.predicate].kind) {
    case engine::PredicateKind::claimed: return "claimed";
    case engine::PredicateKind::derived: return "derived";
    case engine::PredicateKind::builtin: return "builtin";
    case engine::PredicateKind::constraint: return "constraint";
  }
  return "derived";
}

std::string manifest_json(engine::Program const& program, std::vector<Table> const& tables, std::vector<StratumSql> const& strata, Dialect dialect,
                          std::vector<Distribution> const& distribution) {
  nlohmann::ordered_json j;
  j["nogood_sql"] = 1;
  j["dialect"] = std::string(to_string(dialect));
  j["files"] = {{"load", "load.sql"}, {"evaluate", "evaluate.sql"}, {"results", "results.sql"}};
  if (dialect == Dialect::postgres) j["files"]["citus"] = "citus.sql";
  j["dictionary"] = {{"table", "nogood_dictionary"}, {"columns", {"kind", "id", "text"}}, {"kinds", {"string", "entity", "source"}}};
  auto& jt = j["tables"] = nlohmann::ordered_json::array();
  for (std::size_t r = 0; r < tables.size(); ++r) {
    auto const& decl = program.relations[r];
    nlohmann::ordered_json cols = nlohmann::ordered_json::array();
    for (std::size_t c = 0; c < tables[r].columns.size(); ++c) {
      std::string const type = c < decl.columns.size() ? std::string(engine::to_string(decl.columns[c])) : "unit";
      std::string const kind = c < decl.columns.size() ? dictionary_kind(decl.columns[c]) : "";
      cols.push_back({{"name", tables[r].columns[c]}, {"type", type}, {"decode", kind.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(kind)}});
    }
    nlohmann::ordered_json t{{"name", tables[r].name}, {"relation", decl.name}, {"kind", relation_kind(program, decl)}, {"columns", cols}};
    if (!tables[r].delta.empty()) {
      t["delta"] = tables[r].delta;
      t["new"] = tables[r].fresh;
    }
    if (dialect == Dialect::postgres) {
      if (distribution[r].reference) t["citus"] = {{"reference", true}};
      else t["citus"] = {{"distributed_by", distribution[r].column}};
    }
    jt.push_back(std::move(t));
  }
  auto& js = j["strata"] = nlohmann::ordered_json::array();
  for (auto const& s : strata) {
    nlohmann::ordered_json o{{"recursive", s.recursive}, {"statements", s.once}};
    if (s.recursive)
      o["loop"] = {{"until_empty", s.fresh}, {"advance", s.advance}, {"statements", s.round}};
    js.push_back(std::move(o));
  }
  return j.dump(2) + "\n";
}

}  // namespace

Scripts compile(engine::Program const& program, engine::Corpus const& corpus, Dialect dialect, CompileOptions const& options) {
  auto const d = rules_for(dialect);
  auto const tables = name_tables(program);
  Dictionary dict(corpus);
  Scripts out;
  std::string const claims = claim_rows(program, corpus, tables, d, dict, options.rows_per_insert);
  out.load = "-- nogood: tables, claims and the dictionary (" + std::string(to_string(dialect)) + ")\n" + d.prelude() + date_prelude(d) +
             date_rows(d) + create_tables(program, tables, d) + claims + dict.statements(d, options.rows_per_insert);
  std::vector<StratumSql> strata;
  for (auto const& s : program.strata) strata.push_back(stratum_sql(program, tables, d, s));
  out.evaluate = "-- nogood: every stratum in order (" + std::string(to_string(dialect)) + ")\n" + evaluate_script(strata, d);
  out.results = results_script(program, tables, d);
  auto const distribution = choose_distribution(program, tables);
  if (dialect == Dialect::postgres) out.citus = citus_script(tables, distribution, d);
  out.manifest = manifest_json(program, tables, strata, dialect, distribution);
  return out;
}

}  // namespace nogood::sql

namespace nogood::sql {

std::vector<std::string> table_names(engine::Program const& program) {
  std::vector<std::string> out;
  for (auto& t : name_tables(program)) out.push_back(std::move(t.name));
  return out;
}

}  // namespace nogood::sql
