// Finding a claim's quote in the article it cites: verbatim, else after normalising the characters
// that copying changes without changing the words (quote_normalise.hpp lists them), else the
// nearest passage; and what differs between a quote and a passage, for messages that show it.
// Offsets, lengths and columns count code points, as `at` does.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace nogood::facts {

// What the loose comparison makes one, for messages.
inline constexpr std::string_view normalised_characters =
    "apostrophes, quotation marks, dashes, spaces and Arabic and Hebrew diacritics";

struct ArticlePlace {
  std::uint32_t line = 1, column = 1;  // 1-based; the column counts code points
};

// A passage of the article: [at, at + length) in code points.
struct Passage {
  std::int64_t at = 0, length = 0;
};

struct QuoteSearch {
  enum class Kind {
    exact,    // verbatim, at each of `passages`
    loose,    // only after normalising, at each of `passages`
    nearest,  // nowhere; `passages` holds the closest passage, `edits` edits away after normalising
    none      // nowhere, and no passage is close (another language, another article)
  } kind = Kind::none;
  std::vector<Passage> passages;
  std::size_t edits = 0;
};

// One place where a quote and a passage differ; either side may be empty.
struct QuoteDifference {
  std::int64_t quote_at = 0;    // in the quote
  std::int64_t article_at = 0;  // in the article
  std::string quote, article;   // UTF-8
  std::string word;             // the article's word it is in, when it is inside one
};

class Article {
public:
  explicit Article(std::string_view utf8);
  ~Article();
  Article(Article&&) noexcept;
  Article& operator=(Article&&) noexcept;

  std::u32string const& text() const { return text_; }
  std::int64_t size() const { return static_cast<std::int64_t>(text_.size()); }
  ArticlePlace place(std::int64_t at) const;
  std::string passage(Passage p) const;  // UTF-8
  bool has_at(std::string_view quote, std::int64_t at) const;  // the quote starts verbatim at `at`
  QuoteSearch search(std::string_view quote) const;
  // The differences between `quote` and the passage, by a character alignment; a difference
  // within a word takes in the whole word.
  std::vector<QuoteDifference> differences(std::string_view quote, Passage p) const;

private:
  struct Loose;
  std::u32string text_;
  std::vector<std::int64_t> line_starts_;
  mutable std::unique_ptr<Loose> loose_;  // the normalised text, made when first needed
  Loose const& loose() const;
};

// Of `passages`, the one starting nearest to `at` (the first when `at` is -1, the earlier on a tie).
Passage nearest_to(std::vector<Passage> const& passages, std::int64_t at);

// `’ (U+2019 RIGHT SINGLE QUOTATION MARK)`, for characters one cannot tell apart by sight;
// `“word”` for the rest; `nothing` when empty.
std::string describe_characters(std::string_view utf8);
// One line per difference (at most `limit`, then how many more):
// `at 6 of the quote, 41 of the article: the quote has ' (U+0027 APOSTROPHE), the article ’ (U+2019 RIGHT
// SINGLE QUOTATION MARK)`, offsets in code points from 0.
std::vector<std::string> difference_lines(std::vector<QuoteDifference> const& differences, std::size_t limit = 6);
// The quote and the passage on two lines, one under the other, each cut to about `width` characters.
std::string side_by_side(std::string_view quote, std::string_view passage, std::size_t width = 100);

std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);

}  // namespace nogood::facts
