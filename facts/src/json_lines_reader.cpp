#include "json_lines_reader.hpp"

#include <algorithm>
#include <cstring>

#include "json_file.hpp"
#include "nogood/facts/load.hpp"

namespace nogood::facts::detail {

namespace {
constexpr std::size_t block = std::size_t(1) << 20;  // large enough that a read costs little per line
}  // namespace

std::optional<JsonLinesReader> JsonLinesReader::open(std::filesystem::path const& path, Diagnostics& diags) {
  std::error_code ec;
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path, ec)) {
    read_file(path, diags);  // reports why, as for every other file
    return std::nullopt;
  }
  return JsonLinesReader(path, std::move(in));
}

void JsonLinesReader::rewind() {
  buffer_.clear();
  pos_ = checked_ = 0;
  buffer_start_ = 0;
  text_read_ = 0;
  at_end_ = started_ = false;
  if (from_file_) {
    in_.clear();
    in_.seekg(0, std::ios::beg);
  }
}

bool JsonLinesReader::fill() {
  if (at_end_) return false;
  // Drop what was handed out; keep the unfinished line.
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    buffer_start_ += pos_;
    checked_ -= std::min(checked_, pos_);
    pos_ = 0;
  }
  auto const old = buffer_.size();
  if (!from_file_) {
    auto const n = std::min(block, text_.size() - text_read_);
    buffer_.append(text_.substr(text_read_, n));
    text_read_ += n;
    at_end_ = text_read_ == text_.size();
    return n > 0;
  }
  buffer_.resize(old + block);
  in_.read(buffer_.data() + old, static_cast<std::streamsize>(block));
  auto const n = static_cast<std::size_t>(in_.gcount());
  buffer_.resize(old + n);
  if (in_.bad()) {
    problem_ = Problem::read_error;
    problem_offset_ = buffer_start_ + old;
    at_end_ = true;
    return false;
  }
  if (n < block) at_end_ = true;
  return n > 0;
}

std::size_t JsonLinesReader::count_lines() {
  rewind();
  std::size_t lines = 0;
  while (fill()) {
    lines += static_cast<std::size_t>(std::count(buffer_.begin(), buffer_.end(), '\n'));
    pos_ = buffer_.size();
  }
  rewind();
  return lines + 1;
}

bool JsonLinesReader::next(std::string_view& line, std::uint32_t& offset) {
  if (problem_ != Problem::none) return false;
  auto end = buffer_.find('\n', pos_);
  while (end == std::string::npos && fill()) end = buffer_.find('\n', pos_);
  if (problem_ != Problem::none) return false;
  if (!started_) {
    started_ = true;
    if (buffer_.size() >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) {
      problem_ = Problem::byte_order_mark;
      return false;
    }
  }
  if (end == std::string::npos) {
    if (pos_ >= buffer_.size()) return false;
    end = buffer_.size();  // a last line without '\n'
  }
  // Check every whole line now in the buffer at once: a '\n' never lies inside a UTF-8 sequence.
  if (end >= checked_) {
    auto const last = buffer_.rfind('\n');
    auto const upto = last == std::string::npos || last < end ? end : last;
    std::size_t bad = 0;
    if (!valid_utf8(std::string_view(buffer_).substr(checked_, upto - checked_), bad)) {
      problem_ = Problem::invalid_utf8;
      problem_offset_ = buffer_start_ + checked_ + bad;
      return false;
    }
    checked_ = upto + 1;
  }
  line = std::string_view(buffer_).substr(pos_, end - pos_);
  offset = static_cast<std::uint32_t>(buffer_start_ + pos_);
  pos_ = end + 1;
  return true;
}

std::string JsonLinesReader::whole_text() {
  if (!from_file_) return std::string(text_);
  std::ifstream in(path_, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace nogood::facts::detail
