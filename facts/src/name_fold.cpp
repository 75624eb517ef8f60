#include "name_fold.hpp"

#include <cstdint>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace nogood::facts::detail {

namespace {

// Strict UTF-8 decoding (no overlongs, no surrogates); false sends the name to ICU, which
// replaces what is invalid.
bool decode(std::string_view s, std::size_t& i, char32_t& cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  std::size_t n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
  if (n == 0 || b0 > 0xF4 || i + n > s.size()) return false;
  char32_t c = b0 & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return false;
    c = (c << 6) | (b & 0x3F);
  }
  if ((n == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)))
    return false;
  cp = c;
  i += n;
  return true;
}

enum class Fast { keep, mark, ignorable, other };

// Code points whose NFKC_Casefold + NFD + mark removal is known without ICU.
Fast classify(char32_t c) {
  if (c >= 0x0621 && c <= 0x063A) return Fast::keep;
  if (c >= 0x0641 && c <= 0x064A) return Fast::keep;
  if (c == 0x0640) return Fast::mark;  // tatweel
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670) return Fast::mark;
  if (c == 0x060C || c == 0x061B || c == 0x061F || (c >= 0x0660 && c <= 0x0669)) return Fast::keep;
  if (c == 0x0671 || c == 0x067E || c == 0x0686 || c == 0x0698 || c == 0x06A4 || c == 0x06A9 || c == 0x06AF ||
      c == 0x06CC)
    return Fast::keep;
  if (c >= 0x05D0 && c <= 0x05EA) return Fast::keep;
  if ((c >= 0x0591 && c <= 0x05BD) || c == 0x05BF || c == 0x05C1 || c == 0x05C2 || c == 0x05C4 || c == 0x05C5 ||
      c == 0x05C7)
    return Fast::mark;
  if (c == 0x05BE || c == 0x05C0 || c == 0x05C3 || c == 0x05F3 || c == 0x05F4) return Fast::keep;
  if (c == 0x2010 || (c >= 0x2012 && c <= 0x2015) || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D)
    return Fast::keep;
  if (c == 0x02BB || c == 0x02BC || c == 0x02BE || c == 0x02BF) return Fast::keep;
  // Bidi controls and zero-width characters: NFKC_Casefold removes default ignorables.
  if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C)
    return Fast::ignorable;
  return Fast::other;
}

// NFD splits these into a base letter and a hamza or madda mark, which we drop.
char32_t without_hamza(char32_t c) {
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: return 0x0627;  // آ أ إ -> ا
    case 0x0624: return 0x0648;                            // ؤ -> و
    case 0x0626: return 0x064A;                            // ئ -> ي
    default: return c;
  }
}

}  // namespace

unsigned fold_name(std::string_view utf8, std::u32string& out) {
  out.clear();
  unsigned steps = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      if (b >= 'A' && b <= 'Z') {
        out.push_back(b + ('a' - 'A'));
        steps |= folded_case;
      } else {
        out.push_back(b);
      }
      ++i;
      continue;
    }
    char32_t c;
    if (!decode(utf8, i, c)) return fold_name_icu(utf8, out);
    switch (classify(c)) {
      case Fast::keep: {
        char32_t base = without_hamza(c);
        if (base != c) steps |= dropped_marks;
        out.push_back(base);
        break;
      }
      case Fast::mark: steps |= dropped_marks; break;
      case Fast::ignorable: steps |= folded_case; break;
      case Fast::other: return fold_name_icu(utf8, out);
    }
  }
  return steps;
}

unsigned fold_name_icu(std::string_view utf8, std::u32string& out) {
  out.clear();
  UErrorCode status = U_ZERO_ERROR;
  // Normalizer2 instances are immutable singletons owned by ICU, safe to share between threads.
  static icu::Normalizer2 const* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  static icu::Normalizer2 const* nfd = icu::Normalizer2::getNFDInstance(status);
  auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  unsigned steps = 0;
  if (nfkc_cf && nfd) {
    status = U_ZERO_ERROR;
    icu::UnicodeString folded = nfkc_cf->normalize(text, status);
    if (U_SUCCESS(status)) {
      if (folded != text) steps |= folded_case;
      icu::UnicodeString decomposed = nfd->normalize(folded, status);
      if (U_SUCCESS(status)) text = std::move(decomposed);
    }
  }
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (c == 0x0640 || u_charType(c) == U_NON_SPACING_MARK) {
      steps |= dropped_marks;
      continue;
    }
    out.push_back(static_cast<char32_t>(c));
  }
  return steps;
}

}  // namespace nogood::facts::detail
