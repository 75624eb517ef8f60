// A growable array of plain values for the engine's largest tables (relation rows, provenance).
// A std::vector that doubles holds the old block and the new one while it copies: at the peak,
// a relation of 20 MB costs 40. Here a large block is mapped from the kernel and grows with
// mremap, which moves page mappings rather than bytes, so growing never holds two copies, and
// pages reserved but not yet written cost nothing.
#pragma once

#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>

namespace nogood::engine {

namespace detail {
// Blocks of at least this many bytes are mapped; smaller ones come from malloc.
inline constexpr std::size_t mapped_block = std::size_t(1) << 20;
// A block of `bytes` (at least 1), or a larger one that `old` (of `old_bytes`, moved into it)
// grew into; throws std::bad_alloc when the system has no more.
void* grow_block(void* old, std::size_t old_bytes, std::size_t used_bytes, std::size_t bytes);
void free_block(void* block, std::size_t bytes);
}  // namespace detail

template <class T>
class PagedArray {
  static_assert(std::is_trivially_copyable_v<T>, "rows and records are plain values");

public:
  PagedArray() = default;
  PagedArray(PagedArray const&) = delete;
  PagedArray& operator=(PagedArray const&) = delete;
  PagedArray(PagedArray&& other) noexcept { swap(other); }
  PagedArray& operator=(PagedArray&& other) noexcept {
    PagedArray(std::move(other)).swap(*this);
    return *this;
  }
  ~PagedArray() { release(); }

  T* data() { return data_; }
  T const* data() const { return data_; }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  bool empty() const { return size_ == 0; }
  T& operator[](std::size_t i) { return data_[i]; }
  T const& operator[](std::size_t i) const { return data_[i]; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  T const* begin() const { return data_; }
  T const* end() const { return data_ + size_; }

  void reserve(std::size_t n) {
    if (n > capacity_) reallocate(n);
  }
  void append(T const* first, T const* last) {
    auto const n = static_cast<std::size_t>(last - first);
    if (size_ + n > capacity_) reallocate(grown(size_ + n));
    if (n) std::memcpy(data_ + size_, first, n * sizeof(T));
    size_ += n;
  }
  void push_back(T const& value) { append(&value, &value + 1); }
  // New elements are `fill`.
  void resize(std::size_t n, T const& fill = T{}) {
    if (n > capacity_) reallocate(grown(n));
    for (std::size_t i = size_; i < n; ++i) data_[i] = fill;
    size_ = n;
  }
  // `n` copies of `fill`; the old contents go first, so they are never held beside the new.
  void assign(std::size_t n, T const& fill) {
    if (n > capacity_) release();
    size_ = 0;
    resize(n, fill);
  }
  void clear() { size_ = 0; }
  void release() {
    if (data_) detail::free_block(data_, capacity_ * sizeof(T));
    data_ = nullptr;
    size_ = capacity_ = 0;
  }
  void swap(PagedArray& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
  }

private:
  std::size_t grown(std::size_t need) const {
    std::size_t n = capacity_ ? capacity_ * 2 : 16;
    return n < need ? need : n;
  }
  void reallocate(std::size_t n) {
    data_ = static_cast<T*>(detail::grow_block(data_, capacity_ * sizeof(T), size_ * sizeof(T), n * sizeof(T)));
    capacity_ = n;
  }

  T* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace nogood::engine
