// Proof trees rebuilt from provenance; every step is re-checked against its rule before it
// is shown, so an explanation never rests on a premise that does not hold.
#include <algorithm>
#include <functional>
#include <optional>

#include "nogood/session.hpp"

namespace nogood {

using engine::Literal;
using engine::Operand;
using engine::ValueType;

std::string Session::fact_text(engine::RelationId rel, engine::Value const* row) const {
  auto const& decl = program_.relations[rel];
  auto const& pred = program_.schema.predicates[decl.predicate];
  std::string out = (decl.strong_negation ? "-" : "") + pred.name + "(";
  for (std::size_t i = 0; i < pred.arity(); ++i) out += (i ? ", " : "") + display(decl.columns[i], row[i]);
  out += ")";
  bool sourced = pred.kind == engine::PredicateKind::claimed || (pred.kind == engine::PredicateKind::derived && pred.sourced);
  if (sourced && row[pred.arity()] != engine::no_source) out += " @ " + display(ValueType::source, row[pred.arity()]);
  return out;
}

namespace {

// Whether every register the expression reads is set.
bool expr_ready(engine::Expr const& e, std::vector<bool> const& set) {
  for (auto const& s : e.steps)
    if ((s.op == engine::Expr::Op::push_var || s.op == engine::Expr::Op::push_signed_var) && !set[s.value]) return false;
  return true;
}

// Marks the registers a literal uses; an aggregate's value and body only `into_aggregates`.
void note_registers(Literal const& l, std::vector<bool>& out, bool into_aggregates) {
  for (auto const& op : l.columns)
    if (op.kind == Operand::Kind::var) out[op.value] = true;
  bool aggregate = l.kind == Literal::Kind::aggregate;
  if (aggregate) out[l.target] = true;
  if (aggregate && !into_aggregates) return;
  for (auto const* e : {&l.lhs, &l.rhs})
    for (auto const& s : e->steps)
      if (s.op == engine::Expr::Op::push_var || s.op == engine::Expr::Op::push_signed_var) out[s.value] = true;
  for (auto const& inner : l.body) note_registers(inner, out, true);
}

// Re-evaluates literals over the database for explanations, independently of the engine's
// plans: nested loops over all rows, no indexes (explanations are few and bodies small).
// Filters run as soon as their inputs are set, atoms in the order written.
class Recheck {
public:
  Recheck(engine::Database const& db, std::vector<engine::Value>& regs, std::vector<bool>& set) : db_(db), regs_(regs), set_(set) {}

  // The aggregate's value with the registers set now as its groups; nothing for the min or
  // max of nothing.
  std::optional<std::int64_t> aggregate(Literal const& agg) {
    std::int64_t count = 0, value = 0;
    bool has = false;
    std::vector<bool> done(agg.body.size(), false);
    body(agg.body, done, [&] {
      ++count;
      std::int64_t v;
      if (agg.aggregate == engine::AggregateKind::count || !expr_ready(agg.lhs, set_) || !engine::evaluate_expr(agg.lhs, regs_.data(), v)) return;
      if (agg.aggregate == engine::AggregateKind::sum) value += v;
      else if (!has) value = v;
      else value = agg.aggregate == engine::AggregateKind::min ? std::min(value, v) : std::max(value, v);
      has = true;
    });
    if (agg.aggregate == engine::AggregateKind::count) return count;
    if (agg.aggregate == engine::AggregateKind::sum) return value;
    if (!has) return std::nullopt;
    return value;
  }

  // Whether an aggregate in `lits` can run: every register it shares with the other literals
  // of `lits` (its groups) is set.
  bool aggregate_ready(Literal const& agg, std::vector<Literal> const& lits) const {
    std::vector<bool> inside(set_.size(), false), others(set_.size(), false);
    for (auto const& inner : agg.body) note_registers(inner, inside, true);
    for (auto const& l : lits)
      if (&l != &agg) note_registers(l, others, false);
    for (std::size_t r = 0; r < inside.size(); ++r)
      if (inside[r] && others[r] && !set_[r] && r != agg.target) return false;
    return true;
  }

private:
  void bind(engine::Register r, engine::Value v, std::vector<engine::Register>& undo) {
    regs_[r] = v;
    set_[r] = true;
    undo.push_back(r);
  }
  void unbind(std::vector<engine::Register>& undo) {
    for (auto r : undo) set_[r] = false;
    undo.clear();
  }

