// Building blocks shared by the rule definitions: keyword guards, the commitment directive
// `expect(what)[p]` that reports through syntax_error, and the string token.
#pragma once

#include <string>

#include "config.hpp"
#include "syntax_error.hpp"

namespace nogood::rules::grammar {

inline auto const ident_char = x3::char_("a-zA-Z0-9_");
inline auto const digit = x3::char_('0', '9');

// A keyword only when not followed by a letter, digit or `_`: `predecessor` is not `pred`.
inline auto kw(char const* word) { return x3::lexeme[x3::lit(word) >> !ident_char]; }

// Like X3's `expect[p]` but throws our syntax_error naming the commitment point, so each
// error gets its own message; `where` is the position before blanks were skipped.
template <typename Subject>
struct expect_directive : x3::unary_parser<Subject, expect_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, expect_directive<Subject>>;
  static bool const is_pass_through_unary = true;

  constexpr expect_directive(Subject const& subject, Expected what) : base_type(subject), what(what) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attr) const {
    Iterator const before = first;
    if (this->subject.parse(first, last, context, rcontext, attr)) return true;
    throw syntax_error{before, what};
  }

  Expected what;
};

struct expect_gen {
  Expected what;
  template <typename Subject>
  constexpr expect_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& subject) const {
    return {x3::as_parser(subject), what};
  }
};

constexpr expect_gen expect(Expected what) { return {what}; }

// `"..."`: yields the text between the quotes with escapes undecoded (build_ast decodes them
// and reports bad escapes at their own position). Strings end at the line: an unclosed one is
// reported at its opening quote instead of swallowing the rest of the file.
struct string_token_parser : x3::parser<string_token_parser> {
  using attribute_type = std::string;
  static bool const has_attribute = true;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
             Attribute& attr) const {
    x3::skip_over(first, last, context);
    if (first == last || *first != '"') return false;
    Iterator it = first + 1;
    Iterator const content = it;
    for (;;) {
      if (it == last || *it == '\n' || *it == '\r') throw syntax_error{first, Expected::string_close};
      if (*it == '"') break;
      if (*it == '\\' && it + 1 != last && it[1] != '\n' && it[1] != '\r') ++it;
      ++it;
    }
    x3::traits::move_to(content, it, attr);
    first = it + 1;
    return true;
  }
};
inline constexpr string_token_parser string_token{};

}  // namespace nogood::rules::grammar

namespace boost::spirit::x3::detail {
// As for X3's own expect directive: inside a sequence that fills a container, parse the
// subject straight into the container and still throw on failure.
template <typename Subject, typename Context, typename RContext>
struct parse_into_container_impl<nogood::rules::grammar::expect_directive<Subject>, Context, RContext> {
  template <typename Iterator, typename Attribute>
  static bool call(nogood::rules::grammar::expect_directive<Subject> const& parser, Iterator& first,
                   Iterator const& last, Context const& context, RContext& rcontext, Attribute& attr) {
    Iterator const before = first;
    if (parse_into_container(parser.subject, first, last, context, rcontext, attr)) return true;
    throw nogood::rules::grammar::syntax_error{before, parser.what};
  }
};
}  // namespace boost::spirit::x3::detail
