// Terms: operands joined by arithmetic operators, calls and aggregates.
#pragma once

#include "grammar.hpp"
#include "syntax_adapted.hpp"
#include "tokens.hpp"

namespace nogood::rules::grammar {

inline x3::symbols<ast::ArithOp> const arith_op({{"+", ast::ArithOp::add},
                                                 {"-", ast::ArithOp::sub},
                                                 {"*", ast::ArithOp::mul},
                                                 {"/", ast::ArithOp::div},
                                                 {"%", ast::ArithOp::mod}},
                                                "arithmetic operator");

// `:` opens an aggregate body, but `:-` after a term is a misplaced rule arrow, not that.
inline auto const aggregate_colon = x3::lit(':') >> !x3::lit('-');

auto const chain_def = primary >> *(arith_op >> expect(Expected::term_after_operator)[primary]);

// `count` and a name followed by `(` are tried first; both give way cheaply (after one word)
// when the text is a plain symbol, so terms need no deep backtracking.
auto const primary_def = count_aggregate | application | paren | date | number | string_lit | variable | symbol;

auto const paren_def = '(' >> expect(Expected::term)[chain] >> expect(Expected::paren_close)[')'];

auto const application_def = lower_name >> args >>
                             -(aggregate_colon >> expect(Expected::aggregate_open)['{'] >> body >>
                               expect(Expected::aggregate_close)['}']);

auto const count_aggregate_def = kw("count") >> aggregate_colon >> expect(Expected::aggregate_open)['{'] >>
                                 body >> expect(Expected::aggregate_close)['}'];

BOOST_SPIRIT_DEFINE(chain, primary, paren, application, count_aggregate)

}  // namespace nogood::rules::grammar
