// accepted.json: the verdicts analysts accepted, read as strictly as the facts files (unknown
// keys, wrong types, bad dates and repeated ids are located errors), and written back.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "nogood/diagnostics.hpp"
#include "nogood/engine/accepted.hpp"

namespace nogood::facts {

// The entries of the file, in file order; nullopt when it could not be read or had errors
// (reported to `diags`, located in the text registered with `sources`).
std::optional<std::vector<engine::Acceptance>> load_accepted(std::filesystem::path const& path, SourceManager& sources,
                                                             Diagnostics& diags);
std::optional<std::vector<engine::Acceptance>> load_accepted_text(std::string name, std::string text, SourceManager& sources,
                                                                  Diagnostics& diags);

// The text of an accepted.json holding `entries`, in their order, one key per line.
std::string accepted_text(std::vector<engine::Acceptance> const& entries);

}  // namespace nogood::facts
