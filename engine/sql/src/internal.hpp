// Shared by the SQL back end's translation units: table names and values as SQL holds them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nogood/engine/program.hpp"
#include "nogood/sql/dialect.hpp"

namespace nogood::sql::detail {

// The tables of one relation: its rows, and for relations of recursive strata the rows the last
// round added (delta) and the rows this round derives (fresh).
struct Table {
  std::string name;                  // unquoted: p_role, n_role, c_capture_place
  std::vector<std::string> columns;  // unquoted, unique within the table
  std::string delta, fresh;          // unquoted; empty outside recursive strata
  bool derived = false;              // the head of some rule
  std::uint32_t atoms = 0;           // the most positive atoms in the body of a rule deriving it
};

// With provenance, every table has a row number (`nogood_row`: a claim's row in the native
// engine, a derived row's place in the order rows were derived), and a derived table the rule
// (`nogood_rule`) and the row numbers of the positive body atoms (`nogood_b1`...) of the first
// derivation found.
struct Provenance {
  bool enabled = false;
  std::uint64_t first_row = 1;  // where derived row numbers start: past every claim's row
};
inline constexpr char const* row_column = "nogood_row";
inline constexpr char const* rule_column = "nogood_rule";
inline constexpr char const* row_sequence = "nogood_rows";
inline std::string body_column(std::size_t atom) { return "nogood_b" + std::to_string(atom + 1); }

std::vector<Table> name_tables(engine::Program const& program);

// Ints and dates are signed, as the native engine's arithmetic reads them; ids stay unsigned.
using engine::is_signed;
inline std::int64_t sql_value(engine::Value v, engine::ValueType t) {
  return is_signed(t) ? std::int64_t(engine::unpack_int(v)) : std::int64_t(v);
}

// An SQL expression per register, for the registers bound so far.
using Bindings = std::vector<std::optional<std::string>>;

// The SQL of an expression over bound registers; NULL where a division by zero makes the native
// engine's literal fail. Empty when a register it reads is unbound.
std::optional<std::string> expr_sql(engine::Expr const& e, engine::Rule const& rule, Bindings const& regs, DialectRules const& d);

// A body as FROM items and WHERE conditions. `delta_atom` reads that atom's delta table.
struct Body {
  std::vector<std::string> from;
  std::vector<std::string> where;
  std::vector<std::string> atoms;  // the alias of each positive atom, in body order
};
struct BodyContext {
  engine::Program const& program;
  engine::Rule const& rule;
  std::vector<Table> const& tables;
  DialectRules const& dialect;
  int aliases = 0;  // aliases given so far in the statement
};
Body body_sql(BodyContext& ctx, std::vector<engine::Literal> const& body, Bindings& regs, std::int32_t delta_atom);

// `INSERT INTO target SELECT DISTINCT head FROM body WHERE ... AND the row is not in any of `absent``.
// With provenance, each row keeps the derivation the native engine keeps (DerivationOrder): the
// least, by its body rows' values in body order, then their numbers.
std::string rule_insert(engine::Program const& program, std::vector<Table> const& tables, DialectRules const& d,
                        std::uint32_t rule, std::int32_t delta_atom, std::string const& target,
                        std::vector<std::string> const& absent, Provenance provenance = {});

// The statements of one stratum, and the rule each INSERT evaluates (to say which rule failed).
struct StratumSql {
  bool recursive = false;
  std::vector<std::string> once;     // non-recursive: the rules; recursive: the first round
  std::vector<std::string> advance;  // recursive: new_ rows into the relation and delta_
  std::vector<std::string> round;    // recursive: each rule per delta atom
  std::vector<std::string> fresh;    // recursive: the new_ tables, empty at the fixpoint
  std::vector<std::uint32_t> once_rules, round_rules;
};
StratumSql stratum_sql(engine::Program const& program, std::vector<Table> const& tables, DialectRules const& d,
                       engine::Stratum const& s, Provenance provenance = {});

std::string join(std::vector<std::string> const& parts, std::string const& separator);

// Dates that are not single days (date_functions.cpp): the table and functions of the prelude,
// the table's rows (every date interned so far), a date as a day for arithmetic (NULL, failing the
// literal, when it is not one), and whether a date value is not a single day.
std::string date_prelude(DialectRules const& d);
std::string date_rows(DialectRules const& d);
std::string date_value(std::string const& v);
std::string date_is_interval(std::string const& v);

}  // namespace nogood::sql::detail
