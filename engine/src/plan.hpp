// Join plans: the order in which one rule's body literals run, chosen when the rule runs.
#pragma once

#include <cstdint>
#include <vector>

#include "nogood/engine/program.hpp"
#include "nogood/engine/relation.hpp"

namespace nogood::engine::detail {

enum class Range : std::uint8_t { all, old, delta };

// A component's answers, found the first time a rule's plan reaches it in a stratum.
struct ComponentAnswers {
  bool filled = false;
  bool too_many = false;     // past the cap: the component runs in place instead, as any body part
  std::vector<Value> data;   // per answer: the outputs, then the rows of its atoms
};

struct PlanStep {
  enum class Kind : std::uint8_t { scan, negation, compare, assign, aggregate, emit, accumulate, component, collect } kind = Kind::emit;
  Literal const* literal = nullptr;
  std::uint32_t atom_slot = 0xffffffffu;  // position among the rule's positive atoms, for provenance
  // scan, negation
  RelationId relation = 0;
  std::uint64_t mask = 0;
  std::vector<Operand> key;                                  // operands of the masked columns
  std::vector<std::pair<std::uint32_t, Register>> binds;     // column -> register
  std::vector<std::pair<std::uint32_t, std::uint32_t>> same; // columns that must be equal
  Range range = Range::all;
  std::int32_t sourced_column = -1;
  // Filled in just before the plan runs: the index the step looks keys up in; `grouped`
  // when the relation is complete (a lower stratum's, or claims) and so cannot grow meanwhile.
  HashIndex const* index = nullptr;
  GroupedIndex const* grouped = nullptr;
  bool whole_tuple = false;  // a scan or negation that fixes every column: the duplicate check finds its row
  // A scan that binds nothing read later: the rest of the body holds for one matching row as
  // for all, so the first row that passes is its witness and the scan stops there.
  bool exists = false;
  // assign / aggregate: target register; compare when the target was already bound
  bool target_bound = false;
  std::vector<PlanStep> sub;  // aggregate body, ending in accumulate; component body, ending in collect
  // component: a part of the body that shares no variable with the rest and reads no relation
  // of the current stratum. Its answers are the same for every binding of the rest and every
  // iteration, so they are found once per stratum and kept: `outputs` (its variables the head
  // reads) and the rows of its atoms (`slots`), per distinct answer.
  std::uint32_t component = 0;  // the index of its first literal: names its answers in the rule
  std::vector<Register> outputs;
  std::vector<std::uint32_t> slots;
  ComponentAnswers* answers = nullptr;  // filled in just before the plan runs
};

struct PlanInput {
  std::vector<Literal> const* body;
  std::vector<bool> bound;            // registers bound before the body runs
  std::int32_t delta_atom = -1;       // index into body of the atom scanning the delta
  std::vector<bool> recursive;        // per body literal: atom over a relation of the current stratum
  std::vector<std::uint32_t> const* sizes;  // relation sizes, for choosing among equally bound atoms
  std::vector<Register> read_at_end;  // registers the final step reads (a rule's head)
  std::vector<bool> skip;             // body literals planned elsewhere (a component's, or all but it)
};

// Orders the body greedily: filters as soon as their variables are bound, then the atom
// with the most bound columns (the delta atom first). Ends with `final_kind`. In a plan that
// emits, scans drop the bindings nothing reads later, and those left binding nothing become
// existence checks (an aggregate's body counts every matching row, so its scans stay whole).
// A rule's body parts that share no variable with the rest and read nothing the current stratum
// derives become component steps: existence checks first, parts that bind head variables last.
std::vector<PlanStep> plan_body(PlanInput const& in, std::vector<std::uint32_t> const& atom_slots,
                                PlanStep::Kind final_kind);

// Registers an expression reads.
void expr_registers(Expr const& e, std::vector<Register>& out);

}  // namespace nogood::engine::detail
