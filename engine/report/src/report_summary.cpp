#include "report_summary.hpp"

#include <algorithm>

namespace nogood::report {

VerdictCounts count_verdicts(Session const& session, std::vector<Verdict const*> const& verdicts) {
  VerdictCounts counts;
  counts.total = verdicts.size();
  std::vector<std::size_t> per_rule(session.program().constraints.size(), 0);
  for (auto const* v : verdicts) {
    ++per_rule[v->constraint];
    if (session.acceptance(*v)) {
      ++counts.accepted;
      continue;
    }
    switch (v->severity) {
      case engine::VerdictSeverity::error: ++counts.errors; break;
      case engine::VerdictSeverity::warning: ++counts.warnings; break;
      case engine::VerdictSeverity::info: ++counts.infos; break;
    }
  }
  for (std::size_t c = 0; c < per_rule.size(); ++c)
    if (per_rule[c]) counts.by_rule[session.program().constraints[c].name] += per_rule[c];
  return counts;
}

ReportSummary summarize(Session const& session, std::vector<Verdict const*> const& verdicts) {
  ReportSummary r;
  static_cast<VerdictCounts&>(r) = count_verdicts(session, verdicts);
  std::map<std::uint32_t, std::size_t> per_source;
  for (std::size_t i = 0; i < verdicts.size(); ++i) {
    auto const& v = *verdicts[i];
    // Once the nogoods are known, a verdict involves the sources of every derivation, not only
    // those of the one recorded.
    std::vector<std::uint32_t> srcs(v.sources().begin(), v.sources().end());
    if (session.source_nogoods_found()) {
      srcs.clear();
      for (auto const& set : v.nogoods()) srcs.insert(srcs.end(), set.begin(), set.end());
    }
    std::sort(srcs.begin(), srcs.end());
    srcs.erase(std::unique(srcs.begin(), srcs.end()), srcs.end());
    for (auto s : srcs) ++per_source[s];
    if (srcs.size() == 1) r.pairs[{srcs[0], srcs[0]}].push_back(i);
    for (std::size_t a = 0; a < srcs.size(); ++a)
      for (std::size_t b = a + 1; b < srcs.size(); ++b) r.pairs[{srcs[a], srcs[b]}].push_back(i);
  }
  r.sources.assign(per_source.begin(), per_source.end());
  std::stable_sort(r.sources.begin(), r.sources.end(), [](auto const& a, auto const& b) { return a.second > b.second; });
  return r;
}

std::string summary_line(Session const& session, ReportSummary const& r) {
  std::string out = std::to_string(r.total) + " verdict" + (r.total == 1 ? "" : "s");
  std::string parts;
  auto add = [&](std::size_t n, char const* one, char const* many) {
    if (n) parts += (parts.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
  };
  add(r.errors, "error", "errors");
  add(r.warnings, "warning", "warnings");
  add(r.infos, "info", "info");
  add(r.accepted, "accepted", "accepted");
  if (!parts.empty()) out += " (" + parts + ")";
  auto n = session.corpus().sources.size();
  out += " from " + std::to_string(n) + " source" + (n == 1 ? "" : "s");
  return out;
}

}  // namespace nogood::report
