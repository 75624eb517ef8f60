// Arithmetic in atom arguments, `a(I + 1) :- a(I), I < 9.` or `age(P, N + 1)`: each computed
// argument becomes a variable of its own and an assignment, so the later passes and the engine
// see plain atoms, and explanations show the value with the computation that gave it.
#include "check_internal.hpp"
#include "nogood/rules/print.hpp"

namespace nogood::rules::detail {

namespace {

bool computed(ast::Term const& t) {
  return std::holds_alternative<std::shared_ptr<ast::Binary>>(t) || std::holds_alternative<std::shared_ptr<ast::Call>>(t);
}

bool has_computed(ast::Atom const& a) {
  for (auto const& t : a.args)
    if (computed(t)) return true;
  return false;
}

bool has_computed(std::vector<ast::Literal> const& body) {
  bool found = false;
  for_each_atom(body, [&](ast::Atom const& a, bool) { found = found || has_computed(a); });
  return found;
}

class Lifter {
public:
  explicit Lifter(CheckedRule const& r) : names_(r, "_arg") {}

  std::vector<std::pair<std::string, std::string>> lifted;  // variable, expression
  WrittenAggregates originals;

  // The atom with each computed argument replaced by a new variable, and `V = expr` for each.
  ast::Atom atom(ast::Atom a, std::vector<ast::Literal>& assignments) {
    for (auto& t : a.args) {
      if (!computed(t)) continue;
      Span at = ast::span_of(t);
      ast::Variable v{names_.next(), at};
      auto text = to_text(t);
      lifted.emplace_back(v.name, std::move(text));
      assignments.push_back(ast::Comparison{ast::CompareOp::eq, v, std::move(t), at});
      t = v;
    }
    return a;
  }

  std::vector<ast::Literal> body(std::vector<ast::Literal> const& in) {
    std::vector<ast::Literal> out;
    for (auto const& lit : in) {
      std::vector<ast::Literal> assignments;
      if (auto a = std::get_if<ast::Atom>(&lit)) {
        out.push_back(atom(*a, assignments));
        out.insert(out.end(), assignments.begin(), assignments.end());
      } else if (auto n = std::get_if<ast::Negation>(&lit)) {
        // The values are computed first: `not` looks them up.
        auto lifted = atom(n->atom, assignments);
        out.insert(out.end(), assignments.begin(), assignments.end());
        out.push_back(ast::Negation{std::move(lifted), n->span});
      } else if (auto c = std::get_if<ast::Comparison>(&lit)) {
        out.push_back(rewrite_aggregate_bodies(*c, [](auto const& b) { return has_computed(b); },
                                               [&](auto const& b) { return body(b); }, originals));
      } else {
        out.push_back(lit);
      }
    }
    return out;
  }

private:
  FreshNames names_;
};

}  // namespace

void lift_computed_arguments(CheckedRule& r) {
  bool in_head = r.rule && has_computed(r.rule->head);
  if (!in_head && !has_computed(r.body())) return;
  Lifter lift(r);
  auto body = lift.body(r.body());
  if (in_head) {
    std::vector<ast::Literal> assignments;
    r.rewritten_head = std::make_shared<ast::Atom const>(lift.atom(r.rule->head, assignments));
    body.insert(body.end(), assignments.begin(), assignments.end());
  }
  r.choice_body = std::make_shared<std::vector<ast::Literal> const>(std::move(body));
  r.lifted = std::move(lift.lifted);
  r.written_aggregates.insert(r.written_aggregates.end(), lift.originals.begin(), lift.originals.end());
}

}  // namespace nogood::rules::detail
