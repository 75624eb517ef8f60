// The one iterator and context type every grammar translation unit is instantiated with.
// A rule called with any other context would not link (Spirit issues #347, #548), so the
// grammar never calls a rule of another group inside lexeme[] or any directive that changes
// the context.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "source_info.hpp"

namespace nogood::rules::grammar {

namespace x3 = boost::spirit::x3;

using iterator_type = char const*;

// Context key for the source_info, which rules use to compute spans.
struct source_tag;

// Blanks and `#` comments to end of line. Hand-written: it runs before every token.
struct skipper_parser : x3::parser<skipper_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
    Iterator const start = first;
    while (first != last) {
      char c = *first;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++first;
      } else if (c == '#') {
        while (first != last && *first != '\n') ++first;
      } else {
        break;
      }
    }
    return first != start;
  }
};
inline constexpr skipper_parser skipper{};

using phrase_context_type = x3::context<x3::skipper_tag, skipper_parser const>;
using context_type = x3::context<source_tag, source_info const, phrase_context_type>;

}  // namespace nogood::rules::grammar
