#include "nogood/rules/ast.hpp"

namespace nogood::ast {

Span span_of(Term const& t) {
  return std::visit(
      [](auto const& x) -> Span {
        if constexpr (requires { x->span; }) return x->span;
        else return x.span;
      },
      t);
}

Span span_of(Literal const& l) {
  return std::visit(
      [](auto const& x) -> Span {
        if constexpr (requires { x->span; }) return x->span;
        else return x.span;
      },
      l);
}

Span span_of(Statement const& s) {
  return std::visit([](auto const& x) { return x.span; }, s);
}

}  // namespace nogood::ast
