// Declarations and settings: import, pred, unique, negation_check.
#pragma once

#include "grammar.hpp"
#include "syntax_adapted.hpp"
#include "tokens.hpp"

namespace nogood::rules::grammar {

auto const import_stmt_def =
    kw("import") >> expect(Expected::import_path)[string_lit] >> expect(Expected::import_end)['.'];

auto const pred_decl_def = kw("pred") >> expect(Expected::pred_name)[lower_name] >> -('(' >> params) >>
                           expect(Expected::pred_end)['.'];

auto const params_def = x3::lit(')') | (expect(Expected::param_name)[parameter] >>
                                        *(',' >> expect(Expected::param_name)[parameter]) >>
                                        expect(Expected::params_close)[')']);

// `?` or `= default` makes the argument optional; the checker says which of them fits the type.
// The `?` is taken without skipping blanks first: a failed look past them would move the place a
// later syntax error is reported at.
auto const parameter_def = lower_name >> expect(Expected::param_colon)[':'] >> expect(Expected::param_type)[any_name] >>
                           x3::matches[x3::no_skip['?']] >> -('=' >> expect(Expected::param_default)[chain]);

auto const unique_stmt_def = kw("unique") >> expect(Expected::unique_predicate)[lower_name] >>
                             expect(Expected::unique_open)['('] >> unique_keys >>
                             expect(Expected::unique_value)[lower_name] >> expect(Expected::unique_close)[')'] >>
                             expect(Expected::unique_scope)[unique_scope] >> -grouped_word >> -tolerance >> -grouped_word >>
                             -(kw("as") >> expect(Expected::alias_name)[any_name]) >> -string_lit >>
                             -(kw("severity") >> expect(Expected::severity_level)[any_name]) >>
                             expect(Expected::unique_end)['.'];

// No keys at all (`unique p(-> v)`) says the value is the same for every fact.
auto const unique_keys_def = x3::lit("->") | (expect(Expected::unique_key)[lower_name] >>
                                              *(',' >> expect(Expected::unique_key)[lower_name]) >>
                                              expect(Expected::unique_arrow)["->"]);

auto const unique_scope_def =
    (kw("across") >> expect(Expected::unique_sources)[kw("sources")] >> x3::attr(ast::UniqueScope::across_sources)) |
    (kw("per") >> expect(Expected::unique_source)[kw("source")] >> x3::attr(ast::UniqueScope::per_source));

// Taken after either scope, and after `within N` too, so that `per source grouped` and `within 1
// grouped` get the checker's E0245, which says why, not a syntax error.
auto const grouped_word_def = x3::raw[x3::lexeme[x3::lit("grouped") >> !ident_char]];

auto const tolerance_def = kw("within") >> expect(Expected::within_amount)[number] >> x3::matches['%'];

// `severity` without a level, or a level after `on`/`off`, is reported when building the AST.
// A name before the setting is the predicate it is for: `negation_check commented off.`
auto const negation_check_stmt_def = kw("negation_check") >> -(&(lower_name >> negation_setting) >> lower_name) >>
                                     expect(Expected::negation_check_setting)[negation_setting] >> -any_name >>
                                     expect(Expected::negation_check_end)['.'];

auto const negation_setting_def = x3::raw[x3::lexeme[(x3::lit("off") | "on" | "severity") >> !ident_char]];

// A trailing `,` before `}` is allowed, so long lists can be written one value per line.
auto const vocabulary_stmt_def = kw("vocabulary") >> expect(Expected::vocabulary_name)[lower_name] >>
                                 expect(Expected::vocabulary_equals)['='] >> expect(Expected::vocabulary_open)['{'] >>
                                 vocabulary_values >> expect(Expected::vocabulary_end)['.'];

auto const vocabulary_value_parser = lower_name | string_lit;
auto const vocabulary_values_def = expect(Expected::vocabulary_value)[vocabulary_value_parser] >>
                                   *(',' >> vocabulary_value_parser) >> -x3::lit(',') >>
                                   expect(Expected::vocabulary_close)['}'];

auto const label_stmt_def = kw("label") >> x3::matches[kw("pred")] >> expect(Expected::label_value)[vocabulary_value_parser] >>
                            expect(Expected::label_text)[string_lit] >>
                            -(kw("lang") >> expect(Expected::label_language)[lower_name]) >>
                            expect(Expected::label_end)['.'];

// Committed after `set NAME =`: `set(X) :- ...` stays a rule for a predicate called `set`.
auto const set_stmt_def = kw("set") >> lower_name >> '=' >> expect(Expected::set_open)['{'] >> set_items >>
                          expect(Expected::set_close)['}'] >> expect(Expected::set_end)['.'];

BOOST_SPIRIT_DEFINE(import_stmt, pred_decl, params, parameter, unique_stmt, unique_keys, unique_scope, grouped_word, tolerance,
                    negation_check_stmt, negation_setting, vocabulary_stmt, vocabulary_values, label_stmt, set_stmt)

}  // namespace nogood::rules::grammar
