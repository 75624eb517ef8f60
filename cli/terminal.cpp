#include "terminal.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

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

namespace {
// strerror's text in our message style: "is a directory", not "Is a directory".
std::string reason(int error) {
  std::string r = std::strerror(error);
  if (!r.empty()) r[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(r[0])));
  return r;
}
}  // namespace

std::string write_atomically(std::string const& path, std::string const& content) {
  namespace fs = std::filesystem;
  fs::path target(path);
  auto dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) return "cannot write `" + path + "`: " + reason(errno);
  std::size_t done = 0;
  while (done < content.size()) {
    auto n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string err = reason(errno);
      ::close(fd);
      ::unlink(name.data());
      return "cannot write `" + path + "`: " + err;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    std::string err = reason(errno);
    ::unlink(name.data());
    return "cannot write `" + path + "`: " + err;
  }
  ::chmod(name.data(), 0644);
  if (std::rename(name.data(), path.c_str()) != 0) {
    std::string err = reason(errno);
    ::unlink(name.data());
    return "cannot write `" + path + "`: " + err;
  }
  return {};
}


}  // namespace nogood::cli
