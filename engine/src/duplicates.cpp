#include "nogood/engine/duplicates.hpp"

#include <algorithm>

#include "nogood/engine/relation.hpp"

namespace nogood::engine {

namespace {

// Compacts one (predicate, polarity) run of claim rows in place. The table of kept rows is
// allocated once per run: the per-claim work hashes and compares values, no strings.
void drop_in(Corpus const& corpus, ClaimRows& rows, std::vector<DuplicateClaim>& out) {
  std::size_t const n = rows.claims.size();
  if (n < 2) return;
  std::size_t const arity = rows.values.size() / n;
  auto same = [&](std::size_t a, std::size_t b) {
    auto const& ca = corpus.claims[rows.claims[a]];
    auto const& cb = corpus.claims[rows.claims[b]];
    return ca.source == cb.source && corpus.claimant(ca) == corpus.claimant(cb) && ca.certainty == cb.certainty &&
           std::equal(rows.values.begin() + std::ptrdiff_t(a * arity), rows.values.begin() + std::ptrdiff_t((a + 1) * arity),
                      rows.values.begin() + std::ptrdiff_t(b * arity));
  };
  auto hash = [&](std::size_t i) {
    auto const& c = corpus.claims[rows.claims[i]];
    Value key[3] = {c.source, corpus.claimant(c), static_cast<Value>(c.certainty)};
    return hash_tuple(rows.values.data() + i * arity, static_cast<std::uint32_t>(arity)) ^ hash_tuple(key, 3) * 31;
  };
  // Each slot keeps the upper half of its row's hash: probing past other rows compares tags
  // and reads no claim, so a corpus without repeats costs about one cache miss a claim.
  struct Slot {
    std::uint32_t row;  // kept row, by its new position
    std::uint32_t tag;
  };
  std::size_t size = 16;
  while (size < n * 2) size *= 2;
  std::vector<Slot> slots(size, Slot{no_row, 0});
  std::size_t kept = 0;
  for (std::size_t i = 0; i < n; ++i) {
    auto const h = hash(i);
    auto const tag = static_cast<std::uint32_t>(h >> 32);
    auto pos = h & (size - 1);
    bool repeat = false;
    for (; slots[pos].row != no_row; pos = (pos + 1) & (size - 1))
      if (slots[pos].tag == tag && same(slots[pos].row, i)) {
        out.push_back({rows.claims[i], rows.claims[slots[pos].row], slots[pos].row});
        repeat = true;
        break;
      }
    if (repeat) continue;
    if (kept != i) {
      std::copy_n(rows.values.begin() + std::ptrdiff_t(i * arity), arity, rows.values.begin() + std::ptrdiff_t(kept * arity));
      rows.claims[kept] = rows.claims[i];
    }
    slots[pos] = {static_cast<std::uint32_t>(kept++), tag};
  }
  rows.claims.resize(kept);
  rows.values.resize(kept * arity);
}

}  // namespace

std::vector<DuplicateClaim> drop_duplicate_claims(Corpus& corpus) {
  std::vector<DuplicateClaim> out;
  for (auto& rows : corpus.positive) drop_in(corpus, rows, out);
  for (auto& rows : corpus.negative) drop_in(corpus, rows, out);
  return out;
}

}  // namespace nogood::engine
