// A naive evaluator for difftest::Program, written to be obviously right rather than fast:
// each group of derived predicates is iterated to a fixpoint by re-running every rule over
// the full relations; bodies run literal by literal in their given order with nested loops
// over std::set, no indexes, no deltas.
//
// Every derived fact is stored with a certainty after its columns, once for each level some
// derivation gives it: the weakest of the facts its body's positive atoms matched (a base
// claim's certainty, a derived fact's stored level). Atoms that do not say `certainty` see the
// facts without it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "program.hpp"

namespace difftest {

using Tuple = std::vector<int>;
using Relation = std::set<Tuple>;
// Relations by name: derived predicates by their name, their facts with each level as
// `NAME certainty`, constraints as `constraint NAME`.
using Relations = std::map<std::string, Relation>;

// Whether `v` occurs outside aggregate bodies in `l` itself (not in alternatives).
inline bool occurs_outside(Literal const& l, int v) {
  auto term = [&](Term const& t) { return t.kind == Term::Kind::var && t.value == v; };
  std::function<bool(Expr const&)> expr = [&](Expr const& e) {
    if (e.kind == Expr::Kind::term) return term(e.term);
    return std::any_of(e.args.begin(), e.args.end(), expr);
  };
  switch (l.kind) {
    case Literal::Kind::positive:
    case Literal::Kind::negative:
      return std::any_of(l.atom.args.begin(), l.atom.args.end(), term) || term(l.atom.source) || term(l.atom.claimant) ||
             term(l.atom.certainty);
    case Literal::Kind::compare: return expr(l.lhs) || expr(l.rhs);
    case Literal::Kind::member: return expr(l.lhs);
    case Literal::Kind::aggregate: return l.target == v;
    case Literal::Kind::disjunction:
    case Literal::Kind::not_all: return false;
  }
  return false;
}

// Whether `v` occurs outside aggregates whichever alternatives the body takes.
inline bool in_every_choice(std::vector<Literal> const& body, int v) {
  for (auto const& l : body) {
    if (l.kind == Literal::Kind::disjunction) {
      if (std::all_of(l.alternatives.begin(), l.alternatives.end(), [&](auto const& alt) { return in_every_choice(alt, v); }))
        return true;
    } else if (occurs_outside(l, v)) {
      return true;
    }
  }
  return false;
}

// Variables of a constraint that become its columns: the named variables used outside
// aggregate bodies whichever alternatives hold, in order of their first appearance anywhere
// in the body as printed (taking the first of each set of alternatives), except those whose
// name starts with `_`.
inline std::vector<int> constraint_columns(Rule const& r) {
  std::vector<int> order;
  std::set<int> outer;
  std::function<void(Term const&, bool)> note = [&](Term const& t, bool inside) {
    if (t.kind != Term::Kind::var) return;
    if (!inside) outer.insert(t.value);
    if (std::find(order.begin(), order.end(), t.value) == order.end()) order.push_back(t.value);
  };
  std::function<void(Expr const&, bool)> in_expr = [&](Expr const& e, bool inside) {
    if (e.kind == Expr::Kind::term) note(e.term, inside);
    for (auto const& a : e.args) in_expr(a, inside);
  };
  std::function<void(Literal const&, bool)> in_literal = [&](Literal const& l, bool inside) {
    switch (l.kind) {
      case Literal::Kind::positive:
      case Literal::Kind::negative:
        for (auto const& t : l.atom.args) note(t, inside);
        for (auto const* t : {&l.atom.source, &l.atom.claimant, &l.atom.certainty}) note(*t, inside);
        break;
      case Literal::Kind::compare:
        in_expr(l.flipped ? l.rhs : l.lhs, inside);
        in_expr(l.flipped ? l.lhs : l.rhs, inside);
        break;
      case Literal::Kind::aggregate:
        if (!l.flipped) note(Term::var(l.target), inside);
        if (l.agg != Agg::count) in_expr(l.value, true);
        for (auto const& b : l.body) in_literal(b, true);
        if (l.flipped) note(Term::var(l.target), inside);
        break;
      case Literal::Kind::member: in_expr(l.lhs, inside); break;
      case Literal::Kind::not_all:
        for (auto const& b : l.body) in_literal(b, true);
        break;
      case Literal::Kind::disjunction:
        for (auto const& b : l.alternatives.front()) in_literal(b, inside);
        break;
    }
  };
  for (int i : r.shown) in_literal(r.body[i], false);
  std::erase_if(order, [&](int v) { return !outer.count(v) || underscored(v) || !in_every_choice(r.body, v); });
  return order;
}

// Thrown when a relation grows past the limit (the program may not terminate: only programs
// edited by the minimiser can be like that), or when the work to evaluate it passes its
// limit (a generated program that joins too much for a naive evaluator).
struct Runaway {};
struct TooBig {};

class Naive {
public:
  explicit Naive(Program const& p, std::size_t limit = 100'000, std::uint64_t max_steps = 20'000'000)
      : p_(p), rels_(p.preds.size()), negative_(p.preds.size()), limit_(limit), max_steps_(max_steps) {}

  Relations run() {
    for (auto const& f : p_.facts) (f.negated ? negative_ : rels_)[f.pred].insert(f.tuple());
    for (std::size_t g = 0; g < p_.groups.size(); ++g) {
      for (bool changed = true; changed;) {
        changed = false;
        for (auto const& r : p_.rules) {
          if (r.constraint || p_.preds[r.head.pred].group != static_cast<int>(g)) continue;
          auto& rel = rels_[r.head.pred];
          for (auto const& t : fire(r, columns_of(p_.preds, r.head))) changed = rel.insert(t).second || changed;
          if (rel.size() > limit_) throw Runaway{};
        }
      }
    }
    Relations out;
    for (std::size_t i = 0; i < p_.preds.size(); ++i) {
      if (p_.preds[i].base) continue;
      auto& facts = out[p_.preds[i].name];
      for (auto const& t : rels_[i]) facts.insert(Tuple(t.begin(), t.end() - 1));
      out[p_.preds[i].name + " certainty"] = rels_[i];
    }
    for (auto const& r : p_.rules) {
      if (!r.constraint) continue;
      std::vector<Term> head;
      for (int v : constraint_columns(r)) head.push_back(Term::var(v));
      out["constraint " + r.name] = fire(r, head);
    }
    // The built-in check: a source's claim and a source's claim that it is false (background
    // facts have no source to name): with both sources when they differ, with the one source
    // when it says both.
    for (std::size_t b = 0; b < p_.preds.size() && p_.negation_check; ++b) {
      if (!p_.preds[b].base) continue;
      auto& across = out["constraint negation_" + p_.preds[b].name];
      auto& within = out["constraint negation_" + p_.preds[b].name + "_within_source"];
      auto const arity = static_cast<std::size_t>(p_.preds[b].arity);
      for (auto const& yes : rels_[b])
        for (auto const& no : negative_[b]) {
          if (!std::equal(yes.begin(), yes.begin() + arity, no.begin())) continue;
          if (yes[arity] == background_source || no[arity] == background_source) continue;
          Tuple t(yes.begin(), yes.begin() + arity);
          t.push_back(yes[arity]);
          if (yes[arity] != no[arity]) t.push_back(no[arity]);
          (yes[arity] == no[arity] ? within : across).insert(std::move(t));
        }
    }
    return out;
  }

private:
  using Env = std::vector<std::optional<std::int64_t>>;
  // The facts the positive atoms matched, in body order: each as an aggregate tells matches apart
  // (a derived fact without its certainty, unless the atom reads it), and its certainty.
  using Trail = std::vector<std::pair<Tuple, int>>;
  using Emit = std::function<void(Env const&, Trail const&)>;

  // Every head tuple the rule gives over the current relations; a derived head's with the weakest
  // certainty of the facts under it.
  std::set<Tuple> fire(Rule const& r, std::vector<Term> const& head) {
    std::set<Tuple> out;
    Env env(static_cast<std::size_t>(max_var(r) + 1));
    Trail trail;
    solve(r.body, 0, env, trail, [&](Env const& e, Trail const& under) {
      Tuple t;
      for (auto const& h : head) t.push_back(h.kind == Term::Kind::var ? static_cast<int>(*e[h.value]) : h.value);
      for (auto const& [at, expr] : r.head.computed) {  // an int, or no fact (division by zero)
        auto v = eval(expr, e);
        if (!v) return;
        t[at] = static_cast<int>(*v);
      }
      if (!r.constraint) {
        int level = 3;  // asserted: nothing beneath it is less sure
        for (auto const& matched : under) level = std::min(level, matched.second);
        t.push_back(level);
      }
      out.insert(std::move(t));
    });
    return out;
  }

  int max_var(Rule const& r) const {
    int m = -1;
    auto term = [&](Term const& t) {
      if (t.kind == Term::Kind::var) m = std::max(m, t.value);
    };
    std::function<void(Expr const&)> expr = [&](Expr const& e) {
      term(e.term);
      for (auto const& a : e.args) expr(a);
    };
    std::function<void(std::vector<Literal> const&)> body = [&](std::vector<Literal> const& b) {
      for (auto const& l : b) {
        for (auto const& t : l.atom.args) term(t);
        for (auto const* t : {&l.atom.source, &l.atom.claimant, &l.atom.certainty}) term(*t);
        for (auto const& [at, e] : l.atom.computed) expr(e);
        expr(l.lhs);
        expr(l.rhs);
        expr(l.value);
        if (l.kind == Literal::Kind::aggregate) m = std::max(m, l.target);
        body(l.body);
        for (auto const& alt : l.alternatives) body(alt);
      }
    };
    for (auto const& t : columns_of(p_.preds, r.head)) term(t);
    body(r.body);
    return m;
  }

  // Whether the terms match the tuple, binding unbound variables when `bind` is set (and
  // noting them in `bound` so that the caller can unbind them).
  static bool match(std::vector<Term> const& columns, Tuple const& t, Env& env, bool bind, std::vector<int>& bound) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      auto const& arg = columns[i];
      if (arg.kind == Term::Kind::constant && arg.value != t[i]) return false;
      if (arg.kind != Term::Kind::var) continue;
      auto& slot = env[arg.value];
      if (slot && *slot != t[i]) return false;
      if (!slot) {
        if (!bind) return false;  // never happens in a safe body
        slot = t[i];
        bound.push_back(arg.value);
      }
    }
    return true;
  }

