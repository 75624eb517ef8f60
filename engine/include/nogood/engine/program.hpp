// The evaluation plan that rules are lowered to: relations with fixed column layouts,
// rules over registers, strata in evaluation order. No names are looked up at run time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nogood/diagnostics.hpp"
#include "nogood/engine/schema.hpp"
#include "nogood/engine/values.hpp"

namespace nogood::engine {

using RelationId = std::uint32_t;
using Register = std::uint32_t;

// Column layout of a relation:
//   claimed predicate: args..., source, [claimant], [certainty], claim (the claimant and certainty
//                      only when some rule reads them: the claim has them too)
//   derived predicate: args..., [source]
//   a derived predicate's certainty, when some rule reads it: args..., [source], certainty
//   constraint:        one column per named variable of its body
struct RelationDecl {
  PredicateId predicate = 0;
  bool strong_negation = false;  // holds the claims that the predicate is false
  // The certainty relation of a derived predicate: each fact with every certainty some derivation
  // gives it, in this column. The predicate's own relation stays as it is, so aggregates count facts.
  std::int32_t certainty_column = -1;
  // A claimed relation's claimant and certainty columns, when kept; -1 otherwise.
  std::int32_t claimant_column = -1;
  std::int32_t claimed_certainty_column = -1;
  std::vector<ValueType> columns;
  std::vector<std::string> column_names;
  std::string name;  // `role`, `-role`, `constraint capture_place`
};

struct Operand {
  enum class Kind : std::uint8_t { ignore, var, constant } kind = Kind::ignore;
  std::uint32_t value = 0;  // register or constant

  static Operand ignored() { return {}; }
  static Operand var(Register r) { return {Kind::var, r}; }
  static Operand constant(Value v) { return {Kind::constant, v}; }
};

// Arithmetic in postfix form, evaluated on a small stack in 64-bit signed arithmetic.
struct Expr {
  // Ids (entities, symbols, sources) are unsigned; ints and dates sign-extend. A date register
  // read with push_date_var makes the expression fail when it holds a date that is not an exact
  // day, unless `earliest` or `latest` turns it into one next.
  enum class Op : std::uint8_t {
    push_const, push_unsigned_const, push_var, push_signed_var, add, sub, mul, div, mod, abs, min, max,
    push_date_var, earliest, latest
  };
  struct Step {
    Op op;
    std::uint32_t value = 0;  // constant (signed-packed) or register
  };
  std::vector<Step> steps;
  ValueType type = ValueType::integer;
  bool is_single_var() const {
    return steps.size() == 1 && (steps[0].op == Op::push_var || steps[0].op == Op::push_signed_var || steps[0].op == Op::push_date_var);
  }
};

// `in` and `not_in` test `lhs` against Literal::set; the others compare `lhs` with `rhs`.
// `overlaps` and `within` are on dates (dates.hpp); `within` takes Literal::within.
enum class CompareOp : std::uint8_t { eq, ne, lt, le, gt, ge, in, not_in, overlaps, within };
std::string_view to_string(CompareOp);

// mean: the sum of the values over their number, rounded toward zero as `/` is; none of no value.
enum class AggregateKind : std::uint8_t { count, sum, min, max, mean };

struct Literal {
  enum class Kind : std::uint8_t { atom, negation, compare, assign, aggregate } kind = Kind::atom;
  // atom, negation
  RelationId relation = 0;
  std::vector<Operand> columns;
  std::int32_t sourced_column = -1;  // `@`: this column must hold a source, not background knowledge
  // compare: lhs op rhs; ordered comparisons are signed for ints, dates and certainty
  CompareOp op = CompareOp::eq;
  Expr lhs, rhs;
  bool is_signed = false;
  // within: at most this many days (hours when `within_hours`) apart.
  std::int64_t within = 0;
  bool within_hours = false;
  // Set by `unique` on a date value: `!=` means certainly different (the dates do not overlap),
  // and `abs(D1 - D2) > N` (`date_gap`) that the gap between them exceeds N days.
  bool certain_dates = false;
  bool date_gap = false;
  std::vector<std::int64_t> set;  // in, not_in: sorted, as `lhs` evaluates (ints sign-extended)
  std::string set_text;           // the set as written: `{isis_leader, isis_emir}` or `leaders`
  // assign (target = lhs) and aggregate (target = kind over body, value in lhs)
  Register target = 0;
  AggregateKind aggregate = AggregateKind::count;
  std::vector<Literal> body;

  // `V = expr` standing for an atom argument written as `expr`: its text is the expression.
  bool computed_argument = false;
  // `not (...)`, counted: the aggregate (text `not (...)`) and its test for no match, shown as one step.
  bool negated_conjunction = false;
  // `K = min(...)`: a derived fact's certainty, the weakest of its body's facts' (the atoms' in order).
  bool weakest_certainty = false;

  Span span;
  std::string text;  // as written, for explanations
};

struct Rule {
  RelationId head = 0;
  std::vector<Operand> head_columns;
  std::vector<Literal> body;
  std::vector<std::string> registers;  // variable name per register (`_` for anonymous)
  std::vector<ValueType> register_types;
  Span span;
  std::string text;              // the rule as written, for explanations
  std::int32_t constraint = -1;  // index into Program::constraints for constraint rules
  // A rule with alternatives runs as one rule per choice; this one's, as written, for explanations.
  std::vector<std::string> choice;
};

enum class VerdictSeverity : std::uint8_t { info, warning, error };
std::string_view to_string(VerdictSeverity);

// `unique PRED(KEYS -> VALUE) across sources grouped`: its relation holds the keys only, one
// verdict per key; the verdict lists every claim of the predicate with that key, by value.
struct GroupedConstraint {
  PredicateId predicate = 0;
  std::uint32_t value_arg = 0;         // the value's argument of the predicate
  std::vector<std::uint32_t> key_args;  // per column of the constraint's relation, its argument
};

struct ConstraintInfo {
  std::string name;
  std::string message;  // template with {Var} placeholders
  VerdictSeverity severity = VerdictSeverity::error;
  RelationId relation = 0;
  Span span;
  std::string origin;  // "constraint", "unique", "negation_check"
  std::optional<GroupedConstraint> grouped;
};

struct Stratum {
  std::vector<std::uint32_t> rules;
  std::vector<RelationId> relations;  // computed here
  bool recursive = false;
};

struct Program {
  Schema schema;
  std::vector<RelationDecl> relations;
  std::vector<RelationId> positive_relation;  // per predicate; claimed and derived
  std::vector<RelationId> negative_relation;  // per claimed predicate, else ~0u
  std::vector<Rule> rules;
  std::vector<ConstraintInfo> constraints;
  std::vector<Stratum> strata;
};

inline constexpr RelationId no_relation = 0xffffffffu;

}  // namespace nogood::engine
