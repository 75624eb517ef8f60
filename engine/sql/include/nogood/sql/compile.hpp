// The SQL back end: a lowered program and its loaded claims as SQL scripts that evaluate the
// program on a database engine, with recursion driven as a loop of semi-naive rounds.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nogood/diagnostics.hpp"
#include "nogood/engine/corpus.hpp"
#include "nogood/engine/program.hpp"
#include "nogood/sql/dialect.hpp"

namespace nogood::sql {

struct Scripts {
  std::string load;      // tables, the dictionary of interned strings, the claims
  std::string evaluate;  // every stratum in order; on postgres recursive strata loop in DO blocks
  std::string results;   // every relation's rows, ids decoded through the dictionary
  std::string manifest;  // JSON: tables, strata, statements, which loops run until which tables are empty
  std::string citus;     // postgres only: each table distributed (or copied) on Citus; empty otherwise
};

struct CompileOptions {
  std::size_t rows_per_insert = 1000;  // claims per multi-row INSERT
};

// What compile() cannot translate faithfully for `dialect`, as diagnostics (E0013): on DuckDB and
// Spark SQL, dates that are not single days, in claims or in rules. Empty when the scripts would
// evaluate as the native engine does.
std::vector<Diagnostic> check_supported(engine::Program const& program, engine::Corpus const& corpus, Dialect dialect);

// `corpus` must be loaded and not yet evaluated: evaluation moves the claims into the engine's relations.
Scripts compile(engine::Program const& program, engine::Corpus const& corpus, Dialect dialect, CompileOptions const& options = {});

// The table of each relation, by RelationId: p_role, n_role (claims that role is false), c_NAME
// (the bindings of a constraint); results.sql prints each row as `table|value|...`.
std::vector<std::string> table_names(engine::Program const& program);

}  // namespace nogood::sql
