#include "quotes.hpp"

#include <unicode/unistr.h>

namespace nogood::facts::detail {

std::u32string to_u32(std::string_view utf8) {
  auto s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::u32string out(static_cast<std::size_t>(s.countChar32()), U'\0');
  UErrorCode status = U_ZERO_ERROR;
  s.toUTF32(reinterpret_cast<UChar32*>(out.data()), static_cast<int32_t>(out.size()), status);
  return out;
}

std::string to_utf8(std::u32string_view text) {
  auto s = icu::UnicodeString::fromUTF32(reinterpret_cast<UChar32 const*>(text.data()), static_cast<int32_t>(text.size()));
  std::string out;
  s.toUTF8String(out);
  return out;
}

QuoteCheck check_quote(Article const& article, std::string_view quote, std::int64_t at) {
  auto q = to_u32(quote);
  auto const& t = article.text;
  QuoteCheck out;
  if (q.empty()) return out;
  if (at >= 0 && static_cast<std::size_t>(at) + q.size() <= t.size() && t.compare(static_cast<std::size_t>(at), q.size(), q) == 0)
    return out;
  if (auto pos = t.find(q); pos != std::u32string::npos) {
    out.result = QuoteCheck::Result::elsewhere;
    out.found_at = static_cast<std::int64_t>(pos);
    return out;
  }
  // The window of the quote's length with the fewest differing characters.
  out.result = QuoteCheck::Result::missing;
  std::size_t best = q.size() + 1;
  for (std::size_t i = 0; i + q.size() <= t.size(); ++i) {
    std::size_t diff = 0;
    for (std::size_t j = 0; j < q.size() && diff < best; ++j) diff += t[i + j] != q[j];
    if (diff < best) {
      best = diff;
      out.found_at = static_cast<std::int64_t>(i);
    }
  }
  // A window differing in most characters (a quote in another language, say) is no match worth showing.
  if (out.found_at >= 0 && best * 4 < q.size() * 3) out.nearest = to_utf8(std::u32string_view(t).substr(static_cast<std::size_t>(out.found_at), q.size()));
  return out;
}

}  // namespace nogood::facts::detail
