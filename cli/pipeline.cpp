#include "pipeline.hpp"

#include <iostream>

#include "progress.hpp"

namespace nogood::cli {

bool run_stages(Session& session, Inputs const& inputs, CommonOptions const& o, Until until) {
  Progress progress(progress_wanted(o.quiet), std::cerr);
  progress.stage("loading rules and facts");
  if (!session.load(inputs)) return false;
  if (until == Until::load) return true;
  progress.stage("evaluating");
  if (!session.evaluate()) return false;
  if (until == Until::evaluate) return true;
  progress.stage("explaining verdicts");
  session.build_verdicts();
  return true;
}

}  // namespace nogood::cli
