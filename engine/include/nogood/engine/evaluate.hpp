// Bottom-up, semi-naive evaluation of a lowered program over a corpus's claims.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
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
  // Rules not to evaluate, by index (their head relations stay as the other rules leave them):
  // a query answered from the relation a rule copies need not copy it.
  std::vector<bool> skip_rules;
  // Threads that evaluate, build verdicts and render reports; 0: one per core.
  unsigned threads = 0;
};

// The threads `options` asks for: its count, or one per core.
std::size_t worker_threads(EvalOptions const& options);

// The relation a rule copies whole, when its body is one atom with a distinct variable in every
// column and its head repeats those variables in order: its head's rows are that relation's rows.
std::optional<RelationId> copied_relation(Rule const& rule);

// How one derived row was first derived: the rule, and the row each positive body atom
// matched, in body order (aggregate bodies are recomputed when explained).
struct Derivation {
  std::uint32_t rule = 0;
  std::vector<RowId> rows;
  std::vector<Value> tuple;  // room to rebuild a row that was not stored
};

// Which body rows of a rule provenance stores. A row need not be stored when it can be found
// again: its atom reads a derived relation (which keeps every row in its duplicate check) and
// each of its columns is a constant or a variable that the head or a stored atom binds. In
// `path(X, Z) :- path(X, Y), edge(Y, Z).` the `edge` row gives Y, so `path(X, Y)` is looked up.
struct Recovery {
  struct Column {
    enum class From : std::uint8_t { constant, head, stored } from = From::constant;
    std::uint32_t index = 0;   // the constant, the head column, or the position among stored rows
    std::uint32_t column = 0;  // the stored atom's column
  };
  struct Atom {
    std::uint32_t slot = 0;  // among the body's atoms
    RelationId relation = 0;
    std::vector<Column> columns;
  };
  std::vector<RelationId> relations;  // per slot
  std::vector<std::uint32_t> stored;  // the slots stored, in body order
  std::vector<Atom> found;            // the others, found again by lookup
  std::uint32_t atoms() const { return static_cast<std::uint32_t>(stored.size() + found.size()); }
};
Recovery plan_recovery(Program const& program, Rule const& rule);

// How each derived row of one relation was first derived. Every record has room for as many body
// rows as the relation's longest rule stores, so a row's record is found without an offset; the
// rule is a small local number, not stored at all while only one rule has recorded, and then
// kept in the top bits of the record's first row while there are few rules and small rows.
class Provenance {
public:
  // Sizes records for rules storing up to `rows` body rows; before anything is recorded.
  void fit(std::uint32_t rows) { width_ = std::max(width_, rows); }
  // The local number under which `rule` records the body rows in `stored` (slots, in order).
  std::uint32_t enrol(std::uint32_t rule, std::vector<std::uint32_t> const& stored);
  // Records that `row` was first derived by local rule `local` from `body` (one row per atom);
  // the rule's stored slots are kept.
  void record(RowId row, std::uint32_t local, RowId const* body);
  // The rule and the stored rows, in order.
  bool find(RowId row, Derivation& out) const;
  std::size_t memory() const;
  // Forgets every record: find() then finds none.
  void release();

private:
  // Where a record's local number + 1 (0: no record) is kept: nowhere while one rule records;
  // in the first row's top bits (`packed`) while the rules fit and the first rows stay below
  // 2^28, which for the relations of a corpus saves two bytes a row; else in an array of 16
  // bits, or of 32 past 65,535 recording rules.
  enum class Tags : std::uint8_t { none, packed, narrow, wide };
  static constexpr unsigned packed_shift = 28;
  static constexpr RowId packed_rows = RowId(1) << packed_shift;  // first rows below this
  static constexpr std::size_t packed_rules = 15;

  std::uint32_t local_of(std::size_t i) const;
  void tag();     // a second rule, or a row without a record: leave Tags::none
  void unpack();  // packed -> narrow

  RowId first_ = no_row;  // rows below it (claims) have no record
  std::uint32_t width_ = 0;
  std::size_t recorded_ = 0;  // records from first_ on
  std::vector<std::uint32_t> rules_;                 // by local number
  std::vector<std::vector<std::uint32_t>> stored_;  // by local number
  Tags tags_ = Tags::none;
  PagedArray<std::uint16_t> local_;
  std::vector<std::uint32_t> wide_local_;
  PagedArray<RowId> rows_;  // width_ per record
};

struct EvalStats {
  std::uint64_t derived = 0;
  std::uint32_t iterations = 0;
};

class Database {
public:
  std::vector<Relation> relations;
  std::vector<Provenance> provenance;
  std::vector<Recovery> recovery;  // per rule
  EvalStats stats;

  std::optional<Derivation> derivation(RelationId rel, RowId row) const;
  // The same into `out`, reusing its storage; false when none was recorded.
  bool derivation(RelationId rel, RowId row, Derivation& out) const;
  std::size_t memory() const;
  // Frees what only explanations and searches read, for a caller that reads rows alone from now
  // on: the recorded derivations, and each relation's duplicate check and indexes.
  void release_provenance();
  void release_lookups();
};

// The relations, empty provenance and recovery plans of `program`, with the claims of `corpus` (and
// the built-in `source` relation) in their relations, as evaluate() starts; another evaluator (the
// SQL back end) starts from the same rows and adds the derived ones.
void prepare_database(Program const& program, Corpus& corpus, Database& db);

// Fills the claimed relations from `corpus` and derives everything the rules imply. The claims'
// rows move into the claimed relations: corpus.positive and corpus.negative are empty after,
// rather than a second copy held through evaluation. Interns the `source` relation's strings.
// On a runaway program, reports a diagnostic naming the relation and rule that keep
// growing and returns false; the database then holds what was derived so far.
bool evaluate(Program const& program, Corpus& corpus, Database& db, EvalOptions const& options,
              Diagnostics& diags);

// E0403: `literal` of `rule` computed `days`, a date outside 0001-01-01..9999-12-31.
Diagnostic date_out_of_range(Program const& program, Rule const& rule, Literal const& literal, std::int64_t days);
// A literal's number in its rule, counting the literals of the body and of the bodies inside it
// depth first; and the literal of a number (nullptr past the last). Other engines name a literal so.
std::uint32_t literal_number(Rule const& rule, Literal const& literal);
Literal const* literal_numbered(Rule const& rule, std::uint32_t number);

// Evaluates an arithmetic expression over a register file; false on division by zero.
bool evaluate_expr(Expr const& e, Value const* regs, std::int64_t& out);
// The value an assignment from `e` binds, as evaluation bound it: a date computed from the unknown
// date (a source without `published`) stays unknown. False where `e` fails (a zero divisor).
bool assigned_value(Expr const& e, Value const* regs, Value& out);
// Whether a comparison holds, an equality that may have bound a variable as evaluation bound it:
// for an explanation, which finds the variable bound already.
bool holds_as_bound(Literal const& l, Value const* regs);
bool compare_values(CompareOp op, std::int64_t a, std::int64_t b);
// Whether a compare literal holds over a register file: `lhs op rhs`, or `lhs` in its set.
bool compare_holds(Literal const& l, Value const* regs);

}  // namespace nogood::engine
