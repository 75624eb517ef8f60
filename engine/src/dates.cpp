#include "nogood/engine/dates.hpp"

#include <array>
#include <atomic>
#include <climits>
#include <cstdio>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace nogood::engine {

namespace {

struct Entry {
  DateSpan span;
  std::string text;
};

struct Key {
  std::int64_t earliest, latest;
  DatePrecision precision;
  bool operator==(Key const&) const = default;
};
struct KeyHash {
  std::size_t operator()(Key const& k) const {
    auto h = static_cast<std::uint64_t>(k.earliest) * 0x9e3779b97f4a7c15ull;
    h ^= static_cast<std::uint64_t>(k.latest) + 0x632be59bd9b4e019ull + (h << 6) + (h >> 2);
    return static_cast<std::size_t>(h ^ static_cast<std::uint64_t>(k.precision));
  }
};

// Pages never move once made, so readers index them without a lock while a loader appends:
// evaluation threads read dates that were interned before they started.
constexpr std::size_t page_bits = 12, page_size = std::size_t(1) << page_bits, page_count = 1024;

class DateTable {
public:
  std::optional<Value> intern(DateSpan const& span, std::string text) {
    std::lock_guard lock(mutex_);
    Key key{span.earliest, span.latest, span.precision};
    if (auto it = index_.find(key); it != index_.end()) return it->second;
    std::size_t const id = size_.load(std::memory_order_relaxed);
    if (id >= page_size * page_count) return std::nullopt;
    auto& page = pages_[id >> page_bits];
    if (!page) page = std::make_unique<Entry[]>(page_size);
    page[id & (page_size - 1)] = Entry{span, std::move(text)};
    size_.store(id + 1, std::memory_order_release);
    Value v = imprecise_date_tag | static_cast<Value>(id);
    index_.emplace(key, v);
    return v;
  }
  std::size_t size() const { return size_.load(std::memory_order_acquire); }
  Entry const* find(Value v) const {
    std::size_t const id = v & ~imprecise_date_mask;
    if (id >= size_.load(std::memory_order_acquire)) return nullptr;
    return &pages_[id >> page_bits][id & (page_size - 1)];
  }

private:
  std::mutex mutex_;
  std::array<std::unique_ptr<Entry[]>, page_count> pages_;
  std::atomic<std::size_t> size_{0};
  std::unordered_map<Key, Value, KeyHash> index_;
};

DateTable& table() {
  static DateTable t;
  return t;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return days[m - 1] + (m == 2 && leap ? 1 : 0);
}

// One end of an interval, or a whole date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`.
std::optional<DateSpan> parse_point(std::string_view s, DateProblem& problem) {
  int y = 0, m = 0, d = 0, hh = 0, mm = 0;
  problem = DateProblem::form;
  if (!digits(s, 0, 4, y)) return std::nullopt;
  DateSpan out;
  if (s.size() == 4) {
    if (y < 1) return problem = DateProblem::no_such_day, std::nullopt;
    out.earliest = days_from_civil(y, 1, 1) * minutes_per_day;
    out.latest = (days_from_civil(y, 12, 31) + 1) * minutes_per_day - 1;
    out.precision = DatePrecision::year;
  } else if (s.size() == 7) {
    if (s[4] != '-' || !digits(s, 5, 2, m)) return std::nullopt;
    if (y < 1 || m < 1 || m > 12) return problem = DateProblem::no_such_day, std::nullopt;
    out.earliest = days_from_civil(y, m, 1) * minutes_per_day;
    out.latest = (days_from_civil(y, m, days_in_month(y, m)) + 1) * minutes_per_day - 1;
    out.precision = DatePrecision::month;
  } else if (s.size() == 10 || s.size() == 16) {
    if (s[4] != '-' || s[7] != '-' || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) return std::nullopt;
    if (s.size() == 16 && (s[10] != 'T' || s[13] != ':' || !digits(s, 11, 2, hh) || !digits(s, 14, 2, mm))) return std::nullopt;
    if (!valid_date(y, m, d)) return problem = DateProblem::no_such_day, std::nullopt;
    if (hh > 23 || mm > 59) return problem = DateProblem::no_such_time, std::nullopt;
    std::int64_t const day = days_from_civil(y, m, d);
    if (s.size() == 10) {
      out.earliest = day * minutes_per_day;
      out.latest = out.earliest + minutes_per_day - 1;
      out.precision = DatePrecision::day;
    } else {
      out.earliest = out.latest = day * minutes_per_day + hh * 60 + mm;
      out.precision = DatePrecision::minute;
      out.timed = true;
    }
  } else {
    return std::nullopt;
  }
  problem = DateProblem::none;
  return out;
}

std::string two(int v) { return {static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)}; }

// A moment at the precision it was given: `2025-10-19`, or `2025-10-19T14:30` when timed.
std::string format_minute(std::int64_t minute, bool timed) {
  std::string out = format_date(static_cast<std::int32_t>(floor_div(minute, minutes_per_day)));
  if (timed) {
    auto const in_day = static_cast<int>(minute - floor_div(minute, minutes_per_day) * minutes_per_day);
    out += "T" + two(in_day / 60) + ":" + two(in_day % 60);
  }
  return out;
}

