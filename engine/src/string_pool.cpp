#include "nogood/engine/string_pool.hpp"

#include <cstring>
#include <functional>
#include <stdexcept>

namespace nogood::engine {

namespace {
constexpr std::size_t block_size = 64 * 1024;
}

std::uint32_t StringPool::hash_of(std::string_view s) { return static_cast<std::uint32_t>(std::hash<std::string_view>{}(s)); }

std::size_t StringPool::probe(std::string_view s, std::uint32_t hash) const {
  auto const mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    auto const slot = slots_[i];
    if (slot == 0) return i;
    auto const& e = entries_[slot - 1];
    // memcmp is not given the null data of an empty view.
    if (e.hash == hash && e.size == s.size() && (s.empty() || std::memcmp(e.text, s.data(), s.size()) == 0)) return i;
  }
}

char const* StringPool::store(std::string_view s) {
  if (s.empty()) return "";
  if (s.size() > block_size / 4) {
    // A long string gets a block of its own, so that the current block's room is not wasted.
    auto& block = blocks_.emplace_back(std::make_unique<char[]>(s.size()));
    std::memcpy(block.get(), s.data(), s.size());
    return block.get();
  }
  if (free_size_ < s.size()) {
    free_ = blocks_.emplace_back(std::make_unique<char[]>(block_size)).get();
    free_size_ = block_size;
  }
  char* text = free_;
  std::memcpy(text, s.data(), s.size());
  free_ += s.size();
  free_size_ -= s.size();
  return text;
}

void StringPool::grow() {
  std::vector<std::uint32_t> slots(slots_.empty() ? 64 : slots_.size() * 2, 0);
  auto const mask = slots.size() - 1;
  for (std::uint32_t id = 0; id < entries_.size(); ++id) {
    auto i = entries_[id].hash & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = id + 1;
  }
  slots_ = std::move(slots);
}

std::uint32_t StringPool::intern(std::string_view s) {
  if ((entries_.size() + 1) * 4 > slots_.size() * 3) grow();
  auto const hash = hash_of(s);
  auto const i = probe(s, hash);
  if (slots_[i] != 0) return slots_[i] - 1;
  if (entries_.size() >= 0xfffffffeu || s.size() > 0xffffffffu) throw std::length_error("string pool full");
  auto const id = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back({store(s), static_cast<std::uint32_t>(s.size()), hash});
  slots_[i] = id + 1;
  return id;
}

std::optional<std::uint32_t> StringPool::find(std::string_view s) const {
  if (slots_.empty()) return std::nullopt;
  auto const i = probe(s, hash_of(s));
  if (slots_[i] == 0) return std::nullopt;
  return slots_[i] - 1;
}

}  // namespace nogood::engine
