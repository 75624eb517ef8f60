// Dates as news writes them: parsing, interning, canonical text and the interval comparisons.
#include <catch2/catch.hpp>

#include "nogood/engine/dates.hpp"

using namespace nogood::engine;

namespace {
Value date(char const* text) {
  DateProblem problem = DateProblem::none;
  auto v = parse_date_value(text, problem);
  REQUIRE(v);
  return *v;
}
DateProblem problem_of(char const* text) {
  DateProblem problem = DateProblem::none;
  CHECK_FALSE(parse_date_value(text, problem));
  return problem;
}
Value day(int y, int m, int d) { return pack_int(days_from_civil(y, m, d)); }
}  // namespace

TEST_CASE("exact days stay packed in place; other dates are tagged", "[dates]") {
  CHECK(date("2025-10-19") == day(2025, 10, 19));
  CHECK_FALSE(is_imprecise_date(date("2025-10-19")));
  CHECK(date("2025-10-19/2025-10-19") == day(2025, 10, 19));
  for (auto text : {"2025-10", "2025", "2025-10-19T14:30", "2025-10-01/2025-10-15", "0001", "9999-12"})
    CHECK(is_imprecise_date(date(text)));
  // Exact days never carry the tag, at either end of the calendar, nor does the unknown date.
  CHECK_FALSE(is_imprecise_date(day(1, 1, 1)));
  CHECK_FALSE(is_imprecise_date(day(9999, 12, 31)));
  CHECK_FALSE(is_imprecise_date(pack_int(unknown_date)));
}

TEST_CASE("equal intervals intern to one value; precision keeps them apart", "[dates]") {
  CHECK(date("2025-10") == date("2025-10"));
  CHECK(date("2025-10/2025-10-15") == date("2025-10-01/2025-10-15"));
  CHECK(date("2025-10") != date("2025-10-01/2025-10-31"));
  CHECK(date("2025") != date("2025-01/2025-12"));
}

TEST_CASE("canonical text", "[dates]") {
  auto const row = GENERATE(table<char const*, char const*>({
      {"2025-10-19", "2025-10-19"},
      {"2025-10", "2025-10"},
      {"2025", "2025"},
      {"2025-10-19T09:05", "2025-10-19T09:05"},
      {"2025-10/2025-11", "2025-10-01/2025-11-30"},
      {"2024-02", "2024-02"},
      {"2025-10-19T22:00/2025-10-20T01:30", "2025-10-19T22:00/2025-10-20T01:30"},
  }));
  CHECK(format_date_value(date(std::get<0>(row))) == std::get<1>(row));
  CHECK(format_date_value(pack_int(unknown_date)) == "unknown");
}

TEST_CASE("bad dates say why", "[dates]") {
  CHECK(problem_of("October 2025") == DateProblem::form);
  CHECK(problem_of("2025-1") == DateProblem::form);
  CHECK(problem_of("2025-10-19T1430") == DateProblem::form);
  CHECK(problem_of("2025-10/") == DateProblem::form);
  CHECK(problem_of("/2025") == DateProblem::form);
  CHECK(problem_of("") == DateProblem::form);
  CHECK(problem_of("2025-13") == DateProblem::no_such_day);
  CHECK(problem_of("0000") == DateProblem::no_such_day);
  CHECK(problem_of("2023-02-29") == DateProblem::no_such_day);
  CHECK(problem_of("2025-10-19T24:00") == DateProblem::no_such_time);
  CHECK(problem_of("2025-10-15/2025-10-01") == DateProblem::backwards);
  CHECK(problem_of("2025/2024-06") == DateProblem::backwards);
}

TEST_CASE("months and years cover their days, leap years included", "[dates]") {
  CHECK(earliest_day(date("2024-02")) == days_from_civil(2024, 2, 1));
  CHECK(latest_day(date("2024-02")) == days_from_civil(2024, 2, 29));
  CHECK(latest_day(date("2023-02")) == days_from_civil(2023, 2, 28));
  CHECK(latest_day(date("2025")) == days_from_civil(2025, 12, 31));
  CHECK(earliest_day(date("2025-10-19T23:59")) == days_from_civil(2025, 10, 19));
  CHECK(earliest_day(day(2025, 10, 19)) == days_from_civil(2025, 10, 19));
  CHECK(latest_day(pack_int(unknown_date)) == unknown_date);
}

TEST_CASE("ordered comparisons hold only when certain", "[dates]") {
  Value const oct = date("2025-10"), d19 = day(2025, 10, 19), y2017 = date("2017"), nov1 = day(2025, 11, 1);
  CHECK_FALSE(date_certainly_before(oct, d19));
  CHECK_FALSE(date_certainly_before(d19, oct));
  CHECK(date_certainly_before(y2017, d19));
  CHECK(date_certainly_before(oct, nov1));
  CHECK(date_certainly_not_after(oct, day(2025, 10, 31)));
  CHECK_FALSE(date_certainly_before(oct, day(2025, 10, 31)));
  // Exact days compare as days.
  CHECK(date_certainly_not_after(d19, d19));
  CHECK_FALSE(date_certainly_before(d19, d19));
  // A time against its own day: neither is certainly before the other.
  Value const t = date("2025-10-19T14:30");
  CHECK_FALSE(date_certainly_before(t, d19));
  CHECK_FALSE(date_certainly_not_after(d19, t));
  CHECK(date_certainly_before(t, date("2025-10-19T14:31")));
  CHECK(date_certainly_before(pack_int(unknown_date), y2017));
}

TEST_CASE("overlaps and within measure the gap between the intervals", "[dates]") {
  Value const oct = date("2025-10");
  CHECK(dates_overlap(oct, day(2025, 10, 19)));
  CHECK_FALSE(dates_overlap(date("2017"), day(2025, 10, 19)));
  CHECK(dates_overlap(date("2025-10-19T14:30"), day(2025, 10, 19)));
  bool minutes = true;
  CHECK(date_gap(oct, day(2025, 11, 3), minutes) == 3);
  CHECK_FALSE(minutes);
  CHECK(date_gap(day(2025, 10, 19), day(2025, 10, 17), minutes) == 2);
  CHECK(dates_within(oct, day(2025, 11, 3), 3, false));
  CHECK_FALSE(dates_within(oct, day(2025, 11, 3), 2, false));
  CHECK(dates_within(date("2025-10-19T14:30"), date("2025-10-19T17:00"), 3, true));
  CHECK_FALSE(dates_within(date("2025-10-19T14:30"), date("2025-10-19T17:00"), 2, true));
  CHECK(dates_within(date("2025-10-19T23:30"), day(2025, 10, 20), 1, true));
  CHECK_FALSE(dates_within(day(2025, 10, 19), day(2025, 10, 21), 1, false));
  CHECK_FALSE(dates_within(oct, day(2025, 10, 19), -1, false));
  CHECK(dates_within(date("0001"), date("9999"), INT64_MAX, true));
}
