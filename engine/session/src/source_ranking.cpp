// Sources and pairs of sources ranked by the nogoods of the verdicts a report shows.
#include <algorithm>
#include <vector>

#include "nogood/session.hpp"
#include "nogood/source_nogoods.hpp"

namespace nogood {

SourceRanking rank_sources(Session const& session, std::vector<Verdict const*> const& verdicts) {
  SourceRanking out;
  auto const& sources = session.corpus().sources;
  std::vector<SourceRanking::Source> per(sources.size());
  for (std::uint32_t i = 0; i < per.size(); ++i) per[i].source = i;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // once per verdict that has both
  pairs.reserve(verdicts.size());  // most verdicts have one: reserved rather than doubled through
  std::vector<std::uint32_t> involved;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> together;
  for (auto const* v : verdicts) {
    if (session.acceptance(*v)) {
      ++out.accepted;
      continue;
    }
    ++out.verdicts;
    if (!v->nogoods_complete) ++out.incomplete;
    auto const nogoods = v->nogoods();
    if (std::any_of(nogoods.begin(), nogoods.end(), [](auto const& set) { return set.empty(); })) ++out.background;
    involved.clear();
    together.clear();
    for (auto const& set : nogoods) {
      involved.insert(involved.end(), set.begin(), set.end());
      for (std::size_t a = 0; a < set.size(); ++a)
        for (std::size_t b = a + 1; b < set.size(); ++b) together.emplace_back(std::min(set[a], set[b]), std::max(set[a], set[b]));
    }
    std::sort(involved.begin(), involved.end());
    involved.erase(std::unique(involved.begin(), involved.end()), involved.end());
    for (auto src : involved) {
      ++per[src].verdicts;
      // Doubting it alone settles the verdict when every way to derive it needs this source.
      bool in_every = v->nogoods_complete && std::all_of(nogoods.begin(), nogoods.end(), [&](auto const& set) {
        return std::find(set.begin(), set.end(), src) != set.end();
      });
      if (in_every) ++per[src].settled;
    }
    // A pair counts once per verdict, however many of its nogoods hold both.
    std::sort(together.begin(), together.end());
    together.erase(std::unique(together.begin(), together.end()), together.end());
    pairs.insert(pairs.end(), together.begin(), together.end());
  }
  std::sort(pairs.begin(), pairs.end());
  for (auto const& s : per)
    if (s.verdicts) out.sources.push_back(s);
  std::sort(out.sources.begin(), out.sources.end(), [&](auto const& a, auto const& b) {
    if (a.verdicts != b.verdicts) return a.verdicts > b.verdicts;
    if (a.settled != b.settled) return a.settled > b.settled;
    return sources[a.source].id < sources[b.source].id;
  });
  // Reserved at its size: 100,000s of pairs on a large corpus, which doubling would hold twice.
  std::size_t distinct = 0;
  for (std::size_t i = 0; i < pairs.size(); ++i) distinct += i == 0 || pairs[i] != pairs[i - 1];
  out.pairs.reserve(distinct);
  for (std::size_t i = 0; i < pairs.size();) {
    auto const p = pairs[i];
    std::size_t n = 0;
    for (; i < pairs.size() && pairs[i] == p; ++i) ++n;
    bool in_order = sources[p.first].id < sources[p.second].id;
    out.pairs.push_back({in_order ? p.first : p.second, in_order ? p.second : p.first, n});
  }
  std::sort(out.pairs.begin(), out.pairs.end(), [&](auto const& a, auto const& b) {
    if (a.verdicts != b.verdicts) return a.verdicts > b.verdicts;
    if (sources[a.a].id != sources[b.a].id) return sources[a.a].id < sources[b.a].id;
    return sources[a.b].id < sources[b.b].id;
  });
  return out;
}

}  // namespace nogood
