// Fusion adaptations so X3 can fill the syntax tree from sequences. Spans are not adapted:
// rules set them on success (annotate_span in grammar.hpp).
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "syntax.hpp"

BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::name, text)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::variable, text)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::symbol, text)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::string_lit, raw)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::number, text)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::date, text)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::operation, op, operand)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::chain, first, rest)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::application, function, args, body)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::count_aggregate, body)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::annotations, source, claimant, certainty)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::atom, strong_negation, predicate, args, notes)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::negation, target)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::comparison_tail, op, rhs)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::condition, strong_negation, first, tail)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::set_values, items)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::membership_tail, negated, set)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::within_tail, amount, unit, rhs)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::alternative, body)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::disjunction, first, rest)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::negated_conjunction, body)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::set_stmt, id, values)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::import_stmt, path)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::parameter, param, type, optional, default_value)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::pred_decl, predicate, params)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::rule_stmt, head, body)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::constraint_stmt, id, message, severity, body)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::tolerance, amount, percent)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::unique_stmt, predicate, keys, value, scope, grouped, within, grouped_after_within, alias,
                          message, severity)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::negation_check_stmt, predicate, setting, severity)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::vocabulary_stmt, id, values)
BOOST_FUSION_ADAPT_STRUCT(nogood::rules::syntax::label_stmt, predicate, value, text, language)
