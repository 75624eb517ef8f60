// `not (a(X, Y), Y > Z)`: no match of the conjunction for the bindings of the rest of the rule.
// An aggregate already is a body evaluated per binding of the variables it shares with its rule,
// so the conjunction becomes `_not1 = count : { a(X, Y), Y > Z }, _not1 = 0`: stratification,
// safety, the engine and explanations treat it as they treat any count.
#include "check_internal.hpp"
#include "nogood/rules/print.hpp"

namespace nogood::rules::detail {

namespace {

// At the top of the body, or inside an aggregate's.
bool has_negated_conjunction(std::vector<ast::Literal> const& body) {
  for (auto const& lit : body) {
    if (std::holds_alternative<std::shared_ptr<ast::NegatedConjunction>>(lit)) return true;
    if (auto c = std::get_if<ast::Comparison>(&lit))
      for (auto const* side : {&c->lhs, &c->rhs})
        if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(side); g && has_negated_conjunction((*g)->body)) return true;
  }
  return false;
}

class Rewriter {
public:
  explicit Rewriter(CheckedRule const& r) : names_(r, "_not") {}
  std::vector<std::pair<std::string, std::string>> counters;  // `_notN`, and its `not (...)` as written
  WrittenAggregates originals;

  std::vector<ast::Literal> body(std::vector<ast::Literal> const& in) {
    std::vector<ast::Literal> out;
    for (auto const& lit : in) {
      if (auto c = std::get_if<ast::Comparison>(&lit)) {
        out.push_back(rewrite_aggregate_bodies(*c, has_negated_conjunction, [&](auto const& b) { return body(b); }, originals));
        continue;
      }
      auto n = std::get_if<std::shared_ptr<ast::NegatedConjunction>>(&lit);
      if (!n) {
        out.push_back(lit);
        continue;
      }
      Span const at = (*n)->span;
      auto count = std::make_shared<ast::Aggregate>();
      count->kind = ast::AggregateKind::count;
      count->body = body((*n)->body);  // a `not (...)` inside another
      count->span = at;
      ast::Variable v{names_.next(), at};
      counters.emplace_back(v.name, to_text(lit));
      out.push_back(ast::Comparison{ast::CompareOp::eq, v, std::move(count), at});
      out.push_back(ast::Comparison{ast::CompareOp::eq, v, ast::IntLit{0, at}, at});
    }
    return out;
  }

private:
  FreshNames names_;
};

}  // namespace

void rewrite_negated_conjunctions(CheckedRule& r) {
  if (!has_negated_conjunction(r.body())) return;
  Rewriter rewrite(r);
  r.choice_body = std::make_shared<std::vector<ast::Literal> const>(rewrite.body(r.body()));
  r.negated_conjunctions = std::move(rewrite.counters);
  r.written_aggregates = std::move(rewrite.originals);
}

}  // namespace nogood::rules::detail
