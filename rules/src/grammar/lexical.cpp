// Instantiates the lexical rules for the one iterator and context type (config.hpp).
#include "lexical_def.hpp"

namespace nogood::rules::grammar {
BOOST_SPIRIT_INSTANTIATE(lower_name_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(any_name_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(variable_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(symbol_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(string_lit_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(number_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(date_type, iterator_type, context_type)
}  // namespace nogood::rules::grammar
