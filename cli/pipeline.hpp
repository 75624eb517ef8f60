// The session's stages as the commands run them, with a progress line for slow ones.
#pragma once

#include "nogood/session.hpp"
#include "options.hpp"

namespace nogood::cli {

enum class Until { load, evaluate, verdicts };

// Loads, then (as far as `until` says) evaluates and builds the verdicts. False when a stage
// reported errors; they are in session.diagnostics(), and the progress line is gone by then.
bool run_stages(Session& session, Inputs const& inputs, CommonOptions const& options, Until until);

}  // namespace nogood::cli
