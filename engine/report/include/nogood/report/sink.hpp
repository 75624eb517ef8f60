// Where a report goes, a piece at a time: reports over large corpora never sit whole in memory.
#pragma once

#include <string>
#include <string_view>

namespace nogood::report {

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

}  // namespace nogood::report
