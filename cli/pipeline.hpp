// The session's stages as the commands run them, with a progress line for slow ones.
#pragma once

#include <cstddef>

#include "nogood/session.hpp"
#include "options.hpp"

namespace nogood::cli {

enum class Until { load, evaluate, verdicts };

// The process's peak resident memory once each stage was done, in bytes (for --timings).
// The process's peak and current resident memory as each stage ends.
struct StagePeaks {
  std::size_t load = 0, evaluate = 0, verdicts = 0, nogoods = 0;
  std::size_t resident_load = 0, resident_evaluate = 0, resident_verdicts = 0, resident_nogoods = 0;
  std::size_t database = 0;  // the evaluated database's bytes, before anything in it is freed
};
std::size_t peak_memory_bytes();

// Loads, then (as far as `until` says) evaluates and builds the verdicts. False when a stage
// reported errors; they are in session.diagnostics(), and the progress line is gone by then.
bool run_stages(Session& session, Inputs const& inputs, CommonOptions const& options, Until until, StagePeaks* peaks = nullptr);
// The stages after loading, for a command that looks at the loaded program first.
bool run_stages_after_load(Session& session, CommonOptions const& options, Until until, StagePeaks* peaks = nullptr);

}  // namespace nogood::cli
