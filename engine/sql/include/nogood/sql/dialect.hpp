// What differs between the engines the SQL back end writes for; everything else is one SQL.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nogood::sql {

enum class Dialect { postgres, duckdb, spark };

std::optional<Dialect> parse_dialect(std::string_view name);
std::string_view to_string(Dialect);

// The statements of one dialect. Values are 64-bit integers everywhere (32-bit ids stay unsigned);
// division and modulo truncate toward zero and yield NULL on a zero divisor, so that the literal
// holding them fails as it does in the native engine.
struct DialectRules {
  Dialect dialect;
  // Tables, sequence and functions live only as long as the connection (a run of `check --engine`
  // on PostgreSQL): nothing is left in the database, and nothing of the user's is replaced.
  bool temporary = false;
  std::string quote(std::string_view identifier) const;
  std::string string_literal(std::string_view text) const;
  std::string_view integer_type() const { return "BIGINT"; }
  std::string_view text_type() const;
  std::string div(std::string const& a, std::string const& b) const;  // truncating, NULL for b = 0
  std::string mod(std::string const& a, std::string const& b) const;  // sign of a, NULL for b = 0
  // `v` when it fits in 32 bits; otherwise the statement fails, as the native engine's E0402 for
  // the literal numbered `literal` (engine::literal_number), whose text is `text`.
  std::string check_int32(std::string const& v, std::uint32_t literal, std::string_view text) const;
  // `v` when it is a day of 0001-01-01..9999-12-31; the unknown date when `unknown` holds (it
  // read one); otherwise the statement fails, as the native engine's E0403 for the literal
  // numbered `literal` (engine::literal_number), whose text is `text`.
  std::string check_date(std::string const& v, std::string const& unknown, std::uint32_t literal, std::string_view text) const;
  // The mean of a column of integers, truncated toward zero; NULL over no value.
  std::string mean(std::string const& v) const;
  std::string create_table_suffix() const;
  std::string_view create_table() const { return temporary ? "CREATE TEMPORARY TABLE " : "CREATE TABLE "; }
  // A helper function of the prelude, as a call names it (functions in pg_temp need the schema).
  std::string function(std::string_view name) const { return (temporary ? "pg_temp." : "") + std::string(name); }
  // Whether dates that are not single days compile (the prelude's date functions; DuckDB's macros).
  bool has_date_intervals() const { return dialect == Dialect::postgres || dialect == Dialect::duckdb; }
  std::string clear(std::string const& table) const;
  // Statements load.sql starts with (helper functions).
  std::string prelude() const;
};

DialectRules rules_for(Dialect d);

}  // namespace nogood::sql
