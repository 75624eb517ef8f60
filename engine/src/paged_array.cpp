#include "nogood/engine/paged_array.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <new>

namespace nogood::engine::detail {

namespace {
std::size_t page_rounded(std::size_t bytes) {
  static std::size_t const page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return (bytes + page - 1) / page * page;
}
bool mapped(std::size_t bytes) { return bytes >= mapped_block; }
}  // namespace

void* grow_block(void* old, std::size_t old_bytes, std::size_t used_bytes, std::size_t bytes) {
  if (!mapped(bytes)) {
    void* block = std::realloc(old, bytes ? bytes : 1);
    if (!block) throw std::bad_alloc();
    return block;
  }
  if (old && mapped(old_bytes)) {
    void* block = mremap(old, page_rounded(old_bytes), page_rounded(bytes), MREMAP_MAYMOVE);
    if (block == MAP_FAILED) throw std::bad_alloc();
    return block;
  }
  void* block = mmap(nullptr, page_rounded(bytes), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (block == MAP_FAILED) throw std::bad_alloc();
  if (old) {
    std::memcpy(block, old, used_bytes);
    std::free(old);
  }
  return block;
}

void free_block(void* block, std::size_t bytes) {
  if (mapped(bytes)) munmap(block, page_rounded(bytes));
  else std::free(block);
}

}  // namespace nogood::engine::detail
