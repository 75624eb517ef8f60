// Parsing rules text into the AST. No Spirit types leak out of this header.
#pragma once

#include <optional>

#include "nogood/diagnostics.hpp"
#include "nogood/rules/ast.hpp"

namespace nogood::rules {

// Parses one file already registered in `sources`. On syntax errors, reports them to `diags`
// (at the right place, without follow-on cascades) and returns nullopt; never throws.
std::optional<ast::Program> parse(SourceManager const& sources, FileId file, Diagnostics& diags);

}  // namespace nogood::rules
