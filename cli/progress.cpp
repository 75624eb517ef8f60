#include "progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace nogood::cli {

namespace {
constexpr auto refresh = std::chrono::milliseconds(200);
constexpr char const* erase_line = "\r\x1b[K";
}  // namespace

Progress::Progress(bool enabled, std::ostream& out, std::chrono::milliseconds delay) : out_(out), delay_(delay) {
  if (enabled) thread_ = std::thread([this] { run(); });
}

Progress::~Progress() { done(); }

void Progress::stage(std::string name) {
  if (!thread_.joinable()) return;
  std::lock_guard lock(mutex_);
  if (shown_) out_ << erase_line << std::flush;
  shown_ = false;
  stage_ = std::move(name);
  started_ = std::chrono::steady_clock::now();
  wake_.notify_one();
}

void Progress::done() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    wake_.notify_one();
  }
  thread_.join();
  if (shown_) out_ << erase_line << std::flush;
  shown_ = false;
}

void Progress::run() {
  std::unique_lock lock(mutex_);
  while (!stop_) {
    if (stage_.empty()) {
      wake_.wait(lock);
      continue;
    }
    auto elapsed = std::chrono::steady_clock::now() - started_;
    if (elapsed < delay_) {
      wake_.wait_for(lock, delay_ - elapsed);
      continue;
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f s", std::chrono::duration<double>(elapsed).count());
    out_ << erase_line << "nogood: " << stage_ << "\u2026 " << seconds << std::flush;
    shown_ = true;
    wake_.wait_for(lock, refresh);
  }
}

bool progress_wanted(bool quiet) { return !quiet && isatty(STDERR_FILENO); }

}  // namespace nogood::cli
