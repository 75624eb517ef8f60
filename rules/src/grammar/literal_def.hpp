// Body literals and atoms.
#pragma once

#include "grammar.hpp"
#include "syntax_adapted.hpp"
#include "tokens.hpp"

namespace nogood::rules::grammar {

inline x3::symbols<ast::CompareOp> const compare_op({{"=", ast::CompareOp::eq},
                                                     {"!=", ast::CompareOp::ne},
                                                     {"<", ast::CompareOp::lt},
                                                     {"<=", ast::CompareOp::le},
                                                     {">", ast::CompareOp::gt},
                                                     {">=", ast::CompareOp::ge}},
                                                    "comparison operator");

auto const literal_def = negation | condition;

auto const body_def = expect(Expected::literal)[literal] >> *(',' >> expect(Expected::literal)[literal]);

auto const args_def = '(' >> (x3::lit(')') | (expect(Expected::term)[chain] >>
                                              *(',' >> expect(Expected::term)[chain]) >>
                                              expect(Expected::args_close)[')']));

auto const atom_def = x3::matches['-'] >> lower_name >> -args >> annotations;

auto const negation_def = kw("not") >> expect(Expected::not_atom)[atom];

// Words that start statements are not literals: after a trailing `,` the next statement is
// then reported as a missing literal at the end of the line, not as a confusing atom.
auto const statement_keyword = kw("pred") | kw("constraint") | kw("unique") | kw("import") | kw("negation_check") |
                                    kw("vocabulary") | kw("label");

// `-` before a name is strong negation; before a digit it belongs to the number.
auto const condition_def =
    !statement_keyword >> x3::matches[x3::lit('-') >> &x3::char_("a-z")] >> chain >> condition_tail;

auto const condition_tail_def = comparison_tail | annotations;

auto const comparison_tail_def = compare_op >> expect(Expected::term_after_comparison)[chain];

auto const annotations_def = -('@' >> expect(Expected::source_after_at)[chain]) >>
                             -(kw("by") >> expect(Expected::claimant_after_by)[chain]) >>
                             -(kw("certainty") >> expect(Expected::certainty_after_certainty)[chain]);

BOOST_SPIRIT_DEFINE(literal, body, args, atom, negation, condition, condition_tail, comparison_tail, annotations)

}  // namespace nogood::rules::grammar
