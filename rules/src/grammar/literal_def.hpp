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
                                                     {">=", ast::CompareOp::ge},
                                                     {"overlaps", ast::CompareOp::overlaps}},
                                                    "comparison operator");

auto const literal_def = negated_conjunction | negation | disjunction | condition;

// `not (` opens a conjunction: an atom after `not` starts with its name.
auto const negated_conjunction_def = kw("not") >> '(' >> body >> expect(Expected::paren_close)[')'];

// Committed only at the first `;`: until then `(` may open a parenthesised term, `(X + 1) > Y`.
// After `;` an alternative's body commits at its first literal.
auto const disjunction_def = '(' >> alternative >> +(';' >> alternative) >>
                             expect(Expected::alternatives_close)[')'];

auto const alternative_def = x3::eps >> body;

auto const body_def = expect(Expected::literal)[literal] >> *(',' >> expect(Expected::literal)[literal]);

auto const args_def = '(' >> (x3::lit(')') | (expect(Expected::term)[chain] >>
                                              *(',' >> expect(Expected::term)[chain]) >>
                                              expect(Expected::args_close)[')']));

auto const atom_def = x3::matches['-'] >> lower_name >> -args >> annotations;

auto const negation_def = kw("not") >> expect(Expected::not_atom)[atom];

// Words that start statements are not literals: after a trailing `,` the next statement is
// then reported as a missing literal at the end of the line, not as a confusing atom.
auto const statement_keyword = kw("pred") | kw("constraint") | kw("unique") | kw("import") | kw("negation_check") |
                                    kw("vocabulary") | kw("label") | (kw("set") >> lower_name >> '=');

// `-` before a name is strong negation; before a digit it belongs to the number.
auto const condition_def =
    !statement_keyword >> x3::matches[x3::lit('-') >> &x3::char_("a-z")] >> chain >> condition_tail;

auto const condition_tail_def = within_tail | comparison_tail | membership_tail | annotations;

// `D1 within 3 days of D2`: the unit is checked when building the AST (E0251).
auto const within_tail_def = kw("within") >> expect(Expected::term_after_comparison)[number] >>
                             expect(Expected::term_after_comparison)[lower_name] >>
                             expect(Expected::term_after_comparison)[kw("of")] >>
                             expect(Expected::term_after_comparison)[chain];

auto const membership_tail_def = x3::matches[kw("not")] >> kw("in") >> expect(Expected::set_after_in)[set_ref];

auto const set_ref_def = set_values | lower_name;

auto const set_values_def = '{' >> set_items >> expect(Expected::set_close)['}'];

// A trailing `,` is allowed, as in vocabularies.
auto const set_items_def = expect(Expected::set_value)[chain] >> *(',' >> chain) >> -x3::lit(',');

auto const comparison_tail_def = compare_op >> expect(Expected::term_after_comparison)[chain];

auto const annotations_def = -('@' >> expect(Expected::source_after_at)[chain]) >>
                             -(kw("by") >> expect(Expected::claimant_after_by)[chain]) >>
                             -(kw("certainty") >> expect(Expected::certainty_after_certainty)[chain]);

BOOST_SPIRIT_DEFINE(literal, body, args, atom, negation, condition, condition_tail, comparison_tail, annotations,
                    membership_tail, set_ref, set_values, set_items, alternative, disjunction, negated_conjunction, within_tail)

}  // namespace nogood::rules::grammar
