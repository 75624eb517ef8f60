#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../../facts/src/json_lines_reader.hpp"

using nogood::facts::detail::JsonLinesReader;

namespace {

struct Line {
  std::string text;
  std::uint32_t offset;
};

std::vector<Line> read_all(JsonLinesReader& reader) {
  std::vector<Line> lines;
  std::string_view l;
  std::uint32_t offset = 0;
  while (reader.next(l, offset)) lines.push_back({std::string(l), offset});
  return lines;
}

// Lines of `width` bytes (then '\n') until past `total` bytes: they cross the reader's blocks.
std::string many_lines(std::size_t width, std::size_t total) {
  std::string text;
  for (std::size_t i = 0; text.size() < total; ++i) {
    std::string line = std::to_string(i);
    line.resize(width, 'x');
    text += line + '\n';
  }
  return text;
}

}  // namespace

TEST_CASE("JSON Lines are handed out line by line with their offsets") {
  JsonLinesReader reader("a\n\nbc\nlast");
  CHECK(reader.count_lines() == 4);
  auto lines = read_all(reader);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].text == "a");
  CHECK(lines[1].text.empty());
  CHECK(lines[2].text == "bc");
  CHECK(lines[2].offset == 3);
  CHECK(lines[3].text == "last");
  CHECK(lines[3].offset == 6);
  CHECK(reader.problem() == JsonLinesReader::Problem::none);
}

TEST_CASE("an empty input has no line") {
  JsonLinesReader reader("");
  CHECK(read_all(reader).empty());
  CHECK(reader.problem() == JsonLinesReader::Problem::none);
}

TEST_CASE("lines that cross blocks, and one longer than a block, come out whole") {
  auto text = many_lines(97, 3 << 20);
  text += std::string(3 << 20, 'y') + "\nend\n";
  JsonLinesReader reader(text);
  auto const count = reader.count_lines();
  auto lines = read_all(reader);
  CHECK(count == lines.size() + 1);  // the empty remainder after the final '\n'
  std::string joined;
  for (auto const& l : lines) {
    REQUIRE(text.compare(l.offset, l.text.size(), l.text) == 0);
    joined += l.text + '\n';
  }
  CHECK(joined == text);
  CHECK(lines.back().text == "end");
}

TEST_CASE("a byte order mark stops the reading") {
  JsonLinesReader reader("\xEF\xBB\xBF{}\n{}\n");
  CHECK(read_all(reader).empty());
  CHECK(reader.problem() == JsonLinesReader::Problem::byte_order_mark);
}

TEST_CASE("invalid UTF-8 is found before any line of its block, at its offset in the input") {
  auto text = many_lines(50, 1536 << 10);  // the bad byte lies in the second block
  auto const bad = text.size() + 3;
  text += "{\"a\xC3(\"}\n{}\n";
  JsonLinesReader reader(text);
  auto lines = read_all(reader);
  CHECK(reader.problem() == JsonLinesReader::Problem::invalid_utf8);
  CHECK(reader.problem_offset() == bad);
  CHECK_FALSE(lines.empty());
  for (auto const& l : lines) CHECK(l.offset + l.text.size() < (1u << 20));
}

TEST_CASE("a UTF-8 character split by a block boundary is valid") {
  std::string text((1 << 20) - 1, 'a');
  text += "\xD7\x90\n";  // Hebrew alef across the first block's end
  JsonLinesReader reader(text);
  auto lines = read_all(reader);
  CHECK(reader.problem() == JsonLinesReader::Problem::none);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].text.size() == (1 << 20) + 1);
}

TEST_CASE("a file is read a block at a time, and whole again for diagnostics") {
  auto const path = std::filesystem::temp_directory_path() / ("nogood-json-lines-" + std::to_string(::getpid()) + ".jsonl");
  auto const text = many_lines(120, 2 << 20);
  std::ofstream(path, std::ios::binary) << text;
  nogood::Diagnostics diags;
  auto reader = JsonLinesReader::open(path, diags);
  REQUIRE(reader);
  CHECK(reader->count_lines() == static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  std::size_t bytes = 0;
  for (auto const& l : read_all(*reader)) bytes += l.text.size() + 1;
  CHECK(bytes == text.size());
  CHECK(reader->whole_text() == text);
  std::filesystem::remove(path);
}

TEST_CASE("a missing file is E0001") {
  nogood::Diagnostics diags;
  CHECK_FALSE(JsonLinesReader::open("/nonexistent/facts.jsonl", diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].code == "E0001");
}
