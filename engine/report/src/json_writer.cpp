#include "json_writer.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace nogood::report {

namespace {

// Length of the well-formed UTF-8 sequence at `p`, or 0.
std::size_t utf8_length(unsigned char const* p, unsigned char const* end) {
  unsigned char c = p[0];
  std::size_t n = c < 0xc2 ? 0 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : c < 0xf5 ? 4 : 0;
  if (n == 0 || static_cast<std::size_t>(end - p) < n) return 0;
  for (std::size_t i = 1; i < n; ++i)
    if ((p[i] & 0xc0) != 0x80) return 0;
  if (c == 0xe0 && p[1] < 0xa0) return 0;   // overlong
  if (c == 0xed && p[1] > 0x9f) return 0;   // surrogates
  if (c == 0xf0 && p[1] < 0x90) return 0;   // overlong
  if (c == 0xf4 && p[1] > 0x8f) return 0;   // beyond U+10FFFF
  return n;
}

// Whether any of the 8 bytes in `w` needs more than a copy: a control character, a quote, a
// backslash, or a byte of a multi-byte sequence (validated one at a time).
inline bool any_special(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto zero_byte = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
  return ((w - ones * 0x20) & ~w & highs) | zero_byte(w ^ (ones * '"')) | zero_byte(w ^ (ones * '\\')) | (w & highs);
}

// Bytes copied as they are: printable ASCII but the quote and the backslash.
constexpr auto plain = [] {
  std::array<bool, 256> table{};
  for (int c = 0x20; c < 0x80; ++c) table[c] = c != '"' && c != '\\';
  return table;
}();

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static char const hex[] = "0123456789abcdef";
  out += '"';
  auto const* p = reinterpret_cast<unsigned char const*>(s.data());
  auto const* end = p + s.size();
  auto const* run = p;  // start of bytes copied as they are
  auto flush = [&](unsigned char const* upto) { out.append(reinterpret_cast<char const*>(run), static_cast<std::size_t>(upto - run)); };
  while (p != end) {
    if (end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      if (!any_special(w)) {
        p += 8;
        continue;
      }
    }
    unsigned char c = *p;
    if (plain[c]) {
      ++p;
      continue;
    }
    if (c >= 0x80) {
      if (auto n = utf8_length(p, end)) {
        p += n;
        continue;
      }
      flush(p);
      out += "\xef\xbf\xbd";
      run = ++p;
      continue;
    }
    flush(p);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    run = ++p;
  }
  flush(p);
  out += '"';
}

void JsonWriter::newline(std::size_t depth) {
  static constexpr std::string_view spaces = "\n                                                                ";
  if (2 * depth < spaces.size()) {
    out_.append(spaces.data(), 2 * depth + 1);
    return;
  }
  out_ += '\n';
  out_.append(2 * depth, ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;
  if (!empty_.back()) out_ += ',';
  empty_.back() = false;
  newline(base_ + empty_.size());
}

JsonWriter& JsonWriter::key(std::string_view k) {
  before_value();
  append_json_string(out_, k);
  out_ += ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  bool const was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty) newline(base_ + empty_.size());
  out_ += bracket;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  append_json_string(out_, s);
  return *this;
}

JsonWriter& JsonWriter::number(std::int64_t n) {
  before_value();
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
  (void)ec;
  out_.append(digits, end);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  // Nested text keeps its own line breaks: indent them to this depth.
  std::string const pad(2 * (base_ + empty_.size()), ' ');
  std::size_t at = 0;
  for (auto nl = json.find('\n'); nl != std::string_view::npos; at = nl + 1, nl = json.find('\n', at)) {
    out_.append(json, at, nl + 1 - at);
    out_ += pad;
  }
  out_.append(json, at, std::string_view::npos);
  return *this;
}

}  // namespace nogood::report
