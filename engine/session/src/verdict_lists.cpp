#include "verdict_lists.hpp"

#include <future>

namespace nogood {

void run_shares(std::size_t total, std::size_t workers, std::function<void(std::size_t, std::size_t, std::size_t)> const& work) {
  std::vector<std::future<void>> shares;
  for (std::size_t t = 1; t < workers; ++t)
    shares.push_back(std::async(std::launch::async, work, t, share_begin(total, workers, t), share_begin(total, workers, t + 1)));
  work(0, 0, share_begin(total, workers, 1));
  for (auto& share : shares) share.get();
}

namespace {

// Appends one share's array, reserving the whole once so that joining never holds two copies.
void append(std::vector<std::uint32_t>& all, std::vector<std::uint32_t> const& part, std::size_t whole) {
  if (all.capacity() < whole) all.reserve(whole);
  all.insert(all.end(), part.begin(), part.end());
}

template <class Size>
std::size_t sum(std::vector<VerdictLists> const& parts, Size size) {
  std::size_t n = 0;
  for (auto const& p : parts) n += size(p);
  return n;
}

}  // namespace

void join_sources(VerdictLists& all, std::vector<VerdictLists> const& parts, std::vector<Verdict>& verdicts) {
  auto const sources = sum(parts, [](auto const& p) { return p.sources.size(); });
  auto const support = sum(parts, [](auto const& p) { return p.support.size(); });
  for (std::size_t t = 0; t < parts.size(); ++t) {
    auto const sources_base = static_cast<std::uint32_t>(all.sources.size()), support_base = static_cast<std::uint32_t>(all.support.size());
    for (auto i = share_begin(verdicts.size(), parts.size(), t); i < share_begin(verdicts.size(), parts.size(), t + 1); ++i) {
      verdicts[i].sources_at.begin += sources_base;
      verdicts[i].support_at.begin += support_base;
      verdicts[i].lists = &all;
    }
    append(all.sources, parts[t].sources, sources);
    append(all.support, parts[t].support, support);
  }
}

void join_nogoods(VerdictLists& all, std::vector<VerdictLists> const& parts, std::vector<Verdict>& verdicts) {
  // Each part's bounds start with its own 0, which the set before it in `all` already ends with.
  auto const bounds = 1 + sum(parts, [](auto const& p) { return p.nogood_bounds.size() - 1; });
  auto const sources = sum(parts, [](auto const& p) { return p.nogood_sources.size(); });
  for (std::size_t t = 0; t < parts.size(); ++t) {
    auto const sets_base = static_cast<std::uint32_t>(all.nogood_bounds.size() - 1);
    auto const sources_base = static_cast<std::uint32_t>(all.nogood_sources.size());
    for (auto i = share_begin(verdicts.size(), parts.size(), t); i < share_begin(verdicts.size(), parts.size(), t + 1); ++i) {
      verdicts[i].nogoods_at.begin += sets_base;
      verdicts[i].lists = &all;
    }
    if (all.nogood_bounds.capacity() < bounds) all.nogood_bounds.reserve(bounds);
    for (std::size_t j = 1; j < parts[t].nogood_bounds.size(); ++j) all.nogood_bounds.push_back(sources_base + parts[t].nogood_bounds[j]);
    append(all.nogood_sources, parts[t].nogood_sources, sources);
  }
}

}  // namespace nogood