  // The atom's computed arguments equal the tuple's values (a failed computation matches nothing).
  static bool computed_match(Atom const& a, Tuple const& t, Env const& env) {
    for (auto const& [at, expr] : a.computed) {
      auto v = eval(expr, env);
      if (!v || *v != t[at]) return false;
    }
    return true;
  }

  static std::optional<std::int64_t> eval(Expr const& e, Env const& env) {
    if (e.kind == Expr::Kind::term) {
      if (e.term.kind == Term::Kind::constant) return e.term.value;
      if (e.term.kind == Term::Kind::var) return env[e.term.value];
      return std::nullopt;
    }
    std::vector<std::int64_t> v;
    for (auto const& a : e.args) {
      auto x = eval(a, env);
      if (!x) return std::nullopt;
      v.push_back(*x);
    }
    switch (e.kind) {
      case Expr::Kind::add: return v[0] + v[1];
      case Expr::Kind::sub: return v[0] - v[1];
      case Expr::Kind::mul: return v[0] * v[1];
      case Expr::Kind::div: return v[1] == 0 ? std::nullopt : std::optional(v[0] / v[1]);
      case Expr::Kind::mod: return v[1] == 0 ? std::nullopt : std::optional(v[0] % v[1]);
      case Expr::Kind::abs: return v[0] < 0 ? -v[0] : v[0];
      case Expr::Kind::min: return std::min(v[0], v[1]);
      case Expr::Kind::max: return std::max(v[0], v[1]);
      default: return std::nullopt;
    }
  }

