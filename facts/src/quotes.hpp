// Checking a claim's quote against the article it cites.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nogood::facts::detail {

struct Article {
  std::u32string text;  // code points, since offsets count code points
};

struct QuoteCheck {
  enum class Result { found, elsewhere, missing } result = Result::found;
  std::int64_t found_at = -1;  // where it is (elsewhere), or the nearest match (missing)
  std::string nearest;         // the nearest text (missing)
};

std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);
QuoteCheck check_quote(Article const& article, std::string_view quote, std::int64_t at);

}  // namespace nogood::facts::detail
