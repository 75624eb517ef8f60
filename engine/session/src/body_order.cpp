#include "body_order.hpp"

#include <algorithm>

#include "nogood/engine/evaluate.hpp"

namespace nogood {

using engine::Literal;
using engine::Operand;

namespace {
bool reads(engine::Expr::Step const& s) {
  return s.op == engine::Expr::Op::push_var || s.op == engine::Expr::Op::push_signed_var || s.op == engine::Expr::Op::push_date_var;
}
}  // namespace

bool expr_ready(engine::Expr const& e, std::vector<bool> const& set) {
  return std::all_of(e.steps.begin(), e.steps.end(), [&](auto const& s) { return !reads(s) || set[s.value]; });
}

namespace {
// Marks the registers a literal uses; an aggregate's value and body only `into_aggregates`.
void note_registers(Literal const& l, std::vector<bool>& out, bool into_aggregates) {
  for (auto const& op : l.columns)
    if (op.kind == Operand::Kind::var) out[op.value] = true;
  bool aggregate = l.kind == Literal::Kind::aggregate;
  if (aggregate) out[l.target] = true;
  if (aggregate && !into_aggregates) return;
  for (auto const* e : {&l.lhs, &l.rhs})
    for (auto const& s : e->steps)
      if (reads(s)) out[s.value] = true;
  for (auto const& inner : l.body) note_registers(inner, out, true);
}
}  // namespace

bool aggregate_ready(Literal const& agg, std::vector<Literal> const& lits, std::vector<bool> const& set) {
  std::vector<bool> inside(set.size(), false), others(set.size(), false);
  for (auto const& inner : agg.body) note_registers(inner, inside, true);
  for (auto const& s : agg.lhs.steps)
    if (reads(s)) inside[s.value] = true;
  for (auto const& l : lits)
    if (&l != &agg) note_registers(l, others, false);
  for (std::size_t r = 0; r < set.size(); ++r)
    if (inside[r] && others[r] && !set[r] && r != agg.target) return false;
  return true;
}

namespace {

// An atom every column of which is bound, else the one over the fewest rows among those with a
// bound column; lits.size() when neither is found.
std::size_t cheapest_atom(std::vector<Literal> const& lits, std::vector<bool> const& done, std::vector<bool> const& set,
                          std::function<std::size_t(engine::RelationId)> const& rows_of) {
  std::size_t best = lits.size(), best_rows = 0;
  for (std::size_t k = 0; k < lits.size(); ++k) {
    if (done[k] || lits[k].kind != Literal::Kind::atom) continue;
    bool all = true, some = false;
    for (auto const& op : lits[k].columns) {
      bool const bound = op.kind == Operand::Kind::constant || (op.kind == Operand::Kind::var && set[op.value]);
      all = all && bound;
      some = some || bound;
    }
    if (all) return k;
    if (!some) continue;
    auto const rows = rows_of(lits[k].relation);
    if (best == lits.size() || rows < best_rows) {
      best = k;
      best_rows = rows;
    }
  }
  return best;
}

std::vector<std::size_t> order_body(std::vector<Literal> const& lits, std::vector<bool> set,
                                    std::function<std::size_t(engine::RelationId)> const* rows_of) {
  std::vector<std::size_t> order;
  std::vector<bool> done(lits.size(), false);
  auto ready = [&](Literal const& l) {
    switch (l.kind) {
      case Literal::Kind::atom: return false;
      case Literal::Kind::negation:
        return std::all_of(l.columns.begin(), l.columns.end(), [&](Operand const& op) { return op.kind != Operand::Kind::var || set[op.value]; });
      case Literal::Kind::compare:
      case Literal::Kind::assign: {
        bool lr = expr_ready(l.lhs, set), rr = expr_ready(l.rhs, set);
        return (lr && rr) || (l.op == engine::CompareOp::eq && ((lr && l.rhs.is_single_var()) || (rr && l.lhs.is_single_var())));
      }
      case Literal::Kind::aggregate: return aggregate_ready(l, lits, set);
    }
    return false;
  };
  while (order.size() < lits.size()) {
    std::size_t next = lits.size();
    for (std::size_t k = 0; k < lits.size() && next == lits.size(); ++k)
      if (!done[k] && ready(lits[k])) next = k;
    if (rows_of && next == lits.size()) next = cheapest_atom(lits, done, set, *rows_of);
    for (std::size_t k = 0; k < lits.size() && next == lits.size(); ++k)
      if (!done[k] && lits[k].kind == Literal::Kind::atom) next = k;
    if (next == lits.size()) break;  // inputs that never come: the rest cannot run
    done[next] = true;
    order.push_back(next);
    auto const& l = lits[next];
    note_registers(l, set, false);  // what it binds (and reads, already set)
  }
  return order;
}

}  // namespace

std::vector<std::size_t> evaluation_order(std::vector<Literal> const& lits, std::vector<bool> set) {
  return order_body(lits, std::move(set), nullptr);
}

std::vector<std::size_t> evaluation_order(std::vector<Literal> const& lits, std::vector<bool> set,
                                          std::function<std::size_t(engine::RelationId)> const& rows_of) {
  return order_body(lits, std::move(set), &rows_of);
}

void AggregateValue::add(std::vector<engine::Value> const& regs, std::vector<bool> const& set) {
  ++matches_;
  std::int64_t v = 0;
  if (agg_.aggregate == engine::AggregateKind::count || !expr_ready(agg_.lhs, set) || !engine::evaluate_expr(agg_.lhs, regs.data(), v)) return;
  ++values_;
  if (agg_.aggregate == engine::AggregateKind::sum || agg_.aggregate == engine::AggregateKind::mean) folded_ += v;
  else if (!has_) folded_ = v;
  else folded_ = agg_.aggregate == engine::AggregateKind::min ? std::min(folded_, v) : std::max(folded_, v);
  has_ = true;
}

std::optional<std::int64_t> AggregateValue::value() const {
  if (agg_.aggregate == engine::AggregateKind::count) return matches_;
  if (agg_.aggregate == engine::AggregateKind::mean) return has_ ? std::optional(folded_ / values_) : std::nullopt;
  if (agg_.aggregate == engine::AggregateKind::sum || has_) return folded_;
  return std::nullopt;
}

}  // namespace nogood
