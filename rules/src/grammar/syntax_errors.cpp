#include "syntax_errors.hpp"

#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>

#include "source_scan.hpp"

namespace nogood::rules::grammar {

namespace {

struct expectation {
  std::string_view what;   // completes "expected ..."
  std::string_view label;  // under the caret
  std::string_view help;   // how to fix, when one fix is likely
  bool ends_statement = false;
};

constexpr std::string_view kinds_of_statement =
    "a statement is a rule `head :- body.`, a fact `head.`, or starts with `pred`, `constraint`, "
    "`unique`, `vocabulary`, `set`, `label`, `import` or `negation_check`";
constexpr std::string_view unique_shape = "write `unique pred(key, ... -> value) across sources.`";
constexpr std::string_view parameter_shape = "declare each parameter as `name: type`, e.g. `person: entity`";
constexpr std::string_view constraint_shape =
    "write `constraint name \"message\" severity warning :- body.`; the message and severity are optional";
constexpr std::string_view aggregate_shape = "write `count : { body }` or `sum(X) : { body }`";
constexpr std::string_view vocabulary_shape = "write `vocabulary role_name = {informant, isis_leader}.`";
constexpr std::string_view alternatives_shape = "write `(R = isis_leader ; R = isis_emir)`: alternatives separated by `;`";
constexpr std::string_view set_shape = "write `set leaders = {isis_leader, isis_emir}.`";
constexpr std::string_view label_shape = "write `label isis_leader \"an ISIS leader\".` or `label isis_leader \"...\" lang ar.`";

expectation const& describe(Expected e) {
  static expectation const table[] = {
      /* statement */ {"a statement", "not the start of a statement", kinds_of_statement},
      /* import_path */ {"a file name after `import`", "expected a string", "write `import \"common.rules\".`"},
      /* import_end */ {"`.` after the import", "expected `.`", "", true},
      /* pred_name */ {"a predicate name after `pred`", "expected a lowercase name", ""},
      /* param_name */ {"a parameter name", "expected `name: type`", parameter_shape},
      /* param_colon */ {"`:` after the parameter name", "expected `:`", parameter_shape},
      /* param_type */ {"a type after `:`", "expected a type",
                        "the types are entity, symbol, string, int, date, source, certainty"},
      /* param_default */ {"a default value after `=`", "expected a value",
                           "write the value an omitted argument takes, e.g. `status: symbol = active`"},
      /* params_close */ {"`,` or `)` after the parameter", "expected `,` or `)`", ""},
      /* pred_end */ {"`.` after the predicate declaration", "expected `.`", "", true},
      /* rule_head_end */ {"`:-` or `.` after the rule head", "expected `:-` or `.`",
                           "a rule is written `head :- body.` and a fact `head.`", true},
      /* rule_end */ {"`.` after the rule body", "expected `,` or `.`",
                      "separate body literals with `,` and end the rule with `.`", true},
      /* literal */ {"a body literal", "expected an atom, `not` or a comparison", ""},
      /* not_atom */ {"an atom after `not`", "expected an atom", ""},
      /* term */ {"a term", "expected a variable, a value or an expression", ""},
      /* term_after_operator */ {"a term after the operator", "expected a variable, a value or an expression", ""},
      /* term_after_comparison */ {"a term after the comparison operator",
                                   "expected a variable, a value or an expression", ""},
      /* source_after_at */ {"a source after `@`", "expected a variable or a source", ""},
      /* claimant_after_by */ {"a claimant after `by`", "expected a variable or a name", ""},
      /* certainty_after_certainty */ {"a certainty after `certainty`", "expected a variable or a level", ""},
      /* args_close */ {"`,` or `)` after the argument", "expected `,` or `)`", ""},
      /* paren_close */ {"`)`", "expected `)`", ""},
      /* aggregate_open */ {"`{` after `:`", "expected `{`", aggregate_shape},
      /* aggregate_close */ {"`,` or `}` after the literal", "expected `,` or `}`", ""},
      /* constraint_name */ {"a constraint name after `constraint`", "expected a name", constraint_shape},
      /* constraint_body */ {"`:-` before the constraint body", "expected `:-`", constraint_shape},
      /* constraint_end */ {"`.` after the constraint body", "expected `,` or `.`",
                            "separate body literals with `,` and end the constraint with `.`", true},
      /* severity_level */ {"a severity after `severity`", "expected `error`, `warning` or `info`", ""},
      /* unique_predicate */ {"a predicate name after `unique`", "expected a lowercase name", unique_shape},
      /* unique_open */ {"`(` after the predicate name", "expected `(`", unique_shape},
      /* unique_key */ {"an argument name", "expected the name of a declared argument", unique_shape},
      /* unique_arrow */ {"`,` or `->` after the argument name", "expected `,` or `->`", unique_shape},
      /* unique_value */ {"the value argument after `->`", "expected the name of a declared argument",
                          unique_shape},
      /* unique_close */ {"`)` after the value argument", "expected `)`",
                          "a `unique` has exactly one value argument, after `->`"},
      /* unique_scope */ {"`across sources` or `per source`", "expected the scope", unique_shape},
      /* unique_sources */ {"`sources` after `across`", "expected `sources`", ""},
      /* unique_source */ {"`source` after `per`", "expected `source`", ""},
      /* within_amount */ {"a number after `within`", "expected a number", "write `within 5` or `within 20%`"},
      /* alias_name */ {"a name after `as`", "expected a name", ""},
      /* unique_end */ {"`.` after the `unique` statement", "expected `.`",
                        "optional parts come in the order `grouped`, `within N`, `as NAME`, \"message\", `severity LEVEL`", true},
      /* negation_check_setting */ {"`on`, `off` or `severity` after `negation_check`", "expected a setting",
                                    "write `negation_check off.`, `negation_check severity warning.` or `negation_check role off.`"},
      /* negation_check_end */ {"`.` after the `negation_check` setting", "expected `.`", "", true},
      /* vocabulary_name */ {"a vocabulary name after `vocabulary`", "expected a lowercase name", vocabulary_shape},
      /* vocabulary_equals */ {"`=` after the vocabulary name", "expected `=`", vocabulary_shape},
      /* vocabulary_open */ {"`{` after `=`", "expected `{`", vocabulary_shape},
      /* vocabulary_value */ {"a value: a lowercase name or a string", "expected a value",
                              "a vocabulary lists at least one value, e.g. `{informant, isis_leader}`"},
      /* vocabulary_close */ {"`,` or `}` after the value", "expected `,` or `}`", ""},
      /* vocabulary_end */ {"`.` after the vocabulary", "expected `.`", "", true},
      /* label_value */ {"the value to label: a lowercase name or a string", "expected a value", label_shape},
      /* label_text */ {"the label, a string, after the value", "expected a string", label_shape},
      /* label_language */ {"a language code after `lang`", "expected a code such as `en` or `ar`", label_shape},
      /* label_end */ {"`.` after the label", "expected `.` or `lang`", label_shape, true},
      /* alternatives_close */ {"`;` or `)` after the alternative", "expected `,`, `;` or `)`", alternatives_shape},
      /* set_after_in */ {"a set after `in`", "expected `{` or the name of a set",
                          "write `X in {a, b}` or `X in NAME` for a `set` or `vocabulary`"},
      /* set_value */ {"a value in the set", "expected a value", "a set lists at least one value, e.g. `{isis_leader, isis_emir}`"},
      /* set_close */ {"`,` or `}` after the value", "expected `,` or `}`", ""},
      /* set_open */ {"`{` after `=`", "expected `{`", set_shape},
      /* set_end */ {"`.` after the set", "expected `.`", "", true},
      /* string_close */ {"`\"`", "this string is not closed on its line",
                          "close the string with `\"`; strings cannot span lines"},
  };
  static_assert(sizeof(table) / sizeof(table[0]) == static_cast<std::size_t>(Expected::string_close) + 1);
  return table[static_cast<std::size_t>(e)];
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Appends pieces (GCC 12 warns falsely, -Wrestrict, on `"..." + std::string(x) + "..."`).
std::string cat(std::initializer_list<std::string_view> pieces) {
  std::string out;
  for (auto p : pieces) out.append(p);
  return out;
}

// "`text`" for a token, "end of file" at the end; long tokens are cut at a character boundary.
std::string describe_found(std::string_view token) {
  if (token.empty()) return "end of file";
  if (token.front() == '"') return "a string";
  std::size_t length = 1;
  std::uint32_t const first = decode_utf8(token.data(), token.data() + token.size(), length);
  if (auto name = lookalike_name(first); !name.empty()) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(first));
    return cat({code, " (", name, ")"});
  }
  constexpr std::size_t max = 24;
  std::string shown(token);
  if (shown.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
    shown = shown.substr(0, cut) + "...";
  }
  return cat({"`", shown, "`"});
}

bool is_keyword_statement_start(std::string_view word) {
  return word == "pred" || word == "constraint" || word == "unique" || word == "import" || word == "negation_check";
}

// A help line for common slips, chosen from what was found; empty when none applies.
std::string help_for_found(Expected e, char before, std::string_view found, std::string_view after,
                           bool on_next_line) {
  if (found.empty()) return {};
  bool const at_statement_end = describe(e).ends_statement;
  std::size_t length = 1;
  auto const name = lookalike_name(decode_utf8(found.data(), found.data() + found.size(), length));
  if (name.find("quote") != std::string_view::npos || name == "a guillemet")
    return "strings are written between straight double quotes `\"`";
  if (name.find("space") != std::string_view::npos) return "replace it with a plain space";
  if (name == "a minus sign" || name.find("dash") != std::string_view::npos) return "write `-` (ASCII hyphen-minus)";
  if (name == "an Arabic comma") return "separate with `,` (ASCII comma)";
  if (name == "an Arabic full stop") return "end statements with `.` (ASCII full stop)";
  if (!name.empty()) return "delete it: it is easy to paste along with text and does not show in most editors";
  if (static_cast<unsigned char>(found.front()) >= 0x80)
    return "names are written in ASCII letters; put text in other scripts in a string, e.g. `\"خالد\"`";
  if (found == ";" && at_statement_end) return "statements end with `.`";
  if (!found.empty() && found.front() >= '0' && found.front() <= '9' &&
      found.find_first_not_of("0123456789.") == std::string_view::npos && found.find('.') != std::string_view::npos)
    return "numbers are integers: scale decimals, e.g. count tenths and write `15` for 1.5";
  if ((found == ":=" || found == "<-") && e == Expected::rule_head_end) return "a rule is written `head :- body.`";
  bool const after_equals = before == '=' && e == Expected::term_after_comparison;
  if (found == "==" || (found == "=" && after_equals)) return "equality is written `=`";
  if (found == "=<" || (found == "<" && after_equals)) return "write `<=` for less than or equal";
  if (found == "=" && e == Expected::term_after_comparison) return "equality is written `=`";
  if ((found == "@" || found == "by" || found == "certainty") &&
      (e == Expected::rule_end || e == Expected::constraint_end || e == Expected::aggregate_close ||
       e == Expected::args_close || e == Expected::rule_head_end))
    return "annotations come in the order `@ S`, `by C`, `certainty K`";
  if ((found == "error" || found == "warning" || found == "info") && e == Expected::constraint_body)
    return cat({"write `severity ", found, "`"});
  if (e == Expected::not_atom && (is_upper(found.front()) || found.front() == '_' || found.front() == '(' ||
                                  (found.front() >= '0' && found.front() <= '9')))
    return "`not` applies to atoms; negate a comparison with the opposite operator, e.g. `X != Y` for `X = Y`";
  if (is_upper(found.front()) &&
      (e == Expected::statement || e == Expected::pred_name || e == Expected::unique_predicate))
    return "predicate names start with a lowercase letter; names starting with an uppercase letter or `_` are "
           "variables";
  if (is_upper(found.front()) && (e == Expected::param_name || e == Expected::unique_key))
    return "argument names start with a lowercase letter";
  if (found == "-" && !after.empty() && (is_upper(after.front()) || after.front() == '(') &&
      (e == Expected::term || e == Expected::term_after_comparison || e == Expected::term_after_operator))
    return "negate a term by subtracting it from zero: `0 - X`";
  if (found == "-" && !after.empty() && (is_upper(after.front()) || after.front() == '(') &&
      (e == Expected::term || e == Expected::term_after_comparison || e == Expected::term_after_operator ||
       e == Expected::literal))
    return "negate a term by subtracting it from zero: `0 - X`";
  if (e == Expected::constraint_name && found.front() == '"')
    return "name the constraint before its message: `constraint my_name \"message\" :- body.`";
  if ((at_statement_end || on_next_line) && is_keyword_statement_start(found))
    return cat({"`", found, "` starts a new statement; end the previous one with `.`"});
  return {};
}

}  // namespace