  static bool holds(Cmp op, std::int64_t a, std::int64_t b) {
    switch (op) {
      case Cmp::eq: return a == b;
      case Cmp::ne: return a != b;
      case Cmp::lt: return a < b;
      case Cmp::le: return a <= b;
      case Cmp::gt: return a > b;
      case Cmp::ge: return a >= b;
    }
    return false;
  }

  static bool unbound_var(Expr const& e, Env const& env) {
    return e.kind == Expr::Kind::term && e.term.kind == Term::Kind::var && !env[e.term.value];
  }

  void solve(std::vector<Literal> const& body, std::size_t i, Env& env, Trail& trail, Emit const& emit) {
    if (++steps_ > max_steps_) throw TooBig{};
    if (i == body.size()) {
      emit(env, trail);
      return;
    }
    auto const& l = body[i];
    switch (l.kind) {
      case Literal::Kind::positive: {
        auto const columns = stored_columns(l.atom);
        std::vector<int> bound;
        auto const& pred = p_.preds[l.atom.pred];
        for (auto const& t : relation(l.atom)) {
          if (++steps_ > max_steps_) throw TooBig{};
          bool ok = sourced_claim(l.atom, t) && match(columns, t, env, true, bound) && computed_match(l.atom, t, env);
          if (ok) {
            bool whole = pred.base || l.atom.certainty.kind != Term::Kind::anon;
            trail.emplace_back(whole ? t : Tuple(t.begin(), t.end() - 1), pred.base ? t[static_cast<std::size_t>(pred.arity) + 2] : t.back());
            solve(body, i + 1, env, trail, emit);
            trail.pop_back();
          }
          for (int v : bound) env[v].reset();
          bound.clear();
        }
        return;
      }
      case Literal::Kind::negative: {
        auto const columns = stored_columns(l.atom);
        std::vector<int> none;
        for (auto const& t : relation(l.atom))
          if (sourced_claim(l.atom, t) && match(columns, t, env, false, none) && computed_match(l.atom, t, env)) return;
        solve(body, i + 1, env, trail, emit);
        return;
      }
      case Literal::Kind::compare: {
        // `X = expr` binds an unbound X; every other comparison tests.
        for (auto [target, source] : {std::pair{&l.lhs, &l.rhs}, std::pair{&l.rhs, &l.lhs}}) {
          if (l.op != Cmp::eq || !unbound_var(*target, env)) continue;
          auto v = eval(*source, env);
          if (!v) return;
          env[target->term.value] = *v;
          solve(body, i + 1, env, trail, emit);
          env[target->term.value].reset();
          return;
        }
        auto a = eval(l.lhs, env), b = eval(l.rhs, env);
        if (a && b && holds(l.op, *a, *b)) solve(body, i + 1, env, trail, emit);
        return;
      }
      case Literal::Kind::member: {
        auto a = eval(l.lhs, env);
        if (a && (std::find(l.set.begin(), l.set.end(), *a) != l.set.end()) != l.negated) solve(body, i + 1, env, trail, emit);
        return;
      }
      case Literal::Kind::not_all: {
        // Holds when the conjunction has no solution with the variables bound so far.
        Env inner = env;
        Trail inner_trail;
        bool found = false;
        struct Found {};
        try {
          solve(l.body, 0, inner, inner_trail, [&](Env const&, Trail const&) { throw Found{}; });
        } catch (Found const&) {
          found = true;
        }
        if (!found) solve(body, i + 1, env, trail, emit);
        return;
      }
      case Literal::Kind::disjunction:
        // Each alternative followed by the rest of the body.
        for (auto const& alt : l.alternatives) {
          std::vector<Literal> rest(alt);
          rest.insert(rest.end(), body.begin() + static_cast<std::ptrdiff_t>(i) + 1, body.end());
          solve(rest, 0, env, trail, emit);
        }
        return;
      case Literal::Kind::aggregate: {
        // One value per distinct combination of facts the body's atoms match.
        std::map<std::vector<Tuple>, std::optional<std::int64_t>> found;
        Env inner = env;
        Trail inner_trail;
        solve(l.body, 0, inner, inner_trail, [&](Env const& e, Trail const& t) {
          std::vector<Tuple> facts;
          for (auto const& matched : t) facts.push_back(matched.first);
          found.emplace(std::move(facts), eval(l.value, e));
        });
        std::int64_t result = 0;
        if (l.agg == Agg::count) {
          result = static_cast<std::int64_t>(found.size());
        } else {
          std::optional<std::int64_t> acc;
          std::int64_t values = 0;
          for (auto const& [_, v] : found) {
            if (!v) continue;
            ++values;
            if (!acc) acc = l.agg == Agg::sum || l.agg == Agg::mean ? 0 : *v;
            if (l.agg == Agg::sum || l.agg == Agg::mean) *acc += *v;
            else if (l.agg == Agg::min) acc = std::min(*acc, *v);
            else acc = std::max(*acc, *v);
          }
          if (l.agg == Agg::sum) result = acc.value_or(0);
          else if (!acc) return;  // min, max and mean of nothing: no value
          else result = l.agg == Agg::mean ? *acc / values : *acc;
        }
        if (env[l.target]) {
          if (*env[l.target] == result) solve(body, i + 1, env, trail, emit);
          return;
        }
        env[l.target] = result;
        solve(body, i + 1, env, trail, emit);
        env[l.target].reset();
        return;
      }
    }
  }

  Relation const& relation(Atom const& a) const { return (a.strong ? negative_ : rels_)[a.pred]; }

  // The atom's terms over a stored tuple: a derived fact's certainty last.
  std::vector<Term> stored_columns(Atom const& a) const {
    auto out = columns_of(p_.preds, a);
    if (!p_.preds[a.pred].base) out.push_back(a.certainty);
    return out;
  }

  // An atom written with `@` matches only claims some source made, never background facts.
  bool sourced_claim(Atom const& a, Tuple const& t) const {
    return a.source.kind == Term::Kind::anon || t[static_cast<std::size_t>(p_.preds[a.pred].arity)] != background_source;
  }

  Program const& p_;
  std::vector<Relation> rels_;
  std::vector<Relation> negative_;  // claims that base facts are false
  std::size_t limit_;
  std::uint64_t max_steps_;
  std::uint64_t steps_ = 0;
};

inline Relations evaluate_naive(Program const& p) { return Naive(p).run(); }

}  // namespace difftest
