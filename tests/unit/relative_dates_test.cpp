// Worded dates resolved against the publication day: weekdays, months, counts back.
#include <string>

#include <catch2/catch.hpp>

#include "relative_dates.hpp"

using namespace nogood;
using nogood::facts::detail::RelativeProblem;
using nogood::facts::detail::resolve_relative_date;

namespace {
// The resolution as text (`2025-10-18`, `2024-10`), or `-` with the problem.
std::string resolve(std::string const& words, char const* published) {
  RelativeProblem problem = RelativeProblem::none;
  std::optional<std::int32_t> day = published ? engine::parse_date(published) : std::nullopt;
  auto span = resolve_relative_date(words, day, problem);
  if (!span) return problem == RelativeProblem::needs_published ? "- needs published" : "- unknown";
  auto v = engine::intern_date(*span);
  REQUIRE(v);
  return engine::format_date_value(*v);
}
}  // namespace

TEST_CASE("weekdays: on or before publication, `last` strictly before", "[dates][relative]") {
  // 2025-10-19 is a Sunday.
  CHECK(resolve("saturday", "2025-10-19") == "2025-10-18");
  CHECK(resolve("Sunday", "2025-10-19") == "2025-10-19");  // published on the same weekday
  CHECK(resolve("last sunday", "2025-10-19") == "2025-10-12");
  CHECK(resolve("LAST Saturday", "2025-10-19") == "2025-10-18");
  CHECK(resolve("on Monday", "2025-10-19") == "2025-10-13");
  // Across a month and a year.
  CHECK(resolve("friday", "2025-11-02") == "2025-10-31");
  CHECK(resolve("wednesday", "2026-01-01") == "2025-12-31");
  CHECK(resolve("thursday", "2026-01-01") == "2026-01-01");
  // Across a leap day.
  CHECK(resolve("wednesday", "2024-03-01") == "2024-02-28");
  CHECK(resolve("thursday", "2024-03-01") == "2024-02-29");
}

TEST_CASE("days and weeks back", "[dates][relative]") {
  CHECK(resolve("today", "2025-10-19") == "2025-10-19");
  CHECK(resolve("yesterday", "2025-03-01") == "2025-02-28");
  CHECK(resolve("yesterday", "2024-03-01") == "2024-02-29");
  CHECK(resolve("3 days ago", "2025-10-02") == "2025-09-29");
  CHECK(resolve("a week ago", "2025-10-19") == "2025-10-12");
  CHECK(resolve("2 weeks ago", "2025-01-03") == "2024-12-20");
}

TEST_CASE("months and years", "[dates][relative]") {
  CHECK(resolve("october", "2025-10-19") == "2025-10");
  CHECK(resolve("in November", "2025-10-19") == "2024-11");
  CHECK(resolve("december", "2025-01-05") == "2024-12");
  CHECK(resolve("october 2025", nullptr) == "2025-10");
  CHECK(resolve("December 2024", "2025-10-19") == "2024-12");
  CHECK(resolve("last month", "2025-01-15") == "2024-12");
  CHECK(resolve("this month", "2024-02-29") == "2024-02");
  CHECK(resolve("last year", "2025-10-19") == "2024");
  CHECK(resolve("this year", "2025-10-19") == "2025");
  CHECK(resolve("a year ago", "2025-10-19") == "2024-10");
  CHECK(resolve("2 years ago", "2024-02-29") == "2022-02");
}

TEST_CASE("worded dates need a publication day, and known words", "[dates][relative]") {
  CHECK(resolve("saturday", nullptr) == "- needs published");
  CHECK(resolve("a year ago", nullptr) == "- needs published");
  CHECK(resolve("next saturday", "2025-10-19") == "- unknown");
  CHECK(resolve("19 Oct", "2025-10-19") == "- unknown");
  CHECK(resolve("october 25", "2025-10-19") == "- unknown");
  CHECK(resolve("", "2025-10-19") == "- unknown");
  CHECK(resolve("on", "2025-10-19") == "- unknown");
  CHECK(resolve(std::string(200, 'a'), "2025-10-19") == "- unknown");
  CHECK(resolve("99999 years ago", "2025-10-19") == "- unknown");
  CHECK(resolve("9999 years ago", "2025-10-19") == "- unknown");
}
