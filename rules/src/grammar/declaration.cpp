// Instantiates the declaration rules for the one iterator and context type (config.hpp).
#include "declaration_def.hpp"

namespace nogood::rules::grammar {
BOOST_SPIRIT_INSTANTIATE(import_stmt_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(pred_decl_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(params_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(parameter_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(unique_stmt_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(unique_keys_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(unique_scope_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(grouped_word_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(tolerance_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(negation_check_stmt_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(negation_setting_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(vocabulary_stmt_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(vocabulary_values_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(label_stmt_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(set_stmt_type, iterator_type, context_type)
}  // namespace nogood::rules::grammar
