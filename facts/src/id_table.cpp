#include "nogood/facts/id_table.hpp"

#include <cstring>

namespace nogood::facts {

// Ids are short (`p16276`, `s1198`): read them eight bytes at a time and mix with multiplies
// (the finaliser of splitmix64), cheaper than a byte-wise hash and well spread in the low bits.
std::uint64_t IdTable::hash(std::string_view key) {
  auto mix = [](std::uint64_t h) {
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
    return h ^ (h >> 31);
  };
  std::uint64_t h = 0x9e3779b97f4a7c15ull ^ key.size();
  char const* p = key.data();
  std::size_t n = key.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = mix(h ^ w);
  }
  std::uint64_t w = 0;
  std::memcpy(&w, p, n);
  return mix(h ^ w);
}

std::uint64_t IdTable::word_of(std::string_view k, std::uint64_t h, std::uint32_t offset) {
  if (k.size() > inline_size) return std::uint64_t{offset} << 32 | (h & 0xffffffffu);
  std::uint64_t w = 0;
  std::memcpy(&w, k.data(), k.size());
  return w;
}

bool IdTable::holds(Slot const& s, std::string_view k, std::uint64_t word) const {
  if (s.size != k.size()) return false;
  if (k.size() <= inline_size) return s.word == word;
  return (s.word & 0xffffffffu) == (word & 0xffffffffu) && std::string_view(bytes_).substr(s.word >> 32, k.size()) == k;
}

std::size_t IdTable::probe(std::string_view k, std::uint64_t h, std::uint64_t word) const {
  std::size_t const mask = slots_.size() - 1;
  for (std::size_t i = (h >> 32) & mask;; i = (i + 1) & mask) {
    Slot const& s = slots_[i];
    if (s.size == empty_slot || holds(s, k, word)) return i;
  }
}

std::optional<std::uint32_t> IdTable::find(std::string_view k) const {
  if (slots_.empty()) return std::nullopt;
  auto const h = hash(k);
  Slot const& s = slots_[probe(k, h, word_of(k, h, 0))];
  if (s.size == empty_slot) return std::nullopt;
  return s.value;
}

bool IdTable::insert(std::string_view k, std::uint32_t value) {
  if ((size() + 1) * 4 > slots_.size() * 3) grow();
  auto const h = hash(k);
  auto const offset = static_cast<std::uint32_t>(bytes_.size());
  Slot& s = slots_[probe(k, h, word_of(k, h, offset))];
  if (s.size != empty_slot) return false;
  bytes_.append(k);
  starts_.push_back(static_cast<std::uint32_t>(bytes_.size()));
  s = Slot{word_of(k, h, offset), static_cast<std::uint32_t>(k.size()), value};
  return true;
}

// Doubles the slot array; keys are hashed again, which is rare (log n times) and cheap for ids.
void IdTable::grow() {
  std::vector<Slot> old(slots_.empty() ? 16 : slots_.size() * 2);
  old.swap(slots_);
  std::size_t const mask = slots_.size() - 1;
  for (auto const& s : old) {
    if (s.size == empty_slot) continue;
    std::string_view k = s.size <= inline_size ? std::string_view(reinterpret_cast<char const*>(&s.word), s.size)
                                               : std::string_view(bytes_).substr(s.word >> 32, s.size);
    std::size_t i = (hash(k) >> 32) & mask;
    while (slots_[i].size != empty_slot) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

std::vector<std::string_view> IdTable::keys() const {
  std::vector<std::string_view> out;
  out.reserve(size());
  for (std::size_t i = 0; i < size(); ++i) out.push_back(key(i));
  return out;
}

}  // namespace nogood::facts
