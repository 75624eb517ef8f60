// A JSON report nogood wrote (`nogood check --format json`), read back as a baseline: the
// verdicts it held, by id. Only what comparing runs needs is read; fields added by later versions
// of the format are passed over, a document that is no report is a located error.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "nogood/diagnostics.hpp"
#include "nogood/engine/saved_report.hpp"

namespace nogood::facts {

using engine::SavedReport;
using engine::SavedVerdict;

std::optional<SavedReport> load_saved_report(std::filesystem::path const& path, SourceManager& sources, Diagnostics& diags);
std::optional<SavedReport> load_saved_report_text(std::string name, std::string text, SourceManager& sources, Diagnostics& diags);

}  // namespace nogood::facts
