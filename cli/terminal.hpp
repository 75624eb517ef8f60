// Output helpers: colour decisions and atomic file writes.
#pragma once

#include <string>

namespace nogood::cli {

enum class ColorMode { auto_, always, never };

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

Style make_style(ColorMode mode, int fd);

// Writes `content` to `path` through a temporary file renamed into place, so an error
// never leaves a half-written file. Returns an error message, empty on success.
std::string write_atomically(std::string const& path, std::string const& content);


}  // namespace nogood::cli
