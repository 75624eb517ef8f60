// The verdicts a command shows, after --rule, --source and --severity.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nogood/session.hpp"
#include "options.hpp"

namespace nogood::cli {

std::vector<Verdict const*> select_verdicts(Session const& session, CommonOptions const& options);

// The first `--rule` or `--source` value that names nothing in the corpus, as a message: a
// misspelt filter would silently hide every verdict.
std::optional<std::string> unknown_filter(Session const& session, CommonOptions const& options);

// The baseline's verdicts this run no longer finds, after --rule, --source and --severity.
std::vector<engine::SavedVerdict const*> select_resolved(Session const& session, CommonOptions const& options);

// error > warning > info, for --severity and --fail-on.
int severity_rank(std::string const& level);
int severity_rank(engine::VerdictSeverity level);

}  // namespace nogood::cli
