// The NameMatcher's memo: each distinct name is folded and reduced to its skeleton once; a name
// seen again costs one hash lookup. Everything lives in an arena, so a new name allocates nothing
// in the common case and views handed out stay valid until clear().
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "name_skeleton.hpp"
#include "place_names.hpp"

namespace nogood::facts::detail {

struct ParsedName {
  std::string_view folded;    // after case and diacritic folding (UTF-8)
  std::string_view skeleton;  // words separated by one space
  std::string_view block;     // the skeleton as blocking sees it (see name_letter_pairs.hpp)
  std::span<SkeletonWord const> words;
  unsigned steps = 0;  // FoldStep | SkeletonStep
  // What the name is known as (see place_names.hpp, and the analyst's aliases): the skeleton is
  // then that canonical name's, so that "دمشق" and "Damascus" meet. `origin` says where an alias
  // was listed ("entities.json:14").
  std::string_view known;
  KnownSource source = KnownSource::none;
  std::string_view origin;

  std::string_view word(std::size_t i) const { return skeleton.substr(words[i].begin, words[i].size); }
};

class NameCache {
public:
  ParsedName const& get(std::string_view name);
  std::size_t size() const { return entries_.size(); }
  void clear();

  // Names listed as one: each takes the canonical name's skeleton. Clears the memo. Returns the
  // index of each name already listed in another group, with that group's origin.
  std::vector<std::pair<std::size_t, std::string>> add_aliases(std::vector<std::string> const& names,
                                                               std::string const& origin);

private:
  // Bump allocation in 64 KiB blocks; nothing is freed before clear().
  class Arena {
  public:
    void* allocate(std::size_t size, std::size_t align);
    std::string_view copy(std::string_view text);
    std::span<SkeletonWord const> copy(std::span<SkeletonWord const> words);
    void clear();

  private:
    std::vector<std::unique_ptr<std::byte[]>> blocks_;
    std::byte* next_ = nullptr;
    std::size_t left_ = 0;
  };

  struct Entry {
    std::string_view name;
    std::size_t hash;
    ParsedName parsed;
  };

  struct Slot {
    std::uint32_t entry = 0;  // entry index + 1; 0: free
    std::uint32_t tag = 0;    // high bits of the name's hash
  };

  ParsedName const& parse_into(std::string_view name, std::size_t hash, std::size_t slot);
  void grow();

  struct Alias {
    std::string canonical;
    std::string origin;
  };
  std::unordered_map<std::u32string, Alias> aliases_;

  std::deque<Entry> entries_;         // a deque: references survive insertions
  std::vector<Slot> slots_;           // open addressing, linear probing, at most half full
  Arena arena_;
  // Scratch buffers, reused from name to name.
  std::u32string folded_, place_folded_;
  std::string folded_utf8_, block_;
  Skeleton skeleton_;
  SkeletonScratch scratch_;
};

}  // namespace nogood::facts::detail
