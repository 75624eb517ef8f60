// Reports rendered on several threads must come out exactly as one thread writes them.
#include <algorithm>
#include <atomic>
#include <mutex>
#include <utility>
#include <vector>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

#include "render_chunks.hpp"

using nogood::report::render_chunks;
using nogood::report::StringSink;

namespace {
std::string sequential(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += std::to_string(i) + (i % 7 == 0 ? "\n" : ",");
  return out;
}
}  // namespace

TEST_CASE("chunks are written in order, whatever the count and the threads", "[report][chunks]") {
  auto workers = GENERATE(std::size_t(1), std::size_t(2), std::size_t(7));
  for (std::size_t n : {0u, 1u, 511u, 512u, 513u, 1024u, 5000u, 40000u}) {
    StringSink sink;
    render_chunks(
        n, workers,
        [](std::size_t begin, std::size_t end, std::string& out) {
          for (std::size_t i = begin; i < end; ++i) out += std::to_string(i) + (i % 7 == 0 ? "\n" : ",");
        },
        sink);
    INFO(n << " items on " << workers << " threads");
    REQUIRE(sink.text() == sequential(n));
  }
}

TEST_CASE("an exception while rendering a chunk reaches the caller", "[report][chunks]") {
  StringSink sink;
  auto render = [](std::size_t begin, std::size_t, std::string&) {
    if (begin >= 2048) throw std::runtime_error("out of memory");
  };
  CHECK_THROWS_AS(render_chunks(10000, 2, render, sink), std::runtime_error);
}

TEST_CASE("a sink that fails stops the rendering threads", "[report][chunks]") {
  struct FailingSink final : nogood::report::Sink {
    std::size_t writes = 0;
    void write(std::string_view) override {
      if (++writes == 3) throw std::runtime_error("disk full");
    }
  } sink;
  std::atomic<std::size_t> rendered{0};
  auto render = [&](std::size_t, std::size_t, std::string& out) {
    ++rendered;
    out += "x";
  };
  CHECK_THROWS_AS(render_chunks(512 * 200, 2, render, sink), std::runtime_error);
  CHECK(sink.writes == 3);
  CHECK(rendered < 200);  // the threads stop within the window rather than rendering the rest
}

TEST_CASE("heavy items make shorter pieces, written in order all the same", "[report][chunks]") {
  using nogood::report::kChunkWeight;
  auto workers = GENERATE(std::size_t(1), std::size_t(2));
  std::size_t const n = 3000;
  // Every tenth item weighs more than a whole piece may: it still gets a piece of its own.
  auto weight = [](std::size_t i) { return i % 10 == 0 ? kChunkWeight + 5 : i % 3 + 1; };
  std::vector<std::pair<std::size_t, std::size_t>> pieces;
  std::mutex seen;
  StringSink sink;
  render_chunks(
      n, workers,
      [&](std::size_t begin, std::size_t end, std::string& out) {
        {
          std::lock_guard lock(seen);
          pieces.emplace_back(begin, end);
        }
        for (std::size_t i = begin; i < end; ++i) out += std::to_string(i) + (i % 7 == 0 ? "\n" : ",");
      },
      sink, weight);
  REQUIRE(sink.text() == sequential(n));
  std::sort(pieces.begin(), pieces.end());
  REQUIRE(pieces.front().first == 0);
  REQUIRE(pieces.back().second == n);
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    auto [begin, end] = pieces[k];
    if (k > 0) CHECK(begin == pieces[k - 1].second);
    std::size_t units = 0;
    for (std::size_t i = begin; i < end; ++i) units += weight(i);
    // Over the budget only when the piece's first item alone is.
    if (end - begin > 1) CHECK(units <= kChunkWeight);
    CHECK(end - begin <= 512);
  }
}
