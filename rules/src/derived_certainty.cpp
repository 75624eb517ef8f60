#include "derived_certainty.hpp"

#include <optional>
#include <string>

#include "check_internal.hpp"

namespace nogood::rules::detail {

using engine::Operand;
using engine::ValueType;

std::vector<bool> certainty_read(CheckedProgram const& checked) {
  auto const& schema = checked.schema;
  std::vector<bool> read(schema.predicates.size(), false);
  auto derived = [&](ast::Atom const& a) -> std::optional<engine::PredicateId> {
    auto id = schema.find(a.predicate.name);
    if (id && schema.predicates[*id].kind == engine::PredicateKind::derived) return id;
    return std::nullopt;
  };
  for (auto const& r : checked.rules)
    for_each_atom(r.body(), [&](ast::Atom const& a, bool) {
      if (auto id = derived(a); id && a.certainty) read[*id] = true;
    });
  // Each choice of alternatives is a rule of its own, so the top-level atoms are all it rests on.
  for (bool grew = true; grew;) {
    grew = false;
    for (auto const& r : checked.rules) {
      if (r.kind != CheckedRule::Kind::rule || !read[r.head]) continue;
      for (auto const& lit : r.body())
        if (auto a = std::get_if<ast::Atom>(&lit))
          if (auto id = derived(*a); id && !read[*id]) read[*id] = grew = true;
    }
  }
  return read;
}

engine::Rule certainty_twin(engine::Rule rule, engine::Program const& program, std::vector<engine::RelationId> const& certainty_relation,
                            engine::RelationId head) {
  using Op = engine::Expr::Op;
  auto fresh = [&] {
    rule.registers.push_back("_certainty" + std::to_string(rule.registers.size()));
    rule.register_types.push_back(ValueType::certainty);
    return static_cast<engine::Register>(rule.registers.size() - 1);
  };
  engine::Literal weakest;
  weakest.kind = engine::Literal::Kind::compare;
  weakest.op = engine::CompareOp::eq;
  weakest.is_signed = true;
  weakest.weakest_certainty = true;
  weakest.span = rule.span;
  for (auto& l : rule.body) {
    if (l.kind != engine::Literal::Kind::atom) continue;
    auto const& decl = program.relations[l.relation];
    auto const& pred = program.schema.predicates[decl.predicate];
    std::size_t column = 0;
    if (pred.kind == engine::PredicateKind::claimed) {
      column = pred.arity() + 2;  // args, source, claimant, certainty
    } else if (pred.kind == engine::PredicateKind::derived) {
      if (decl.certainty_column < 0) {  // an atom that did not say `certainty`: read it now
        l.relation = certainty_relation[decl.predicate];
        l.columns.push_back(Operand::ignored());
      }
      column = static_cast<std::size_t>(program.relations[l.relation].certainty_column);
    } else {
      continue;
    }
    auto& op = l.columns[column];
    if (op.kind == Operand::Kind::ignore) op = Operand::var(fresh());
    weakest.rhs.steps.push_back({op.kind == Operand::Kind::var ? Op::push_signed_var : Op::push_const, op.value});
    if (weakest.rhs.steps.size() > 1) weakest.rhs.steps.push_back({Op::min, 0});
    weakest.text += (weakest.text.empty() ? "" : ", ") + l.text;
  }
  if (weakest.rhs.steps.empty()) weakest.rhs.steps.push_back({Op::push_const, static_cast<engine::Value>(engine::Certainty::asserted)});
  auto const target = fresh();
  weakest.lhs.steps.push_back({Op::push_signed_var, target});
  weakest.lhs.type = weakest.rhs.type = ValueType::certainty;
  rule.body.push_back(std::move(weakest));
  rule.head = head;
  rule.head_columns.push_back(Operand::var(target));
  return rule;
}

}  // namespace nogood::rules::detail
