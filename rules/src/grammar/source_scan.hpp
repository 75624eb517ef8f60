// Byte-level scans the X3 grammar does not do: UTF-8 validation, the nesting-depth guard,
// finding where to resume after a syntax error, and the extent of the token an error is at.
// All of them step over strings and comments the way the grammar does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace nogood::rules::grammar {

// Offset of the first byte that does not belong to well-formed UTF-8 (no overlongs, no
// surrogates, nothing above U+10FFFF), or nullopt when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Skips blanks and `#` comments.
char const* skip_blanks(char const* p, char const* end);

// The grammar recurses once per `(` and `{`; this guard keeps deep input from exhausting the
// stack. Scans the statement at `p` up to its first `.` (outside strings and comments; the
// grammar never reads past it) and returns the bracket that opens level `limit + 1`, if any.
char const* find_too_deep(char const* p, char const* end, int limit);

// Where to resume after a syntax error at `error` in the statement starting at `statement`:
// just after the next `.` that ends a statement: one outside strings, comments and brackets,
// or one that ends its line (so a missing `)` does not swallow the rest of the file).
char const* resume_after(char const* statement, char const* error, char const* end);

// The end of the token starting at `p` (for describing what was found): a word, a string up
// to its closing quote or the end of the line, a two-character operator, or one character
// (a whole UTF-8 sequence for non-ASCII text).
char const* token_end(char const* p, char const* end);

// The code point starting at `p` in valid UTF-8, and its length in bytes.
std::uint32_t decode_utf8(char const* p, char const* end, std::size_t& length);

// A name for characters that are easy to paste and hard to see or tell apart (control
// characters, invisible marks, unusual spaces, typographic quotes); empty for the others.
std::string_view lookalike_name(std::uint32_t code_point);

// True when a newline lies in [from, to).
bool crosses_line(char const* from, char const* to);

}  // namespace nogood::rules::grammar
