// Bodies with alternatives, `( ... ; ... )`, written out as one body per choice of alternative,
// so that every later pass (types, safety, strata, lowering) sees plain conjunctions and each
// derivation records which choice held.
#include "check_internal.hpp"
#include "nogood/rules/lower.hpp"

namespace nogood::rules::detail {

namespace {

// Past this many choices a rule is better written with a helper predicate: each choice is
// evaluated as a rule of its own.
constexpr std::size_t max_choices = 256;

bool has_disjunction(std::vector<ast::Literal> const& body) {
  for (auto const& lit : body)
    if (std::holds_alternative<std::shared_ptr<ast::Disjunction>>(lit)) return true;
  return false;
}

// An aggregate counts the matches of one body; alternatives inside it would need its choices
// merged before counting, which rules cannot express per choice.
ast::Disjunction const* disjunction_in_aggregate(std::vector<ast::Literal> const& body) {
  ast::Disjunction const* found = nullptr;
  std::function<void(ast::Term const&)> in_term = [&](ast::Term const& t) {
    if (found) return;
    if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(&t)) {
      for (auto const& lit : (*g)->body)
        if (auto d = std::get_if<std::shared_ptr<ast::Disjunction>>(&lit)) found = d->get();
      if (!found) found = disjunction_in_aggregate((*g)->body);
    } else if (auto b = std::get_if<std::shared_ptr<ast::Binary>>(&t)) {
      in_term((*b)->lhs);
      in_term((*b)->rhs);
    } else if (auto c = std::get_if<std::shared_ptr<ast::Call>>(&t)) {
      for (auto const& a : (*c)->args) in_term(a);
    }
  };
  for (auto const& lit : body) {
    if (auto c = std::get_if<ast::Comparison>(&lit)) {
      in_term(c->lhs);
      in_term(c->rhs);
    } else if (auto d = std::get_if<std::shared_ptr<ast::Disjunction>>(&lit)) {
      for (auto const& alt : (*d)->alternatives)
        if (!found) found = disjunction_in_aggregate(alt);
    } else if (auto n = std::get_if<std::shared_ptr<ast::NegatedConjunction>>(&lit)) {
      // `not (...)` is counted as an aggregate is.
      for (auto const& inner : (*n)->body)
        if (auto d = std::get_if<std::shared_ptr<ast::Disjunction>>(&inner); d && !found) found = d->get();
      if (!found) found = disjunction_in_aggregate((*n)->body);
    }
    if (found) return found;
  }
  return found;
}

// Every choice of `body`, literals in written order; false when there are too many.
bool choose(std::vector<ast::Literal> const& body, SourceManager const& sources, std::vector<BodyChoice>& out) {
  out.assign(1, {});
  for (auto const& lit : body) {
    auto d = std::get_if<std::shared_ptr<ast::Disjunction>>(&lit);
    if (!d) {
      for (auto& c : out) c.body.push_back(lit);
      continue;
    }
    std::vector<BodyChoice> next;
    for (std::size_t a = 0; a < (*d)->alternatives.size(); ++a) {
      std::vector<BodyChoice> inner;
      if (!choose((*d)->alternatives[a], sources, inner)) return false;
      auto written = span_text(sources, (*d)->alternative_spans[a]);
      for (auto const& prefix : out)
        for (auto const& c : inner) {
          if (next.size() >= max_choices) return false;
          BodyChoice joined = prefix;
          joined.body.insert(joined.body.end(), c.body.begin(), c.body.end());
          // The choice as written; a nested choice is already part of the alternative's text.
          joined.taken.push_back(written);
          next.push_back(std::move(joined));
        }
    }
    out = std::move(next);
  }
  return true;
}

}  // namespace

std::optional<std::vector<BodyChoice>> expand_alternatives(std::vector<ast::Literal> const& body, Span head_span,
                                                           SourceManager const& sources, Diagnostics& diags) {
  if (auto d = disjunction_in_aggregate(body)) {
    diags.report(make_error("E0238", "alternatives cannot be written inside an aggregate or `not (...)`")
                     .with_primary(d->span, "inside a body that is counted")
                     .with_help("derive a helper predicate with one rule per alternative, and aggregate over it"));
    return std::nullopt;
  }
  if (!has_disjunction(body)) return std::vector<BodyChoice>{};
  std::vector<BodyChoice> choices;
  if (!choose(body, sources, choices)) {
    diags.report(make_error("E0239", "too many combinations of alternatives")
                     .with_primary(head_span, "more than " + std::to_string(max_choices) + " ways to choose among its alternatives")
                     .with_note("each combination is evaluated as a rule of its own")
                     .with_help("move some alternatives into a helper predicate, or test values with `X in {...}`"));
    return std::nullopt;
  }
  return choices;
}

}  // namespace nogood::rules::detail
