// The differential test's own tiny representation of a rules program over ints, and its
// printing as nogood rules text and facts JSON. Independent of the engine's types on purpose.
//
// Every value is an int. Base predicates have int arguments; each of their tuples also holds
// the claim's source, claimant and certainty, in that order after the arguments; claims that
// a fact is false (`-b(...)`) form a second relation per base predicate. Derived predicates
// have int arguments, and a source after them when their heads carry `@ S`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace difftest {

// What a value stands for; constants print by it.
//   source:    0, 1 are the sources s1, s2; background_source is no source (background facts)
//   claimant:  0 is the source's own voice (`""`), 1 `family`, 2 `police`
//   certainty: 0 uncertain, 1 alleged, 2 reported, 3 asserted
enum class Sort { integer, source, claimant, certainty };

inline constexpr int background_source = 0x7fffffff;  // above every source, as the engine orders them
inline constexpr int source_count = 2;
inline constexpr int claimant_count = 3;
inline constexpr int certainty_count = 4;

struct Term {
  enum class Kind { var, constant, anon } kind = Kind::anon;
  int value = 0;  // variable id or constant
  Sort sort = Sort::integer;  // of a constant

  static Term var(int v) { return {Kind::var, v, Sort::integer}; }
  static Term constant(int c, Sort sort = Sort::integer) { return {Kind::constant, c, sort}; }
  static Term anon() { return {Kind::anon, 0, Sort::integer}; }
};

// Arithmetic: a variable or constant, or an operator over operands.
struct Expr {
  enum class Kind { term, add, sub, mul, div, mod, abs, min, max } kind = Kind::term;
  Term term;
  std::vector<Expr> args;

  static Expr of(Term t) { return {Kind::term, t, {}}; }
  static Expr op(Kind k, std::vector<Expr> args) { return {k, {}, std::move(args)}; }
};

enum class Cmp { eq, ne, lt, le, gt, ge };
enum class Agg { count, sum, min, max, mean };

struct Atom {
  int pred = 0;
  std::vector<Term> args;
  Term source, claimant, certainty;  // `@ S by C certainty K`; anonymous when not written
  bool strong = false;               // `-b(...)`: claims that the fact is false (base predicates)
  // An argument written as arithmetic over variables bound before the atom (`b(V1 + 1)`): its
  // expression here, its place in `args` anonymous.
  std::vector<std::pair<std::size_t, Expr>> computed;
};

struct Literal {
  enum class Kind { positive, negative, compare, aggregate, member, disjunction, not_all } kind = Kind::positive;
  Atom atom;  // positive, negative
  // compare: lhs op rhs; `X = expr` with X unbound binds X
  Cmp op = Cmp::eq;
  Expr lhs, rhs;
  // aggregate: target = agg(value) : { body }
  Agg agg = Agg::count;
  int target = 0;
  Expr value;
  std::vector<Literal> body;
  bool flipped = false;  // printed as `agg : { ... } = N` or `expr = X`
  // member: `lhs in {set}`, or `lhs not in {set}` when negated
  std::vector<int> set;
  bool negated = false;
  // disjunction: `(alternative ; alternative ...)`, each a conjunction printed in its order
  std::vector<std::vector<Literal>> alternatives;
  // not_all: `not (literal, ...)`, its literals in `body`
};

// A rule, or a constraint (no head: its columns are the named variables of the body outside
// aggregates, in order of first appearance as printed).
struct Rule {
  bool constraint = false;
  std::string name;  // constraints
  Atom head;
  std::vector<Literal> body;  // in an order where each literal's inputs are bound by the ones before
  std::vector<int> shown;     // the order the body is printed in (a permutation of body)
};

struct Pred {
  std::string name;
  int arity = 0;
  bool base = true;       // declared with `pred`, facts come from sources or background facts
  int group = -1;         // derived: index into Program::groups
  bool declared = false;  // derived predicate with a `pred` declaration
  bool sourced = false;   // derived predicate whose heads carry `@ S`
  // Declared arguments from this one on are optional, each with its default (`a1: int = 3`);
  // -1: none. Tuples always hold every argument: leaving one out is only a way of writing it.
  int optional_from = -1;
  std::vector<int> defaults;  // per argument, from optional_from on

  bool optional(std::size_t i) const { return optional_from >= 0 && static_cast<int>(i) >= optional_from; }
};

struct Fact {
  int pred = 0;
  std::vector<int> args;
  int source = 0;  // 0, 1: s1, s2 (facts JSON); background_source: a background fact in the rules text
  int claimant = 0;
  int certainty = 3;
  bool explicit_certainty = false;  // written in the JSON; otherwise the default (asserted, or reported with `by`)
  bool negated = false;             // the source says it is false

  Fact() = default;
  Fact(int pred, std::vector<int> args, int source) : pred(pred), args(std::move(args)), source(source) {}
  // The tuple of the base relation: arguments, source, claimant, certainty.
  std::vector<int> tuple() const {
    auto t = args;
    t.insert(t.end(), {source, claimant, certainty});
    return t;
  }
};

