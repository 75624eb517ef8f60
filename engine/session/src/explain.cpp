// Proof trees rebuilt from provenance; every step is re-checked against its rule before it
// is shown, so an explanation never rests on a premise that does not hold.
#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "nogood/engine/dates.hpp"
#include "nogood/session.hpp"
#include "body_order.hpp"

namespace nogood {

using engine::Literal;
using engine::Operand;
using engine::ValueType;

std::string Session::fact_text(engine::RelationId rel, engine::Value const* row) const {
  auto const& decl = program_.relations[rel];
  auto const& pred = program_.schema.predicates[decl.predicate];
  std::string out;
  auto sentence = decl.strong_negation ? sentences_.end() : sentences_.find(decl.predicate);
  if (sentence != sentences_.end()) {
    // `{person} is {role}`: each placeholder an argument (the checker made sure), shown for people.
    auto const& text = sentence->second;
    for (std::size_t i = 0; i < text.size(); ++i) {
      auto close = text[i] == '{' ? text.find('}', i) : std::string::npos;
      std::size_t arg = pred.arity();
      if (close != std::string::npos)
        for (std::size_t a = 0; a < pred.arity(); ++a)
          if (text.compare(i + 1, close - i - 1, pred.params[a].name) == 0) arg = a;
      if (arg == pred.arity()) {
        out += text[i];
        continue;
      }
      // An absent argument leaves no gap: `{person} is {role} {org}` reads `... is informant`.
      if (engine::is_absent(decl.columns[arg], row[arg]) && !out.empty() && out.back() == ' ') out.pop_back();
      out += display(decl.columns[arg], row[arg]);
      i = close;
    }
  } else {
    // Trailing arguments that are absent or hold their default are left out, as facts and rules
    // leave them out; an absent one before a shown argument reads `absent`, as rules write it.
    auto shown = pred.arity();
    while (shown > 0 && left_out(pred.params[shown - 1], decl.columns[shown - 1], row[shown - 1])) --shown;
    out = (decl.strong_negation ? "-" : "") + pred.name + "(";
    for (std::size_t i = 0; i < shown; ++i)
      out += (i ? ", " : "") + (engine::is_absent(decl.columns[i], row[i]) ? std::string("absent") : display(decl.columns[i], row[i]));
    out += ")";
  }
  bool sourced = pred.kind == engine::PredicateKind::claimed || (pred.kind == engine::PredicateKind::derived && pred.sourced);
  if (sourced && row[pred.arity()] != engine::no_source) out += " @ " + display(ValueType::source, row[pred.arity()]);
  if (decl.certainty_column >= 0) out += " certainty " + display(ValueType::certainty, row[decl.certainty_column]);
  return out;
}

bool Session::left_out(engine::Parameter const& param, ValueType type, engine::Value v) const {
  if (engine::is_absent(type, v)) return true;
  return param.default_text && canonical(type, v) == *param.default_text;
}

namespace {

std::string expr_text(engine::Expr const& e, std::vector<engine::Value> const& regs, std::vector<bool> const& set, Session const& s,
                      std::vector<ValueType> const& types) {
  // Values of the expression's variables, for "12 > 10" style explanations.
  std::int64_t v = 0;
  if (e.is_single_var()) {
    auto r = e.steps[0].value;
    return set[r] ? s.display(types[r], regs[r]) : "?";
  }
  if (!engine::evaluate_expr(e, regs.data(), v)) return "?";
  // A date, but for a difference of two dates (days).
  bool const difference = e.steps.size() == 3 && e.steps[1].op == engine::Expr::Op::push_date_var && e.steps[2].op == engine::Expr::Op::sub;
  if (e.type == ValueType::date && !difference) {
    engine::Value day = 0;
    engine::assigned_value(e, regs.data(), day);
    return s.display(ValueType::date, day);
  }
  if (e.steps.size() == 1 && (e.steps[0].op == engine::Expr::Op::push_const || e.steps[0].op == engine::Expr::Op::push_unsigned_const) && e.type != ValueType::integer && e.type != ValueType::date)
    return s.display(e.type, e.steps[0].value);
  return std::to_string(v);
}
// The gap a `unique ... within N` measured between dates that are not both single days:
// `gap of 3 days between 2025-10 and 2025-11-03`.
std::optional<std::string> date_gap_text(Literal const& lit, std::vector<engine::Value> const& regs) {
  if (!lit.date_gap || lit.lhs.steps.size() != 4) return std::nullopt;
  auto const a = regs[lit.lhs.steps[0].value], b = regs[lit.lhs.steps[1].value];
  if (!engine::is_imprecise_date(a) && !engine::is_imprecise_date(b)) return std::nullopt;
  bool minutes = false;
  auto const gap = engine::date_gap(a, b, minutes);
  return "gap of " + std::to_string(minutes ? gap / engine::minutes_per_day : gap) + " days between " + engine::format_date_value(a) +
         " and " + engine::format_date_value(b);
}
}  // namespace

// `certainty alleged, the weakest of: role(P, informant) @ S reported, ...`: each positive atom
// with the certainty of the fact it matched, in the order lowering folded them.
std::string Session::weakest_certainty_text(engine::Rule const& rule, engine::Literal const& weakest,
                                            std::vector<engine::Value> const& regs) const {
  auto level = [&](engine::Expr::Step const& step) {
    return display(ValueType::certainty, step.op == engine::Expr::Op::push_signed_var ? regs[step.value] : step.value);
  };
  std::string out = "certainty " + level(weakest.lhs.steps[0]) + ", the weakest of:";
  std::size_t step = 0;
  for (auto const& lit : rule.body) {
    if (lit.kind != Literal::Kind::atom) continue;
    auto kind = program_.schema.predicates[program_.relations[lit.relation].predicate].kind;
    if (kind != engine::PredicateKind::claimed && kind != engine::PredicateKind::derived) continue;
    while (step < weakest.rhs.steps.size() && weakest.rhs.steps[step].op == engine::Expr::Op::min) ++step;
    if (step == weakest.rhs.steps.size()) break;
    out += (step ? ", " : " ") + lit.text + " " + level(weakest.rhs.steps[step]);
    ++step;
  }
  if (weakest.rhs.steps.size() == 1 && out.back() == ':') out += " nothing but sure facts";
  return out;
}

ProofNode Session::explain_row(engine::RelationId rel, engine::RowId row, int depth) const {
  auto const& decl = program_.relations[rel];
  auto const& pred = program_.schema.predicates[decl.predicate];
  auto values = db_.relations[rel].row(row);
  ProofNode node;
  node.statement = fact_text(rel, values);
  if (pred.kind == engine::PredicateKind::claimed) {
    node.claim = values[decl.columns.size() - 1];
    node.kind = corpus_.claims[node.claim].source == engine::no_source ? ProofNode::Kind::background : ProofNode::Kind::claim;
    // Why a name this source wrote stands for the entity shown: one join per entity, and only
    // when the names differ (a join of identical names explains nothing).
    auto const source = corpus_.claims[node.claim].source;
    for (std::size_t i = 0; i < pred.arity(); ++i) {
      if (decl.columns[i] != ValueType::entity || values[i] >= corpus_.entities.size()) continue;
      auto const& entity = corpus_.entities[values[i]];
      for (auto const& j : entity.joins()) {
        if ((j.source_a != source && j.source_b != source) || j.name_a == j.name_b || j.name_a.empty() || j.name_b.empty()) continue;
        ProofNode join;
        join.kind = ProofNode::Kind::entity_join;
        join.statement = "\"" + j.name_a + "\" and \"" + j.name_b + "\" are taken for one entity (`" + entity.id + "`): " + j.why;
        node.children.push_back(std::move(join));
        break;
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
  if (decl.certainty_column >= 0) node.certainty = display(ValueType::certainty, values[decl.certainty_column]);
  node.rule = rule.text;
  node.rule_span = rule.span;
  node.alternatives = rule.choice;

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
  // become known.
  for (bool progress = true; progress;) {
    progress = false;
    for (auto const& lit : rule.body) {
      if ((lit.kind == Literal::Kind::compare || lit.kind == Literal::Kind::assign) && lit.op == engine::CompareOp::eq) {
        for (auto [target, source] : {std::pair{&lit.lhs, &lit.rhs}, std::pair{&lit.rhs, &lit.lhs}}) {
          engine::Value v;
          if (!target->is_single_var() || set[target->steps[0].value] || !expr_ready(*source, set) ||
              !engine::assigned_value(*source, regs.data(), v))
            continue;
          regs[target->steps[0].value] = v;
          set[target->steps[0].value] = true;
          progress = true;
        }
      } else if (lit.kind == Literal::Kind::aggregate && !set[lit.target] && aggregate_ready(lit, rule.body, set)) {
        if (auto v = aggregate_value(lit, regs, set)) {
          regs[lit.target] = static_cast<engine::Value>(*v);
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
        if (lit.negated_conjunction) break;  // `_notN = 0`: stated by its count's step
        ProofNode c;
        c.kind = ProofNode::Kind::comparison;
        bool holds = engine::holds_as_bound(lit, regs.data());
        c.verified = holds;
        ok = ok && holds;
        auto numeric = [](engine::Expr const& e) { return e.type == ValueType::integer || e.type == ValueType::date; };
        c.detail = (!numeric(lit.lhs) && !numeric(lit.rhs)) || lit.computed_argument;
        bool membership = lit.op == engine::CompareOp::in || lit.op == engine::CompareOp::not_in;
        if (lit.weakest_certainty)
          c.statement = weakest_certainty_text(rule, lit, regs);
        else if (lit.computed_argument)  // `N + 1 = 41`: the argument as written, and its value
          c.statement = lit.text + " = " + expr_text(lit.lhs, regs, set, *this, rule.register_types);
        else if (lit.op == engine::CompareOp::within)
          c.statement = expr_text(lit.lhs, regs, set, *this, rule.register_types) + " within " + std::to_string(lit.within) +
                        (lit.within_hours ? " hours of " : " days of ") + expr_text(lit.rhs, regs, set, *this, rule.register_types) +
                        "   (" + lit.text + ")";
        else if (auto gap = date_gap_text(lit, regs))  // `unique ... within N` on a month or a year
          c.statement = *gap + " > " + expr_text(lit.rhs, regs, set, *this, rule.register_types) + "   (" + lit.text + ")";
        else
          c.statement = expr_text(lit.lhs, regs, set, *this, rule.register_types) + " " + std::string(engine::to_string(lit.op)) + " " +
                        (membership ? lit.set_text : expr_text(lit.rhs, regs, set, *this, rule.register_types)) + "   (" + lit.text + ")";
        children.push_back(std::move(c));
        break;
      }
      case Literal::Kind::negation: {
        ProofNode n;
        n.kind = ProofNode::Kind::negation;
        auto const& target = db_.relations[lit.relation];
        // What was looked for: the columns the literal fixes, through the duplicate check or the index
        // evaluation built.
        std::uint64_t mask = 0;
        std::vector<engine::Value> key;
        for (std::size_t c = 0; c < lit.columns.size(); ++c) {
          auto const& op = lit.columns[c];
          if (op.kind == Operand::Kind::ignore) continue;
          mask |= 1ull << c;
          key.push_back(op.kind == Operand::Kind::var ? regs[op.value] : op.value);
        }
        auto matches = [&](engine::RowId r) {
          auto trow = target.row(r);
          if (!engine::matches_key(trow, key.data(), mask, target.arity())) return false;
          return !(lit.sourced_column >= 0 && trow[lit.sourced_column] == engine::no_source);
        };
        bool found = false;
        auto const every_column = target.arity() < 64 && mask == (std::uint64_t(1) << target.arity()) - 1;
        if (every_column && target.arity() > 0) {
          auto const r = target.lookup(key.data());
          found = r != engine::no_row && matches(r);
        } else if (auto const* index = mask ? target.find_index(mask) : nullptr) {
          for (auto r = index->first(index->hash_key(key.data())); r != engine::no_row && !found; r = index->next(r)) found = matches(r);
        } else {
          for (engine::RowId r = 0; r < target.size() && !found; ++r) found = matches(r);
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
        if (tdecl.certainty_column >= 0) {
          auto const& op = lit.columns[static_cast<std::size_t>(tdecl.certainty_column)];
          if (op.kind != Operand::Kind::ignore)
            looked += " certainty " + display(ValueType::certainty, op.kind == Operand::Kind::var ? regs[op.value] : op.value);
        }
        n.statement = "no fact " + looked + " was found   (" + lit.text + ")";
        children.push_back(std::move(n));
        break;
      }
      case Literal::Kind::aggregate: {
        ProofNode g;
        g.kind = ProofNode::Kind::aggregate;
        // Recount: every combination of facts matching the aggregate's body for this group.
        std::vector<std::vector<std::pair<engine::RelationId, engine::RowId>>> matches;
        std::int64_t count = 0;
        auto recount = aggregate_value(lit, regs, set, &count, &matches);
        auto shown = set[lit.target] ? display(rule.register_types[lit.target], regs[lit.target]) : "?";
        bool holds = set[lit.target] && recount && regs[lit.target] == static_cast<engine::Value>(*recount);
        g.verified = holds;
        ok = ok && holds;
        if (lit.negated_conjunction) {  // `not (...)`: held when nothing matched
          g.kind = ProofNode::Kind::negation;
          g.statement = "no match was found   (" + lit.text + ")";
          g.verified = holds && count == 0;
          ok = ok && g.verified;
          children.push_back(std::move(g));
          break;
        }
        g.statement = rule.registers[lit.target] + " = " + shown + " over " + std::to_string(count) + " match" + (count == 1 ? "" : "es") +
                      "   (" + lit.text + ")";
        for (auto const& m : matches)
          for (auto const& [rel_id, row_id] : m) g.children.push_back(explain_row(rel_id, row_id, depth + 1));
        children.push_back(std::move(g));
        break;
      }
    }
  }
  node.verified = ok;
  node.children = std::move(children);
  return node;
}

std::optional<std::int64_t> Session::aggregate_value(engine::Literal const& agg, std::vector<engine::Value> regs, std::vector<bool> set,
                                                     std::int64_t* matches,
                                                     std::vector<std::vector<std::pair<engine::RelationId, engine::RowId>>>* shown) const {
  std::vector<std::pair<engine::RelationId, engine::RowId>> current;
  AggregateValue value(agg);
  aggregate_matches(agg, evaluation_order(agg.body, set), 0, regs, set, current, [&] {
    value.add(regs, set);
    if (shown && shown->size() < 20) shown->push_back(current);
  });
  if (matches) *matches = value.matches();
  return value.value();
}

void Session::aggregate_matches(engine::Literal const& agg, std::vector<std::size_t> const& order, std::size_t i,
                                std::vector<engine::Value>& regs, std::vector<bool>& set,
                                std::vector<std::pair<engine::RelationId, engine::RowId>>& current,
                                std::function<void()> const& found) const {
  if (i == order.size()) {
    if (order.size() == agg.body.size()) found();
    return;
  }
  auto const& lit = agg.body[order[i]];
  if (lit.kind == Literal::Kind::atom || lit.kind == Literal::Kind::negation) {
    auto const& rel = db_.relations[lit.relation];
    bool any = false;
    for (engine::RowId r = 0; r < rel.size(); ++r) {
      auto row = rel.row(r);
      if (lit.sourced_column >= 0 && row[lit.sourced_column] == engine::no_source) continue;
      auto saved_regs = regs;
      auto saved_set = set;
      bool match = true;
      for (std::size_t c = 0; c < lit.columns.size() && match; ++c) {
        auto const& op = lit.columns[c];
        if (op.kind == Operand::Kind::constant) match = row[c] == op.value;
        else if (op.kind == Operand::Kind::var) {
          if (set[op.value]) match = regs[op.value] == row[c];
          else if (lit.kind == Literal::Kind::atom) {
            regs[op.value] = row[c];
            set[op.value] = true;
          }
        }
      }
      if (match && lit.kind == Literal::Kind::atom) {
        current.emplace_back(lit.relation, r);
        aggregate_matches(agg, order, i + 1, regs, set, current, found);
        current.pop_back();
      }
      any = any || match;
      regs = std::move(saved_regs);
      set = std::move(saved_set);
    }
    if (lit.kind == Literal::Kind::negation && !any) aggregate_matches(agg, order, i + 1, regs, set, current, found);
    return;
  }
  // Binds `r` to `v` for the literals after this one.
  auto bind_then_go_on = [&](engine::Register r, engine::Value v) {
    regs[r] = v;
    set[r] = true;
    aggregate_matches(agg, order, i + 1, regs, set, current, found);
    set[r] = false;
  };
  if (lit.kind == Literal::Kind::aggregate) {  // nested: counted for the values set so far
    auto v = aggregate_value(lit, regs, set);
    if (!v) return;
    if (!set[lit.target]) bind_then_go_on(lit.target, static_cast<engine::Value>(*v));
    else if (regs[lit.target] == static_cast<engine::Value>(*v)) aggregate_matches(agg, order, i + 1, regs, set, current, found);
    return;
  }
  bool lr = expr_ready(lit.lhs, set), rr = expr_ready(lit.rhs, set);
  if (!lr && lit.lhs.is_single_var()) {
    if (engine::Value v; engine::assigned_value(lit.rhs, regs.data(), v)) bind_then_go_on(lit.lhs.steps[0].value, v);
    return;
  }
  if (!rr && lit.rhs.is_single_var()) {
    if (engine::Value v; engine::assigned_value(lit.lhs, regs.data(), v)) bind_then_go_on(lit.rhs.steps[0].value, v);
    return;
  }
  if (engine::holds_as_bound(lit, regs.data()))
    aggregate_matches(agg, order, i + 1, regs, set, current, found);
}

ProofNode Session::explain(Verdict const& v) const {
  auto node = explain_row(v.relation(), v.row, 0);
  node.statement = message(v);
  return node;
}

}  // namespace nogood
