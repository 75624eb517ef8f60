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
  DerivationOrder(Program const& program, Database const& db, Rule const& rule, Recovery const& recovery);

  // Rows `a` and `b` of the atom in `slot`: negative when `a` comes first, 0 when the same row.
  int compare(std::uint32_t slot, RowId a, RowId b) const;
  // Whether one derivation of a fact comes before another of the same fact, each given by the
  // rows provenance stores (Recovery::stored): the rows it leaves out are found from the fact
  // and those, and compared by the values they would be found with.
  bool less_stored(RowId const* a, RowId const* b) const;

private:
  struct Atom {
    Relation const* relation = nullptr;
    std::uint64_t signed_columns = 0;  // bit c: column c holds an int or a date
    std::int32_t stored = -1;          // its position among the stored rows, if stored
    // If not: the columns that can differ between two derivations of one fact, read from the
    // stored rows (the head's and constants are the same).
    struct From {
      std::uint32_t stored, column;
      bool is_signed;
    };
    std::vector<From> from;
  };
  std::vector<Atom> atoms_;                // per slot, in body order
  std::vector<Relation const*> stored_;    // the relation of each stored row
};

}  // namespace nogood::engine::detail