  bool matches(Literal const& l, engine::Value const* row, std::vector<engine::Register>* undo) {
    for (std::size_t c = 0; c < l.columns.size(); ++c) {
      auto const& op = l.columns[c];
      if (op.kind == Operand::Kind::constant && row[c] != op.value) return false;
      if (op.kind != Operand::Kind::var) continue;
      if (set_[op.value]) {
        if (regs_[op.value] != row[c]) return false;
      } else if (undo) {
        bind(op.value, row[c], *undo);
      }
    }
    return true;
  }

  // Whether a literal other than an atom can run now.
  bool ready(Literal const& l, std::vector<Literal> const& lits) const {
    switch (l.kind) {
      case Literal::Kind::atom: return false;
      case Literal::Kind::negation:
        return std::all_of(l.columns.begin(), l.columns.end(), [&](Operand const& op) { return op.kind != Operand::Kind::var || set_[op.value]; });
      case Literal::Kind::compare:
      case Literal::Kind::assign: {
        bool lr = expr_ready(l.lhs, set_), rr = expr_ready(l.rhs, set_);
        return (lr && rr) || (l.op == engine::CompareOp::eq && ((lr && l.rhs.is_single_var()) || (rr && l.lhs.is_single_var())));
      }
      case Literal::Kind::aggregate: return aggregate_ready(l, lits);
    }
    return false;
  }

  void body(std::vector<Literal> const& lits, std::vector<bool>& done, std::function<void()> const& found) {
    std::size_t i = lits.size();
    for (std::size_t k = 0; k < lits.size() && i == lits.size(); ++k)
      if (!done[k] && ready(lits[k], lits)) i = k;
    for (std::size_t k = 0; k < lits.size() && i == lits.size(); ++k)
      if (!done[k] && lits[k].kind == Literal::Kind::atom) i = k;
    if (i == lits.size()) {
      if (std::all_of(done.begin(), done.end(), [](bool d) { return d; })) found();
      return;  // else a literal whose inputs never come: no solution
    }
    auto const& l = lits[i];
    done[i] = true;
    std::vector<engine::Register> undo;
    switch (l.kind) {
      case Literal::Kind::atom: {
        auto const& rel = db_.relations[l.relation];
        for (engine::RowId r = 0; r < rel.size(); ++r) {
          if (matches(l, rel.row(r), &undo)) body(lits, done, found);
          unbind(undo);
        }
        break;
      }
      case Literal::Kind::negation: {
        auto const& rel = db_.relations[l.relation];
        bool any = false;
        for (engine::RowId r = 0; r < rel.size() && !any; ++r) any = matches(l, rel.row(r), nullptr);
        if (!any) body(lits, done, found);
        break;
      }
      case Literal::Kind::compare:
      case Literal::Kind::assign: {
        std::int64_t a, b;
        bool lr = expr_ready(l.lhs, set_), rr = expr_ready(l.rhs, set_);
        bool holds = true;
        if (!lr && l.lhs.is_single_var()) {
          holds = engine::evaluate_expr(l.rhs, regs_.data(), b);
          if (holds) bind(l.lhs.steps[0].value, static_cast<engine::Value>(b), undo);
        } else if (!rr && l.rhs.is_single_var()) {
          holds = engine::evaluate_expr(l.lhs, regs_.data(), a);
          if (holds) bind(l.rhs.steps[0].value, static_cast<engine::Value>(a), undo);
        } else {
          holds = engine::evaluate_expr(l.lhs, regs_.data(), a) && engine::evaluate_expr(l.rhs, regs_.data(), b) && engine::compare_values(l.op, a, b);
        }
        if (holds) body(lits, done, found);
        unbind(undo);
        break;
      }
      case Literal::Kind::aggregate: {
        auto v = aggregate(l);
        if (v && set_[l.target]) {
          if (regs_[l.target] == static_cast<engine::Value>(*v)) body(lits, done, found);
        } else if (v) {
          bind(l.target, static_cast<engine::Value>(*v), undo);
          body(lits, done, found);
          unbind(undo);
        }
        break;
      }
    }
    done[i] = false;
  }

