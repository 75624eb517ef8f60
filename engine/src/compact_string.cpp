#include "nogood/engine/compact_string.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

namespace nogood::engine {

std::string_view CompactString::view() const noexcept {
  if (bytes_ == 0) return {};
  if (is_inline()) return {reinterpret_cast<char const*>(&bytes_) + 1, static_cast<std::size_t>((bytes_ & 0xff) >> 1)};
  auto const* block = reinterpret_cast<char const*>(bytes_);
  std::uint32_t size = 0;
  std::memcpy(&size, block, sizeof size);
  return {block + sizeof size, size};
}

void CompactString::assign(std::string_view s) {
  if (s.empty()) {
    bytes_ = 0;
  } else if (s.size() <= inline_capacity) {
    bytes_ = (s.size() << 1) | 1;
    std::memcpy(reinterpret_cast<char*>(&bytes_) + 1, s.data(), s.size());
  } else {
    auto const size = static_cast<std::uint32_t>(s.size());
    auto* block = static_cast<char*>(std::malloc(sizeof size + s.size()));
    if (!block) throw std::bad_alloc();
    std::memcpy(block, &size, sizeof size);
    std::memcpy(block + sizeof size, s.data(), s.size());
    bytes_ = reinterpret_cast<std::uintptr_t>(block);
  }
}

void CompactString::release() noexcept {
  if (bytes_ != 0 && !is_inline()) std::free(reinterpret_cast<void*>(bytes_));
  bytes_ = 0;
}

CompactString& CompactString::operator=(CompactString const& other) {
  if (this != &other) *this = other.view();
  return *this;
}

CompactString& CompactString::operator=(CompactString&& other) noexcept {
  if (this != &other) {
    release();
    bytes_ = other.bytes_;
    other.bytes_ = 0;
  }
  return *this;
}

CompactString& CompactString::operator=(std::string_view s) {
  // `s` may point into this string's own block: build the new value before freeing the old.
  CompactString copy;
  copy.assign(s);
  release();
  bytes_ = copy.bytes_;
  copy.bytes_ = 0;
  return *this;
}

}  // namespace nogood::engine
