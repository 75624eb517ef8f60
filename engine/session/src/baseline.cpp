// Comparing a run with an earlier one, by verdict id: ids are stable across runs, so a verdict
// whose id the earlier report holds is unchanged, one it does not is new, and the earlier ones
// this run does not find are resolved.
#include <string>
#include <unordered_set>

#include "nogood/facts/saved_report.hpp"
#include "nogood/session.hpp"

namespace nogood {

std::optional<engine::SavedReport> load_saved_report(std::filesystem::path const& path, SourceManager& sources, Diagnostics& diags) {
  return facts::load_saved_report(path, sources, diags);
}

void Session::compare_with(engine::SavedReport baseline) {
  baseline_ = std::move(baseline);
  std::unordered_set<std::string_view> before;
  std::unordered_set<std::string> now;
  for (auto const& v : baseline_->verdicts) before.insert(v.id);
  for (auto& v : verdicts_) {
    auto id = v.id();
    v.in_baseline = before.contains(id);
    now.insert(std::move(id));
  }
  resolved_.clear();
  for (auto const& v : baseline_->verdicts)
    if (!now.contains(v.id)) resolved_.push_back(&v);
}

}  // namespace nogood
