// One JSON Lines fact read by a small scanner, without building a DOM. Anything unusual
// (records that are not plain facts, nesting, unknown keys, syntax errors) makes the reader
// give up, and the line goes through the full loader, which reports errors precisely.
// Strings are views into the line: reading a fact copies nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace nogood::facts::detail {

struct FlatValue {
  enum class Kind : std::uint8_t { string, integer, other } kind = Kind::other;
  std::string_view text;
  std::int64_t number = 0;
};

struct FactLine {
  std::string_view pred;
  std::optional<std::string_view> source;  // absent or null: background
  std::vector<FlatValue> args;
  std::string_view by, certainty, quote;
  bool has_by = false, has_certainty = false, negated = false;
  std::optional<std::int64_t> at;
  void clear();
};

// Reads a plain fact line into `out`, whose views point into `line`; false when the line needs the
// full loader.
bool read_fact_line(std::string_view line, FactLine& out);

}  // namespace nogood::facts::detail