  engine::Database const& db_;
  std::vector<engine::Value>& regs_;
  std::vector<bool>& set_;
};

std::string expr_text(engine::Expr const& e, std::vector<engine::Value> const& regs, std::vector<bool> const& set, Session const& s,
                      std::vector<ValueType> const& types) {
  // Values of the expression's variables, for "12 > 10" style explanations.
  std::int64_t v = 0;
  if (e.is_single_var()) {
    auto r = e.steps[0].value;
    return set[r] ? s.display(types[r], regs[r]) : "?";
  }
  if (!engine::evaluate_expr(e, regs.data(), v)) return "?";
  if (e.type == ValueType::date && !(e.steps.size() == 3 && e.steps[2].op == engine::Expr::Op::sub)) return s.display(ValueType::date, engine::pack_int(static_cast<std::int32_t>(v)));
  if (e.steps.size() == 1 && e.steps[0].op == engine::Expr::Op::push_const && e.type != ValueType::integer && e.type != ValueType::date)
    return s.display(e.type, e.steps[0].value);
  return std::to_string(v);
}
}  // namespace

ProofNode Session::explain_row(engine::RelationId rel, engine::RowId row, int depth) const {
  auto const& decl = program_.relations[rel];
  auto const& pred = program_.schema.predicates[decl.predicate];
  auto values = db_.relations[rel].row(row);
  ProofNode node;
  node.statement = fact_text(rel, values);
  if (pred.kind == engine::PredicateKind::claimed) {
    node.claim = values[decl.columns.size() - 1];
    node.kind = corpus_.claims[node.claim].source == engine::no_source ? ProofNode::Kind::background : ProofNode::Kind::claim;
    // Entities this claim names that were joined from names in other sources or scripts.
    for (std::size_t i = 0; i < pred.arity(); ++i) {
      if (decl.columns[i] != ValueType::entity || values[i] >= corpus_.entities.size()) continue;
      for (auto const& j : corpus_.entities[values[i]].joins) {
        ProofNode join;
        join.kind = ProofNode::Kind::entity_join;
        join.statement = "\"" + j.name_a + "\" and \"" + j.name_b + "\" are taken for one entity (`" + corpus_.entities[values[i]].id + "`): " + j.why;
        node.children.push_back(std::move(join));
      }
    }
    return node;
  }
  if (pred.kind == engine::PredicateKind::builtin) {
    node.kind = ProofNode::Kind::background;
    return node;
  }
  node.kind = pred.kind == engine::PredicateKind::constraint ? ProofNode::Kind::verdict : ProofNode::Kind::derived;
  auto d = db_.derivation(rel, row);
  if (!d || depth > 200) {
    node.verified = false;
    return node;
  }
  auto const& rule = program_.rules[d->rule];
  node.rule = rule.text;
  node.rule_span = rule.span;

  // Rebind the rule's variables from the head and the body rows it recorded.
  std::vector<engine::Value> regs(rule.registers.size(), 0);
  std::vector<bool> set(rule.registers.size(), false);
  bool ok = true;
  auto unify = [&](Operand const& op, engine::Value v) {
    if (op.kind == Operand::Kind::constant) ok = ok && op.value == v;
    else if (op.kind == Operand::Kind::var) {
      if (set[op.value]) ok = ok && regs[op.value] == v;
      else {
        regs[op.value] = v;
        set[op.value] = true;
      }
    }
  };
  for (std::size_t c = 0; c < rule.head_columns.size(); ++c) unify(rule.head_columns[c], values[c]);
  std::size_t slot = 0;
  std::vector<ProofNode> children;
  for (auto const& lit : rule.body) {
    if (lit.kind != Literal::Kind::atom) continue;
    auto body_row = d->rows[slot++];
    auto brow = db_.relations[lit.relation].row(body_row);
    for (std::size_t c = 0; c < lit.columns.size(); ++c) unify(lit.columns[c], brow[c]);
  }
  // Assignments and aggregates bind what the atoms did not, in whatever order their inputs
  // become known. An aggregate groups by the registers the rule binds outside it.
  Recheck recheck(db_, regs, set);
  for (bool progress = true; progress;) {
    progress = false;
    for (auto const& lit : rule.body) {
      std::int64_t v;
      if ((lit.kind == Literal::Kind::compare || lit.kind == Literal::Kind::assign) && lit.op == engine::CompareOp::eq) {
        for (auto [target, source] : {std::pair{&lit.lhs, &lit.rhs}, std::pair{&lit.rhs, &lit.lhs}}) {
          if (!target->is_single_var() || set[target->steps[0].value] || !expr_ready(*source, set)) continue;
          if (!engine::evaluate_expr(*source, regs.data(), v)) continue;
          regs[target->steps[0].value] = static_cast<engine::Value>(v);
          set[target->steps[0].value] = true;
          progress = true;
        }
      } else if (lit.kind == Literal::Kind::aggregate && !set[lit.target] && recheck.aggregate_ready(lit, rule.body)) {
        if (auto value = recheck.aggregate(lit)) {
          regs[lit.target] = static_cast<engine::Value>(*value);
          set[lit.target] = true;
          progress = true;
        }
      }
    }
  }
  slot = 0;
  for (auto const& lit : rule.body) {
    switch (lit.kind) {
      case Literal::Kind::atom: children.push_back(explain_row(lit.relation, d->rows[slot++], depth + 1)); break;
      case Literal::Kind::compare:
      case Literal::Kind::assign: {
        ProofNode c;
        c.kind = ProofNode::Kind::comparison;
        std::int64_t a = 0, b = 0;
        bool holds = engine::evaluate_expr(lit.lhs, regs.data(), a) && engine::evaluate_expr(lit.rhs, regs.data(), b) &&
                     engine::compare_values(lit.op, a, b);
        c.verified = holds;
        ok = ok && holds;
        c.statement = expr_text(lit.lhs, regs, set, *this, rule.register_types) + " " + std::string(engine::to_string(lit.op)) + " " +
                      expr_text(lit.rhs, regs, set, *this, rule.register_types) + "   (" + lit.text + ")";
        children.push_back(std::move(c));
        break;
      }
      case Literal::Kind::negation: {
        ProofNode n;
        n.kind = ProofNode::Kind::negation;
        auto const& target = db_.relations[lit.relation];
        bool found = false;
        for (engine::RowId r = 0; r < target.size() && !found; ++r) {
          auto trow = target.row(r);
          bool match = true;
          for (std::size_t c = 0; c < lit.columns.size() && match; ++c) {
            auto const& op = lit.columns[c];
            if (op.kind == Operand::Kind::constant) match = trow[c] == op.value;
            else if (op.kind == Operand::Kind::var) match = trow[c] == regs[op.value];
          }
          found = match;
        }
        n.verified = !found;
        ok = ok && !found;
        auto const& tdecl = program_.relations[lit.relation];
        std::string looked = tdecl.name + "(";
        for (std::size_t c = 0, shown = 0; c < program_.schema.predicates[tdecl.predicate].arity(); ++c, ++shown) {
          auto const& op = lit.columns[c];
          looked += (shown ? ", " : "") + (op.kind == Operand::Kind::var ? display(tdecl.columns[c], regs[op.value])
                                           : op.kind == Operand::Kind::constant ? display(tdecl.columns[c], op.value) : "_");
        }
        looked += ")";
        n.statement = "no fact " + looked + " was found   (" + lit.text + ")";
        children.push_back(std::move(n));
        break;
      }
      case Literal::Kind::aggregate: {
        ProofNode g;
        g.kind = ProofNode::Kind::aggregate;
        auto value = recheck.aggregate(lit);
        g.verified = value && set[lit.target] && regs[lit.target] == static_cast<engine::Value>(*value);
        ok = ok && g.verified;
        g.statement = rule.registers[lit.target] + " = " + (set[lit.target] ? display(rule.register_types[lit.target], regs[lit.target]) : "?") +
                      "   (" + lit.text + ")";
        children.push_back(std::move(g));
        break;
      }
    }
  }
  node.verified = ok;
  node.children = std::move(children);
  return node;
}

ProofNode Session::explain(Verdict const& v) const {
  auto node = explain_row(v.relation, v.row, 0);
  node.statement = v.message;
  return node;
}

}  // namespace nogood
