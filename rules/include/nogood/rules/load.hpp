// Reading rules files and following their imports.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "nogood/diagnostics.hpp"
#include "nogood/rules/ast.hpp"

namespace nogood::rules {

// Parses each file and every file it imports (relative to the importing file), once each.
// Missing files, import cycles and syntax errors become diagnostics; files that parsed are
// returned either way so later checks can run on them. Imports are confined: a relative path to a
// regular `.rules` file inside `corpus` (for files in it), or else inside the folder of the file
// given, after following symbolic links (E0232-E0236).
std::vector<ast::Program> load_rules(std::vector<std::filesystem::path> const& files, SourceManager& sources,
                                     Diagnostics& diags, std::optional<std::filesystem::path> const& corpus = {});

// Parses rules given as text (imports resolve relative to `base`).
std::vector<ast::Program> load_rules_text(std::string name, std::string text, std::filesystem::path const& base,
                                          SourceManager& sources, Diagnostics& diags);

// Reads a whole rules file (a regular file, at most 64 MiB): the error is a diagnostic naming it.
std::optional<std::string> read_text_file(std::filesystem::path const& path, Diagnostics& diags);

}  // namespace nogood::rules
