// What every format shows of a comparison with a baseline (`check --baseline OLD.json`): each
// verdict new or unchanged, the baseline's verdicts that no longer occur, and the counts.
#pragma once

#include <string>
#include <vector>

#include "nogood/report/report.hpp"

namespace nogood::report {

// "new" or "unchanged"; empty without a baseline.
inline std::string change_word(Session const& s, Verdict const& v) {
  if (!s.baseline()) return {};
  return v.in_baseline ? "unchanged" : "new";
}

struct ChangeCounts {
  std::size_t fresh = 0, unchanged = 0, resolved = 0;
};

inline ChangeCounts count_changes(std::vector<Verdict const*> const& verdicts, Manifest const& m) {
  ChangeCounts c;
  for (auto const* v : verdicts) ++(v->in_baseline ? c.unchanged : c.fresh);
  c.resolved = m.resolved.size();
  return c;
}

// "compared with old.json: 1 new, 2 unchanged, 1 resolved"
inline std::string change_line(std::vector<Verdict const*> const& verdicts, Manifest const& m) {
  auto c = count_changes(verdicts, m);
  return "compared with " + m.baseline + ": " + std::to_string(c.fresh) + " new, " + std::to_string(c.unchanged) + " unchanged, " +
         std::to_string(c.resolved) + " resolved";
}

}  // namespace nogood::report
