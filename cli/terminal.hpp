// Output helpers: colour decisions and atomic file writes.
#pragma once

#include <string>

#include "nogood/report/style.hpp"

namespace nogood::cli {

enum class ColorMode { auto_, always, never };

using report::Style;

Style make_style(ColorMode mode, int fd);

// Writes `content` to `path` through a temporary file renamed into place, so an error
// never leaves a half-written file. Returns an error message, empty on success.
std::string write_atomically(std::string const& path, std::string const& content);


}  // namespace nogood::cli
