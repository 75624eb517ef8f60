// Matching accepted.json's entries to this run's verdicts. An entry whose verdict no longer
// occurs is stale: the claims it rested on are gone, or its bindings changed (which changes the
// id), or its rule went away. It is a warning, not an error, so editing facts never breaks a run; it names the
// entry so the analyst can remove it or accept the verdict that replaced it.
#include <unordered_map>

#include "nogood/facts/accepted.hpp"
#include "nogood/session.hpp"

namespace nogood {

void Session::match_acceptances() {
  if (accepted_.empty()) return;
  std::unordered_map<std::string_view, std::uint32_t> by_id;
  for (std::uint32_t i = 0; i < accepted_.size(); ++i) by_id.emplace(accepted_[i].id, i);
  std::vector<bool> matched(accepted_.size(), false);
  acceptance_of_.clear();
  for (auto const& v : verdicts_) {
    auto it = by_id.find(v.id());
    if (it == by_id.end()) continue;
    acceptance_of_.emplace(acceptance_key(v), it->second);
    matched[it->second] = true;
  }
  for (std::size_t i = 0; i < accepted_.size(); ++i) {
    if (matched[i]) continue;
    auto const& a = accepted_[i];
    Diagnostic d = make_warning("W0340", "the accepted verdict `" + a.id + "` no longer occurs");
    d.file_name = accepted_file_;
    d.json_pointer = "/accepted/" + std::to_string(i) + "/id";
    if (a.span.valid()) d.with_primary(a.span, "stale acceptance");
    d.with_note("accepted by " + a.by + " on " + a.date + ": " + a.reason);
    d.with_help("its claims or bindings changed, or its rule is gone: remove the entry, and review any new verdict "
                "(`nogood accept ID` accepts it)");
    diags_.report(std::move(d));
  }
}

engine::Acceptance const* Session::acceptance(Verdict const& v) const {
  if (acceptance_of_.empty()) return nullptr;
  auto it = acceptance_of_.find(acceptance_key(v));
  return it == acceptance_of_.end() ? nullptr : &accepted_[it->second];
}

std::string accepted_file_text(std::vector<engine::Acceptance> const& entries) { return facts::accepted_text(entries); }

}  // namespace nogood
