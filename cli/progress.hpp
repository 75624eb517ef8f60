// A progress line on standard error while a slow stage runs: nothing for stages that end
// within a second, nothing when standard error is not a terminal (tests, pipes, files).
// The libraries know nothing of it; the CLI names the stage before each blocking call.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace nogood::cli {

class Progress {
public:
  // `enabled` false makes every call a no-op and starts no thread.
  explicit Progress(bool enabled, std::ostream& out, std::chrono::milliseconds delay = std::chrono::milliseconds(1000));
  ~Progress();
  Progress(Progress const&) = delete;
  Progress& operator=(Progress const&) = delete;

  // A new stage begins (`loading rules and facts`); its line appears once it has taken `delay`.
  void stage(std::string name);
  // The work is over: the line, if shown, is erased before anything else is printed.
  void done();

private:
  void run();

  std::ostream& out_;
  std::chrono::milliseconds delay_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::string stage_;  // empty between stages
  std::chrono::steady_clock::time_point started_;
  bool shown_ = false;
  bool stop_ = false;
  std::thread thread_;
};

// Whether a command should show progress: standard error is a terminal and not --quiet.
bool progress_wanted(bool quiet);

}  // namespace nogood::cli
