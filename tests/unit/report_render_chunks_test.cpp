// Reports rendered on several threads must come out exactly as one thread writes them.
#include <atomic>
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
