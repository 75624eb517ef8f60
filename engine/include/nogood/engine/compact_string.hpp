// A string in 8 bytes, for records a corpus holds tens of thousands of: ids such as `s12` and
// `p7325` and the short values of rarely-set fields (languages, types) fit inline, so most cost no
// heap at all; longer text takes one block of its exact size.
#pragma once

#include <bit>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace nogood::engine {

class CompactString {
public:
  static constexpr std::size_t inline_capacity = 7;

  CompactString() noexcept = default;
  CompactString(std::string_view s) { assign(s); }
  CompactString(char const* s) : CompactString(std::string_view(s)) {}
  CompactString(std::string const& s) : CompactString(std::string_view(s)) {}
  CompactString(CompactString const& other) { assign(other.view()); }
  CompactString(CompactString&& other) noexcept : bytes_(other.bytes_) { other.bytes_ = 0; }
  CompactString& operator=(CompactString const& other);
  CompactString& operator=(CompactString&& other) noexcept;
  CompactString& operator=(std::string_view s);
  CompactString& operator=(std::string const& s) { return *this = std::string_view(s); }
  CompactString& operator=(char const* s) { return *this = std::string_view(s); }
  ~CompactString() { release(); }

  std::string_view view() const noexcept;
  operator std::string_view() const noexcept { return view(); }
  std::string str() const { return std::string(view()); }

  bool empty() const noexcept { return bytes_ == 0 || size() == 0; }
  std::size_t size() const noexcept { return view().size(); }
  char const* data() const noexcept { return view().data(); }
  char const* begin() const noexcept { return data(); }
  char const* end() const noexcept { return data() + size(); }
  char operator[](std::size_t i) const noexcept { return data()[i]; }

  // One overload each, taking a string_view on the right, so comparing with a literal, a
  // std::string or another CompactString is never ambiguous.
  friend bool operator==(CompactString const& a, std::string_view b) noexcept { return a.view() == b; }
  friend std::strong_ordering operator<=>(CompactString const& a, std::string_view b) noexcept { return a.view().compare(b) <=> 0; }

  friend std::string operator+(CompactString const& a, std::string_view b) { return a.str().append(b); }
  friend std::string operator+(std::string_view a, CompactString const& b) { return std::string(a).append(b.view()); }
  friend std::string operator+(std::string&& a, CompactString const& b) { return std::move(a.append(b.view())); }
  friend std::string operator+(char const* a, CompactString const& b) { return std::string(a).append(b.view()); }

private:
  static_assert(std::endian::native == std::endian::little, "the inline tag is the pointer's low byte");
  // 0: empty. Low bit set: inline, length in the low byte (shifted by one), the characters in
  // the seven bytes above it. Otherwise: a pointer (even, as every allocation is) to a 32-bit
  // length followed by the characters.
  std::uint64_t bytes_ = 0;

  bool is_inline() const noexcept { return bytes_ & 1; }
  void assign(std::string_view s);
  void release() noexcept;
};

static_assert(sizeof(CompactString) == 8);

}  // namespace nogood::engine
