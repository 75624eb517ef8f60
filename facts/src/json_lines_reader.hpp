// A JSON Lines input read a block at a time: a bulk file of a million claims is never held whole,
// only the lines of the block being loaded. The same reader serves text already in memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

#include "nogood/diagnostics.hpp"

namespace nogood::facts::detail {

class JsonLinesReader {
public:
  enum class Problem { none, byte_order_mark, invalid_utf8, read_error };

  // E0001 when the file cannot be opened (a folder, no such file, no permission).
  static std::optional<JsonLinesReader> open(std::filesystem::path const& path, Diagnostics& diags);
  explicit JsonLinesReader(std::string_view text) : text_(text) {}

  // Lines in the input, counted in one pass before reading (to size the claims once); rewinds.
  std::size_t count_lines();
  // The next line, without its '\n', and the byte offset where it starts; false at the end or at
  // a problem, which problem() then names. Each block is checked for UTF-8 before any of its lines
  // is handed out. The view lasts until the next call.
  bool next(std::string_view& line, std::uint32_t& offset);
  Problem problem() const { return problem_; }
  std::size_t problem_offset() const { return problem_offset_; }
  // The whole input, for diagnostics that show a line of it: read again only when one is reported.
  std::string whole_text();

private:
  JsonLinesReader(std::filesystem::path path, std::ifstream in) : path_(std::move(path)), in_(std::move(in)), from_file_(true) {}
  // Appends the next block to the buffer; false at the end of the input.
  bool fill();
  void rewind();

  std::filesystem::path path_;
  std::ifstream in_;
  bool from_file_ = false;
  std::string_view text_;      // the input, when in memory
  std::size_t text_read_ = 0;  // bytes of text_ handed to the buffer

  std::string buffer_;             // unread bytes: whole lines, then the start of an unfinished one
  std::size_t pos_ = 0;            // the next line's start in buffer_
  std::size_t checked_ = 0;        // buffer_[0, checked_) is valid UTF-8
  std::uint64_t buffer_start_ = 0; // the input offset of buffer_[0]
  bool at_end_ = false, started_ = false;
  Problem problem_ = Problem::none;
  std::size_t problem_offset_ = 0;
};

}  // namespace nogood::facts::detail
