#include "verdict_filter.hpp"

#include <algorithm>
#include <string_view>

namespace nogood::cli {

// `never` ranks above every severity: --fail-on never fails on nothing.
int severity_rank(std::string const& s) { return s == "never" ? 3 : s == "error" ? 2 : s == "warning" ? 1 : 0; }
int severity_rank(engine::VerdictSeverity s) { return static_cast<int>(s); }

namespace {
bool listed(std::vector<std::string> const& list, std::string_view x) { return std::find(list.begin(), list.end(), x) != list.end(); }
}  // namespace

std::vector<Verdict const*> select_verdicts(Session const& session, CommonOptions const& o) {
  std::vector<Verdict const*> out;
  for (auto const& v : session.verdicts()) {
    if (severity_rank(v.severity) < severity_rank(o.min_severity)) continue;
    if (!o.rule_filter.empty() && !listed(o.rule_filter, v.rule())) continue;
    if (!o.source_filter.empty() &&
        std::ranges::none_of(v.sources(), [&](std::uint32_t s) { return listed(o.source_filter, session.corpus().sources[s].id); }))
      continue;
    out.push_back(&v);
  }
  return out;
}

std::vector<engine::SavedVerdict const*> select_resolved(Session const& session, CommonOptions const& o) {
  std::vector<engine::SavedVerdict const*> out;
  for (auto const* v : session.resolved()) {
    if (severity_rank(v->severity) < severity_rank(o.min_severity)) continue;
    if (!o.rule_filter.empty() && !listed(o.rule_filter, v->rule)) continue;
    if (!o.source_filter.empty() && std::none_of(v->sources.begin(), v->sources.end(), [&](auto const& s) { return listed(o.source_filter, s); }))
      continue;
    out.push_back(v);
  }
  return out;
}

// The first `--rule` or `--source` value that names nothing in the corpus, as a message.
std::optional<std::string> unknown_filter(Session const& session, CommonOptions const& o) {
  std::vector<std::string_view> rules, sources;
  for (auto const& c : session.program().constraints) rules.push_back(c.name);
  for (auto const& s : session.corpus().sources) sources.push_back(s.id);
  auto check = [](std::vector<std::string> const& wanted, std::vector<std::string_view> const& known, std::string const& what) -> std::optional<std::string> {
    for (auto const& w : wanted) {
      if (std::find(known.begin(), known.end(), w) != known.end()) continue;
      auto near = closest_match(w, known);
      return "no " + what + " is named `" + w + "`" + (near.empty() ? "" : "; did you mean `" + near + "`?");
    }
    return std::nullopt;
  };
  if (auto e = check(o.rule_filter, rules, "constraint")) return e;
  return check(o.source_filter, sources, "source");
}

}  // namespace nogood::cli
