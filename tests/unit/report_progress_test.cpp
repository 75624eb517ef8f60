// cli/progress: the progress line appears only for slow stages and is erased afterwards.
#include <catch2/catch.hpp>

#include <sstream>
#include <thread>

#include "progress.hpp"

using namespace nogood::cli;
using namespace std::chrono_literals;

TEST_CASE("a slow stage shows its name and time, then the line is erased") {
  std::ostringstream out;
  {
    Progress p(true, out, 20ms);
    p.stage("evaluating");
    std::this_thread::sleep_for(150ms);
    p.done();
  }
  auto s = out.str();
  CHECK(s.find("nogood: evaluating\u2026") != std::string::npos);
  CHECK(s.find(" s") != std::string::npos);
  CHECK(s.ends_with("\r\x1b[K"));
}

TEST_CASE("fast stages and disabled progress print nothing") {
  std::ostringstream out;
  {
    Progress p(true, out, 10s);
    p.stage("loading rules and facts");
    p.stage("evaluating");
  }
  {
    Progress p(false, out, 0ms);
    p.stage("loading");
    std::this_thread::sleep_for(20ms);
  }
  CHECK(out.str().empty());
}
