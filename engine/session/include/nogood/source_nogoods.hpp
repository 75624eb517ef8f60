// Which sources to doubt. A verdict's nogoods over sources are the smallest sets of sources such
// that believing only the claims of one set still derives the verdict: the claims of a nogood's
// sources cannot all hold. Ranked over the verdicts of a report, they say which sources, and which
// pairs of sources, the contradictions turn on, and which single source's doubt settles the most.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "nogood/verdict.hpp"

namespace nogood {

class Session;

// Bounds of the search, per verdict; a verdict that reaches one has nogoods_complete false.
struct NogoodLimits {
  std::size_t matches = 100000;  // body rows tried, over the whole search for one verdict
  std::size_t sets = 32;         // sets kept per verdict, and per fact on the way
};

// One verdict's nogoods, source indexes as Verdict::nogoods holds them.
struct SourceNogoods {
  std::vector<std::vector<std::uint32_t>> sets;
  bool complete = true;
};

struct SourceRanking {
  struct Source {
    std::uint32_t source = 0;
    std::size_t verdicts = 0;  // verdicts with a nogood holding it
    // Verdicts every nogood of which holds it (and whose search was complete): doubting this
    // source alone settles them.
    std::size_t settled = 0;
  };
  struct Pair {
    std::uint32_t a = 0, b = 0;  // by source id
    std::size_t verdicts = 0;    // verdicts with a nogood holding both
  };
  std::vector<Source> sources;  // most verdicts first, then most settled, then by id
  std::vector<Pair> pairs;      // most verdicts first, then by ids
  std::size_t verdicts = 0;     // verdicts ranked: those not accepted
  std::size_t accepted = 0;     // accepted verdicts, left out: they are understood, not doubted
  std::size_t background = 0;   // verdicts the rules and background facts derive with no source at all
  std::size_t incomplete = 0;   // verdicts whose search stopped at a bound
};

// Ranks the sources of `verdicts` (after Session::find_source_nogoods()) by their nogoods.
SourceRanking rank_sources(Session const& session, std::vector<Verdict const*> const& verdicts);

}  // namespace nogood
