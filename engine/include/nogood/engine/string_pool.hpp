// Interned strings: symbols, strings, and the ids of entities and sources.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace nogood::engine {

// Interns strings; ids are dense and stable, views stay valid for the pool's lifetime. A corpus
// interns tens of thousands of short ids, so each costs its characters, 16 bytes of entry and a
// few bytes of hash table rather than a std::string and a hash-map node (about 90 bytes).
class StringPool {
public:
  StringPool() = default;
  StringPool(StringPool&&) noexcept = default;
  StringPool& operator=(StringPool&&) noexcept = default;

  std::uint32_t intern(std::string_view s);
  std::optional<std::uint32_t> find(std::string_view s) const;
  std::string_view view(std::uint32_t id) const { return {entries_[id].text, entries_[id].size}; }
  std::size_t size() const { return entries_.size(); }

private:
  struct Entry {
    char const* text;
    std::uint32_t size;
    std::uint32_t hash;  // its low bits, to probe past other strings without reading them
  };
  static std::uint32_t hash_of(std::string_view s);
  // The slot holding `s`'s id + 1, or the empty slot where it would go.
  std::size_t probe(std::string_view s, std::uint32_t hash) const;
  char const* store(std::string_view s);
  void grow();

  std::vector<Entry> entries_;
  std::vector<std::uint32_t> slots_;  // id + 1; 0 is empty; a power of two, at most 3/4 full
  // Characters, in blocks that never move (a view is a pointer into one).
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;
  std::size_t free_size_ = 0;
};

}  // namespace nogood::engine
