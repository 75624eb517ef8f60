#include "claim_columns.hpp"

#include <functional>

namespace nogood::rules::detail {

namespace {

using engine::Literal;
using engine::Operand;

void for_each_atom(std::vector<Literal>& body, std::function<void(Literal&)> const& f) {
  for (auto& l : body) {
    if (l.kind == Literal::Kind::atom || l.kind == Literal::Kind::negation) f(l);
    if (!l.body.empty()) for_each_atom(l.body, f);
  }
}

bool claimed(engine::Program const& program, engine::RelationId rel) {
  auto const& decl = program.relations[rel];
  return decl.certainty_column < 0 && program.schema.predicates[decl.predicate].kind == engine::PredicateKind::claimed;
}

}  // namespace

void drop_unread_claim_columns(engine::Program& program) {
  auto const n = program.relations.size();
  // Per relation: whether some atom reads its claimant (bit 0) or its certainty (bit 1).
  std::vector<std::uint8_t> read(n, 0);
  auto note = [&](Literal& l) {
    if (!claimed(program, l.relation)) return;
    auto const arity = program.schema.predicates[program.relations[l.relation].predicate].arity();
    if (l.columns[arity + 1].kind != Operand::Kind::ignore) read[l.relation] |= 1;
    if (l.columns[arity + 2].kind != Operand::Kind::ignore) read[l.relation] |= 2;
  };
  for (auto& rule : program.rules) for_each_atom(rule.body, note);

  auto keep = [&](engine::RelationId rel, std::size_t column, std::size_t arity) {
    return column <= arity || column == arity + 3 || (column == arity + 1 && read[rel] & 1) || (column == arity + 2 && read[rel] & 2);
  };
  for (engine::RelationId rel = 0; rel < n; ++rel) {
    if (!claimed(program, rel)) continue;
    auto& decl = program.relations[rel];
    auto const arity = program.schema.predicates[decl.predicate].arity();
    std::vector<engine::ValueType> columns;
    std::vector<std::string> names;
    for (std::size_t c = 0; c < decl.columns.size(); ++c) {
      if (!keep(rel, c, arity)) continue;
      if (c == arity + 1) decl.claimant_column = static_cast<std::int32_t>(columns.size());
      if (c == arity + 2) decl.claimed_certainty_column = static_cast<std::int32_t>(columns.size());
      columns.push_back(decl.columns[c]);
      names.push_back(decl.column_names[c]);
    }
    decl.columns = std::move(columns);
    decl.column_names = std::move(names);
  }
  for (auto& rule : program.rules)
    for_each_atom(rule.body, [&](Literal& l) {
      if (!claimed(program, l.relation)) return;
      auto const arity = program.schema.predicates[program.relations[l.relation].predicate].arity();
      std::vector<Operand> columns;
      for (std::size_t c = 0; c < l.columns.size(); ++c)
        if (keep(l.relation, c, arity)) columns.push_back(l.columns[c]);
      l.columns = std::move(columns);
    });
}

}  // namespace nogood::rules::detail
