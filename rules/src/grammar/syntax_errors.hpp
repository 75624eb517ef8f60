// Turns a syntax_error thrown by the grammar into a diagnostic people can act on, and says
// where parsing resumes so that one mistake gives one error.
#pragma once

#include "nogood/diagnostics.hpp"
#include "source_info.hpp"
#include "syntax_error.hpp"

namespace nogood::rules::grammar {

struct syntax_error_report {
  Diagnostic diagnostic;
  char const* resume;  // where the next statement is looked for
};

syntax_error_report report_syntax_error(syntax_error const& error, char const* statement, source_info const& source);

}  // namespace nogood::rules::grammar
