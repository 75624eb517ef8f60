// `nogood fix`: every claim's `at` filled in or corrected from its article, and a quote that is
// the article's passage once apostrophes, quotation marks, dashes, spaces and diacritics are
// normalised replaced by the article's characters, when that passage is unique (or the one `at`
// names). Only those values change: every other byte of the file stays as it was. Nothing is
// written here; the caller writes the new text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "nogood/diagnostics.hpp"
#include "nogood/facts/quotes.hpp"

namespace nogood::facts {

struct QuoteChange {
  enum class Kind {
    at_corrected,    // `at` was wrong (or not a code-point offset)
    at_added,        // there was no `at`
    quote_corrected  // the quote was the article's passage only after normalising; `at` set with it
  } kind = Kind::at_added;
  std::string pointer;                  // the claim, `/facts/3` (empty for a JSON Lines record)
  std::uint32_t line = 0, column = 0;   // of the value changed (`at`, or `quote` when `at` is added)
  std::string old_at;                   // as written (`60`, `"12"`), empty when absent
  std::int64_t new_at = 0;
  std::string old_quote, new_quote;     // quote_corrected
  std::vector<Passage> occurrences;     // every passage the quote matches: more than one says why `new_at` was chosen
  std::vector<QuoteDifference> differences;  // quote_corrected
};

struct FileFix {
  std::string name;
  std::string old_text, new_text;
  std::vector<QuoteChange> changes;
  std::size_t quotes = 0;     // quotes compared with their article
  std::size_t unfixed = 0;    // of those, quotes reported because nothing could be fixed (E0316, E0323)
  std::size_t unchecked = 0;  // quotes of sources whose article is not named or not found
  bool readable = false;      // false: the file could not be read or parsed (reported); nothing to write
  bool changed() const { return new_text != old_text; }
};

// Fixes one facts file (.json) or bulk file (.jsonl, by its extension). The article of a source is
// `source.text`, relative to the file's folder, else its file name under each of `text_dirs`.
// Errors (unreadable, not UTF-8, malformed JSON) and quotes it cannot fix are reported in `diags`,
// located in the file's text registered with `sources`.
FileFix fix_quotes(std::filesystem::path const& path, std::vector<std::filesystem::path> const& text_dirs, SourceManager& sources,
                   Diagnostics& diags);
FileFix fix_quotes_text(std::string name, std::string text, bool json_lines, std::filesystem::path const& base,
                        std::vector<std::filesystem::path> const& text_dirs, SourceManager& sources, Diagnostics& diags);

}  // namespace nogood::facts
