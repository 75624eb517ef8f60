// The SQL back end run by nogood itself on PostgreSQL (`nogood check --engine postgresql://...`):
// the claims are copied into temporary tables of one connection, the strata run there (recursion
// as a loop of semi-naive rounds driven from here), and every derived row comes back with its
// derivation, the one the native engine keeps, so that verdicts, explanations and reports are
// built as after a native run, byte for byte.
#pragma once

#include <string>
#include <string_view>

#include "nogood/diagnostics.hpp"
#include "nogood/engine/corpus.hpp"
#include "nogood/engine/evaluate.hpp"
#include "nogood/engine/program.hpp"

namespace nogood::sql {

// Whether `uri` names a PostgreSQL server as libpq reads it (postgresql:// or postgres://).
bool is_postgres_uri(std::string_view uri);

// Fills `db` as engine::evaluate() does, evaluating on the server `uri`; nothing is left in the
// database afterwards. The limits of `options` hold: facts derived and seconds (the server's
// memory is its own). Errors: E0013 (a date the back end cannot compile), E0014 (no connection),
// E0015 (the server failed a statement), E0401 (a limit), E0402 (an integer overflow).
bool evaluate_on_postgres(std::string const& uri, engine::Program const& program, engine::Corpus& corpus, engine::Database& db,
                          engine::EvalOptions const& options, Diagnostics& diags);

}  // namespace nogood::sql
