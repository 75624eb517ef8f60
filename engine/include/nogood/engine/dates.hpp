// Dates as news writes them: a day, a month, a year, an interval, a time of day. Each denotes
// an interval of time, kept in minutes since 1970-01-01 00:00, both ends included.
//
// An exact day stays packed in its Value as days since 1970 (values.hpp), so programs over exact
// days run as before and compare as ints. Any other date is interned in one process-wide table
// and its Value is a tagged id: exact days fit in 23 bits signed and the unknown date is
// INT32_MIN, so values whose top two bits are `01` are never days. The table is append-only and
// deduplicated (equal intervals at equal precision share one value), so a value stays valid for
// the life of the process and comparisons need no corpus at hand.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nogood/engine/values.hpp"

namespace nogood::engine {

enum class DatePrecision : std::uint8_t { minute, day, month, year, interval };

inline constexpr Value imprecise_date_tag = 0x40000000u;
inline constexpr Value imprecise_date_mask = 0xc0000000u;
inline constexpr std::int32_t unknown_date = INT32_MIN;  // a source without `published`
inline constexpr std::int64_t minutes_per_day = 1440;

// Whether `v`, a date, is not an exact day (a month, a year, an interval, a time of day).
inline bool is_imprecise_date(Value v) { return (v & imprecise_date_mask) == imprecise_date_tag; }

// A date as an interval of minutes, both ends included; `timed` when it was given to the minute.
struct DateSpan {
  std::int64_t earliest = 0, latest = 0;
  DatePrecision precision = DatePrecision::day;
  bool timed = false;
};

enum class DateProblem : std::uint8_t { none, form, no_such_day, no_such_time, backwards, table_full };

// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, or an interval `START/END` of two of
// those (ISO 8601). Bounded: looks at no more than the text, never throws.
std::optional<DateSpan> parse_date_span(std::string_view text, DateProblem& problem);

// The value of a date: an exact day packed in place, anything else interned. An interval that
// covers exactly one whole day is that day. Empty only when the table is full (millions of dates).
std::optional<Value> intern_date(DateSpan const& span);
// parse_date_span then intern_date.
std::optional<Value> parse_date_value(std::string_view text, DateProblem& problem);

// Every date interned so far (not exact days), in the order they were interned: the SQL back end
// ships their intervals to the database.
std::vector<Value> interned_dates();

// The interval a date value denotes; the unknown date is one point before every date.
DateSpan date_span(Value v);
// Canonical text: `2025-10-19`, `2025-10`, `2025`, `2025-10-19T14:30`, `2025-10-01/2025-10-15`,
// `unknown` for the unknown date.
std::string format_date_value(Value v);

// The first and last day a date covers, as exact days.
std::int32_t earliest_day(Value v);
std::int32_t latest_day(Value v);

// Comparisons of intervals, at day granularity when neither date gives a time, else to the minute.
// Certainly before (every moment of `a` is before every moment of `b`); certainly on or before.
bool date_certainly_before(Value a, Value b);
bool date_certainly_not_after(Value a, Value b);
bool dates_overlap(Value a, Value b);
// The gap between the intervals (0 when they overlap): in days when neither gives a time, else
// in minutes (`in_minutes` says which).
std::int64_t date_gap(Value a, Value b, bool& in_minutes);
// The gap is at most `amount` days (or hours).
bool dates_within(Value a, Value b, std::int64_t amount, bool hours);

}  // namespace nogood::engine