struct Program {
  std::vector<Pred> preds;
  std::vector<std::vector<int>> groups;  // derived predicates, each group only negates earlier ones
  std::vector<Rule> rules;
  std::vector<Fact> facts;
  bool negation_check = true;  // the built-in constraint `negation_b` per base predicate b
};

// Some variables start with `_`: named, but not columns of a constraint.
inline bool underscored(int v) { return v % 5 == 4; }
inline std::string var_name(int v) { return (underscored(v) ? "_V" : "V") + std::to_string(v); }

inline std::string constant_text(int value, Sort sort) {
  static char const* const claimants[] = {"\"\"", "family", "police"};
  static char const* const certainties[] = {"uncertain", "alleged", "reported", "asserted"};
  switch (sort) {
    case Sort::integer: return std::to_string(value);
    case Sort::source: return "s" + std::to_string(value + 1);
    case Sort::claimant: return claimants[value];
    case Sort::certainty: return certainties[value];
  }
  return "?";
}

inline std::string to_text(Term const& t) {
  switch (t.kind) {
    case Term::Kind::var: return var_name(t.value);
    case Term::Kind::constant: return constant_text(t.value, t.sort);
    case Term::Kind::anon: return "_";
  }
  return "?";
}

// The atom's terms in the column order of its relation's tuples.
inline std::vector<Term> columns_of(std::vector<Pred> const& preds, Atom const& a) {
  auto out = a.args;
  if (preds[a.pred].base) out.insert(out.end(), {a.source, a.claimant, a.certainty});
  else if (preds[a.pred].sourced) out.push_back(a.source);
  return out;
}

inline int precedence(Expr::Kind k) {
  switch (k) {
    case Expr::Kind::add:
    case Expr::Kind::sub: return 1;
    case Expr::Kind::mul:
    case Expr::Kind::div:
    case Expr::Kind::mod: return 2;
    default: return 3;
  }
}

// Parentheses only where precedence and left associativity need them, so the parser's
// precedence is tested too.
inline std::string to_text(Expr const& e) {
  auto operand = [&](Expr const& a, bool right) {
    bool parens = precedence(a.kind) < precedence(e.kind) || (right && precedence(a.kind) == precedence(e.kind));
    return parens ? "(" + to_text(a) + ")" : to_text(a);
  };
  auto bin = [&](char const* op) { return operand(e.args[0], false) + " " + op + " " + operand(e.args[1], true); };
  switch (e.kind) {
    case Expr::Kind::term: return to_text(e.term);
    case Expr::Kind::add: return bin("+");
    case Expr::Kind::sub: return bin("-");
    case Expr::Kind::mul: return bin("*");
    case Expr::Kind::div: return bin("/");
    case Expr::Kind::mod: return bin("%");
    case Expr::Kind::abs: return "abs(" + to_text(e.args[0]) + ")";
    case Expr::Kind::min: return "min(" + to_text(e.args[0]) + ", " + to_text(e.args[1]) + ")";
    case Expr::Kind::max: return "max(" + to_text(e.args[0]) + ", " + to_text(e.args[1]) + ")";
  }
  return "?";
}

inline char const* to_text(Cmp op) {
  static char const* const names[] = {"=", "!=", "<", "<=", ">", ">="};
  return names[static_cast<int>(op)];
}

// How many of an atom's arguments are written: trailing optional ones are left out when they
// say nothing more, `_` in a body and the default in a head or background fact.
inline std::size_t written_arity(Pred const& pred, Atom const& a, bool head) {
  auto n = a.args.size();
  while (n > 0 && pred.optional(n - 1)) {
    auto const& t = a.args[n - 1];
    bool computed = false;
    for (auto const& [at, e] : a.computed) computed = computed || at == n - 1;
    bool same = head ? t.kind == Term::Kind::constant && t.value == pred.defaults[n - 1] : t.kind == Term::Kind::anon;
    if (computed || !same) break;
    --n;
  }
  return n;
}

inline std::string to_text(Program const& p, Atom const& a, bool head = false) {
  std::string out = (a.strong ? "-" : "") + p.preds[a.pred].name;
  auto const written = written_arity(p.preds[a.pred], a, head);
  if (written > 0) {
    out += '(';
    for (std::size_t i = 0; i < written; ++i) {
      std::string arg = to_text(a.args[i]);
      for (auto const& [at, e] : a.computed)
        if (at == i) arg = to_text(e);
      out += (i ? ", " : "") + arg;
    }
    out += ')';
  }
  if (a.source.kind != Term::Kind::anon) out += " @ " + to_text(a.source);
  if (a.claimant.kind != Term::Kind::anon) out += " by " + to_text(a.claimant);
  if (a.certainty.kind != Term::Kind::anon) out += " certainty " + to_text(a.certainty);
  return out;
}

