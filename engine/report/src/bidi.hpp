// Right-to-left text inside left-to-right reports: where Arabic or Hebrew runs are, so a
// renderer can isolate them (<bdi>, or Unicode isolates) and they never reorder the prose
// around them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nogood::report {

// A piece of text; `rtl` pieces start and end with a strong right-to-left character and hold
// whatever lies between two such characters with no strong left-to-right one in between.
struct TextRun {
  std::string_view text;
  bool rtl = false;
};

// Splits UTF-8 text into left-to-right and right-to-left runs; concatenated they give `text`.
std::vector<TextRun> split_rtl_runs(std::string_view text);

// True when `text` has a strong right-to-left character (Arabic, Hebrew, Syriac, Thaana...).
bool has_rtl(std::string_view text);

// `text` with each right-to-left run between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL
// ISOLATE (U+2069): for Markdown and plain text, where no element can isolate it.
std::string isolate_rtl_runs(std::string_view text);

// "\u2068" + text + "\u2069": the whole text isolated, its direction taken from its first strong character.
std::string first_strong_isolate(std::string_view text);

// first_strong_isolate(text) when `text` has right-to-left characters, else `text` unchanged.
std::string isolate_if_rtl(std::string_view text);

}  // namespace nogood::report
