#include "output.hpp"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace nogood::cli {

namespace {
// strerror's text in our message style: "is a directory", not "Is a directory".
std::string reason(int error) {
  std::string r = std::strerror(error);
  if (!r.empty()) r[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(r[0])));
  return r;
}
}  // namespace

void StdoutSink::write(std::string_view text) { std::cout.write(text.data(), static_cast<std::streamsize>(text.size())); }

AtomicFileSink::AtomicFileSink(std::string path) : path_(std::move(path)) {
  namespace fs = std::filesystem;
  fs::path target(path_);
  auto dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  fd_ = mkstemp(name.data());
  if (fd_ < 0) {
    error_ = "cannot write `" + path_ + "`: " + reason(errno);
    return;
  }
  temp_ = name.data();
}

AtomicFileSink::~AtomicFileSink() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFileSink::fail(int error) {
  if (error_.empty()) error_ = "cannot write `" + path_ + "`: " + reason(error);
}

void AtomicFileSink::write(std::string_view text) {
  if (!error_.empty() || fd_ < 0) return;
  std::size_t done = 0;
  while (done < text.size()) {
    auto n = ::write(fd_, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(errno);
      return;
    }
    done += static_cast<std::size_t>(n);
  }
}

std::string AtomicFileSink::commit() {
  if (error_.empty() && fd_ >= 0) {
    if (::fsync(fd_) != 0) fail(errno);
    if (::close(fd_) != 0) fail(errno);
    fd_ = -1;
    if (error_.empty()) {
      ::chmod(temp_.c_str(), static_cast<mode_t>(mode_));
      if (std::rename(temp_.c_str(), path_.c_str()) != 0) fail(errno);
      else temp_.clear();
    }
  }
  return error_;
}

}  // namespace nogood::cli