std::string canonical_text(DateSpan const& s) {
  std::string const first = format_minute(s.earliest, s.timed);
  switch (s.precision) {
    case DatePrecision::year: return first.substr(0, 4);
    case DatePrecision::month: return first.substr(0, 7);
    case DatePrecision::day:
    case DatePrecision::minute: return first;
    case DatePrecision::interval: return first + "/" + format_minute(s.latest, s.timed);
  }
  return first;
}

// Both ends in one unit: days when neither date gives a time, else minutes.
struct Ends {
  std::int64_t a_lo, a_hi, b_lo, b_hi;
  bool minutes;
};
Ends ends(Value a, Value b) {
  DateSpan const x = date_span(a), y = date_span(b);
  if (x.timed || y.timed) return {x.earliest, x.latest, y.earliest, y.latest, true};
  return {floor_div(x.earliest, minutes_per_day), floor_div(x.latest, minutes_per_day), floor_div(y.earliest, minutes_per_day),
          floor_div(y.latest, minutes_per_day), false};
}

}  // namespace

std::optional<DateSpan> parse_date_span(std::string_view text, DateProblem& problem) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) return parse_point(text, problem);
  auto start = parse_point(text.substr(0, slash), problem);
  if (!start) return std::nullopt;
  auto end = parse_point(text.substr(slash + 1), problem);
  if (!end) return std::nullopt;
  if (end->latest < start->earliest) return problem = DateProblem::backwards, std::nullopt;
  DateSpan out{start->earliest, end->latest, DatePrecision::interval, start->timed || end->timed};
  // A timed end next to an untimed one: the untimed end covers its whole day, as written.
  return out;
}

std::optional<Value> intern_date(DateSpan const& span) {
  bool const whole_day = span.earliest % minutes_per_day == 0 && span.latest == span.earliest + minutes_per_day - 1;
  if (whole_day && (span.precision == DatePrecision::day || (span.precision == DatePrecision::interval && !span.timed)))
    return pack_int(static_cast<std::int32_t>(floor_div(span.earliest, minutes_per_day)));
  return table().intern(span, canonical_text(span));
}

std::optional<Value> parse_date_value(std::string_view text, DateProblem& problem) {
  auto span = parse_date_span(text, problem);
  if (!span) return std::nullopt;
  auto v = intern_date(*span);
  if (!v) problem = DateProblem::table_full;
  return v;
}

std::vector<Value> interned_dates() {
  std::vector<Value> out;
  for (std::size_t id = 0, n = table().size(); id < n; ++id) out.push_back(imprecise_date_tag | static_cast<Value>(id));
  return out;
}

DateSpan date_span(Value v) {
  if (is_imprecise_date(v)) {
    if (auto const* e = table().find(v)) return e->span;
  }
  std::int32_t const day = unpack_int(v);
  if (day == unknown_date) return {INT64_MIN / 4, INT64_MIN / 4, DatePrecision::day, false};
  return {std::int64_t(day) * minutes_per_day, (std::int64_t(day) + 1) * minutes_per_day - 1, DatePrecision::day, false};
}

std::string format_date_value(Value v) {
  if (is_imprecise_date(v)) {
    if (auto const* e = table().find(v)) return e->text;
    return "?";
  }
  return unpack_int(v) == unknown_date ? "unknown" : format_date(unpack_int(v));
}

std::int32_t earliest_day(Value v) {
  if (!is_imprecise_date(v)) return unpack_int(v);
  return static_cast<std::int32_t>(floor_div(date_span(v).earliest, minutes_per_day));
}

std::int32_t latest_day(Value v) {
  if (!is_imprecise_date(v)) return unpack_int(v);
  return static_cast<std::int32_t>(floor_div(date_span(v).latest, minutes_per_day));
}

bool date_certainly_before(Value a, Value b) {
  auto e = ends(a, b);
  return e.a_hi < e.b_lo;
}

bool date_certainly_not_after(Value a, Value b) {
  auto e = ends(a, b);
  return e.a_hi <= e.b_lo;
}

bool dates_overlap(Value a, Value b) {
  auto e = ends(a, b);
  return e.a_lo <= e.b_hi && e.b_lo <= e.a_hi;
}

std::int64_t date_gap(Value a, Value b, bool& in_minutes) {
  auto e = ends(a, b);
  in_minutes = e.minutes;
  std::int64_t gap = 0;
  if (e.b_lo > e.a_hi) gap = e.b_lo - e.a_hi;
  if (e.a_lo > e.b_hi) gap = e.a_lo - e.b_hi;
  return gap;
}

bool dates_within(Value a, Value b, std::int64_t amount, bool hours) {
  bool minutes = false;
  std::int64_t const gap = date_gap(a, b, minutes);
  if (amount < 0) return false;
  if (amount > INT64_MAX / (2 * minutes_per_day)) return true;  // wider than any two dates
  if (!minutes && !hours) return gap <= amount;
  // Days against a time: compare in minutes, a day's dates covering the whole day.
  DateSpan const x = date_span(a), y = date_span(b);
  std::int64_t g = 0;
  if (y.earliest > x.latest) g = y.earliest - x.latest;
  if (x.earliest > y.latest) g = x.earliest - y.latest;
  return g <= amount * (hours ? 60 : minutes_per_day);
}

}  // namespace nogood::engine
