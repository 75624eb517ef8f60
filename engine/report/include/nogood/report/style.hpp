// Colours of the text formats: ANSI escapes when `color` is set, plain text otherwise. Whether a
// terminal wants them is the caller's decision.
#pragma once

#include <string>

namespace nogood::report {

struct Style {
  bool color = false;
  std::string paint(std::string const& text, char const* code) const {
    return color ? "\x1b[" + std::string(code) + "m" + text + "\x1b[0m" : text;
  }
  std::string bold(std::string const& t) const { return paint(t, "1"); }
  std::string red(std::string const& t) const { return paint(t, "1;31"); }
  std::string yellow(std::string const& t) const { return paint(t, "1;33"); }
  std::string blue(std::string const& t) const { return paint(t, "1;34"); }
  std::string cyan(std::string const& t) const { return paint(t, "36"); }
  std::string dim(std::string const& t) const { return paint(t, "2"); }
};

}  // namespace nogood::report
