// Bottom-up, semi-naive evaluation of a lowered program over a corpus's claims.
#pragma once

#include <cstdint>
#include <vector>

#include "nogood/diagnostics.hpp"
#include "nogood/engine/corpus.hpp"
#include "nogood/engine/memory.hpp"
#include "nogood/engine/program.hpp"
#include "nogood/engine/relation.hpp"

namespace nogood::engine {

// Limits that stop a runaway program (E0401) before it takes the machine: by default a
// recursion that never ends or a huge product stops at the first limit it meets, and the
// largest legitimate corpora (a million claims, tens of millions of derived facts) run.
struct EvalOptions {
  bool provenance = true;                    // remember how each derived fact was first derived
  std::uint64_t max_derived = 100'000'000;   // facts derived in all, before stopping as runaway
  double max_seconds = 600;                  // evaluation time, before stopping as runaway
  // Resident memory of the whole process, in bytes, before stopping as runaway; 0: none.
  // Read from the system every million rows scanned and every 65,536 facts derived.
  std::uint64_t max_memory = default_memory_limit();
  // Values kept per body part that shares no variable with the rest of its rule (16 MiB): a
  // part with more answers is joined in place, as any other.
  std::size_t max_kept_answer_values = std::size_t(1) << 22;
};

// How one derived row was first derived: the rule, and the row each positive body atom
// matched, in body order (aggregate bodies are recomputed when explained).
struct Derivation {
  std::uint32_t rule = 0;
  std::vector<RowId> rows;
};

struct Provenance {
  std::vector<std::uint32_t> at;    // per row: offset into data, or no_row when not recorded
  std::vector<std::uint32_t> data;  // rule, then one row per positive body atom
};

struct EvalStats {
  std::uint64_t derived = 0;
  std::uint32_t iterations = 0;
};

class Database {
public:
  std::vector<Relation> relations;
  std::vector<Provenance> provenance;
  EvalStats stats;

  std::optional<Derivation> derivation(RelationId rel, RowId row) const;
  // The same into `out`, reusing its storage; false when none was recorded.
  bool derivation(RelationId rel, RowId row, Derivation& out) const;
  std::size_t memory() const;
};

// Fills the claimed relations from `corpus` and derives everything the rules imply.
// On a runaway program, reports a diagnostic naming the relation and rule that keep
// growing and returns false; the database then holds what was derived so far.
bool evaluate(Program const& program, Corpus const& corpus, Database& db, EvalOptions const& options,
              Diagnostics& diags);

// Evaluates an arithmetic expression over a register file; false on division by zero.
bool evaluate_expr(Expr const& e, Value const* regs, std::int64_t& out);
bool compare_values(CompareOp op, std::int64_t a, std::int64_t b);

}  // namespace nogood::engine
