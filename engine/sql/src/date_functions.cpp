// Dates that are not single days on PostgreSQL and DuckDB: a table of the intervals the run's
// dates denote, and functions (DuckDB: macros) that compare them as the native engine does (engine/src/dates.cpp): in days when
// neither date gives a time, else in minutes; "certainly" before or different.
#include "internal.hpp"
#include "schema_sql.hpp"
#include "nogood/engine/dates.hpp"

namespace nogood::sql::detail {

namespace {

// A value at or above 2^30 (the tag 01 in the top bits) is an interned date; exact days and the
// unknown date are below.
constexpr char const* tagged = "1073741824";

}  // namespace

std::string date_prelude(DialectRules const& d) {
  if (!d.has_date_intervals()) return {};
  auto fn = [&](char const* name) { return d.function(name); };
  std::string const lo = fn("nogood_date_lo"), hi = fn("nogood_date_hi"), timed = fn("nogood_date_timed"), day = fn("nogood_floor_day");
  std::string out = (d.temporary ? "" : "DROP TABLE IF EXISTS nogood_dates;\n") + std::string(d.create_table()) +
                    "nogood_dates (date_id BIGINT PRIMARY KEY, earliest BIGINT, latest BIGINT, timed BOOLEAN);\n";
  // A function of the prelude: on PostgreSQL an SQL function, on DuckDB a macro (inlined where used).
  auto create = [&](std::string const& name, std::vector<std::string> const& params, std::string const& returns, std::string const& body) {
    std::vector<std::string> names, typed;
    for (auto const& p : params) {
      auto const space = p.find(' ');
      names.push_back(p.substr(0, space));
      typed.push_back(p);
    }
    if (d.dialect == Dialect::duckdb) {
      out += "CREATE OR REPLACE MACRO " + name + "(" + join(names, ", ") + ") AS (" + body + ");\n";
      return;
    }
    out += std::string(d.temporary ? "CREATE FUNCTION " : "CREATE OR REPLACE FUNCTION ") + d.function(name) + "(" + join(typed, ", ") +
           ") RETURNS " + returns + " LANGUAGE sql STABLE AS $f$\n  SELECT " + body + "\n$f$;\n";
  };
  // Minutes since 1970, both ends included; the unknown date is one point before every date.
  create("nogood_date_lo", {"v BIGINT"}, "BIGINT",
         std::string("CASE WHEN v >= ") + tagged + " THEN (SELECT earliest FROM nogood_dates WHERE date_id = v) " +
             "WHEN v = -2147483648 THEN -2305843009213693952 ELSE v * 1440 END");
  create("nogood_date_hi", {"v BIGINT"}, "BIGINT",
         std::string("CASE WHEN v >= ") + tagged + " THEN (SELECT latest FROM nogood_dates WHERE date_id = v) " +
             "WHEN v = -2147483648 THEN -2305843009213693952 ELSE v * 1440 + 1439 END");
  create("nogood_date_timed", {"v BIGINT"}, "BOOLEAN",
         std::string("CASE WHEN v >= ") + tagged + " THEN (SELECT timed FROM nogood_dates WHERE date_id = v) ELSE FALSE END");
  // DuckDB's `/` divides in floating point; `//` truncates (the division is exact here).
  create("nogood_floor_day", {"m BIGINT"}, "BIGINT",
         std::string("(m - ((m % 1440) + 1440) % 1440)") + (d.dialect == Dialect::duckdb ? " // " : " / ") + "1440");
  // The ends of two dates in one unit: minutes when either gives a time, else days.
  auto in_unit = [&](std::string const& minutes) {
    return "CASE WHEN " + timed + "(a) OR " + timed + "(b) THEN " + minutes + " ELSE " + day + "(" + minutes + ") END";
  };
  std::string const a_lo = lo + "(a)", a_hi = hi + "(a)", b_lo = lo + "(b)", b_hi = hi + "(b)";
  auto unit = [&](std::string const& m) { return "(" + in_unit(m) + ")"; };
  create("nogood_date_before", {"a BIGINT", "b BIGINT"}, "BOOLEAN", unit(a_hi) + " < " + unit(b_lo));
  create("nogood_date_not_after", {"a BIGINT", "b BIGINT"}, "BOOLEAN", unit(a_hi) + " <= " + unit(b_lo));
  create("nogood_dates_overlap", {"a BIGINT", "b BIGINT"}, "BOOLEAN",
         unit(a_lo) + " <= " + unit(b_hi) + " AND " + unit(b_lo) + " <= " + unit(a_hi));
  // The gap (0 when they overlap) at most `amount` days, or hours; days against a time compare in
  // minutes, each day's date covering the whole day.
  std::string const gap_days = "(CASE WHEN " + unit(b_lo) + " > " + unit(a_hi) + " THEN " + unit(b_lo) + " - " + unit(a_hi) + " WHEN " +
                               unit(a_lo) + " > " + unit(b_hi) + " THEN " + unit(a_lo) + " - " + unit(b_hi) + " ELSE 0 END)";
  std::string const gap_minutes = "(CASE WHEN " + b_lo + " > " + a_hi + " THEN " + b_lo + " - " + a_hi + " WHEN " + a_lo + " > " + b_hi +
                                  " THEN " + a_lo + " - " + b_hi + " ELSE 0 END)";
  create("nogood_dates_within", {"a BIGINT", "b BIGINT", "amount BIGINT", "hours BOOLEAN"}, "BOOLEAN",
         "CASE WHEN amount < 0 THEN FALSE WHEN amount > 3202559735019 THEN TRUE "
         "WHEN NOT hours AND NOT (" + timed + "(a) OR " + timed + "(b)) THEN " + gap_days + " <= amount " +
         "ELSE " + gap_minutes + " <= amount * (CASE WHEN hours THEN 60 ELSE 1440 END) END");
  create("nogood_earliest_day", {"v BIGINT"}, "BIGINT", "CASE WHEN v >= " + std::string(tagged) + " THEN " + day + "(" + lo + "(v)) ELSE v END");
  create("nogood_latest_day", {"v BIGINT"}, "BIGINT", "CASE WHEN v >= " + std::string(tagged) + " THEN " + day + "(" + hi + "(v)) ELSE v END");
  return out;
}

std::string date_rows(DialectRules const& d) {
  if (!d.has_date_intervals()) return {};
  std::vector<std::string> rows;
  for (auto v : engine::interned_dates()) {
    auto const span = engine::date_span(v);
    rows.push_back("(" + std::to_string(engine::unpack_int(v)) + ", " + std::to_string(span.earliest) + ", " + std::to_string(span.latest) +
                   ", " + (span.timed ? "TRUE" : "FALSE") + ")");
  }
  return batched_insert(d, "nogood_dates", rows, 1000);
}

std::string date_value(std::string const& v) { return "(CASE WHEN " + v + " >= " + tagged + " THEN NULL ELSE " + v + " END)"; }

std::string date_is_interval(std::string const& v) { return v + " >= " + tagged; }

}  // namespace nogood::sql::detail
