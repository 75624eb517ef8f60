// Structured diagnostics shared by every library. Libraries push diagnostics into a
// sink and return; only cli/ renders them and picks exit codes.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nogood {

using FileId = std::uint32_t;
inline constexpr FileId no_file = 0xffffffffu;

// A named text that diagnostics point into (a rules file, a facts file, a string).
struct SourceFile {
  std::string name;
  std::string text;
};

// Byte range [begin, end) in one file.
struct Span {
  FileId file = no_file;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  bool valid() const { return file != no_file; }
  friend bool operator==(Span const&, Span const&) = default;
};

// 1-based line, and 1-based column counted in user-perceived characters
// (grapheme clusters), so Arabic and Hebrew lines put the caret in the right place.
struct LineCol {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

// Owns every file diagnostics may refer to; ids stay valid for its lifetime.
class SourceManager {
public:
  FileId add(std::string name, std::string text);
  SourceFile const& file(FileId id) const { return files_[id]; }
  std::size_t size() const { return files_.size(); }

  LineCol line_col(FileId id, std::uint32_t byte_offset) const;
  // The text of the 1-based line, without its line terminator.
  std::string_view line_text(FileId id, std::uint32_t line) const;

private:
  std::vector<std::uint32_t> const& line_starts(FileId id) const;

  std::deque<SourceFile> files_;  // deque: references survive later additions
  mutable std::vector<std::vector<std::uint32_t>> line_starts_;
};

enum class Severity { error, warning, note };
std::string_view to_string(Severity);

struct Label {
  Span span;
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;      // stable identifier, e.g. "E0101"
  std::string message;   // lowercase, no final period, identifiers in backticks
  std::optional<Label> primary;
  std::vector<Label> secondary;
  std::vector<std::string> notes;
  std::optional<std::string> help;
  // Where a position is not a span: a file and a JSON Pointer into it.
  std::string file_name;
  std::string json_pointer;

  Diagnostic& with_primary(Span s, std::string label = {});
  Diagnostic& with_secondary(Span s, std::string label);
  Diagnostic& with_note(std::string note);
  Diagnostic& with_help(std::string help);
};

Diagnostic make_error(std::string code, std::string message);
Diagnostic make_warning(std::string code, std::string message);

// Collects diagnostics up to a limit, after which further ones are counted, not kept.
class Diagnostics {
public:
  explicit Diagnostics(std::size_t limit = 50) : limit_(limit) {}

  void report(Diagnostic d);
  std::vector<Diagnostic> const& all() const { return kept_; }
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return warnings_; }
  std::size_t dropped() const { return dropped_; }
  bool has_errors() const { return errors_ > 0; }
  bool full() const { return kept_.size() >= limit_; }

private:
  std::size_t limit_;
  std::vector<Diagnostic> kept_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  std::size_t dropped_ = 0;
};

// User-perceived characters (grapheme clusters) in UTF-8 text: columns and caret widths.
std::uint32_t display_width(std::string_view text);

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// neighbours each cost 1, so the commonest typos (`chekc`, `qoute`) are one edit away.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Closest candidate by edit distance, for "did you mean" help; empty when nothing is close.
std::string closest_match(std::string_view word, std::vector<std::string_view> const& candidates);

}  // namespace nogood
