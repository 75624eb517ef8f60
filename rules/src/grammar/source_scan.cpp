#include "source_scan.hpp"

#include <cstdint>

namespace nogood::rules::grammar {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  auto const* s = reinterpret_cast<unsigned char const*>(text.data());
  std::size_t const n = text.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;  // a continuation byte, an overlong lead (C0, C1) or F5..FF
    }
    for (std::size_t k = 1; k < len; ++k) {
      if (i + k >= n || (s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    bool const overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
    i += len;
  }
  return std::nullopt;
}

char const* skip_blanks(char const* p, char const* end) {
  while (p != end) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
      ++p;
    } else if (*p == '#') {
      while (p != end && *p != '\n') ++p;
    } else {
      break;
    }
  }
  return p;
}

namespace {
// Steps over the string whose opening quote is at `p`, as the grammar's string token does:
// it ends at its closing quote or, unterminated, at the end of the line.
char const* skip_string(char const* p, char const* end) {
  ++p;
  while (p != end && *p != '"' && *p != '\n' && *p != '\r') {
    if (*p == '\\' && p + 1 != end && p[1] != '\n' && p[1] != '\r') ++p;
    ++p;
  }
  return p != end && *p == '"' ? p + 1 : p;
}

char const* skip_comment(char const* p, char const* end) {
  while (p != end && *p != '\n') ++p;
  return p;
}

// True when only blanks and a comment follow `p` up to the end of its line.
bool ends_line(char const* p, char const* end) {
  while (p != end && (*p == ' ' || *p == '\t' || *p == '\r')) ++p;
  return p == end || *p == '\n' || *p == '#';
}
// The `.` in `1.5`: not a statement end, even though the language has no decimals.
bool decimal_point(char const* p, char const* begin, char const* end) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return p > begin && digit(p[-1]) && p + 1 != end && digit(p[1]);
}
}  // namespace

namespace {
// Past a string or a comment starting at `p`; `p` itself when neither starts there. Brackets
// and full stops inside them are text, not structure.
char const* skip_string_or_comment(char const* p, char const* end) {
  if (*p == '"') return skip_string(p, end);
  if (*p == '#') return skip_comment(p, end);
  return p;
}
}  // namespace

char const* find_too_deep(char const* p, char const* end, int limit) {
  int depth = 0;
  while (p != end) {
    if (auto past = skip_string_or_comment(p, end); past != p) {
      p = past;
      continue;
    }
    char c = *p;
    if (c == '.') return nullptr;
    if (c == '(' || c == '{') {
      if (++depth > limit) return p;
    } else if ((c == ')' || c == '}') && depth > 0) {
      --depth;
    }
    ++p;
  }
  return nullptr;
}

char const* resume_after(char const* statement, char const* error, char const* end) {
  int depth = 0;
  char const* p = statement;
  while (p != end) {
    if (auto past = skip_string_or_comment(p, end); past != p) {
      p = past;
      continue;
    }
    char c = *p;
    if (c == '(' || c == '{') {
      ++depth;
    } else if (c == ')' || c == '}') {
      --depth;
    } else if (c == '.' && p >= error && (depth <= 0 || ends_line(p + 1, end)) && !decimal_point(p, statement, end)) {
      return p + 1;
    }
    ++p;
  }
  return end;
}

char const* token_end(char const* p, char const* end) {
  if (p == end) return p;
  auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  unsigned char c = static_cast<unsigned char>(*p);
  if (c == '"') return skip_string(p, end);
  if (is_word(*p)) {
    char const* start = p;
    while (p != end && is_word(*p)) ++p;
    if (p != end && decimal_point(p, start, end)) {  // show `1.5` whole
      ++p;
      while (p != end && *p >= '0' && *p <= '9') ++p;
    }
    return p;
  }
  if (c >= 0x80) {  // a run of non-ASCII text (the file is valid UTF-8 by now)
    std::size_t length = 1;
    if (!lookalike_name(decode_utf8(p, end, length)).empty()) return p + length;
    while (p != end && (static_cast<unsigned char>(*p) >= 0x80 || is_word(*p))) ++p;
    return p;
  }
  if (p + 1 != end) {
    static constexpr std::string_view pairs[] = {":-", "->", "<=", ">=", "!=", "==", ":=", "<-", "=<"};
    for (auto op : pairs)
      if (p[0] == op[0] && p[1] == op[1]) return p + 2;
  }
  return p + 1;
}

std::uint32_t decode_utf8(char const* p, char const* end, std::size_t& length) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(p[i]); };
  unsigned char const c = byte(0);
  length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (static_cast<std::size_t>(end - p) < length) {
    length = 1;
    return c;
  }
  switch (length) {
    case 1: return c;
    case 2: return (c & 0x1Fu) << 6 | (byte(1) & 0x3Fu);
    case 3: return (c & 0x0Fu) << 12 | (byte(1) & 0x3Fu) << 6 | (byte(2) & 0x3Fu);
    default: return (c & 0x07u) << 18 | (byte(1) & 0x3Fu) << 12 | (byte(2) & 0x3Fu) << 6 | (byte(3) & 0x3Fu);
  }
}

std::string_view lookalike_name(std::uint32_t cp) {
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return "a control character";
  switch (cp) {
    case 0x00A0: return "a no-break space";
    case 0x00AD: return "a soft hyphen";
    case 0x200B: return "a zero-width space";
    case 0x200C: return "a zero-width non-joiner";
    case 0x200D: return "a zero-width joiner";
    case 0x200E: return "a left-to-right mark";
    case 0x200F: return "a right-to-left mark";
    case 0x061C: return "an Arabic letter mark";
    case 0x2028: return "a line separator";
    case 0x2029: return "a paragraph separator";
    case 0x202F: return "a narrow no-break space";
    case 0x2060: return "a word joiner";
    case 0x3000: return "an ideographic space";
    case 0xFEFF: return "a zero-width no-break space";
    case 0x2018:
    case 0x2019: return "a typographic single quote";
    case 0x201C:
    case 0x201D: return "a typographic double quote";
    case 0x00AB:
    case 0x00BB: return "a guillemet";
    case 0x2212: return "a minus sign";
    case 0x2013: return "an en dash";
    case 0x2014: return "an em dash";
    case 0x060C: return "an Arabic comma";
    case 0x06D4: return "an Arabic full stop";
    default: break;
  }
  if ((cp >= 0x2000 && cp <= 0x200A)) return "a typographic space";
  if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return "a bidirectional control";
  return {};
}

bool crosses_line(char const* from, char const* to) {
  for (; from < to; ++from)
    if (*from == '\n') return true;
  return false;
}

}  // namespace nogood::rules::grammar
