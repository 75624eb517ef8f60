// The run manifest: what produced a report (engine version, the input files with their
// SHA-256, the command and its options), so a reader can reproduce it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nogood/session.hpp"
#include "nogood/report/fragments.hpp"
#include "render_verdicts.hpp"

namespace nogood::report {

struct ManifestFile {
  std::string path;
  std::string kind;                   // rules, facts, entities, accepted or baseline
  std::optional<std::string> sha256;  // absent when the file can no longer be read
};

std::vector<ManifestFile> manifest_files(Session const& session, Manifest const& manifest);


}  // namespace nogood::report
