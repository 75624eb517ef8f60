#include "pipeline.hpp"

#include <iostream>
#include <sys/resource.h>

#include "nogood/engine/memory.hpp"
#include "progress.hpp"

namespace nogood::cli {

std::size_t peak_memory_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::size_t>(usage.ru_maxrss) * 1024;  // Linux reports kilobytes
}

bool run_stages(Session& session, Inputs const& inputs, CommonOptions const& o, Until until, StagePeaks* peaks) {
  StagePeaks ignored;
  if (!peaks) peaks = &ignored;
  Progress progress(progress_wanted(o.quiet), std::cerr);
  progress.stage("loading rules and facts");
  bool const loaded = session.load(inputs);
  peaks->load = peak_memory_bytes();
  peaks->resident_load = engine::resident_memory();
  if (!loaded) return false;
  if (until == Until::load) return true;
  return run_stages_after_load(session, o, until, peaks);
}

bool run_stages_after_load(Session& session, CommonOptions const& o, Until until, StagePeaks* peaks) {
  StagePeaks ignored;
  if (!peaks) peaks = &ignored;
  Progress progress(progress_wanted(o.quiet), std::cerr);
  progress.stage("evaluating");
  bool const evaluated = session.evaluate();
  peaks->evaluate = peak_memory_bytes();
  peaks->resident_evaluate = engine::resident_memory();
  peaks->database = session.database().memory();
  if (!evaluated) return false;
  if (until == Until::evaluate) return true;
  progress.stage("explaining verdicts");
  session.build_verdicts();
  peaks->verdicts = peak_memory_bytes();
  peaks->resident_verdicts = engine::resident_memory();
  return true;
}

}  // namespace nogood::cli
