// Which body rows provenance can leave out and find again: see Recovery in evaluate.hpp.
#include <algorithm>

#include "nogood/engine/evaluate.hpp"

namespace nogood::engine {

namespace {

bool binds(std::vector<Operand> const& columns, Register r) {
  return std::any_of(columns.begin(), columns.end(), [&](Operand const& op) { return op.kind == Operand::Kind::var && op.value == r; });
}

}  // namespace

Recovery plan_recovery(Program const& program, Rule const& rule) {
  std::vector<Literal const*> atoms;
  for (auto const& lit : rule.body)
    if (lit.kind == Literal::Kind::atom) atoms.push_back(&lit);
  std::vector<bool> stored(atoms.size(), true);
  auto bound = [&](Register r) {
    if (binds(rule.head_columns, r)) return true;
    for (std::size_t a = 0; a < atoms.size(); ++a)
      if (stored[a] && binds(atoms[a]->columns, r)) return true;
    return false;
  };
  auto findable = [&](std::size_t a) {
    for (auto const& op : atoms[a]->columns)
      if (op.kind == Operand::Kind::ignore || (op.kind == Operand::Kind::var && !bound(op.value))) return false;
    return true;
  };
  for (std::size_t a = 0; a < atoms.size(); ++a) {
    auto const& decl = program.relations[atoms[a]->relation];
    if (program.schema.predicates[decl.predicate].kind != PredicateKind::derived) continue;
    stored[a] = false;
    bool all = true;  // leaving this one out must leave every row left out findable
    for (std::size_t b = 0; b <= a && all; ++b)
      if (!stored[b]) all = findable(b);
    if (!all) stored[a] = true;
  }

  Recovery out;
  for (auto const* atom : atoms) out.relations.push_back(atom->relation);
  for (std::size_t a = 0; a < atoms.size(); ++a)
    if (stored[a]) out.stored.push_back(static_cast<std::uint32_t>(a));
  for (std::size_t a = 0; a < atoms.size(); ++a) {
    if (stored[a]) continue;
    Recovery::Atom atom{static_cast<std::uint32_t>(a), atoms[a]->relation, {}};
    for (auto const& op : atoms[a]->columns) {
      Recovery::Column col;
      if (op.kind == Operand::Kind::constant) {
        col = {Recovery::Column::From::constant, op.value, 0};
      } else {
        auto in_head = std::find_if(rule.head_columns.begin(), rule.head_columns.end(),
                                    [&](Operand const& h) { return h.kind == Operand::Kind::var && h.value == op.value; });
        if (in_head != rule.head_columns.end()) {
          col = {Recovery::Column::From::head, static_cast<std::uint32_t>(in_head - rule.head_columns.begin()), 0};
        } else {
          for (std::uint32_t s = 0; s < out.stored.size(); ++s) {
            auto const& cols = atoms[out.stored[s]]->columns;
            auto at = std::find_if(cols.begin(), cols.end(), [&](Operand const& c) { return c.kind == Operand::Kind::var && c.value == op.value; });
            if (at == cols.end()) continue;
            col = {Recovery::Column::From::stored, s, static_cast<std::uint32_t>(at - cols.begin())};
            break;
          }
        }
      }
      atom.columns.push_back(col);
    }
    out.found.push_back(std::move(atom));
  }
  return out;
}

}  // namespace nogood::engine
