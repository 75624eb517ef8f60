// Instantiates the statement rules for the one iterator and context type (config.hpp).
#include "parse_statement.hpp"
#include "statement_def.hpp"

namespace nogood::rules::grammar {
BOOST_SPIRIT_INSTANTIATE(statement_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(rule_stmt_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(rule_tail_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(constraint_stmt_type, iterator_type, context_type)

bool parse_statement(char const*& first, char const* last, source_info const& source, syntax::statement& out) {
  phrase_context_type const phrase(skipper);
  context_type const context(source, phrase);
  return statement.parse(first, last, context, x3::unused, out);
}
}  // namespace nogood::rules::grammar
