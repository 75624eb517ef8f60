// `not (a(X, Y), Y > Z)`: no match of the conjunction for the bindings of the rest of the rule.
// An aggregate already is a body evaluated per binding of the variables it shares with its rule,
// so the conjunction becomes `_not1 = count : { a(X, Y), Y > Z }, _not1 = 0`: stratification,
// safety, the engine and explanations treat it as they treat any count.
#include <functional>
#include <set>

#include "check_internal.hpp"
#include "nogood/rules/print.hpp"

namespace nogood::rules::detail {

namespace {

bool has_negated_conjunction(std::vector<ast::Literal> const& body) {
  bool found = false;
  // At the top of the body, or inside an aggregate's.
  std::function<void(std::vector<ast::Literal> const&)> scan = [&](std::vector<ast::Literal> const& lits) {
    for (auto const& lit : lits) {
      if (std::holds_alternative<std::shared_ptr<ast::NegatedConjunction>>(lit)) found = true;
      if (auto c = std::get_if<ast::Comparison>(&lit))
        for (auto const* side : {&c->lhs, &c->rhs})
          if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(side)) scan((*g)->body);
    }
  };
  scan(body);
  return found;
}

class Rewriter {
public:
  explicit Rewriter(std::set<std::string> taken) : taken_(std::move(taken)) {}
  std::vector<std::pair<std::string, std::string>> counters;  // `_notN`, and its `not (...)` as written
  std::vector<std::pair<ast::Aggregate const*, std::shared_ptr<ast::Aggregate const>>> originals;  // copy, as written

  std::vector<ast::Literal> body(std::vector<ast::Literal> const& in) {
    std::vector<ast::Literal> out;
    for (auto const& lit : in) {
      auto n = std::get_if<std::shared_ptr<ast::NegatedConjunction>>(&lit);
      if (!n) {
        out.push_back(in_aggregates(lit));
        continue;
      }
      Span const at = (*n)->span;
      auto count = std::make_shared<ast::Aggregate>();
      count->kind = ast::AggregateKind::count;
      count->body = body((*n)->body);  // a `not (...)` inside another
      count->span = at;
      ast::Variable v{fresh(), at};
      counters.emplace_back(v.name, to_text(lit));
      out.push_back(ast::Comparison{ast::CompareOp::eq, v, std::move(count), at});
      out.push_back(ast::Comparison{ast::CompareOp::eq, v, ast::IntLit{0, at}, at});
    }
    return out;
  }

private:
  // A comparison with an aggregate whose body holds a `not (...)`: the aggregate, rewritten.
  ast::Literal in_aggregates(ast::Literal const& lit) {
    auto c = std::get_if<ast::Comparison>(&lit);
    if (!c) return lit;
    auto copy = *c;
    for (auto* side : {&copy.lhs, &copy.rhs})
      if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(side); g && contains((*g)->body)) {
        auto inner = std::make_shared<ast::Aggregate>(**g);
        inner->body = body((*g)->body);
        originals.emplace_back(inner.get(), *g);
        *side = std::move(inner);
      }
    return copy;
  }

  static bool contains(std::vector<ast::Literal> const& body) {
    for (auto const& lit : body) {
      if (std::holds_alternative<std::shared_ptr<ast::NegatedConjunction>>(lit)) return true;
      if (auto c = std::get_if<ast::Comparison>(&lit))
        for (auto const* side : {&c->lhs, &c->rhs})
          if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(side); g && contains((*g)->body)) return true;
    }
    return false;
  }

  // `_not1`, `_not2`, ...: names no variable of the rule has, hidden from a verdict's bindings.
  std::string fresh() {
    std::string name;
    do name = "_not" + std::to_string(++next_);
    while (!taken_.insert(name).second);
    return name;
  }

  std::set<std::string> taken_;
  int next_ = 0;
};

}  // namespace

void rewrite_negated_conjunctions(CheckedRule& r) {
  if (!has_negated_conjunction(r.body())) return;
  std::set<std::string> taken;
  auto note = [&](ast::Variable const& v) { taken.insert(v.name); };
  if (r.rule) for_each_variable(r.rule->head, note);
  for_each_variable(r.body(), note);
  Rewriter rewrite(std::move(taken));
  r.choice_body = std::make_shared<std::vector<ast::Literal> const>(rewrite.body(r.body()));
  r.negated_conjunctions = std::move(rewrite.counters);
  r.written_aggregates = std::move(rewrite.originals);
}

}  // namespace nogood::rules::detail
