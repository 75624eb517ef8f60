// The syntax tree as the X3 grammar builds it: close to the text, shaped for X3's attribute
// rules (x3::variant, forward_ast, boost::optional). build_ast.cpp turns it into the public
// nogood::ast, resolving what the grammar leaves open (operator precedence, escapes, dates,
// whether `name(...)` is an atom, a function call or an aggregate).
#pragma once

#include <string>
#include <vector>

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

#include "nogood/diagnostics.hpp"
#include "nogood/rules/ast.hpp"

namespace nogood::rules::syntax {

namespace x3 = boost::spirit::x3;

// Leaves keep their text as written; each gets its span from the rule that parsed it.
struct name {
  std::string text;
  Span span;
};
struct variable {
  std::string text;
  Span span;
};
struct symbol {
  std::string text;
  Span span;
};
struct string_lit {
  std::string raw;  // between the quotes, escapes not yet decoded
  Span span;
};
struct number {
  std::string text;  // digits with an optional leading `-`
  Span span;
};
struct date {
  std::string text;  // digits-digits-digits, shape and calendar checked later
  Span span;
};

struct chain;
struct application;
struct count_aggregate;

struct primary : x3::variant<variable, symbol, string_lit, number, date, x3::forward_ast<chain>,
                             x3::forward_ast<application>, x3::forward_ast<count_aggregate>> {
  using base_type::base_type;
  using base_type::operator=;
};

struct operation {
  ast::ArithOp op;
  primary operand;
};

// A term: operands and operators in written order; precedence is applied when building the AST.
struct chain {
  primary first;
  std::vector<operation> rest;
  Span span;
};

struct literal;

// `name(args)` with an optional `: { body }`: an atom, a function call or an aggregate,
// depending on where it stands and on the name.
struct application {
  name function;
  std::vector<chain> args;
  boost::optional<std::vector<literal>> body;
  Span span;
};

struct count_aggregate {
  std::vector<literal> body;
  Span span;
};

struct annotations {
  boost::optional<chain> source;     // `@ S`
  boost::optional<chain> claimant;   // `by C`
  boost::optional<chain> certainty;  // `certainty K`
};

struct atom {
  bool strong_negation = false;
  name predicate;
  std::vector<chain> args;
  annotations notes;
  Span span;
};

struct negation {
  atom target;
  Span span;
};

struct comparison_tail {
  ast::CompareOp op;
  chain rhs;
};

// `within 3 days of D2`.
struct within_tail {
  number amount;
  name unit;
  chain rhs;
};

// `{a, b, c}` after `in`.
struct set_values {
  std::vector<chain> items;
  Span span;
};

struct set_ref : x3::variant<set_values, name> {
  using base_type::base_type;
  using base_type::operator=;
};

// `in {a, b}`, `in leaders`, `not in {a, b}`.
struct membership_tail {
  bool negated = false;
  set_ref set;
};

struct condition_tail : x3::variant<annotations, comparison_tail, membership_tail, within_tail> {
  using base_type::base_type;
  using base_type::operator=;
};

// A body literal other than `not`: a term followed by a comparison (`X < 3`), or by atom
// annotations when the term is atom-shaped (`role(P, R) @ S`). Parsing the term first keeps
// the grammar free of backtracking between atoms and comparisons.
struct condition {
  bool strong_negation = false;
  chain first;
  condition_tail tail;
  Span span;
};

struct alternative {
  std::vector<literal> body;
  Span span;
};

// `( body ; body ; ... )`: at least two alternatives.
struct disjunction {
  alternative first;
  std::vector<alternative> rest;
  Span span;
};

// `not ( body )`.
struct negated_conjunction {
  std::vector<literal> body;
  Span span;
};

struct literal : x3::variant<x3::forward_ast<negated_conjunction>, negation, x3::forward_ast<disjunction>, condition> {
  using base_type::base_type;
  using base_type::operator=;
};

struct import_stmt {
  string_lit path;
  Span span;
};

// `org: entity?`, `status: symbol = active`.
struct parameter {
  name param;
  name type;
  bool optional = false;
  boost::optional<chain> default_value;
};

struct pred_decl {
  name predicate;
  std::vector<parameter> params;
  Span span;
};

struct rule_stmt {
  atom head;
  std::vector<literal> body;
  Span span;
};

struct constraint_stmt {
  name id;
  boost::optional<string_lit> message;
  boost::optional<name> severity;
  std::vector<literal> body;
  Span span;
};

struct tolerance {
  number amount;
  bool percent = false;
};

struct unique_stmt {
  name predicate;
  std::vector<name> keys;
  name value;
  ast::UniqueScope scope = ast::UniqueScope::across_sources;
  boost::optional<name> grouped;  // the word, for where an error points
  boost::optional<tolerance> within;
  boost::optional<name> grouped_after_within;  // `within N grouped`: taken so that E0245 says why
  boost::optional<name> alias;
  boost::optional<string_lit> message;
  boost::optional<name> severity;
  Span span;
};

struct negation_check_stmt {
  boost::optional<name> predicate;  // the one predicate the setting is for
  name setting;                   // `on`, `off` or `severity`
  boost::optional<name> severity; // the level after `severity`
  Span span;
};

// A value of a vocabulary: a lowercase name or a string.
struct vocabulary_value : x3::variant<name, string_lit> {
  using base_type::base_type;
  using base_type::operator=;
};

struct vocabulary_stmt {
  name id;
  std::vector<vocabulary_value> values;
  Span span;
};

struct label_stmt {
  bool predicate = false;
  vocabulary_value value;
  string_lit text;
  boost::optional<name> language;
  Span span;
};

struct set_stmt {
  name id;
  std::vector<chain> values;
  Span span;
};

struct statement : x3::variant<import_stmt, pred_decl, rule_stmt, constraint_stmt, unique_stmt,
                               negation_check_stmt, vocabulary_stmt, label_stmt, set_stmt> {
  using base_type::base_type;
  using base_type::operator=;
};

}  // namespace nogood::rules::syntax
