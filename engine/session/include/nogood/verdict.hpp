// Verdicts: the contradictions a run found, with their support, and their proof trees.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nogood/diagnostics.hpp"
#include "nogood/engine/program.hpp"
#include "nogood/engine/relation.hpp"

namespace nogood {

// A variable's value; Session::display() shows it to people, Session::canonical() gives the form
// that is stable across runs (corpus ids, source ids, ISO dates).
struct Binding {
  std::string name;  // variable
  engine::ValueType type;
  engine::Value value;
};

struct Verdict {
  std::string id;  // stable: the rule and its bindings, hashed
  std::uint32_t constraint = 0;
  std::string rule;
  engine::VerdictSeverity severity = engine::VerdictSeverity::error;
  std::string message;
  std::vector<Binding> bindings;
  std::vector<std::uint32_t> sources;  // source indexes involved
  std::vector<std::uint32_t> support;  // claim indexes it rests on, in proof order
  engine::RelationId relation = 0;
  engine::RowId row = 0;
  std::uint32_t accepted = no_acceptance;  // index into Session::accepted()
  bool in_baseline = false;                // Session::compare_with() found it in the earlier run
  static constexpr std::uint32_t no_acceptance = 0xffffffffu;
};

// One step of a proof: a claim, a background fact, a derived fact with the rule that gave
// it, a comparison with its values, a `not` with what was not found, an aggregate, or why
// two names were taken for one entity.
struct ProofNode {
  enum class Kind { claim, background, derived, comparison, negation, aggregate, entity_join, verdict } kind = Kind::claim;
  std::string statement;  // e.g. `in_group(Khaled al-Masoud, Syrian Free Army) @ ap-en`, `12 > 10`
  std::string rule;       // the rule as written (derived, verdict)
  Span rule_span;
  std::uint32_t claim = 0xffffffffu;
  bool verified = true;   // re-checked against its rule
  // A comparison that only separates or orders bindings (`S1 != S2`, `R = informant`), not one
  // over numbers or dates: reports leave it to `explain`.
  bool detail = false;
  std::vector<ProofNode> children;
};

}  // namespace nogood
