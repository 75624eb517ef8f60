// The rules language as parsed: plain structs with source spans, no Spirit types.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "nogood/diagnostics.hpp"

namespace nogood::ast {

struct Identifier {
  std::string name;
  Span span;
};

// `X`, `_X` or the anonymous `_`.
struct Variable {
  std::string name;
  Span span;
  bool anonymous() const { return name == "_"; }
};

// A lowercase identifier in argument position: a symbol, an entity id, or a certainty level.
struct Symbol {
  std::string name;
  Span span;
};

struct StringLit {
  std::string value;  // escapes resolved, UTF-8
  Span span;
};

struct IntLit {
  std::int64_t value = 0;
  Span span;
};

// `2025-10-19`, validated by the parser (a day that exists); `2025-10`, a month, has day 0.
struct DateLit {
  int year = 0, month = 0, day = 0;
  Span span;
};

// `absent`: the value of an optional argument left out without a default. A keyword in term
// position; the symbol with that text is written `"absent"`.
struct Absent {
  Span span;
};

struct Binary;
struct Call;
struct Aggregate;

using Term = std::variant<Variable, Symbol, StringLit, IntLit, DateLit, Absent,
                          std::shared_ptr<Binary>, std::shared_ptr<Call>, std::shared_ptr<Aggregate>>;

Span span_of(Term const&);

enum class ArithOp { add, sub, mul, div, mod };

struct Binary {
  ArithOp op;
  Term lhs, rhs;
  Span span;
};

// `abs(X)`, `min(X, Y)`, `max(X, Y)`: built-in functions.
struct Call {
  Identifier function;
  std::vector<Term> args;
  Span span;
};

// An atom: `role(P, informant) @ S by C certainty K`, or `-commented(P, E) @ S` (strong negation).
struct Atom {
  bool strong_negation = false;  // leading `-`: a claim that the fact is false
  Identifier predicate;
  std::vector<Term> args;
  std::optional<Term> source;     // `@ S`
  std::optional<Term> claimant;   // `by C`
  std::optional<Term> certainty;  // `certainty K`
  Span span;
};

// `overlaps` and `within` compare dates as intervals (docs/rules-language.md, "Dates").
enum class CompareOp { eq, ne, lt, le, gt, ge, overlaps, within };

struct Comparison {
  CompareOp op;
  Term lhs, rhs;
  Span span;
  // within: `within 3 days of`, `within 2 hours of`.
  std::int64_t within = 0;
  bool within_hours = false;
  // Made by `unique` on a date value: `!=` is "certainly different", `abs(A - B) > N` the gap.
  bool certain_dates = false;
  bool date_gap = false;
};

// `not atom`: no such claim or derived fact (stratified).
struct Negation {
  Atom atom;
  Span span;  // from `not` to the end of the atom
};

// `R in {isis_leader, isis_emir}`, `R in leaders` (a `set` or a `vocabulary`), `R not in {...}`:
// a test of a bound value against constants.
struct Membership {
  Term element;
  bool negated = false;                // `not in`
  std::vector<Term> values;            // written in braces; empty when `set` names them
  std::optional<Identifier> set;       // `in NAME`
  Span span;
};

struct Disjunction;
struct NegatedConjunction;

using Literal = std::variant<Atom, Negation, Comparison, Membership, std::shared_ptr<Disjunction>,
                             std::shared_ptr<NegatedConjunction>>;
Span span_of(Literal const&);

// `(role(P, R) @ S ; -alive(P) @ S)`: holds when one of its alternatives (each a conjunction) holds.
struct Disjunction {
  std::vector<std::vector<Literal>> alternatives;
  std::vector<Span> alternative_spans;  // each alternative's text, without the `;`
  Span span;                            // parentheses included
};

// `not (a(X, Y), b(Y))`: no way for the conjunction to hold with the variables it shares with the
// rest of the rule as bound there. The checker counts its matches and requires none.
struct NegatedConjunction {
  std::vector<Literal> body;
  Span span;  // from `not` to `)`
};

enum class AggregateKind { count, sum, min, max, mean };

// `count : { body }`, `sum(X) : { body }`, `min(X) : { ... }`, `max(X) : { ... }`, `mean(X) : { ... }`.
// Variables of the body also bound outside the aggregate group it; the others are local.
struct Aggregate {
  AggregateKind kind;
  std::optional<Term> value;  // absent for count
  std::vector<Literal> body;
  Span span;
};

// `import "common.rules".`
struct Import {
  StringLit path;
  Span span;
};

enum class TypeName { entity, symbol, string, integer, date, source, certainty };

struct Parameter {
  Identifier name;
  TypeName type;
  Span type_span;
  // A type word that is not built in: the name of a vocabulary (then `type` is symbol), resolved
  // by the checker, which reports it when no vocabulary has that name.
  std::optional<Identifier> vocabulary;
  // `org: entity?` (optional, absent when left out) or `status: symbol = active` (its default).
  bool optional = false;
  Span optional_span;  // the `?`, or the default value
  std::optional<Term> default_value;
  bool question_mark = false;  // `?` was written (with a default too, it is an error)
};

// `pred role(person: entity, role: symbol).`
struct PredDecl {
  Identifier name;
  std::vector<Parameter> params;
  Span span;
};

// `head :- body.` or, with an empty body, a background fact `head.`
struct Rule {
  Atom head;
  std::vector<Literal> body;
  Span span;
};

enum class VerdictSeverity { error, warning, info };

// `constraint name "message {X}" severity warning :- body.`
struct Constraint {
  Identifier name;
  std::optional<StringLit> message;
  std::optional<VerdictSeverity> severity;
  Span severity_span;
  std::vector<Literal> body;
  Span span;
};

enum class UniqueScope { across_sources, per_source };

// `unique captured_at(person -> place) across sources within 20%.`
struct Unique {
  Identifier predicate;
  std::vector<Identifier> keys;  // left of `->`
  Identifier value;              // right of `->`
  UniqueScope scope = UniqueScope::across_sources;
  // `across sources grouped`: one verdict per key, listing the groups of sources that agree.
  bool grouped = false;
  Span grouped_span;
  std::optional<IntLit> tolerance;  // `within N` (days or units) or `within N%`
  bool tolerance_percent = false;
  std::optional<Identifier> name;                  // `as NAME`
  std::optional<StringLit> message;                // `"message {Source1} ..."`
  std::optional<VerdictSeverity> severity;         // `severity LEVEL`
  Span span;
};

// `negation_check off.` / `negation_check severity warning.`: the built-in check that
// reports a claim and its strong negation.
struct NegationCheck {
  std::optional<Identifier> predicate;  // `negation_check commented off.`: this predicate's check only
  bool enabled = true;
  std::optional<VerdictSeverity> severity;
  Span span;
};

// One value of a vocabulary, written as a name or a string.
struct VocabularyValue {
  std::string text;
  Span span;
};

// `vocabulary role_name = {informant, isis_leader, "al-Qaeda leader"}.`: a closed set of symbols;
// an argument declared with this type accepts no other value, in rules or in facts.
struct Vocabulary {
  Identifier name;
  std::vector<VocabularyValue> values;
  Span span;
};

// `label isis_leader "an ISIS leader".`, `label isis_leader "قيادي في داعش" lang ar.`: how reports show
// a symbol or a claimant, in every language or in one; `label pred role "{person} is {role}".`: how
// they state a predicate's facts.
struct Label {
  bool predicate = false;  // `label pred role "{person} is {role}".`: a sentence for the predicate's facts
  VocabularyValue value;
  StringLit text;
  std::optional<Identifier> language;
  Span span;
};

// `set leaders = {isis_leader, isis_emir, "al-Qaeda leader"}.`: constants that `X in leaders` tests
// against, in any rule; unlike a vocabulary it restricts no argument.
struct SetDecl {
  Identifier name;
  std::vector<Term> values;
  Span span;
};

using Statement = std::variant<Import, PredDecl, Rule, Constraint, Unique, NegationCheck, Vocabulary, Label, SetDecl>;
Span span_of(Statement const&);

struct Program {
  FileId file = no_file;
  std::vector<Statement> statements;
};

}  // namespace nogood::ast
