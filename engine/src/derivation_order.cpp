#include "derivation_order.hpp"

namespace nogood::engine::detail {

DerivationOrder::DerivationOrder(Program const& program, Database const& db, Rule const& rule) {
  for (auto const& lit : rule.body) {
    if (lit.kind != Literal::Kind::atom) continue;
    Atom atom{&db.relations[lit.relation], 0};
    auto const& columns = program.relations[lit.relation].columns;
    for (std::size_t c = 0; c < columns.size() && c < 64; ++c)
      if (is_signed(columns[c])) atom.signed_columns |= std::uint64_t(1) << c;
    atoms_.push_back(atom);
  }
}

int DerivationOrder::compare(std::uint32_t slot, RowId a, RowId b) const {
  if (a == b) return 0;
  auto const& atom = atoms_[slot];
  Value const* x = atom.relation->row(a);
  Value const* y = atom.relation->row(b);
  for (std::uint32_t c = 0; c < atom.relation->arity(); ++c) {
    if (x[c] == y[c]) continue;
    bool const is_signed = c < 64 && (atom.signed_columns >> c & 1);
    if (is_signed) return unpack_int(x[c]) < unpack_int(y[c]) ? -1 : 1;
    return x[c] < y[c] ? -1 : 1;
  }
  return a < b ? -1 : 1;
}

bool DerivationOrder::less(RowId const* a, RowId const* b) const {
  for (std::uint32_t s = 0; s < atoms_.size(); ++s)
    if (int const c = compare(s, a[s], b[s])) return c < 0;
  return false;
}

}  // namespace nogood::engine::detail
