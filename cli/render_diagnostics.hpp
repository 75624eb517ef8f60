// Diagnostics for people (rustc style) and for programs (JSON).
#pragma once

#include <string>

#include "nogood/diagnostics.hpp"
#include "terminal.hpp"

namespace nogood::cli {

std::string render_diagnostics_text(Diagnostics const& diags, SourceManager const& sources, Style const& style);
std::string render_diagnostics_json(Diagnostics const& diags, SourceManager const& sources);

}  // namespace nogood::cli
