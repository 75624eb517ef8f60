// What the rewrites of a checked rule's body share (`not (...)` into a count, computed atom
// arguments into assignments): names for the variables they add, and copies of the aggregates
// whose bodies they change.
#include "check_internal.hpp"

namespace nogood::rules::detail {

FreshNames::FreshNames(CheckedRule const& r, std::string prefix) : prefix_(std::move(prefix)) {
  auto note = [&](ast::Variable const& v) { taken_.insert(v.name); };
  if (r.rule) for_each_variable(r.rule->head, note);
  for_each_variable(r.body(), note);
}

std::string FreshNames::next() {
  std::string name;
  do name = prefix_ + std::to_string(++next_);
  while (!taken_.insert(name).second);
  return name;
}

ast::Comparison rewrite_aggregate_bodies(ast::Comparison c, BodyTest const& needs, BodyRewrite const& rewrite,
                                         WrittenAggregates& originals) {
  for (auto* side : {&c.lhs, &c.rhs})
    if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(side); g && needs((*g)->body)) {
      auto copy = std::make_shared<ast::Aggregate>(**g);
      copy->body = rewrite((*g)->body);
      originals.emplace_back(copy.get(), *g);
      *side = std::move(copy);
    }
  return c;
}

}  // namespace nogood::rules::detail
