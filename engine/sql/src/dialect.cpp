#include "nogood/sql/dialect.hpp"

#include "nogood/engine/values.hpp"

namespace nogood::sql {

std::optional<Dialect> parse_dialect(std::string_view name) {
  if (name == "postgres" || name == "postgresql") return Dialect::postgres;
  if (name == "duckdb") return Dialect::duckdb;
  if (name == "spark") return Dialect::spark;
  return std::nullopt;
}

std::string_view to_string(Dialect d) {
  switch (d) {
    case Dialect::postgres: return "postgres";
    case Dialect::duckdb: return "duckdb";
    case Dialect::spark: return "spark";
  }
  return "?";
}

DialectRules rules_for(Dialect d) { return DialectRules{d}; }

std::string DialectRules::quote(std::string_view identifier) const {
  char const q = dialect == Dialect::spark ? '`' : '"';
  std::string out(1, q);
  for (char c : identifier) {
    if (c == q) out += q;
    out += c;
  }
  return out + q;
}

std::string DialectRules::string_literal(std::string_view text) const {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += dialect == Dialect::spark ? "\\'" : "''";
    else if (c == '\\' && dialect == Dialect::spark) out += "\\\\";  // Spark reads backslash escapes in literals
    else out += c;
  }
  return out + "'";
}

std::string_view DialectRules::text_type() const {
  switch (dialect) {
    case Dialect::postgres: return "TEXT";
    case Dialect::duckdb: return "VARCHAR";
    case Dialect::spark: return "STRING";
  }
  return "TEXT";
}

// PostgreSQL's `/` on BIGINT truncates; DuckDB's and Spark's `/` divide in floating point, their
// integer division is `//` and `div`. NULLIF turns a zero divisor into NULL rather than an error
// (Spark's ANSI mode throws on division by zero).
std::string DialectRules::div(std::string const& a, std::string const& b) const {
  std::string const op = dialect == Dialect::postgres ? " / " : dialect == Dialect::duckdb ? " // " : " DIV ";
  return "(" + a + op + "NULLIF(" + b + ", 0))";
}

std::string DialectRules::mod(std::string const& a, std::string const& b) const {
  return "(" + a + " % NULLIF(" + b + ", 0))";
}

// A NULL (a zero divisor, the `min` of nothing) stays NULL, as nogood_int32 returns it: it fails
// the comparison, so it takes the ELSE branch, where `v BETWEEN ... THEN v ELSE error` would raise.
std::string DialectRules::check_int32(std::string const& v, std::uint32_t literal, std::string_view text) const {
  if (dialect == Dialect::postgres)
    return function("nogood_int32") + "(" + v + ", " + std::to_string(literal) + ", " + string_literal(text) + ")";
  std::string const message = string_literal("E0402 integer overflow: a value out of the 32-bit range in `" + std::string(text) + "`");
  return "(CASE WHEN " + v + " NOT BETWEEN -2147483648 AND 2147483647 THEN " + (dialect == Dialect::duckdb ? "error(" : "raise_error(") +
         message + ") ELSE " + v + " END)";
}

namespace {
std::string const first_day = std::to_string(engine::days_from_civil(1, 1, 1));
std::string const last_day = std::to_string(engine::days_from_civil(9999, 12, 31));
std::string const unknown_day = "-2147483648";
}  // namespace

// NULL (a failed operand) stays NULL, as in check_int32.
std::string DialectRules::check_date(std::string const& v, std::string const& unknown, std::uint32_t literal, std::string_view text) const {
  if (dialect == Dialect::postgres)
    return function("nogood_date") + "(" + v + ", " + unknown + ", " + std::to_string(literal) + ", " + string_literal(text) + ")";
  std::string const message =
      string_literal("E0403 date out of range: `" + std::string(text) + "` gives a day outside 0001-01-01..9999-12-31");
  return "(CASE WHEN " + v + " IS NULL OR " + v + " BETWEEN " + first_day + " AND " + last_day + " THEN " + v + " WHEN " + unknown +
         " THEN " + unknown_day + " ELSE " + (dialect == Dialect::duckdb ? "error(" : "raise_error(") + message + ") END)";
}

// PostgreSQL's SUM of BIGINT is NUMERIC, whose `/` does not truncate: DIV does.
std::string DialectRules::mean(std::string const& v) const {
  switch (dialect) {
    case Dialect::postgres: return "CAST(DIV(SUM(" + v + "), NULLIF(COUNT(" + v + "), 0)) AS BIGINT)";
    case Dialect::duckdb: return "CAST(SUM(" + v + ") // NULLIF(COUNT(" + v + "), 0) AS BIGINT)";
    case Dialect::spark: return "CAST(SUM(" + v + ") DIV NULLIF(COUNT(" + v + "), 0) AS BIGINT)";
  }
  return v;
}

std::string DialectRules::create_table_suffix() const { return dialect == Dialect::spark ? " USING parquet" : ""; }

std::string DialectRules::clear(std::string const& table) const { return "TRUNCATE TABLE " + table; }

std::string DialectRules::prelude() const {
  if (dialect != Dialect::postgres) return {};
  // Functions in pg_temp are found only when named with their schema.
  return std::string(temporary ? "CREATE FUNCTION pg_temp." : "CREATE OR REPLACE FUNCTION ") +
         "nogood_int32(v BIGINT, literal INTEGER, text TEXT) RETURNS BIGINT LANGUAGE plpgsql IMMUTABLE AS $f$\n"
         "BEGIN\n"
         "  IF v < -2147483648 OR v > 2147483647 THEN\n"
         "    RAISE EXCEPTION 'E0402 integer overflow: value % out of range in `%` (literal %)', v, text, literal;\n"
         "  END IF;\n"
         "  RETURN v;\n"
         "END $f$;\n" +
         (temporary ? "CREATE FUNCTION pg_temp." : "CREATE OR REPLACE FUNCTION ") +
         "nogood_date(v BIGINT, unknown BOOLEAN, literal INTEGER, text TEXT) RETURNS BIGINT LANGUAGE plpgsql IMMUTABLE AS $f$\n"
         "BEGIN\n"
         "  IF v IS NULL OR v BETWEEN " + first_day + " AND " + last_day + " THEN\n"
         "    RETURN v;\n"
         "  END IF;\n"
         "  IF unknown THEN\n"
         "    RETURN " + unknown_day + ";\n"
         "  END IF;\n"
         "  RAISE EXCEPTION 'E0403 date out of range: `%` gives day % (literal %)', text, v, literal;\n"
         "END $f$;\n";
}

}  // namespace nogood::sql
