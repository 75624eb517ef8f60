// What a report's summary shows, computed once for every format: counts by severity and
// rule, the sources involved, and which sources conflict with which.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "nogood/report/fragments.hpp"
#include "nogood/session.hpp"

namespace nogood::report {

// Verdicts counted by severity and by rule; accepted verdicts count apart from their severity.
struct VerdictCounts {
  std::size_t total = 0;
  std::size_t errors = 0, warnings = 0, infos = 0;
  std::size_t accepted = 0;
  std::map<std::string, std::size_t> by_rule;
};

// Rules are counted by index and named once: reports can hold 100,000+ verdicts.
VerdictCounts count_verdicts(Session const& session, std::vector<Verdict const*> const& verdicts);

struct ReportSummary : VerdictCounts {
  // Source indexes with the number of verdicts involving each, most involved first.
  std::vector<std::pair<std::uint32_t, std::size_t>> sources;
  // (a, b) with a <= b: the verdicts (indexes into the list given) involving both sources;
  // (a, a) holds the verdicts that rest on source a alone.
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::size_t>> pairs;
};


ReportSummary summarize(Session const& session, std::vector<Verdict const*> const& verdicts);

// "4 verdicts (3 errors, 1 accepted) from 2 sources"
std::string summary_line(Session const& session, ReportSummary const& summary);

}  // namespace nogood::report
