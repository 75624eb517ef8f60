#include "name_cache.hpp"

#include <cstring>
#include <functional>

#include "name_fold.hpp"
#include "name_letter_pairs.hpp"
#include "place_names.hpp"

namespace nogood::facts::detail {

namespace {

constexpr std::size_t block_size = 64 * 1024;

void append_utf8(std::string& out, std::u32string_view text) {
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
}

}  // namespace

void* NameCache::Arena::allocate(std::size_t size, std::size_t align) {
  auto padding = [&] { return (align - reinterpret_cast<std::uintptr_t>(next_) % align) % align; };
  if (!next_ || padding() + size > left_) {
    std::size_t block = std::max(block_size, size + align);  // a huge name gets a block of its own
    blocks_.push_back(std::make_unique<std::byte[]>(block));
    next_ = blocks_.back().get();
    left_ = block;
  }
  std::size_t pad = padding();
  void* at = next_ + pad;
  next_ += pad + size;
  left_ -= pad + size;
  return at;
}

std::string_view NameCache::Arena::copy(std::string_view text) {
  if (text.empty()) return {};
  auto* at = static_cast<char*>(allocate(text.size(), 1));
  std::memcpy(at, text.data(), text.size());
  return {at, text.size()};
}

std::span<SkeletonWord const> NameCache::Arena::copy(std::span<SkeletonWord const> words) {
  if (words.empty()) return {};
  auto* at = static_cast<SkeletonWord*>(allocate(words.size_bytes(), alignof(SkeletonWord)));
  std::memcpy(static_cast<void*>(at), words.data(), words.size_bytes());
  return {at, words.size()};
}

void NameCache::Arena::clear() {
  blocks_.clear();
  next_ = nullptr;
  left_ = 0;
}

ParsedName const& NameCache::get(std::string_view name) {
  if (slots_.empty()) slots_.assign(1024, Slot{});
  std::size_t hash = std::hash<std::string_view>{}(name);
  std::size_t mask = slots_.size() - 1;
  auto tag = static_cast<std::uint32_t>(hash >> 32);
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    Slot s = slots_[slot];
    if (s.entry == 0) return parse_into(name, hash, slot);
    if (s.tag != tag) continue;  // decided without touching the entry
    Entry const& e = entries_[s.entry - 1];
    if (e.hash == hash && e.name == name) return e.parsed;
  }
}

ParsedName const& NameCache::parse_into(std::string_view name, std::size_t hash, std::size_t slot) {
  unsigned steps = fold_name(name, folded_);
  folded_utf8_.clear();
  append_utf8(folded_utf8_, folded_);
  KnownName known;
  std::string_view origin;
  if (!aliases_.empty()) {
    if (auto it = aliases_.find(folded_); it != aliases_.end()) {
      known = {it->second.canonical, KnownSource::alias};
      origin = it->second.origin;
    }
  }
  if (known.canonical.empty()) known = known_place(folded_);
  if (known.canonical.empty()) {
    build_skeleton(folded_, skeleton_, scratch_);
  } else {
    fold_name(known.canonical, place_folded_);
    build_skeleton(place_folded_, skeleton_, scratch_);
  }

  Entry& e = entries_.emplace_back();
  e.name = arena_.copy(name);
  e.hash = hash;
  e.parsed.folded = arena_.copy(folded_utf8_);
  e.parsed.skeleton = arena_.copy(skeleton_.text);
  block_text(skeleton_.text, block_);
  e.parsed.block = block_ == skeleton_.text ? e.parsed.skeleton : arena_.copy(block_);
  e.parsed.words = arena_.copy(std::span<SkeletonWord const>(skeleton_.words));
  e.parsed.steps = steps | skeleton_.steps;
  if (!known.canonical.empty()) {
    e.parsed.known = arena_.copy(known.canonical);
    e.parsed.source = known.source;
    e.parsed.origin = arena_.copy(origin);
  }
  slots_[slot] = {static_cast<std::uint32_t>(entries_.size()), static_cast<std::uint32_t>(hash >> 32)};
  if (entries_.size() * 2 > slots_.size()) grow();  // keep probes short: at most half full
  return e.parsed;
}

void NameCache::grow() {
  std::vector<Slot> bigger(slots_.size() * 2, Slot{});
  std::size_t mask = bigger.size() - 1;
  for (std::uint32_t i = 0; i < entries_.size(); ++i) {
    std::size_t slot = entries_[i].hash & mask;
    while (bigger[slot].entry) slot = (slot + 1) & mask;
    bigger[slot] = {i + 1, static_cast<std::uint32_t>(entries_[i].hash >> 32)};
  }
  slots_ = std::move(bigger);
}

std::vector<std::pair<std::size_t, std::string>> NameCache::add_aliases(std::vector<std::string> const& names,
                                                                        std::string const& origin) {
  clear();
  std::vector<std::pair<std::size_t, std::string>> listed_before;
  std::vector<std::u32string> folded(names.size());
  std::string canonical;
  for (std::size_t i = 0; i < names.size(); ++i) {
    fold_name(names[i], folded[i]);
    // A group that names a place CLDR or iso-codes knows meets that place's other names.
    if (KnownName k = known_place(folded[i]); canonical.empty() && !k.canonical.empty()) canonical = k.canonical;
  }
  if (canonical.empty() && !names.empty()) canonical = names.front();
  for (std::size_t i = 0; i < names.size(); ++i) {
    auto [it, inserted] = aliases_.try_emplace(folded[i], Alias{canonical, origin});
    if (!inserted && it->second.origin != origin) listed_before.emplace_back(i, it->second.origin);
  }
  return listed_before;
}

void NameCache::clear() {
  entries_.clear();
  slots_.clear();
  arena_.clear();
}

}  // namespace nogood::facts::detail
