// The order a rule body can be run in from a given set of bound variables, shared by the
// explanations and the search for source nogoods, which both run bodies top-down.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "nogood/engine/program.hpp"

namespace nogood {

// Whether every register the expression reads is set.
bool expr_ready(engine::Expr const& e, std::vector<bool> const& set);

// Whether an aggregate among `lits` can be counted: every register its body or value shares
// with the other literals (its group) is set.
bool aggregate_ready(engine::Literal const& agg, std::vector<engine::Literal> const& lits, std::vector<bool> const& set);

// An order to run a body in, whatever order it was written in: filters and assignments as
// soon as their inputs are set, otherwise the next atom as written.
std::vector<std::size_t> evaluation_order(std::vector<engine::Literal> const& lits, std::vector<bool> set);

// The same, choosing among the atoms by what is bound and by `rows_of(relation)`: first an atom
// every column of which is bound (one lookup), then, of those with a bound column, the one over
// the fewest rows, else the next as written. A search that enumerates every derivation finds the
// same whatever the order, and this one mostly probes through the duplicate check or a small
// relation instead of indexing a large one on a part of its columns.
std::vector<std::size_t> evaluation_order(std::vector<engine::Literal> const& lits, std::vector<bool> set,
                                          std::function<std::size_t(engine::RelationId)> const& rows_of);

// An aggregate's value, folded in one match of its body at a time.
class AggregateValue {
public:
  explicit AggregateValue(engine::Literal const& agg) : agg_(agg) {}
  // One more match, with the registers as the match left them.
  void add(std::vector<engine::Value> const& regs, std::vector<bool> const& set);
  std::int64_t matches() const { return matches_; }
  // A count or a sum always has one; the min, max or mean of no value has none.
  std::optional<std::int64_t> value() const;

private:
  engine::Literal const& agg_;
  std::int64_t matches_ = 0, folded_ = 0, values_ = 0;
  bool has_ = false;
};

}  // namespace nogood