syntax_error_report report_syntax_error(syntax_error const& error, char const* statement, source_info const& source) {
  auto const& kind = describe(error.expected);

  if (error.expected == Expected::string_close) {
    char const* quote = error.where;
    char const* line_end = quote;
    while (line_end != source.end && *line_end != '\n' && *line_end != '\r') ++line_end;
    Diagnostic d = make_error("E0102", "unterminated string");
    d.with_primary(source.span(quote, line_end), std::string(kind.label)).with_help(std::string(kind.help));
    // `p("abc).`: the statement most likely ended on this line, inside the broken string.
    char const* last = line_end;
    while (last > quote && (last[-1] == ' ' || last[-1] == '\t')) --last;
    if (last[-1] == '.') return {std::move(d), line_end};
    return {std::move(d), resume_after(statement, line_end, source.end)};
  }

  char const* const previous_end = error.where;
  char const* const found = skip_blanks(previous_end, source.end);
  char const* const found_end = token_end(found, source.end);
  std::string_view const found_text(found, static_cast<std::size_t>(found_end - found));

  Diagnostic d = make_error("E0101", cat({"expected ", kind.what, ", found ", describe_found(found_text)}));
  // Something missing at the end of a line is shown there, not at the start of the next one.
  bool const missing_at_line_end = found == source.end || crosses_line(previous_end, found);
  if (missing_at_line_end && previous_end != statement)
    d.with_primary(Span{source.file, source.offset(previous_end), source.offset(previous_end)},
                   std::string(kind.label));
  else
    d.with_primary(Span{source.file, source.offset(found), source.offset(found_end)}, std::string(kind.label));

  std::string help =
      help_for_found(error.expected, previous_end > source.begin ? previous_end[-1] : '\0', found_text,
                     std::string_view(found_end, static_cast<std::size_t>(source.end - found_end)), missing_at_line_end);
  if (help.empty()) help = kind.help;
  if (!help.empty()) d.with_help(std::move(help));

  // A statement that lacks only its end, or is cut short by a line starting with a statement
  // keyword: the next statement most likely starts right there.
  bool const next_statement_found = missing_at_line_end && (kind.ends_statement || is_keyword_statement_start(found_text));
  char const* resume = next_statement_found ? found : resume_after(statement, found, source.end);
  // `;` where `.` belongs (Prolog's habit) ends the statement all the same.
  if (found_text == ";" && kind.ends_statement) resume = found_end;
  if (resume <= statement) resume = resume_after(statement, found, source.end);
  return {std::move(d), resume};
}

}  // namespace nogood::rules::grammar
