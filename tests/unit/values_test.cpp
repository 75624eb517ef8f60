// Dates as the engine packs them: days since 1970-01-01, shown as ISO dates.
#include <cstdio>

#include <catch2/catch.hpp>

#include "nogood/engine/values.hpp"

using namespace nogood::engine;

TEST_CASE("dates format as YYYY-MM-DD and parse back, across the years", "[values][date]") {
  for (int days = days_from_civil(-50, 1, 1); days < days_from_civil(10050, 1, 1); days += 37) {
    int y, m, d;
    civil_from_days(days, y, m, d);
    char expected[32];
    std::snprintf(expected, sizeof expected, "%04d-%02d-%02d", y, m, d);
    INFO(days);
    REQUIRE(format_date(days) == expected);
    if (y >= 1 && y <= 9999) REQUIRE(parse_date(format_date(days)) == days);
  }
  CHECK(format_date(0) == "1970-01-01");
  CHECK(format_date(days_from_civil(2025, 10, 25)) == "2025-10-25");
}
