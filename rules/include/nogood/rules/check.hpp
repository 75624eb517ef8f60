// Semantic checks on parsed rules: declarations, arity, types, safety, stratification.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "nogood/diagnostics.hpp"
#include "nogood/engine/program.hpp"
#include "nogood/engine/schema.hpp"
#include "nogood/rules/ast.hpp"

namespace nogood::rules {

// A rule or constraint after checking: its variables numbered and typed.
struct CheckedRule {
  enum class Kind { rule, constraint } kind = Kind::rule;
  ast::Rule const* rule = nullptr;              // kind == rule
  ast::Constraint const* constraint = nullptr;  // kind == constraint
  engine::PredicateId head = 0;                 // derived or constraint predicate
  std::vector<std::string> variables;           // register -> name
  std::vector<engine::ValueType> types;         // register -> type
  std::string origin = "constraint";            // constraint, unique, negation_check
  std::optional<engine::GroupedConstraint> grouped;  // `unique ... across sources grouped`; its key arguments in order
  std::string name;                             // constraint name
  std::string message;                          // constraint message template
  engine::VerdictSeverity severity = engine::VerdictSeverity::error;
  // A body with alternatives is checked and evaluated once per choice of alternative: this is
  // one choice's body, and the alternatives it takes as written (`R = isis_emir`).
  // The body as checked and lowered: one choice of alternatives, computed atom arguments lifted
  // into assignments (absent: the body as written).
  std::shared_ptr<std::vector<ast::Literal> const> choice_body;
  std::shared_ptr<ast::Atom const> rewritten_head;  // the head with computed arguments lifted
  std::vector<std::pair<std::string, std::string>> lifted;  // a lifted argument's variable and expression, as text
  std::vector<std::pair<std::string, std::string>> negated_conjunctions;  // `_notN` counting a `not (...)`, and its text
  // An aggregate whose body had lifted arguments, and the aggregate as written.
  std::vector<std::pair<ast::Aggregate const*, std::shared_ptr<ast::Aggregate const>>> written_aggregates;
  std::vector<std::string> choice;
  std::uint32_t choice_index = 0, choice_count = 1;

  std::vector<ast::Literal> const& body() const {
    return choice_body ? *choice_body : rule ? rule->body : constraint->body;
  }
  Span span() const { return rule ? rule->span : constraint->span; }
  ast::Atom const& head_atom() const { return rewritten_head ? *rewritten_head : rule->head; }
};

// A background fact of a claimed predicate (a rule with an empty body).
struct BackgroundFact {
  engine::PredicateId predicate = 0;
  ast::Rule const* rule = nullptr;
};

// How reports show a symbol or claimant (`label` statements).
struct Label {
  bool predicate = false;  // a sentence template for a predicate's facts, `{param}` for its arguments
  std::string value;
  std::string text;
  std::string language;  // empty: every language without a label of its own
  Span span;
};

// The values `X in NAME` tests against: a `set`'s, or a vocabulary's (as symbols).
struct NamedSet {
  std::vector<ast::Term> values;
  Span declared_at;
  bool vocabulary = false;
};

struct CheckedProgram {
  engine::Schema schema;
  std::map<std::string, NamedSet, std::less<>> sets;
  std::vector<Label> labels;
  std::vector<CheckedRule> rules;
  std::vector<BackgroundFact> facts;
  std::vector<std::vector<engine::PredicateId>> strata;  // dependencies first
  std::vector<bool> recursive;                           // per stratum
  // Constraints written by the checker (from `unique` and the negation check) live here.
  std::deque<ast::Constraint> generated;
  std::deque<std::string> generated_origin;  // "unique" or "negation_check"
  std::deque<std::optional<engine::GroupedConstraint>> generated_grouped;  // per generated constraint
};

// Checks `files` (the result of load_rules) and returns the checked program; errors go to
// `diags` and leave the program unusable for evaluation (check diags.has_errors()).
CheckedProgram check(std::vector<ast::Program>& files, SourceManager const& sources, Diagnostics& diags);

}  // namespace nogood::rules
