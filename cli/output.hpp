// The sinks of the command line: standard output, and a file replaced only once every piece of the
// report was written.
#pragma once

#include <string>
#include <string_view>

#include "nogood/report/sink.hpp"

namespace nogood::cli {

using report::Sink;
using report::StringSink;

class StdoutSink final : public Sink {
public:
  void write(std::string_view text) override;
};

// Writes into a temporary file beside `path`, renamed into place by commit(); until then, and
// after any error, `path` keeps its old content. The first error is kept and returned by commit().
class AtomicFileSink final : public Sink {
public:
  explicit AtomicFileSink(std::string path);
  ~AtomicFileSink() override;
  AtomicFileSink(AtomicFileSink const&) = delete;
  AtomicFileSink& operator=(AtomicFileSink const&) = delete;

  void write(std::string_view text) override;
  // The permissions the file gets (default 0644): a file rewritten in place keeps its own.
  void set_mode(unsigned mode) { mode_ = mode; }
  // Returns an error message, empty on success.
  std::string commit();

private:
  void fail(int error);
  std::string path_, temp_;
  int fd_ = -1;
  unsigned mode_ = 0644;
  std::string error_;
};

}  // namespace nogood::cli
