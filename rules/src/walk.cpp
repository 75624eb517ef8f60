#include "check_internal.hpp"

namespace nogood::rules::detail {

void for_each_atom(std::vector<ast::Literal> const& body, std::function<void(ast::Atom const&, bool)> const& f) {
  std::function<void(ast::Term const&)> in_term = [&](ast::Term const& t) {
    if (auto agg = std::get_if<std::shared_ptr<ast::Aggregate>>(&t)) for_each_atom((*agg)->body, f);
    else if (auto b = std::get_if<std::shared_ptr<ast::Binary>>(&t)) { in_term((*b)->lhs); in_term((*b)->rhs); }
    else if (auto c = std::get_if<std::shared_ptr<ast::Call>>(&t)) for (auto const& a : (*c)->args) in_term(a);
  };
  for (auto const& lit : body) {
    if (auto a = std::get_if<ast::Atom>(&lit)) f(*a, false);
    else if (auto n = std::get_if<ast::Negation>(&lit)) f(n->atom, true);
    else if (auto c = std::get_if<ast::Comparison>(&lit)) { in_term(c->lhs); in_term(c->rhs); }
    else if (auto d = std::get_if<std::shared_ptr<ast::Disjunction>>(&lit))
      for (auto const& alt : (*d)->alternatives) for_each_atom(alt, f);
    else if (auto n = std::get_if<std::shared_ptr<ast::NegatedConjunction>>(&lit))
      for_each_atom((*n)->body, [&](ast::Atom const& a, bool) { f(a, true); });
  }
}

void for_each_variable(ast::Term const& t, std::function<void(ast::Variable const&)> const& f) {
  if (auto v = std::get_if<ast::Variable>(&t)) f(*v);
  else if (auto b = std::get_if<std::shared_ptr<ast::Binary>>(&t)) { for_each_variable((*b)->lhs, f); for_each_variable((*b)->rhs, f); }
  else if (auto c = std::get_if<std::shared_ptr<ast::Call>>(&t)) { for (auto const& a : (*c)->args) for_each_variable(a, f); }
  else if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(&t)) {
    if ((*g)->value) for_each_variable(*(*g)->value, f);
    for_each_variable((*g)->body, f);
  }
}

void for_each_variable(ast::Atom const& a, std::function<void(ast::Variable const&)> const& f) {
  for (auto const& t : a.args) for_each_variable(t, f);
  if (a.source) for_each_variable(*a.source, f);
  if (a.claimant) for_each_variable(*a.claimant, f);
  if (a.certainty) for_each_variable(*a.certainty, f);
}

void for_each_variable(std::vector<ast::Literal> const& body, std::function<void(ast::Variable const&)> const& f) {
  for (auto const& lit : body) {
    if (auto a = std::get_if<ast::Atom>(&lit)) for_each_variable(*a, f);
    else if (auto n = std::get_if<ast::Negation>(&lit)) for_each_variable(n->atom, f);
    else if (auto c = std::get_if<ast::Comparison>(&lit)) { for_each_variable(c->lhs, f); for_each_variable(c->rhs, f); }
    else if (auto m = std::get_if<ast::Membership>(&lit)) for_each_variable(m->element, f);
    else if (auto d = std::get_if<std::shared_ptr<ast::Disjunction>>(&lit))
      for (auto const& alt : (*d)->alternatives) for_each_variable(alt, f);
    else if (auto n = std::get_if<std::shared_ptr<ast::NegatedConjunction>>(&lit))
      for_each_variable((*n)->body, f);
  }
}

std::string type_name(engine::ValueType t) { return std::string(engine::to_string(t)); }
std::string a_type(engine::ValueType t) {
  return (t == engine::ValueType::integer || t == engine::ValueType::entity ? "an " : "a ") + type_name(t);
}
std::string quote(std::string_view s) { return "`" + std::string(s) + "`"; }

std::vector<std::pair<std::string, std::size_t>> template_placeholders(std::string const& message) {
  std::vector<std::pair<std::string, std::size_t>> out;
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (message[i] != '{') continue;
    auto close = message.find('}', i);
    if (close == std::string::npos) break;
    out.emplace_back(message.substr(i + 1, close - i - 1), i);
    i = close;
  }
  return out;
}

}  // namespace nogood::rules::detail
