#include "quote_normalise.hpp"

namespace nogood::facts::detail {

namespace {
bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\v' || c == U'\f' || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}
}  // namespace

char32_t loose_char(char32_t c) {
  if (c < 0x80) return c == U'`' ? U'\'' : is_space(c) ? U' ' : c;
  if (is_space(c)) return U' ';
  switch (c) {
    // Apostrophes, single quotation marks, the Hebrew geresh.
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035: case 0x02BC: case 0x02BB: case 0x02B9:
    case 0x00B4: case 0x05F3: case 0xFF07: case 0x2039: case 0x203A:
      return U'\'';
    // Double quotation marks, guillemets, the Hebrew gershayim.
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x2036: case 0x00AB: case 0x00BB: case 0x05F4:
    case 0x301D: case 0x301E: case 0xFF02:
      return U'"';
    // Hyphens, dashes, minus signs, the Hebrew maqaf.
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0x05BE: case 0xFE58:
    case 0xFE63: case 0xFF0D:
      return U'-';
    // Invisible: soft hyphen, zero-width characters, direction marks and embeddings, the BOM.
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x200E: case 0x200F: case 0x2060: case 0x061C: case 0xFEFF:
      return U'\0';
    default: break;
  }
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return U'\0';
  // Arabic harakat (fathatan .. sukun), superscript alef, tatweel.
  if ((c >= 0x064B && c <= 0x0652) || c == 0x0670 || c == 0x0640) return U'\0';
  // Hebrew points and cantillation marks; paseq (05C0), sof pasuq (05C3) and nun hafukha (05C6) are punctuation.
  if (c >= 0x0591 && c <= 0x05C7 && c != 0x05C0 && c != 0x05C3 && c != 0x05C6) return U'\0';
  return c;
}

LooseText loosen(std::u32string_view original) {
  LooseText out;
  out.text.reserve(original.size());
  out.begin.reserve(original.size());
  out.end.reserve(original.size());
  for (std::uint32_t i = 0; i < original.size(); ++i) {
    char32_t c = loose_char(original[i]);
    if (c == U'\0') {
      // A mark belongs to the character before it; one before any character belongs to the next.
      if (!out.end.empty()) out.end.back() = i + 1;
      continue;
    }
    if (c == U' ' && !out.text.empty() && out.text.back() == U' ') {
      out.end.back() = i + 1;  // a run of spaces is one
      continue;
    }
    bool const leading_marks = out.text.empty() && i > 0;
    out.text.push_back(c);
    out.begin.push_back(leading_marks ? 0 : i);
    out.end.push_back(i + 1);
  }
  return out;
}

}  // namespace nogood::facts::detail
