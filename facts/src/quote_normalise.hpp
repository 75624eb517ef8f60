// Quotes compared loosely: the characters an analyst's keyboard or a copy from a web page changes
// without changing the words (curly and straight apostrophes and quotation marks, dashes, kinds
// and runs of spaces, invisible marks, Arabic harakat and tatweel, Hebrew points) are made one, so
// that a quote that is not verbatim can still be found and its differences shown.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nogood::facts::detail {

// What a character becomes: itself, another character, or nothing (dropped).
// Apostrophes and single quotation marks -> ', double quotation marks -> ", dashes and hyphens -> -,
// white space -> ' ' (a run of it counts as one), Arabic harakat U+064B-U+0652, U+0670 and tatweel
// U+0640, Hebrew points and cantillation U+0591-U+05C7 (not the punctuation among them: maqaf
// U+05BE is a dash, paseq, sof pasuq and nun hafukha stay), soft hyphens, zero-width and
// direction marks -> nothing.
char32_t loose_char(char32_t c);  // U'\0' for a dropped character

struct LooseText {
  std::u32string text;               // the normalised characters
  std::vector<std::uint32_t> begin;  // per normalised character, its first original character
  std::vector<std::uint32_t> end;    // and one past its last, with the dropped marks that follow it
};

LooseText loosen(std::u32string_view original);

}  // namespace nogood::facts::detail
