#include "relative_dates.hpp"

#include <array>
#include <vector>

namespace nogood::facts::detail {

char const* const relative_date_forms =
    "today, yesterday, a weekday (`saturday`: the latest on or before publication; `last saturday`: strictly before), "
    "`N days ago`, `a week ago`, `N weeks ago`, a month (`october`: the latest not after publication; `october 2025`), "
    "`this month`, `last month`, `this year`, `last year`, `a year ago`, `N years ago`";

namespace {

constexpr std::array<std::string_view, 7> weekdays{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 12> months{"january", "february", "march",     "april",   "may",      "june",
                                                  "july",    "august",   "september", "october", "november", "december"};

engine::DateSpan day_span(std::int64_t day) {
  return {day * engine::minutes_per_day, (day + 1) * engine::minutes_per_day - 1, engine::DatePrecision::day, false};
}

engine::DateSpan month_span(int y, int m) {
  int const next_y = m == 12 ? y + 1 : y, next_m = m == 12 ? 1 : m + 1;
  return {std::int64_t(engine::days_from_civil(y, m, 1)) * engine::minutes_per_day,
          std::int64_t(engine::days_from_civil(next_y, next_m, 1)) * engine::minutes_per_day - 1, engine::DatePrecision::month, false};
}

engine::DateSpan year_span(int y) {
  return {std::int64_t(engine::days_from_civil(y, 1, 1)) * engine::minutes_per_day,
          std::int64_t(engine::days_from_civil(y + 1, 1, 1)) * engine::minutes_per_day - 1, engine::DatePrecision::year, false};
}

template <std::size_t N>
int index_of(std::array<std::string_view, N> const& names, std::string_view word) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == word) return static_cast<int>(i);
  return -1;
}

// A count: digits (at most four) or `a`, `an`, `one`.
std::optional<int> count(std::string_view w) {
  if (w == "a" || w == "an" || w == "one") return 1;
  if (w.empty() || w.size() > 4) return std::nullopt;
  int n = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool in_calendar(engine::DateSpan const& s) {
  return s.earliest >= std::int64_t(engine::days_from_civil(1, 1, 1)) * engine::minutes_per_day &&
         s.latest < std::int64_t(engine::days_from_civil(10000, 1, 1)) * engine::minutes_per_day;
}

}  // namespace

bool worded_date(std::string_view text) {
  for (char c : text)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return false;
}

std::optional<engine::DateSpan> resolve_relative_date(std::string_view text, std::optional<std::int32_t> published,
                                                      RelativeProblem& problem) {
  problem = RelativeProblem::unknown_form;
  if (text.size() > 64) return std::nullopt;
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  if (!words.empty() && (words[0] == "on" || words[0] == "in")) words.erase(words.begin());
  if (words.empty() || words.size() > 3) return std::nullopt;

  // `october 2025`: a month of a year, no publication day needed.
  if (words.size() == 2 && index_of(months, words[0]) >= 0) {
    auto y = count(words[1]);
    if (!y || words[1].size() != 4 || *y < 1) return std::nullopt;
    problem = RelativeProblem::none;
    return month_span(*y, index_of(months, words[0]) + 1);
  }

  // Everything else counts back from the publication day.
  auto const known = [&]() -> bool {
    auto const& w = words;
    if (w.size() == 1) return w[0] == "today" || w[0] == "yesterday" || index_of(weekdays, w[0]) >= 0 || index_of(months, w[0]) >= 0;
    if (w.size() == 2) return (w[0] == "last" || w[0] == "this") && (w[1] == "month" || w[1] == "year" || index_of(weekdays, w[1]) >= 0);
    return count(w[0]) && w[2] == "ago" && (w[1] == "day" || w[1] == "days" || w[1] == "week" || w[1] == "weeks" || w[1] == "year" || w[1] == "years");
  }();
  if (!known) return std::nullopt;
  if (!published) {
    problem = RelativeProblem::needs_published;
    return std::nullopt;
  }
  std::int64_t const pub = *published;
  int py, pm, pd;
  engine::civil_from_days(*published, py, pm, pd);
  int const weekday = static_cast<int>(((pub + 4) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
  std::optional<engine::DateSpan> out;
  auto const& w = words;
  if (w.size() == 1) {
    if (w[0] == "today") out = day_span(pub);
    else if (w[0] == "yesterday") out = day_span(pub - 1);
    else if (int d = index_of(weekdays, w[0]); d >= 0) out = day_span(pub - (weekday - d + 7) % 7);
    else {
      int const m = index_of(months, w[0]) + 1;
      out = month_span(m <= pm ? py : py - 1, m);
    }
  } else if (w.size() == 2) {
    if (w[1] == "month") {
      bool const last = w[0] == "last";
      out = month_span(last && pm == 1 ? py - 1 : py, last ? (pm == 1 ? 12 : pm - 1) : pm);
    } else if (w[1] == "year") {
      out = year_span(w[0] == "last" ? py - 1 : py);
    } else {
      int const d = index_of(weekdays, w[1]);
      int back = (weekday - d + 7) % 7;
      if (w[0] == "last" && back == 0) back = 7;  // strictly before the publication day
      if (w[0] == "this" && back == 0) back = 0;
      out = day_span(pub - back);
    }
  } else {
    int const n = *count(w[0]);
    if (w[1] == "day" || w[1] == "days") out = day_span(pub - n);
    else if (w[1] == "week" || w[1] == "weeks") out = day_span(pub - 7 * std::int64_t(n));
    else out = month_span(py - n, pm);  // `a year ago`: the month, that many years back
  }
  if (!out || !in_calendar(*out)) return std::nullopt;
  problem = RelativeProblem::none;
  return out;
}

}  // namespace nogood::facts::detail
