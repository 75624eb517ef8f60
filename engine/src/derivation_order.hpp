// Which derivation of a fact provenance keeps when one rule finds it several ways in one round:
// the least, comparing the rows of the rule's positive atoms in body order, each row by its
// values (ints and dates as signed numbers) and then by its number. Rows of one derived relation
// never share values, and claims keep their numbers on every engine, so the order is the same
// wherever the rules run: the SQL back end's ORDER BY states it too, and both engines explain a
// fact with the same derivation.
#pragma once

#include <cstdint>
#include <vector>

#include "nogood/engine/evaluate.hpp"

namespace nogood::engine::detail {

class DerivationOrder {
public:
  DerivationOrder() = default;
  DerivationOrder(Program const& program, Database const& db, Rule const& rule);

  // Rows `a` and `b` of the atom in `slot`: negative when `a` comes first, 0 when the same row.
  int compare(std::uint32_t slot, RowId a, RowId b) const;
  // Whether the derivation with rows `a` (one per slot) comes before the one with rows `b`.
  bool less(RowId const* a, RowId const* b) const;
  std::size_t slots() const { return atoms_.size(); }

private:

  struct Atom {
    Relation const* relation = nullptr;
    std::uint64_t signed_columns = 0;  // bit c: column c holds an int or a date
  };
  std::vector<Atom> atoms_;
};

}  // namespace nogood::engine::detail
