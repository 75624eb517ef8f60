// A fact is a fact once: a claim that repeats an earlier one of the same source (same
// predicate, polarity, arguments, claimant and certainty), or a background fact stated twice,
// adds nothing, so it leaves the claim rows before evaluation and no count or sum sees it.
#pragma once

#include <cstdint>
#include <vector>

#include "nogood/engine/corpus.hpp"

namespace nogood::engine {

struct DuplicateClaim {
  std::uint32_t claim;  // the repeat, dropped
  std::uint32_t first;  // the earlier claim it repeats, kept with its quote
  std::uint32_t row;    // the kept claim's row in its ClaimRows, where both claims' arguments are
};

// Removes repeated claims from `corpus`'s claim rows (Corpus::claims keeps them, so their
// places can still be reported) and returns them, in row order per predicate.
std::vector<DuplicateClaim> drop_duplicate_claims(Corpus& corpus);

}  // namespace nogood::engine
