// The verdicts a command shows, after --rule, --source and --severity.
#pragma once

#include <vector>

#include "nogood/session.hpp"
#include "options.hpp"

namespace nogood::cli {

std::vector<Verdict const*> select_verdicts(Session const& session, CommonOptions const& options);

}  // namespace nogood::cli
