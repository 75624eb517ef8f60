#include "terminal.hpp"

#include <cstdlib>
#include <unistd.h>

#include "output.hpp"

namespace nogood::cli {

Style make_style(ColorMode mode, int fd) {
  Style s;
  if (mode == ColorMode::always) s.color = true;
  else if (mode == ColorMode::auto_) {
    char const* no_color = std::getenv("NO_COLOR");
    s.color = isatty(fd) && !(no_color && *no_color);
  }
  return s;
}

std::string write_atomically(std::string const& path, std::string const& content) {
  AtomicFileSink file(path);
  file.write(content);
  return file.commit();
}

}  // namespace nogood::cli
