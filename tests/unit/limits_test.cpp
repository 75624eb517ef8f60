// Evaluation limits (E0401 by facts, time and memory), out-of-range dates (E0403), and the
// sizes `--max-memory` reads.
#include <catch2/catch.hpp>

#include <chrono>

#include "nogood/engine/memory.hpp"
#include "nogood/session.hpp"
#include "options.hpp"

namespace {

struct Run {
  bool ok = false;
  std::vector<nogood::Diagnostic> errors;
  double seconds = 0;
};

Run evaluate(std::string const& rules, nogood::engine::EvalOptions eval, std::vector<std::pair<std::string, std::string>> facts = {}) {
  nogood::Inputs in;
  in.rules_text.emplace_back("test.rules", rules);
  in.facts_text = std::move(facts);
  nogood::Options options;
  options.eval = eval;
  nogood::Session session(options);
  REQUIRE(session.load(in));
  auto started = std::chrono::steady_clock::now();
  Run run;
  run.ok = session.evaluate();
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  for (auto const& d : session.diagnostics().all())
    if (d.severity == nogood::Severity::error) run.errors.push_back(d);
  return run;
}

}  // namespace

TEST_CASE("a product that derives nothing new still meets the time limit") {
  // 3,000 x 3,000 x 3,000 rows visited, none passing the comparison: no fact is derived, so only
  // the count of rows scanned brings the clock and memory checks around.
  nogood::engine::EvalOptions eval;
  eval.max_seconds = 0.2;
  auto run = evaluate(R"(
pred a(x: int).
a(0).
big(X) :- a(X).
big(X) :- big(Y), Y < 2999, X = Y + 1.
never(X) :- big(X), big(Y), big(Z), X + Y + Z < 0.
)",
                      eval);
  CHECK_FALSE(run.ok);
  REQUIRE(run.errors.size() == 1);
  CHECK(run.errors[0].code == "E0401");
  CHECK(run.errors[0].message == "evaluation stopped: evaluation took more than 0.2 s");
  CHECK(run.seconds < 5);
}

TEST_CASE("the memory limit stops a runaway recursion; 0 means no limit") {
  std::string const rules = "n(0).\nn(X) :- n(Y), X = Y + 1, X < 200000.\n";
  nogood::engine::EvalOptions eval;
  eval.max_memory = 1 << 20;  // below what the process holds: the first check stops it
  auto run = evaluate(rules, eval);
  CHECK_FALSE(run.ok);
  REQUIRE(run.errors.size() == 1);
  CHECK(run.errors[0].message == "evaluation stopped: more than 1 MiB of memory in use");
  eval.max_memory = 0;
  CHECK(evaluate(rules, eval).ok);
}

TEST_CASE("the machine's memory is read, and the default limit is a share of it") {
  CHECK(nogood::engine::resident_memory() > 0);
  CHECK(nogood::engine::available_memory() > 0);
  CHECK(nogood::engine::default_memory_limit() < nogood::engine::available_memory());
  CHECK(nogood::engine::default_memory_limit() >= nogood::engine::available_memory() / 3);
  CHECK(nogood::engine::EvalOptions{}.max_memory == nogood::engine::default_memory_limit());
}

TEST_CASE("a computed date outside 0001-01-01 to 9999-12-31 stops evaluation with E0403") {
  nogood::engine::EvalOptions eval;
  auto late = evaluate("pred d(day: date).\nd(9999-12-31).\nlater(D) :- d(X), D = X + 1.\n", eval);
  CHECK_FALSE(late.ok);
  REQUIRE(late.errors.size() == 1);
  CHECK(late.errors[0].code == "E0403");
  CHECK(late.errors[0].message == "date out of range: `D = X + 1` gives 10000-01-01, after 9999-12-31");
  auto early = evaluate("pred d(day: date).\nd(0001-01-01).\nearlier(D) :- d(X), D = X - 1.\n", eval);
  REQUIRE(early.errors.size() == 1);
  CHECK(early.errors[0].message == "date out of range: `D = X - 1` gives 0000-12-31, before 0001-01-01");
  auto far = evaluate("pred d(day: date).\nd(2025-01-01).\nfar(D) :- d(X), D = X + 2000000000.\n", eval);
  REQUIRE(far.errors.size() == 1);
  CHECK(far.errors[0].message == "date out of range: `D = X + 2000000000` gives a day after 9999-12-31");
  CHECK(evaluate("pred d(day: date).\nd(9999-12-30).\nlast(D) :- d(X), D = X + 1.\n", eval).ok);
}

TEST_CASE("memory sizes as --max-memory reads them") {
  using nogood::cli::parse_memory_size;
  CHECK(parse_memory_size("none") == std::optional<std::uint64_t>(0));
  CHECK(parse_memory_size("0") == std::optional<std::uint64_t>(0));
  CHECK(parse_memory_size("2000000000") == std::optional<std::uint64_t>(2000000000));
  CHECK(parse_memory_size("4G") == std::optional<std::uint64_t>(4ull << 30));
  CHECK(parse_memory_size("4GiB") == std::optional<std::uint64_t>(4ull << 30));
  CHECK(parse_memory_size("512M") == std::optional<std::uint64_t>(512ull << 20));
  CHECK(parse_memory_size("64k") == std::optional<std::uint64_t>(64ull << 10));
  CHECK(parse_memory_size("1T") == std::optional<std::uint64_t>(1ull << 40));
  for (auto bad : {"", "G", "-1", "4 GB", "4X", "1.5G", "99999999999999999999", "20000000000T"}) {
    INFO(bad);
    CHECK_FALSE(parse_memory_size(bad));
  }
}
