#include "bidi.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace nogood::report {

namespace {

enum class Strong { none, ltr, rtl };

Strong strength(UChar32 c) {
  switch (u_charDirection(c)) {
    case U_LEFT_TO_RIGHT: return Strong::ltr;
    case U_RIGHT_TO_LEFT:
    case U_RIGHT_TO_LEFT_ARABIC: return Strong::rtl;
    default: return Strong::none;
  }
}

}  // namespace

std::vector<TextRun> split_rtl_runs(std::string_view text) {
  std::vector<TextRun> runs;
  auto const* s = reinterpret_cast<std::uint8_t const*>(text.data());
  auto const length = static_cast<std::int32_t>(text.size());
  std::size_t emitted = 0;           // bytes already in `runs`
  std::int32_t rtl_begin = -1;       // start of the open right-to-left run
  std::int32_t rtl_end = -1;         // end of its last strong right-to-left character
  auto close_rtl = [&] {
    if (rtl_begin < 0) return;
    auto b = static_cast<std::size_t>(rtl_begin), e = static_cast<std::size_t>(rtl_end);
    if (b > emitted) runs.push_back({text.substr(emitted, b - emitted), false});
    runs.push_back({text.substr(b, e - b), true});
    emitted = e;
    rtl_begin = rtl_end = -1;
  };
  for (std::int32_t i = 0; i < length;) {
    std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) continue;  // invalid UTF-8 stays where it is, in whatever run surrounds it
    auto st = strength(c);
    if (st == Strong::rtl) {
      if (rtl_begin < 0) rtl_begin = start;
      rtl_end = i;
    } else if (st == Strong::ltr) {
      close_rtl();
    }
  }
  close_rtl();
  if (emitted < text.size()) runs.push_back({text.substr(emitted), false});
  return runs;
}

bool has_rtl(std::string_view text) {
  auto const* s = reinterpret_cast<std::uint8_t const*>(text.data());
  auto const length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {  // ASCII is never right-to-left
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && strength(c) == Strong::rtl) return true;
  }
  return false;
}

std::string isolate_rtl_runs(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (auto const& run : split_rtl_runs(text)) {
    if (run.rtl) out += first_strong_isolate(run.text);
    else out += run.text;
  }
  return out;
}

std::string first_strong_isolate(std::string_view text) { return "\u2068" + std::string(text) + "\u2069"; }

std::string isolate_if_rtl(std::string_view text) { return has_rtl(text) ? first_strong_isolate(text) : std::string(text); }

}  // namespace nogood::report
