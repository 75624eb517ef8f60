#include "nogood/engine/values.hpp"

#include <cstdio>

namespace nogood::engine {

std::string_view to_string(ValueType t) {
  switch (t) {
    case ValueType::entity: return "entity";
    case ValueType::symbol: return "symbol";
    case ValueType::string: return "string";
    case ValueType::integer: return "int";
    case ValueType::date: return "date";
    case ValueType::source: return "source";
    case ValueType::certainty: return "certainty";
  }
  return "?";
}

std::string_view to_string(Certainty c) {
  switch (c) {
    case Certainty::uncertain: return "uncertain";
    case Certainty::alleged: return "alleged";
    case Certainty::reported: return "reported";
    case Certainty::asserted: return "asserted";
  }
  return "?";
}

std::optional<Certainty> parse_certainty(std::string_view s) {
  if (s == "asserted") return Certainty::asserted;
  if (s == "reported") return Certainty::reported;
  if (s == "alleged") return Certainty::alleged;
  if (s == "uncertain") return Certainty::uncertain;
  return std::nullopt;
}

// Howard Hinnant's civil-date algorithms.
std::int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  int const era = (y >= 0 ? y : y - 399) / 400;
  unsigned const yoe = static_cast<unsigned>(y - era * 400);
  unsigned const doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  unsigned const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(std::int32_t z, int& y, int& m, int& d) {
  z += 719468;
  int const era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned const doe = static_cast<unsigned>(z - era * 146097);
  unsigned const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int>(yoe) + era * 400;
  unsigned const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned const mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y += m <= 2;
}

bool valid_date(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::optional<std::int32_t> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t at, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y, m, d;
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d) || !valid_date(y, m, d)) return std::nullopt;
  return days_from_civil(y, m, d);
}

std::string format_date(std::int32_t days) {
  int y, m, d;
  civil_from_days(days, y, m, d);
  if (y < 0 || y > 9999) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
  }
  // The common case without a format string: verdicts show dates by the hundred thousand.
  auto digit = [](int v) { return static_cast<char>('0' + v); };
  return {digit(y / 1000), digit(y / 100 % 10), digit(y / 10 % 10), digit(y % 10), '-', digit(m / 10), digit(m % 10), '-',
          digit(d / 10), digit(d % 10)};
}

}  // namespace nogood::engine
