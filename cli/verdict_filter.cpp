#include "verdict_filter.hpp"

#include <algorithm>

namespace nogood::cli {

// `never` ranks above every severity: --fail-on never fails on nothing.
int severity_rank(std::string const& s) { return s == "never" ? 3 : s == "error" ? 2 : s == "warning" ? 1 : 0; }
int severity_rank(engine::VerdictSeverity s) { return static_cast<int>(s); }

namespace {
bool listed(std::vector<std::string> const& list, std::string const& x) { return std::find(list.begin(), list.end(), x) != list.end(); }
}  // namespace

std::vector<Verdict const*> select_verdicts(Session const& session, CommonOptions const& o) {
  std::vector<Verdict const*> out;
  for (auto const& v : session.verdicts()) {
    if (severity_rank(v.severity) < severity_rank(o.min_severity)) continue;
    if (!o.rule_filter.empty() && !listed(o.rule_filter, v.rule)) continue;
    if (!o.source_filter.empty() &&
        std::none_of(v.sources.begin(), v.sources.end(), [&](std::uint32_t s) { return listed(o.source_filter, session.corpus().sources[s].id); }))
      continue;
    out.push_back(&v);
  }
  return out;
}

}  // namespace nogood::cli
