// Safety: every variable in a head, under `not`, in a comparison or in a template must be
// bound by a positive atom or an assignment. One pass to a fixpoint, independent of order.
#include <algorithm>
#include <set>

#include "check_internal.hpp"

namespace nogood::rules::detail {

namespace {

using Bound = std::set<std::string>;

bool vars_bound(ast::Term const& t, Bound const& bound) {
  bool ok = true;
  for_each_variable(t, [&](ast::Variable const& v) { ok = ok && (v.anonymous() || bound.count(v.name)); });
  return ok;
}

// Variables the body binds, given those bound outside it (for aggregate bodies).
Bound bound_by(std::vector<ast::Literal> const& body, Bound bound) {
  for (auto const& lit : body)
    if (auto a = std::get_if<ast::Atom>(&lit))
      for_each_variable(*a, [&](ast::Variable const& v) {
        if (!v.anonymous()) bound.insert(v.name);
      });
  for (bool changed = true; changed;) {
    changed = false;
    for (auto const& lit : body) {
      auto c = std::get_if<ast::Comparison>(&lit);
      if (!c || c->op != ast::CompareOp::eq) continue;
      for (auto [target, other] : {std::pair{&c->lhs, &c->rhs}, std::pair{&c->rhs, &c->lhs}}) {
        auto v = std::get_if<ast::Variable>(target);
        if (!v || v->anonymous() || bound.count(v->name)) continue;
        bool ready = std::holds_alternative<std::shared_ptr<ast::Aggregate>>(*other) || vars_bound(*other, bound);
        if (ready) {
          bound.insert(v->name);
          changed = true;
        }
      }
    }
  }
  return bound;
}

void unsafe(ast::Variable const& v, std::string const& where, Diagnostics& diags, std::set<std::string>& reported) {
  if (v.anonymous()) {
    diags.report(make_error("E0209", "the anonymous variable `_` cannot be " + where)
                     .with_primary(v.span, "`_` matches anything and has no value")
                     .with_help("name the variable and bind it with a positive atom in the body"));
    return;
  }
  if (!reported.insert(v.name).second) return;
  diags.report(make_error("E0209", "unsafe variable " + quote(v.name) + ": it is " + where + " but not bound")
                   .with_primary(v.span, quote(v.name) + " is not bound by any positive atom")
                   .with_help("bind " + quote(v.name) + " with a positive atom in the body, e.g. `p(" + v.name + ")`, or an assignment `" + v.name + " = ...`"));
}

void check_body(std::vector<ast::Literal> const& body, Bound const& outer, Diagnostics& diags, std::set<std::string>& reported,
                Bound const& lifted) {
  Bound bound = bound_by(body, outer);
  for (auto const& lit : body) {
    if (auto n = std::get_if<ast::Negation>(&lit)) {
      for_each_variable(n->atom, [&](ast::Variable const& v) {
        if (!v.anonymous() && !bound.count(v.name)) unsafe(v, "used under `not`", diags, reported);
      });
    } else if (auto m = std::get_if<ast::Membership>(&lit)) {
      for_each_variable(m->element, [&](ast::Variable const& v) {
        if (v.anonymous() || !bound.count(v.name)) unsafe(v, "tested with `in`", diags, reported);
      });
    } else if (auto c = std::get_if<ast::Comparison>(&lit)) {
      for (auto const* side : {&c->lhs, &c->rhs}) {
        if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(side)) {
          check_body((*g)->body, bound, diags, reported, lifted);
          if ((*g)->value) {
            Bound inner = bound_by((*g)->body, bound);
            for_each_variable(*(*g)->value, [&](ast::Variable const& v) {
              if (v.anonymous() || !inner.count(v.name)) unsafe(v, "aggregated", diags, reported);
            });
          }
          continue;
        }
        auto target = std::get_if<ast::Variable>(&c->lhs);
        bool const computed = target && lifted.count(target->name);
        for_each_variable(*side, [&](ast::Variable const& v) {
          if (v.anonymous() || !bound.count(v.name))
            unsafe(v, computed ? "used in an argument's arithmetic" : "used in a comparison", diags, reported);
        });
      }
    }
  }
}

}  // namespace

std::set<std::string> check_safety(CheckedRule const& rule, Diagnostics& diags) {
  std::set<std::string> reported;
  // A lifted argument is unbound when its expression's variables are: those are reported.
  Bound lifted;
  for (auto const& [name, expr] : rule.lifted) lifted.insert(name);
  reported = lifted;
  check_body(rule.body(), {}, diags, reported, lifted);
  Bound bound = bound_by(rule.body(), {});
  if (rule.rule) {
    for_each_variable(rule.head_atom(), [&](ast::Variable const& v) {
      if (v.anonymous() || !bound.count(v.name)) unsafe(v, "in the head", diags, reported);
    });
  }
  return reported;
}

}  // namespace nogood::rules::detail
