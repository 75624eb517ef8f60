// Paths as reports show them: relative to the corpus folder (`rules/background.rules`), so a
// shared report neither reveals the author's folders nor differs between machines.
#pragma once

#include <string>
#include <vector>

#include "nogood/session.hpp"

namespace nogood::report {

// `path` relative to the corpus folder when it lies inside it, else relative to the current
// folder when it lies there, else as given.
std::string report_path(Session const& session, std::string const& path);

// The corpus folder's own name (`syria-raid`), or empty when the inputs came without one.
std::string corpus_name(Session const& session);

}  // namespace nogood::report
