// The differential test for dates: generated facts give days, months, years, intervals and
// times of day; generated constraints compare them (`<` .. `>=`, `=`, `!=`, `overlaps`,
// `within N days|hours of`, arithmetic, `earliest`/`latest`) and `unique` checks them. The naive
// side reads each date's text itself and decides every comparison from the documented meaning
// (docs/rules-language.md, "Dates"), sharing no code with the engine.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "generate.hpp"

namespace difftest::dates {

// A date as the naive side sees it: minutes, both ends included.
struct Interval {
  std::int64_t lo = 0, hi = 0;
  bool timed = false;
  bool day = false;  // exactly one whole day, given as a day
};

inline std::int64_t civil_days(int y, int m, int d) {
  // Counting days by hand, month by month from 1970: slow and plain, unlike the engine's algorithm.
  auto leap = [](int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; };
  static constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::int64_t n = 0;
  for (int year = 1970; year < y; ++year) n += leap(year) ? 366 : 365;
  for (int month = 1; month < m; ++month) n += month_days[month - 1] + (month == 2 && leap(y) ? 1 : 0);
  return n + d - 1;
}
inline int month_length(int y, int m) {
  static constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return month_days[m - 1] + (m == 2 && leap ? 1 : 0);
}

inline Interval read_point(std::string const& s) {
  int y = std::stoi(s.substr(0, 4));
  if (s.size() == 4) return {civil_days(y, 1, 1) * 1440, civil_days(y, 12, 31) * 1440 + 1439, false, false};
  int m = std::stoi(s.substr(5, 2));
  if (s.size() == 7) return {civil_days(y, m, 1) * 1440, civil_days(y, m, month_length(y, m)) * 1440 + 1439, false, false};
  int d = std::stoi(s.substr(8, 2));
  std::int64_t day = civil_days(y, m, d) * 1440;
  if (s.size() == 10) return {day, day + 1439, false, true};
  std::int64_t t = day + std::stoi(s.substr(11, 2)) * 60 + std::stoi(s.substr(14, 2));
  return {t, t, true, false};
}
inline Interval read(std::string const& s) {
  auto slash = s.find('/');
  if (slash == std::string::npos) return read_point(s);
  Interval a = read_point(s.substr(0, slash)), b = read_point(s.substr(slash + 1));
  return {a.lo, b.hi, a.timed || b.timed, false};
}
inline std::int64_t floor_day(std::int64_t minute) { return minute >= 0 ? minute / 1440 : -((-minute + 1439) / 1440); }

// Certainly before / not after / overlap / gap, in days unless a time is given.
struct Pair {
  std::int64_t alo, ahi, blo, bhi;
  bool minutes;
};
inline Pair unit(Interval const& a, Interval const& b) {
  if (a.timed || b.timed) return {a.lo, a.hi, b.lo, b.hi, true};
  return {floor_day(a.lo), floor_day(a.hi), floor_day(b.lo), floor_day(b.hi), false};
}
inline bool before(Interval const& a, Interval const& b) { auto p = unit(a, b); return p.ahi < p.blo; }
inline bool not_after(Interval const& a, Interval const& b) { auto p = unit(a, b); return p.ahi <= p.blo; }
inline bool overlap(Interval const& a, Interval const& b) { auto p = unit(a, b); return p.alo <= p.bhi && p.blo <= p.ahi; }
inline std::int64_t gap_minutes(Interval const& a, Interval const& b) {
  if (b.lo > a.hi) return b.lo - a.hi;
  if (a.lo > b.hi) return a.lo - b.hi;
  return 0;
}
inline bool within(Interval const& a, Interval const& b, int n, bool hours) {
  auto p = unit(a, b);
  if (!p.minutes && !hours) return std::max<std::int64_t>({0, p.blo - p.ahi, p.alo - p.bhi}) <= n;
  return gap_minutes(a, b) <= std::int64_t(n) * (hours ? 60 : 1440);
}
inline std::string day_text(std::int64_t day) {
  // Back from days by counting, as civil_days counts forward.
  int y = 1970;
  while (civil_days(y + 1, 1, 1) <= day) ++y;
  int m = 1;
  while (m < 12 && civil_days(y, m + 1, 1) <= day) ++m;
  int d = static_cast<int>(day - civil_days(y, m, 1)) + 1;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// A generated date in canonical form, around October 2025 so that many overlap.
inline std::string random_date(Rng& rng) {
  char buf[48];
  int const y = rng.between(2024, 2025), m = rng.between(9, 11), d = rng.between(1, 27), d2 = std::min(28, d + rng.between(1, 12));
  switch (rng.below(6)) {
    case 0:
    case 1: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d); break;
    case 2: std::snprintf(buf, sizeof buf, "%04d-%02d", y, m); break;
    case 3: std::snprintf(buf, sizeof buf, "%04d", y); break;
    case 4: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d/%04d-%02d-%02d", y, m, d, y, m, d2); break;
    default: std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", y, m, d, rng.between(0, 23), 15 * rng.below(4)); break;
  }
  return buf;
}

struct Fact {
  int source = 0, key = 0;
  std::string date;
};

enum class Test { compare, overlaps, within_days, within_hours, shifted, day_ends, span, disjoint, far };
enum class Op { eq, ne, lt, le, gt, ge };
inline char const* op_text(Op op) {
  static char const* const t[] = {"=", "!=", "<", "<=", ">", ">="};
  return t[static_cast<int>(op)];
}

struct Check {
  Test test = Test::compare;
  Op op = Op::lt;
  int n = 0;
  bool same_key = true;
};

struct Program {
  std::vector<Fact> facts;
  std::vector<Check> checks;
  int unique_within = -1;  // `unique ... across sources within N`, -1 without `within`
};

inline Program generate(std::uint64_t seed) {
  Rng rng(seed * 0x2545f4914f6cdd1dull + 7);
  Program p;
  int const facts = rng.between(2, 9);
  for (int i = 0; i < facts; ++i) p.facts.push_back({rng.below(2), rng.below(2), random_date(rng)});
  int const checks = rng.between(1, 4);
  for (int i = 0; i < checks; ++i)
    p.checks.push_back({static_cast<Test>(rng.below(9)), static_cast<Op>(rng.below(6)), rng.between(0, 40), rng.percent(70)});
  p.unique_within = rng.percent(50) ? -1 : rng.between(0, 60);
  return p;
}

inline std::string rules_text(Program const& p) {
  std::string out = "pred d(k: int, v: date).\n";
  out += "unique d(k -> v) across sources.\n";
  out += "unique d(k -> v) per source as per_source.\n";
  if (p.unique_within >= 0) out += "unique d(k -> v) across sources within " + std::to_string(p.unique_within) + " as apart.\n";
  for (std::size_t i = 0; i < p.checks.size(); ++i) {
    auto const& c = p.checks[i];
    std::string head = "constraint c" + std::to_string(i) + " :- d(K, A) @ S1, d(" + (c.same_key ? "K" : "K2") + ", B) @ S2, ";
    std::string n = std::to_string(c.n);
    switch (c.test) {
      case Test::compare: out += head + "A " + op_text(c.op) + " B.\n"; break;
      case Test::overlaps: out += head + "A overlaps B.\n"; break;
      case Test::within_days: out += head + "A within " + n + " days of B.\n"; break;
      case Test::within_hours: out += head + "A within " + n + " hours of B.\n"; break;
      case Test::shifted: out += head + "A + " + n + " " + op_text(c.op) + " B.\n"; break;
      case Test::day_ends: out += head + "E = earliest(A) + " + n + ", E " + op_text(c.op) + " latest(B).\n"; break;
      case Test::span: out += head + "L = latest(A), L - earliest(B) > " + n + ".\n"; break;
      case Test::disjoint: out += head + "not (A overlaps B).\n"; break;
      case Test::far: out += head + "not (A within " + n + " days of B).\n"; break;
    }
  }
  return out;
}

inline std::string facts_text(Program const& p, int source) {
  std::string out = "{\"nogood\": 1, \"source\": {\"id\": \"s" + std::to_string(source + 1) + "\"}, \"facts\": [";
  bool first = true;
  for (auto const& f : p.facts) {
    if (f.source != source) continue;
    out += std::string(first ? "" : ", ") + "{\"pred\": \"d\", \"args\": [" + std::to_string(f.key) + ", \"" + f.date + "\"]}";
    first = false;
  }
  return out + "]}";
}

// A constraint's binding: variable name to the value's text.
using Binding = std::map<std::string, std::string>;
using Result = std::map<std::string, std::set<Binding>>;

inline bool holds(Op op, bool before_ab, bool before_ba, bool not_after_ab, bool not_after_ba, bool equal) {
  switch (op) {
    case Op::eq: return equal;
    case Op::ne: return !equal;
    case Op::lt: return before_ab;
    case Op::le: return not_after_ab;
    case Op::gt: return before_ba;
    case Op::ge: return not_after_ba;
  }
  return false;
}

inline Result evaluate_naive(Program const& p) {
  Result out;
  out["constraint unique_d_v"];
  out["constraint per_source"];
  if (p.unique_within >= 0) out["constraint apart"];
  auto src = [](int s) { return "s" + std::to_string(s + 1); };
  for (auto const& f : p.facts)
    for (auto const& g : p.facts) {
      Interval const a = read(f.date), b = read(g.date);
      if (f.key == g.key && f.source < g.source && !overlap(a, b)) {
        out["constraint unique_d_v"].insert({{"K", std::to_string(f.key)}, {"Source1", src(f.source)}, {"Source2", src(g.source)},
                                             {"V1", f.date}, {"V2", g.date}});
        if (p.unique_within >= 0 && !within(a, b, p.unique_within, false))
          out["constraint apart"].insert({{"K", std::to_string(f.key)}, {"Source1", src(f.source)}, {"Source2", src(g.source)},
                                          {"V1", f.date}, {"V2", g.date}});
      }
      if (f.key == g.key && f.source == g.source && before(a, b))
        out["constraint per_source"].insert({{"K", std::to_string(f.key)}, {"Source", src(f.source)}, {"V1", f.date}, {"V2", g.date}});
    }
  for (std::size_t i = 0; i < p.checks.size(); ++i) {
    auto const& c = p.checks[i];
    auto& rel = out["constraint c" + std::to_string(i)];
    for (auto const& f : p.facts)
      for (auto const& g : p.facts) {
        if (c.same_key && f.key != g.key) continue;
        Interval const a = read(f.date), b = read(g.date);
        Binding bind{{"K", std::to_string(f.key)}, {"A", f.date}, {"S1", src(f.source)}, {"B", g.date}, {"S2", src(g.source)}};
        if (!c.same_key) bind["K2"] = std::to_string(g.key);
        bool ok = false;
        switch (c.test) {
          case Test::compare: ok = holds(c.op, before(a, b), before(b, a), not_after(a, b), not_after(b, a), f.date == g.date); break;
          case Test::overlaps: ok = overlap(a, b); break;
          case Test::within_days: ok = within(a, b, c.n, false); break;
          case Test::within_hours: ok = within(a, b, c.n, true); break;
          case Test::shifted: {
            if (!a.day) break;  // arithmetic needs a single day
            std::int64_t const shifted = floor_day(a.lo) + c.n;
            Interval s{shifted * 1440, shifted * 1440 + 1439, false, true};
            std::string const text = day_text(shifted);
            ok = holds(c.op, before(s, b), before(b, s), not_after(s, b), not_after(b, s), text == g.date);
            break;
          }
          case Test::day_ends: {
            std::int64_t const e = floor_day(a.lo) + c.n, l = floor_day(b.hi);
            ok = holds(c.op, e < l, l < e, e <= l, l <= e, e == l);
            if (ok) bind["E"] = day_text(e);
            break;
          }
          case Test::disjoint: ok = !overlap(a, b); break;
          case Test::far: ok = !within(a, b, c.n, false); break;
          case Test::span: {
            std::int64_t const l = floor_day(a.hi);
            ok = l - floor_day(b.lo) > c.n;
            if (ok) bind["L"] = day_text(l);
            break;
          }
        }
        if (ok) rel.insert(bind);
      }
  }
  return out;
}

}  // namespace difftest::dates
