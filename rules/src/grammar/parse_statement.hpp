// The grammar's entry point, declared without X3 so the driver compiles without it.
#pragma once

#include "source_info.hpp"
#include "syntax.hpp"

namespace nogood::rules::grammar {

// Parses one statement at `first` (blanks and comments before it are skipped). Returns false
// only when nothing was consumed; throws syntax_error at a commitment point that fails.
bool parse_statement(char const*& first, char const* last, source_info const& source, syntax::statement& out);

}  // namespace nogood::rules::grammar
