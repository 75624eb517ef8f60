// Citus: the column each table is distributed by. Citus runs a join on the workers when the
// tables meet on their distribution columns (tables distributed by BIGINT columns are co-located),
// and an INSERT ... SELECT without moving rows when the target is distributed by the column the
// rows come from. So each table is distributed by the column its rules join on most often; the
// built-in `source` relation and tables of no column are small and copied to every worker.
#include <map>

#include "internal.hpp"
#include "schema_sql.hpp"

namespace nogood::sql::detail {

namespace {

using engine::Literal;
using engine::Operand;

// The (relation, column) of every atom, positive or negated, binding or reading each register.
void collect(std::vector<Literal> const& body, std::map<engine::Register, std::vector<std::pair<engine::RelationId, std::size_t>>>& uses) {
  for (auto const& l : body) {
    if (l.kind == Literal::Kind::atom || l.kind == Literal::Kind::negation)
      for (std::size_t c = 0; c < l.columns.size(); ++c)
        if (l.columns[c].kind == Operand::Kind::var) uses[l.columns[c].value].emplace_back(l.relation, c);
    if (l.kind == Literal::Kind::aggregate) collect(l.body, uses);
  }
}

bool is_claim_metadata(engine::Program const& program, engine::RelationId r, std::size_t c) {
  auto const& decl = program.relations[r];
  auto const kind = program.schema.predicates[decl.predicate].kind;
  // source and claimant stay candidates: rules of one source join on them
  return kind == engine::PredicateKind::claimed && c + 2 >= decl.columns.size();
}

}  // namespace

std::vector<Distribution> choose_distribution(engine::Program const& program, std::vector<Table> const& tables) {
  std::vector<std::vector<std::uint32_t>> joins(tables.size());
  for (std::size_t r = 0; r < tables.size(); ++r) joins[r].assign(program.relations[r].columns.size(), 0);
  for (auto const& rule : program.rules) {
    std::map<engine::Register, std::vector<std::pair<engine::RelationId, std::size_t>>> uses;
    collect(rule.body, uses);
    for (std::size_t c = 0; c < rule.head_columns.size(); ++c)
      if (rule.head_columns[c].kind == Operand::Kind::var && uses.count(rule.head_columns[c].value))
        uses[rule.head_columns[c].value].emplace_back(rule.head, c);
    for (auto const& [reg, at] : uses) {
      if (at.size() < 2) continue;  // read once: no join on it
      for (auto [r, c] : at) ++joins[r][c];
    }
  }
  std::vector<Distribution> out(tables.size());
  for (std::size_t r = 0; r < tables.size(); ++r) {
    auto const& decl = program.relations[r];
    auto const kind = program.schema.predicates[decl.predicate].kind;
    if (decl.columns.empty() || kind == engine::PredicateKind::builtin) {
      out[r].reference = true;
      continue;
    }
    std::size_t best = 0;
    for (std::size_t c = 1; c < decl.columns.size(); ++c)
      if (!is_claim_metadata(program, engine::RelationId(r), c) && joins[r][c] > joins[r][best]) best = c;
    out[r].column = tables[r].columns[best];
  }
  return out;
}

std::string citus_script(std::vector<Table> const& tables, std::vector<Distribution> const& distribution, DialectRules const& d) {
  std::string out = "-- nogood: Citus distribution; after load.sql, before evaluate.sql\n";
  auto place = [&](std::string const& table, Distribution const& how) {
    if (how.reference) out += "SELECT create_reference_table(" + d.string_literal(d.quote(table)) + ");\n";
    else
      out += "SELECT create_distributed_table(" + d.string_literal(d.quote(table)) + ", " + d.string_literal(how.column) + ");\n";
  };
  for (std::size_t r = 0; r < tables.size(); ++r) {
    place(tables[r].name, distribution[r]);
    if (!tables[r].delta.empty()) {
      place(tables[r].delta, distribution[r]);
      place(tables[r].fresh, distribution[r]);
    }
  }
  out += "SELECT create_reference_table('nogood_dictionary');\n";
  return out;
}

}  // namespace nogood::sql::detail
