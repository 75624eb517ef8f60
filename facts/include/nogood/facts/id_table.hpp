// Ids (of sources and entities) to dense numbers, looked up once per entity argument of every
// fact: a flat open-addressing table (linear probing), so a lookup hashes the id once and, for
// short ids, reads one slot and compares no bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nogood::facts {

class IdTable {
public:
  // The value of `key`, if present.
  std::optional<std::uint32_t> find(std::string_view key) const;
  bool contains(std::string_view key) const { return find(key).has_value(); }
  // Adds `key` -> `value`; false, leaving the table as it was, when `key` is already present.
  bool insert(std::string_view key, std::uint32_t value);

  std::size_t size() const { return starts_.size() - 1; }
  bool empty() const { return size() == 0; }
  // Keys in insertion order, e.g. for a did-you-mean.
  std::vector<std::string_view> keys() const;

  static std::uint64_t hash(std::string_view key);

private:
  // Ids of up to eight bytes, nearly all of them, sit in their slot: a lookup touches one cache line
  // and compares two words. Longer ids are compared in bytes_ after a 32-bit hash tag.
  struct Slot {
    std::uint64_t word = 0;             // the key's bytes, zero-padded; long keys: offset << 32 | tag
    std::uint32_t size = empty_slot;    // of the key
    std::uint32_t value = 0;
  };
  static constexpr std::uint32_t empty_slot = 0xffffffffu;
  static constexpr std::size_t inline_size = 8;

  std::string_view key(std::size_t i) const { return std::string_view(bytes_).substr(starts_[i], starts_[i + 1] - starts_[i]); }
  // What a slot holding `key` (whose hash is `h`, whose bytes start at `offset` in bytes_) holds in `word`.
  static std::uint64_t word_of(std::string_view key, std::uint64_t h, std::uint32_t offset);
  bool holds(Slot const& s, std::string_view key, std::uint64_t word) const;
  // The slot holding `key`, or the empty slot where it would go.
  std::size_t probe(std::string_view key, std::uint64_t h, std::uint64_t word) const;
  void grow();

  // A power of two in size, at most 3/4 full: lookups miss the cache on the slot they land on, and a
  // smaller table misses less often than the extra probes of a fuller one cost.
  std::vector<Slot> slots_;
  std::string bytes_;                     // every key, back to back, in insertion order
  std::vector<std::uint32_t> starts_{0};  // key i is bytes_[starts_[i], starts_[i + 1])
};

}  // namespace nogood::facts
