// Tokens that become leaves of the syntax tree, each with its span.
#pragma once

#include "grammar.hpp"
#include "syntax_adapted.hpp"
#include "tokens.hpp"

namespace nogood::rules::grammar {

// raw[] hands the matched text to the single-member leaf without building it char by char.
auto const lower_name_def = x3::raw[x3::lexeme[x3::char_("a-z") >> *ident_char]];
auto const any_name_def = x3::raw[x3::lexeme[x3::char_("a-zA-Z_") >> *ident_char]];
auto const variable_def = x3::raw[x3::lexeme[x3::char_("A-Z_") >> *ident_char]];
auto const symbol_def = x3::raw[x3::lexeme[x3::char_("a-z") >> *ident_char]];
auto const string_lit_def = string_token;
// Not followed by `.digit`: `1.5` is not read as the number 1 ending the statement.
auto const number_def = x3::raw[x3::lexeme[-x3::lit('-') >> +digit >> !ident_char >> !('.' >> digit)]];
// Any digits-digits-digits is taken as a date (and checked later), so `2025-1-199` is reported
// as a bad date rather than silently read as a subtraction.
// `YYYY-MM` exactly (four digits, two digits) is a month: `2025-10`; `N - M` with spaces subtracts.
auto const date_def = x3::raw[x3::lexeme[(+digit >> '-' >> +digit >> '-' >> +digit >> !ident_char) |
                                         (x3::repeat(4)[digit] >> '-' >> x3::repeat(2)[digit] >> !digit >> !ident_char)]];

BOOST_SPIRIT_DEFINE(lower_name, any_name, variable, symbol, string_lit, number, date)

}  // namespace nogood::rules::grammar
