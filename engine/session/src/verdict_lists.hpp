// Verdicts are built, and their nogoods found, by threads that each take a contiguous share of
// them and keep that share's lists in arrays of its own; the shares' arrays are then joined in
// order, so the session's lists are the same whatever the number of threads.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "nogood/verdict.hpp"

namespace nogood {

// The first item of share `t` of `workers` contiguous shares of `total` items.
inline std::size_t share_begin(std::size_t total, std::size_t workers, std::size_t t) { return total * t / workers; }

// Runs `work(t, begin, end)` for each share, share 0 on this thread and the others on their own.
void run_shares(std::size_t total, std::size_t workers, std::function<void(std::size_t t, std::size_t begin, std::size_t end)> const& work);

// Appends the sources and support of `parts` (one per share of `verdicts`) to `all`, moving each
// verdict's ranges to their place there and pointing the verdict at `all`.
void join_sources(VerdictLists& all, std::vector<VerdictLists> const& parts, std::vector<Verdict>& verdicts);
// The same for the nogoods.
void join_nogoods(VerdictLists& all, std::vector<VerdictLists> const& parts, std::vector<Verdict>& verdicts);

}  // namespace nogood
