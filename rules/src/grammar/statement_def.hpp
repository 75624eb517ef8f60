// Statements: the dispatch on the leading keyword, rules and constraints.
#pragma once

#include "grammar.hpp"
#include "syntax_adapted.hpp"
#include "tokens.hpp"

namespace nogood::rules::grammar {

auto const statement_def = expect(Expected::statement)[import_stmt | pred_decl | constraint_stmt | unique_stmt |
                                                       negation_check_stmt | vocabulary_stmt | label_stmt | set_stmt | rule_stmt];

auto const rule_stmt_def = atom >> expect(Expected::rule_head_end)[rule_tail];

auto const rule_tail_def = (x3::lit(":-") >> body >> expect(Expected::rule_end)['.']) | x3::lit('.');

auto const constraint_stmt_def = kw("constraint") >> expect(Expected::constraint_name)[any_name] >> -string_lit >>
                                 -(kw("severity") >> expect(Expected::severity_level)[any_name]) >>
                                 expect(Expected::constraint_body)[":-"] >> body >>
                                 expect(Expected::constraint_end)['.'];

BOOST_SPIRIT_DEFINE(statement, rule_stmt, rule_tail, constraint_stmt)

}  // namespace nogood::rules::grammar
