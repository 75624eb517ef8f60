#include "render_chunks.hpp"

#include <algorithm>
#include <deque>
#include <future>
#include <thread>
#include <vector>

namespace nogood::report {

namespace {
constexpr std::size_t chunk = 512;  // items per task: large enough to amortise a thread start
}  // namespace

void render_chunks(std::size_t count, std::size_t workers, std::function<void(std::size_t, std::size_t, std::string&)> const& render,
                   Sink& sink) {
  if (workers <= 1 || count <= chunk) {
    // One chunk at a time here too: the report is never held whole.
    std::string out;
    for (std::size_t begin = 0; begin < count; begin += chunk) {
      out.clear();
      render(begin, std::min(count, begin + chunk), out);
      sink.write(out);
    }
    return;
  }
  // A bounded window of tasks: the oldest is written while the others render, so memory holds a
  // few chunks, not the report. A chunk's text (about a megabyte of JSON) is handed back for the
  // next task rather than freed: a block freed stays with the allocator arena of the thread that
  // rendered it, and fresh texts for every chunk kept tens of megabytes resident.
  std::deque<std::future<std::string>> window;
  std::vector<std::string> spare;
  auto write_oldest = [&] {
    spare.push_back(window.front().get());
    window.pop_front();
    sink.write(spare.back());
  };
  for (std::size_t begin = 0; begin < count; begin += chunk) {
    std::size_t end = std::min(count, begin + chunk);
    std::string text;
    if (!spare.empty()) {
      text = std::move(spare.back());
      spare.pop_back();
    }
    window.push_back(std::async(std::launch::async, [&render, begin, end, out = std::move(text)]() mutable {
      out.clear();
      render(begin, end, out);
      return std::move(out);
    }));
    if (window.size() > 2 * workers) write_oldest();
  }
  while (!window.empty()) write_oldest();
}

}  // namespace nogood::report
