#include "render_chunks.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace nogood::report {

namespace {

constexpr std::size_t chunk = 512;  // items per piece: large enough that handing it over costs little

// Pieces in flight, each in its own slot: piece k is rendered into slot k % slots once the piece
// before it there has been written. The buffers are kept from piece to piece: a block freed by the
// writer would go back to the allocator arena of the thread that rendered it, and fresh texts for
// every piece kept tens of megabytes resident.
class Window {
public:
  explicit Window(std::size_t slots) : slots_(slots) {}

  // Waits until slot k % slots is free for piece k; false when the run is abandoned.
  bool claim(std::size_t k) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return abandoned_ || written_ + slots_.size() > k; });
    return !abandoned_;
  }
  std::string& text(std::size_t k) { return slots_[k % slots_.size()].text; }
  void done(std::size_t k, std::exception_ptr failure) {
    std::lock_guard lock(mutex_);
    auto& slot = slots_[k % slots_.size()];
    slot.ready = true;
    slot.failure = std::move(failure);
    changed_.notify_all();
  }
  // Waits for piece k (the oldest not written); rethrows what rendering it threw.
  std::string const& wait(std::size_t k) {
    std::unique_lock lock(mutex_);
    auto& slot = slots_[k % slots_.size()];
    changed_.wait(lock, [&] { return slot.ready; });
    if (slot.failure) std::rethrow_exception(slot.failure);
    return slot.text;
  }
  void written(std::size_t k) {
    std::lock_guard lock(mutex_);
    slots_[k % slots_.size()].ready = false;
    written_ = k + 1;
    changed_.notify_all();
  }
  void abandon() {
    std::lock_guard lock(mutex_);
    abandoned_ = true;
    changed_.notify_all();
  }

private:
  struct Slot {
    std::string text;
    bool ready = false;
    std::exception_ptr failure;
  };
  std::vector<Slot> slots_;
  std::size_t written_ = 0;  // pieces written so far
  bool abandoned_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
};

}  // namespace

namespace {

// Where each piece begins, then `count`.
std::vector<std::size_t> piece_bounds(std::size_t count, std::function<std::size_t(std::size_t)> const& weight) {
  std::vector<std::size_t> bounds{0};
  std::size_t items = 0, units = 0;
  for (std::size_t i = 0; i < count; ++i) {
    std::size_t const w = weight ? weight(i) : 1;
    if (items == chunk || (items > 0 && weight && units + w > kChunkWeight)) {
      bounds.push_back(i);
      items = units = 0;
    }
    ++items;
    units += w;
  }
  if (count > 0) bounds.push_back(count);
  return bounds;
}

}  // namespace

void render_chunks(std::size_t count, std::size_t workers, std::function<void(std::size_t, std::size_t, std::string&)> const& render,
                   Sink& sink, std::function<std::size_t(std::size_t)> const& weight) {
  auto const bounds = piece_bounds(count, weight);
  std::size_t const pieces = bounds.size() - 1;
  if (workers <= 1 || pieces <= 1) {
    // One piece at a time here too: the report is never held whole.
    std::string out;
    for (std::size_t k = 0; k < pieces; ++k) {
      out.clear();
      render(bounds[k], bounds[k + 1], out);
      sink.write(out);
    }
    return;
  }
  // A fixed set of threads, thread t rendering pieces t, t + workers, ..., while this one writes
  // them in order: memory holds a few pieces, never the report.
  workers = std::min(workers, pieces);
  Window window(2 * workers);
  auto work = [&](std::size_t first) {
    for (std::size_t k = first; k < pieces && window.claim(k); k += workers) {
      std::exception_ptr failure;
      try {
        auto& text = window.text(k);
        text.clear();
        render(bounds[k], bounds[k + 1], text);
      } catch (...) {
        failure = std::current_exception();
      }
      window.done(k, std::move(failure));
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < workers; ++t) threads.emplace_back(work, t);
  try {
    for (std::size_t k = 0; k < pieces; ++k) {
      sink.write(window.wait(k));
      window.written(k);
    }
  } catch (...) {
    window.abandon();
    for (auto& t : threads) t.join();
    throw;
  }
  for (auto& t : threads) t.join();
}

}  // namespace nogood::report
