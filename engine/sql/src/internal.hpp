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
};

std::vector<Table> name_tables(engine::Program const& program);

// Ints and dates are signed, as the native engine's arithmetic reads them; ids stay unsigned.
inline bool is_signed(engine::ValueType t) { return t == engine::ValueType::integer || t == engine::ValueType::date; }
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
std::string rule_insert(engine::Program const& program, std::vector<Table> const& tables, DialectRules const& d,
                        std::uint32_t rule, std::int32_t delta_atom, std::string const& target,
                        std::vector<std::string> const& absent);

std::string join(std::vector<std::string> const& parts, std::string const& separator);

}  // namespace nogood::sql::detail
