// The text being parsed, so positions (iterators) can become spans.
#pragma once

#include <cstdint>

#include "nogood/diagnostics.hpp"

namespace nogood::rules::grammar {

struct source_info {
  char const* begin = nullptr;
  char const* end = nullptr;
  FileId file = no_file;

  std::uint32_t offset(char const* p) const { return static_cast<std::uint32_t>(p - begin); }

  Span span(char const* first, char const* last) const {
    // A rule may end after a failed optional token that skipped blanks; keep them out.
    while (last > first && (last[-1] == ' ' || last[-1] == '\t' || last[-1] == '\n' || last[-1] == '\r'))
      --last;
    return {file, offset(first), offset(last)};
  }
};

}  // namespace nogood::rules::grammar