inline std::string to_text(Program const& p, Literal const& l) {
  switch (l.kind) {
    case Literal::Kind::positive: return to_text(p, l.atom);
    case Literal::Kind::negative: return "not " + to_text(p, l.atom);
    case Literal::Kind::compare: {
      // Flipped, `a < b` is written `b > a`.
      static constexpr Cmp mirror[] = {Cmp::eq, Cmp::ne, Cmp::gt, Cmp::ge, Cmp::lt, Cmp::le};
      auto lhs = to_text(l.lhs), rhs = to_text(l.rhs);
      return l.flipped ? rhs + " " + to_text(mirror[static_cast<int>(l.op)]) + " " + lhs : lhs + " " + to_text(l.op) + " " + rhs;
    }
    case Literal::Kind::member: {
      std::string out = to_text(l.lhs) + (l.negated ? " not in {" : " in {");
      for (std::size_t i = 0; i < l.set.size(); ++i) out += (i ? ", " : "") + std::to_string(l.set[i]);
      return out + "}";
    }
    case Literal::Kind::not_all: {
      std::string out = "not (";
      for (std::size_t i = 0; i < l.body.size(); ++i) out += (i ? ", " : "") + to_text(p, l.body[i]);
      return out + ")";
    }
    case Literal::Kind::disjunction: {
      std::string out;
      for (auto const& alt : l.alternatives) {
        out += out.empty() ? "(" : " ; ";
        for (std::size_t i = 0; i < alt.size(); ++i) out += (i ? ", " : "") + to_text(p, alt[i]);
      }
      return out + ")";
    }
    case Literal::Kind::aggregate: {
      static char const* const names[] = {"count", "sum", "min", "max", "mean"};
      std::string agg = names[static_cast<int>(l.agg)];
      if (l.agg != Agg::count) agg += "(" + to_text(l.value) + ")";
      agg += " : { ";
      for (std::size_t i = 0; i < l.body.size(); ++i) agg += (i ? ", " : "") + to_text(p, l.body[i]);
      agg += " }";
      return l.flipped ? agg + " = " + var_name(l.target) : var_name(l.target) + " = " + agg;
    }
  }
  return "?";
}

inline std::string to_text(Program const& p, Rule const& r) {
  std::string out = r.constraint ? "constraint " + r.name : to_text(p, r.head, true);
  if (r.body.empty()) return out + ".";
  out += " :- ";
  for (std::size_t i = 0; i < r.shown.size(); ++i) out += (i ? ", " : "") + to_text(p, r.body[r.shown[i]]);
  return out + ".";
}

inline std::string declaration(Pred const& pred) {
  std::string out = "pred " + pred.name;
  if (pred.arity == 0) return out + ".";
  out += '(';
  for (int i = 0; i < pred.arity; ++i) {
    out += (i ? ", a" : "a") + std::to_string(i) + ": int";
    if (pred.optional(static_cast<std::size_t>(i))) out += " = " + std::to_string(pred.defaults[static_cast<std::size_t>(i)]);
  }
  return out + ").";
}

// The rules file: declarations, background facts, rules and constraints.
inline std::string rules_text(Program const& p) {
  std::string out;
  for (auto const& pred : p.preds)
    if (pred.base || pred.declared) out += declaration(pred) + "\n";
  if (!p.negation_check) out += "negation_check off.\n";
  for (auto const& f : p.facts) {
    if (f.source != background_source) continue;
    Atom a;
    a.pred = f.pred;
    a.strong = f.negated;
    for (int v : f.args) a.args.push_back(Term::constant(v));
    out += to_text(p, a, true) + ".\n";
  }
  for (auto const& r : p.rules) out += to_text(p, r) + "\n";
  return out;
}

// One facts file per source, `s1`, `s2`, ...
inline std::string facts_text(Program const& p, int source) {
  std::string out = "{\"nogood\": 1, \"source\": {\"id\": \"s" + std::to_string(source + 1) + "\"}, \"facts\": [";
  bool first = true;
  for (std::size_t k = 0; k < p.facts.size(); ++k) {
    auto const& f = p.facts[k];
    if (f.source != source) continue;
    out += first ? "\n  " : ",\n  ";
    first = false;
    out += "{\"pred\": \"" + p.preds[f.pred].name + "\", \"args\": [";
    // Optional arguments that hold their default: every third fact writes them, the others
    // leave the trailing ones out and write `null` for one before a given argument.
    auto const& pred = p.preds[f.pred];
    auto is_default = [&](std::size_t i) { return pred.optional(i) && f.args[i] == pred.defaults[i]; };
    auto written = f.args.size();
    if (k % 3 != 0)
      while (written > 0 && is_default(written - 1)) --written;
    for (std::size_t i = 0; i < written; ++i)
      out += (i ? ", " : "") + (k % 3 != 0 && is_default(i) ? std::string("null") : std::to_string(f.args[i]));
    out += "]";
    if (f.claimant) out += ", \"by\": \"" + constant_text(f.claimant, Sort::claimant) + "\"";
    if (f.explicit_certainty) out += ", \"certainty\": \"" + constant_text(f.certainty, Sort::certainty) + "\"";
    if (f.negated) out += ", \"negated\": true";
    out += "}";
  }
  return out + "\n]}\n";
}

}  // namespace difftest
