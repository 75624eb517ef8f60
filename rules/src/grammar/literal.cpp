// Instantiates the literal rules for the one iterator and context type (config.hpp).
#include "literal_def.hpp"

namespace nogood::rules::grammar {
BOOST_SPIRIT_INSTANTIATE(literal_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(body_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(args_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(atom_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(negation_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(condition_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(condition_tail_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(comparison_tail_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(annotations_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(membership_tail_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(within_tail_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(set_ref_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(set_values_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(set_items_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(alternative_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(disjunction_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(negated_conjunction_type, iterator_type, context_type)
}  // namespace nogood::rules::grammar
