// What the grammar expected when it stopped: one enumerator per commitment point, so each
// syntax error gets its own message, label and help (syntax_errors.cpp). Free of X3 so the
// driver and the message table compile without it.
#pragma once

#include <cstdint>

namespace nogood::rules::grammar {

enum class Expected : std::uint8_t {
  statement,
  import_path,
  import_end,
  pred_name,
  param_name,
  param_colon,
  param_type,
  param_default,
  params_close,
  pred_end,
  rule_head_end,
  rule_end,
  literal,
  not_atom,
  term,
  term_after_operator,
  term_after_comparison,
  source_after_at,
  claimant_after_by,
  certainty_after_certainty,
  args_close,
  paren_close,
  aggregate_open,
  aggregate_close,
  constraint_name,
  constraint_body,
  constraint_end,
  severity_level,
  unique_predicate,
  unique_open,
  unique_key,
  unique_arrow,
  unique_value,
  unique_close,
  unique_scope,
  unique_sources,
  unique_source,
  within_amount,
  alias_name,
  unique_end,
  negation_check_setting,
  negation_check_end,
  vocabulary_name,
  vocabulary_equals,
  vocabulary_open,
  vocabulary_value,
  vocabulary_close,
  vocabulary_end,
  label_value,
  label_text,
  label_language,
  label_end,
  alternatives_close,
  set_after_in,
  set_value,
  set_close,
  set_open,
  set_end,
  string_close,  // an unterminated string; `where` is its opening quote
};

// Thrown by the grammar at a commitment point that does not match. `where` is the position
// before blanks were skipped (the end of the previous token), except for string_close.
struct syntax_error {
  char const* where;
  Expected expected;
};

}  // namespace nogood::rules::grammar
