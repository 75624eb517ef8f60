// The verdicts a command shows, after --rule, --source and --severity.
#pragma once

#include <vector>

#include "nogood/session.hpp"
#include "options.hpp"

namespace nogood::cli {

std::vector<Verdict const*> select_verdicts(Session const& session, CommonOptions const& options);

// error > warning > info, for --severity and --fail-on.
int severity_rank(std::string const& level);
int severity_rank(engine::VerdictSeverity level);

}  // namespace nogood::cli
