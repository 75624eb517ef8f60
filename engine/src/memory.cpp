#include "nogood/engine/memory.hpp"

#include <fcntl.h>
#include <malloc.h>
#include <unistd.h>

#include <cstdlib>
#include <initializer_list>

namespace nogood::engine {

namespace {

// Reads a small file into `buf` with plain system calls (no stream, no allocation): this runs
// inside evaluation, every so many rows.
std::size_t read_small(char const* path, char* buf, std::size_t size) {
  int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  ssize_t n = ::read(fd, buf, size - 1);
  ::close(fd);
  if (n <= 0) return 0;
  buf[n] = '\0';
  return static_cast<std::size_t>(n);
}

std::uint64_t cgroup_limit() {
  char buf[64];
  for (char const* path : {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
    if (!read_small(path, buf, sizeof buf)) continue;
    char* end = nullptr;
    unsigned long long v = std::strtoull(buf, &end, 10);
    if (end != buf && v > 0) return v;  // "max" (no limit) parses as nothing
  }
  return 0;
}

}  // namespace

std::uint64_t available_memory() {
  long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
  std::uint64_t physical = pages > 0 && page > 0 ? std::uint64_t(pages) * std::uint64_t(page) : 0;
  std::uint64_t group = cgroup_limit();
  if (group && (!physical || group < physical)) return group;
  return physical;
}

std::uint64_t default_memory_limit() {
  static std::uint64_t const limit = available_memory() / 10 * 4;
  return limit;
}

std::uint64_t resident_memory() {
  char buf[128];
  if (!read_small("/proc/self/statm", buf, sizeof buf)) return 0;
  // statm: size resident shared text lib data dt, in pages.
  char* p = buf;
  std::strtoull(p, &p, 10);
  unsigned long long resident = std::strtoull(p, nullptr, 10);
  static long const page = ::sysconf(_SC_PAGESIZE);
  return resident * static_cast<std::uint64_t>(page > 0 ? page : 4096);
}

void return_free_memory() { malloc_trim(0); }

}  // namespace nogood::engine
