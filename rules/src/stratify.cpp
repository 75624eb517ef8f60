// Strata: predicates grouped into strongly connected components of the dependency graph,
// dependencies first. Negation and aggregation must not pass through recursion.
#include <algorithm>
#include <functional>

#include "check_internal.hpp"

namespace nogood::rules::detail {

namespace {

struct Edge {
  engine::PredicateId from;  // body predicate
  bool negative;
  Span span;                 // the literal that makes the dependency
  std::size_t rule;
};

}  // namespace

void stratify(CheckedProgram& out, Diagnostics& diags) {
  auto const n = out.schema.predicates.size();
  std::vector<std::vector<Edge>> deps(n);  // deps[head]: what it depends on
  std::vector<bool> defined(n, false);
  for (std::size_t ri = 0; ri < out.rules.size(); ++ri) {
    auto const& r = out.rules[ri];
    defined[r.head] = true;
    std::function<void(std::vector<ast::Literal> const&, bool)> walk = [&](std::vector<ast::Literal> const& body, bool neg) {
      for (auto const& lit : body) {
        auto add = [&](ast::Atom const& a, bool negative, Span s) {
          if (auto id = out.schema.find(a.predicate.name)) deps[r.head].push_back({*id, negative, s, ri});
        };
        if (auto a = std::get_if<ast::Atom>(&lit)) add(*a, neg, a->span);
        else if (auto ng = std::get_if<ast::Negation>(&lit)) add(ng->atom, true, ng->span);
        else if (auto c = std::get_if<ast::Comparison>(&lit))
          for (auto const* side : {&c->lhs, &c->rhs})
            if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(side)) walk((*g)->body, true);
      }
    };
    walk(r.body(), false);
  }

  // Tarjan's algorithm; components come out dependencies first since edges point at dependencies.
  std::vector<int> index(n, -1), low(n, 0), comp(n, -1);
  std::vector<bool> on_stack(n, false);
  std::vector<engine::PredicateId> stack;
  std::vector<std::vector<engine::PredicateId>> comps;
  int counter = 0;
  std::function<void(engine::PredicateId)> visit = [&](engine::PredicateId v) {
    index[v] = low[v] = counter++;
    stack.push_back(v);
    on_stack[v] = true;
    for (auto const& e : deps[v]) {
      if (index[e.from] < 0) {
        visit(e.from);
        low[v] = std::min(low[v], low[e.from]);
      } else if (on_stack[e.from]) {
        low[v] = std::min(low[v], index[e.from]);
      }
    }
    if (low[v] == index[v]) {
      std::vector<engine::PredicateId> c;
      engine::PredicateId w;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack[w] = false;
        comp[w] = static_cast<int>(comps.size());
        c.push_back(w);
      } while (w != v);
      std::sort(c.begin(), c.end());
      comps.push_back(std::move(c));
    }
  };
  for (engine::PredicateId v = 0; v < n; ++v)
    if (index[v] < 0) visit(v);

  for (auto const& c : comps) {
    if (!defined[c.front()]) continue;
    bool recursive = c.size() > 1;
    for (auto p : c)
      for (auto const& e : deps[p]) {
        if (comp[e.from] != comp[p]) continue;
        recursive = true;
        if (!e.negative) continue;
        std::string cycle;
        for (auto q : c) cycle += (cycle.empty() ? "" : " -> ") + quote(out.schema.predicates[q].name);
        auto d = make_error("E0214", "negation or aggregation through recursion: " + quote(out.schema.predicates[p].name) +
                                         " depends on " + quote(out.schema.predicates[e.from].name) + " through `not` or an aggregate inside a cycle");
        d.with_primary(e.span, "this literal is part of the cycle");
        for (std::size_t ri = 0; ri < out.rules.size(); ++ri)
          if (comp[out.rules[ri].head] == comp[p] && ri != e.rule) d.with_secondary(out.rules[ri].span(), "a rule in the cycle");
        d.with_note("the cycle: " + cycle);
        d.with_help("the value under `not` must be fully known before it is used; break the cycle with a separate predicate");
        diags.report(std::move(d));
      }
    out.strata.push_back(c);
    out.recursive.push_back(recursive);
  }
}

}  // namespace nogood::rules::detail
