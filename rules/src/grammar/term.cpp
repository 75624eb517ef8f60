// Instantiates the term rules for the one iterator and context type (config.hpp).
#include "term_def.hpp"

namespace nogood::rules::grammar {
BOOST_SPIRIT_INSTANTIATE(chain_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(primary_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(paren_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(application_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(count_aggregate_type, iterator_type, context_type)
}  // namespace nogood::rules::grammar
