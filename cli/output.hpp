// Where a report goes, a piece at a time: reports over large corpora never sit whole in memory,
// and a file is only replaced once every piece was written.
#pragma once

#include <string>
#include <string_view>

namespace nogood::cli {

class Sink {
public:
  virtual ~Sink() = default;
  virtual void write(std::string_view text) = 0;
};

// Collects everything written, for reports that are post-processed (embedding) and for tests.
class StringSink final : public Sink {
public:
  void write(std::string_view text) override { text_ += text; }
  std::string& text() { return text_; }

private:
  std::string text_;
};

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
  // Returns an error message, empty on success.
  std::string commit();

private:
  void fail(int error);
  std::string path_, temp_;
  int fd_ = -1;
  std::string error_;
};

// Gathers small appends and hands them to a sink in large blocks.
class BufferedWriter {
public:
  explicit BufferedWriter(Sink& sink) : sink_(sink) { buffer_.reserve(block); }
  ~BufferedWriter() { flush(); }
  BufferedWriter(BufferedWriter const&) = delete;
  BufferedWriter& operator=(BufferedWriter const&) = delete;

  std::string& buffer() { return buffer_; }
  // Passes the buffer on once it holds a block; call between items.
  void maybe_flush() {
    if (buffer_.size() >= block) flush();
  }
  void flush() {
    if (!buffer_.empty()) sink_.write(buffer_);
    buffer_.clear();
  }

private:
  static constexpr std::size_t block = 1 << 20;
  Sink& sink_;
  std::string buffer_;
};

}  // namespace nogood::cli
