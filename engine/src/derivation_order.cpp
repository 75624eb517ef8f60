#include "derivation_order.hpp"

namespace nogood::engine::detail {

namespace {

int compare_values(Value x, Value y, bool is_signed) {
  if (x == y) return 0;
  if (is_signed) return unpack_int(x) < unpack_int(y) ? -1 : 1;
  return x < y ? -1 : 1;
}

}  // namespace

DerivationOrder::DerivationOrder(Program const& program, Database const& db, Rule const& rule, Recovery const& recovery) {
  for (auto const& lit : rule.body) {
    if (lit.kind != Literal::Kind::atom) continue;
    Atom atom;
    atom.relation = &db.relations[lit.relation];
    auto const& columns = program.relations[lit.relation].columns;
    for (std::size_t c = 0; c < columns.size() && c < 64; ++c)
      if (is_signed(columns[c])) atom.signed_columns |= std::uint64_t(1) << c;
    atoms_.push_back(std::move(atom));
  }
  for (std::size_t k = 0; k < recovery.stored.size(); ++k) {
    atoms_[recovery.stored[k]].stored = static_cast<std::int32_t>(k);
    stored_.push_back(atoms_[recovery.stored[k]].relation);
  }
  for (auto const& found : recovery.found) {
    auto& atom = atoms_[found.slot];
    for (std::size_t c = 0; c < found.columns.size(); ++c)
      if (found.columns[c].from == Recovery::Column::From::stored)
        atom.from.push_back({found.columns[c].index, found.columns[c].column, c < 64 && (atom.signed_columns >> c & 1)});
  }
}

int DerivationOrder::compare(std::uint32_t slot, RowId a, RowId b) const {
  if (a == b) return 0;
  auto const& atom = atoms_[slot];
  Value const* x = atom.relation->row(a);
  Value const* y = atom.relation->row(b);
  for (std::uint32_t c = 0; c < atom.relation->arity(); ++c)
    if (int const order = compare_values(x[c], y[c], c < 64 && (atom.signed_columns >> c & 1))) return order;
  return a < b ? -1 : 1;
}

bool DerivationOrder::less_stored(RowId const* a, RowId const* b) const {
  for (std::uint32_t s = 0; s < atoms_.size(); ++s) {
    auto const& atom = atoms_[s];
    if (atom.stored >= 0) {
      if (int const order = compare(s, a[atom.stored], b[atom.stored])) return order < 0;
      continue;
    }
    // A row found again: one row per set of values, so its values decide.
    for (auto const& from : atom.from) {
      auto const* rel = stored_[from.stored];
      Value const x = rel->row(a[from.stored])[from.column];
      Value const y = rel->row(b[from.stored])[from.column];
      if (int const order = compare_values(x, y, from.is_signed)) return order < 0;
    }
  }
  return false;
}

}  // namespace nogood::engine::detail
