// A deterministic generator of random programs and facts for the differential test.
//
// Derived predicates come in groups; a rule may use predicates of its own group and earlier
// ones positively (recursion, mutual recursion within a group), but only earlier groups under
// `not` and in aggregates, so every program is stratified. Bodies are built in an order where
// each literal's inputs are bound by the literals before it (the naive evaluator runs them in
// that order), and printed in that order, shuffled or reversed. Recursive rules keep every
// computed value within bounds so that evaluation terminates.
//
// Facts come from two sources and the background, sometimes the same fact from two of them,
// with claimants and certainties, and some claims are that a fact is false; atoms bind, join
// on or fix their source, claimant and certainty, or ask for such denials (`-b(...)`); some
// derived predicates carry a source (`p(X) @ S :- ...`); the built-in negation check is on or off.
// Atoms of derived predicates read their facts' certainty (`p(X) certainty K`) now and then.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "program.hpp"

namespace difftest {

// splitmix64: the same numbers on every platform and standard library.
class Rng {
public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  int below(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }  // inclusive
  bool percent(int p) { return below(100) < p; }
  template <class T>
  T const& pick(std::vector<T> const& v) { return v[static_cast<std::size_t>(below(static_cast<int>(v.size())))]; }

private:
  std::uint64_t state_;
};

struct Sizes {
  int max_domain = 6;       // distinct values in facts
  int max_base = 4;         // base predicates
  int max_groups = 4;       // groups of derived predicates
  int max_group_size = 3;   // derived predicates per group
  int max_rules = 3;        // rules per derived predicate
  int max_body = 5;         // top-level literals per rule body
  int max_constraints = 2;
};

class Generator {
public:
  Generator(std::uint64_t seed, Sizes sizes) : rng_(seed), sizes_(sizes), seed_(seed) {}

  Program run() {
    domain_ = rng_.between(2, sizes_.max_domain);
    low_ = rng_.percent(25) ? -2 : 0;
    int nbase = rng_.between(1, sizes_.max_base);
    for (int i = 0; i < nbase; ++i) p_.preds.push_back({"b" + std::to_string(i), arity(), true, -1, false, false, -1, {}});
    int ngroups = rng_.between(1, sizes_.max_groups);
    int nderived = 0;
    for (int g = 0; g < ngroups; ++g) {
      std::vector<int> group;
      int n = rng_.percent(50) ? 1 : rng_.between(1, sizes_.max_group_size);
      for (int i = 0; i < n; ++i) {
        group.push_back(static_cast<int>(p_.preds.size()));
        p_.preds.push_back({"p" + std::to_string(nderived++), arity(), false, g, rng_.percent(15), rng_.percent(25), -1, {}});
      }
      p_.groups.push_back(std::move(group));
    }
    for (int g = 0; g < ngroups; ++g)
      for (int pred : p_.groups[g]) {
        int nrules = rng_.between(1, sizes_.max_rules);
        // The first rule is never recursive: every predicate gets a base case (and types).
        for (int r = 0; r < nrules; ++r) p_.rules.push_back(rule(pred, g, r > 0 && rng_.percent(60)));
        if (rng_.percent(6)) p_.rules.push_back(fact_rule(pred));
      }
    int nconstraints = rng_.between(0, sizes_.max_constraints);
    for (int c = 0; c < nconstraints; ++c) {
      Rule r = rule(-1, ngroups, false);
      r.constraint = true;
      r.name = "c" + std::to_string(c);
      p_.rules.push_back(std::move(r));
    }
    p_.negation_check = rng_.percent(80);
    optional_arguments(seed_);
    facts();
    return std::move(p_);
  }

private:
  // Variables bound so far, by sort.
  struct Scope {
    std::array<std::vector<int>, 4> vars;
    std::vector<int>& of(Sort s) { return vars[static_cast<int>(s)]; }
    std::vector<int> const& of(Sort s) const { return vars[static_cast<int>(s)]; }
    bool has(int v) const {
      for (auto const& vs : vars)
        if (std::find(vs.begin(), vs.end(), v) != vs.end()) return true;
      return false;
    }
    void add(Sort s, int v) {
      if (!has(v)) of(s).push_back(v);
    }
  };

  struct Body {
    std::vector<Literal> literals;
    Scope bound;                  // outside aggregates
    std::vector<int> agg_locals;  // int local variables of earlier aggregates
    bool recursive = false;       // computed values must be kept within bounds
  };

  // Declared predicates whose last arguments get defaults. Drawn from a generator of their own,
  // so that the rest of each seed's program stays as it was.
  void optional_arguments(std::uint64_t seed) {
    Rng rng(seed ^ 0x6f7074696f6e616cull);
    for (auto& pred : p_.preds) {
      if (pred.arity == 0 || !(pred.base || pred.declared) || !rng.percent(35)) continue;
      pred.optional_from = rng.below(pred.arity);
      pred.defaults.assign(static_cast<std::size_t>(pred.arity), 0);
      for (int i = pred.optional_from; i < pred.arity; ++i) pred.defaults[static_cast<std::size_t>(i)] = low_ + rng.below(domain_);
    }
  }

  int arity() {
    int r = rng_.below(100);
    return r < 7 ? 0 : r < 37 ? 1 : r < 85 ? 2 : 3;
  }

  void facts() {
    for (int pred = 0; pred < static_cast<int>(p_.preds.size()); ++pred) {
      auto const& info = p_.preds[pred];
      if (!info.base) continue;
      int density = rng_.between(15, info.arity == 3 ? 35 : 70);
      std::vector<int> args(static_cast<std::size_t>(info.arity), low_);
      while (true) {
        if (rng_.percent(density)) {
          // Stated by one source or in the background, sometimes by a second one too.
          int r = rng_.below(100);
          int first = r < 45 ? 0 : r < 85 ? 1 : background_source;
          add_fact(pred, args, first, false);
          // The very same claim again, as a bulk file repeating a record does: one fact still.
          if (rng_.percent(6)) p_.facts.push_back(p_.facts.back());
          if (rng_.percent(20)) add_fact(pred, args, first == 0 ? 1 : first == 1 ? (rng_.percent(50) ? 0 : background_source) : 0, false);
        }
        // Claims that the fact is false, by a source or in the background.
        if (rng_.percent(density / 4)) {
          int r = rng_.below(100);
          add_fact(pred, args, r < 45 ? 0 : r < 85 ? 1 : background_source, true);
        }
        // Next tuple of the domain, in order.
        std::size_t i = 0;
        while (i < args.size() && ++args[i] == low_ + domain_) args[i++] = low_;
        if (i == args.size()) break;
      }
    }
  }

  void add_fact(int pred, std::vector<int> const& args, int source, bool negated) {
    Fact f(pred, args, source);
    f.negated = negated;
    if (source != background_source) {
      f.claimant = rng_.percent(70) ? 0 : rng_.between(1, claimant_count - 1);
      f.explicit_certainty = rng_.percent(40);
      f.certainty = f.explicit_certainty ? rng_.below(certainty_count) : f.claimant ? 2 : 3;
    }
    p_.facts.push_back(std::move(f));
  }

  Rule fact_rule(int pred) {
    Rule r;
    r.head.pred = pred;
    for (int i = 0; i < p_.preds[pred].arity; ++i) r.head.args.push_back(Term::constant(low_ + rng_.below(domain_)));
    if (p_.preds[pred].sourced) r.head.source = Term::constant(rng_.below(source_count), Sort::source);
    return r;
  }

  // Predicates of groups before `group` (and base ones); with `same`, also of `group` itself.
  std::vector<int> usable(int group, bool same) const {
    std::vector<int> out;
    for (int i = 0; i < static_cast<int>(p_.preds.size()); ++i) {
      auto const& pred = p_.preds[i];
      if (pred.base || pred.group < group || (same && pred.group == group)) out.push_back(i);
    }
    return out;
  }

  int constant() {
    int r = rng_.below(100);
    return r < 4 ? low_ - 1 : r < 8 ? low_ + domain_ : low_ + rng_.below(domain_);
  }

  Term constant_of(Sort sort) {
    switch (sort) {
      case Sort::integer: return Term::constant(constant());
      case Sort::source: return Term::constant(rng_.below(source_count), sort);
      case Sort::claimant: return Term::constant(rng_.below(claimant_count), sort);
      case Sort::certainty: return Term::constant(rng_.below(certainty_count), sort);
    }
    return Term::anon();
  }

  int fresh() { return next_var_++; }

  Term bound_term(std::vector<int> const& bound) {
    if (bound.empty() || rng_.percent(15)) return Term::constant(constant());
    return Term::var(rng_.pick(bound));
  }

  // `@ S`, `by C` or `certainty K` of a positive atom: mostly left out, else a new variable,
  // a join with a bound one, or a constant.
  Term meta_term(Sort sort, Scope& bound, Scope& mine) {
    int r = rng_.below(100);
    int omit = sort == Sort::source ? 45 : 75;
    if (r < omit) return Term::anon();
    if (r < omit + (100 - omit) / 2) {
      int v = fresh();
      mine.add(sort, v);
      return Term::var(v);
    }
    if (r < 92 && !bound.of(sort).empty()) return Term::var(rng_.pick(bound.of(sort)));
    return constant_of(sort);
  }

  // A positive atom; new variables are added to `bound`.
  Atom positive_atom(int pred, Scope& bound, std::vector<int> const* locals_pool) {
    Atom a{pred, {}, {}, {}, {}, false};
    Scope mine;
    auto& ints = mine.of(Sort::integer);
    for (int i = 0; i < p_.preds[pred].arity; ++i) {
      int r = rng_.below(100);
      std::vector<int> reuse = bound.of(Sort::integer);
      reuse.insert(reuse.end(), ints.begin(), ints.end());
      if (r < 6) {
        a.args.push_back(Term::constant(constant()));
      } else if (r < 16) {
        a.args.push_back(Term::anon());
      } else if (r < 46 && !reuse.empty()) {
        a.args.push_back(Term::var(rng_.pick(reuse)));  // a join, or a variable repeated in the atom
      } else if (locals_pool && !locals_pool->empty() && rng_.percent(30)) {
        int v = rng_.pick(*locals_pool);  // a local name another aggregate used too
        if (!bound.has(v)) mine.add(Sort::integer, v);
        a.args.push_back(Term::var(v));
      } else {
        int v = fresh();
        mine.add(Sort::integer, v);
        a.args.push_back(Term::var(v));
      }
    }
    if (p_.preds[pred].base || p_.preds[pred].sourced) a.source = meta_term(Sort::source, bound, mine);
    if (p_.preds[pred].base) {
      a.strong = rng_.percent(12);
      a.claimant = meta_term(Sort::claimant, bound, mine);
      a.certainty = meta_term(Sort::certainty, bound, mine);
    } else if (rng_.percent(12)) {
      a.certainty = derived_certainty(bound, mine);
    }
    for (int s = 0; s < 4; ++s)
      for (int v : mine.vars[s]) bound.add(static_cast<Sort>(s), v);
    return a;
  }

  // `certainty K` on a derived atom: mostly a new variable (often compared next), else a join or a level.
  Term derived_certainty(Scope& bound, Scope& mine) {
    int r = rng_.below(100);
    if (r < 55) {
      int v = fresh();
      mine.add(Sort::certainty, v);
      return Term::var(v);
    }
    if (r < 75 && !bound.of(Sort::certainty).empty()) return Term::var(rng_.pick(bound.of(Sort::certainty)));
    return constant_of(Sort::certainty);
  }

  Term filter_term(Sort sort, Scope const& bound) {
    int r = rng_.below(100);
    if (r < 50) return Term::anon();
    if (r < 80 && !bound.of(sort).empty()) return Term::var(rng_.pick(bound.of(sort)));
    return constant_of(sort);
  }

  // An atom under `not`: every variable already bound.
  Atom filter_atom(int pred, Scope const& bound) {
    Atom a{pred, {}, {}, {}, {}, false};
    auto const& ints = bound.of(Sort::integer);
    for (int i = 0; i < p_.preds[pred].arity; ++i) {
      int r = rng_.below(100);
      if (r < 65 && !ints.empty()) a.args.push_back(Term::var(rng_.pick(ints)));
      else if (r < 85) a.args.push_back(Term::constant(constant()));
      else a.args.push_back(Term::anon());
    }
    if (p_.preds[pred].base || p_.preds[pred].sourced) a.source = filter_term(Sort::source, bound);
    if (p_.preds[pred].base) {
      a.strong = rng_.percent(12);
      if (rng_.percent(20)) a.claimant = filter_term(Sort::claimant, bound);
      if (rng_.percent(20)) a.certainty = filter_term(Sort::certainty, bound);
    } else if (rng_.percent(10)) {
      a.certainty = filter_term(Sort::certainty, bound);
    }
    return a;
  }

  Expr value_expr(std::vector<int> const& bound) {
    auto var = [&] { return Expr::of(bound_term(bound)); };
    int r = rng_.below(100);
    if (bound.empty() || r < 45) return var();
    auto c = [&](int lo, int hi) { return Expr::of(Term::constant(rng_.between(lo, hi))); };
    if (r < 60) return Expr::op(Expr::Kind::add, {var(), c(-2, 3)});
    if (r < 68) return Expr::op(Expr::Kind::sub, {var(), c(-1, 2)});
    if (r < 74) return Expr::op(Expr::Kind::mul, {var(), c(-2, 3)});
    if (r < 80) return Expr::op(Expr::Kind::add, {var(), var()});
    if (r < 84) return Expr::op(Expr::Kind::sub, {var(), Expr::op(Expr::Kind::mul, {var(), c(1, 2)})});
    if (r < 88) return Expr::op(Expr::Kind::div, {var(), c(1, 3)});
    if (r < 91) return Expr::op(Expr::Kind::mod, {var(), c(1, 3)});
    if (r < 94) return Expr::op(Expr::Kind::abs, {Expr::op(Expr::Kind::sub, {var(), var()})});
    if (r < 97) return Expr::op(Expr::Kind::min, {var(), var()});
    return Expr::op(Expr::Kind::max, {var(), c(0, 3)});
  }

  Literal compare(Cmp op, Expr lhs, Expr rhs) {
    Literal l;
    l.kind = Literal::Kind::compare;
    l.op = op;
    l.lhs = std::move(lhs);
    l.rhs = std::move(rhs);
    l.flipped = rng_.percent(30);
    return l;
  }

  // Keeps a value computed in a recursive rule within a range, so recursion terminates.
  void keep_bounded(Body& b, int v) {
    b.literals.push_back(compare(Cmp::ge, Expr::of(Term::var(v)), Expr::of(Term::constant(low_ - 2))));
    b.literals.push_back(compare(Cmp::le, Expr::of(Term::var(v)), Expr::of(Term::constant(low_ + domain_ + 2))));
  }

  void add_comparison(Body& b) {
    static constexpr Cmp ops[] = {Cmp::eq, Cmp::ne, Cmp::lt, Cmp::le, Cmp::gt, Cmp::ge};
    std::vector<Sort> metas;
    for (Sort s : {Sort::source, Sort::claimant, Sort::certainty})
      if (!b.bound.of(s).empty()) metas.push_back(s);
    if (!metas.empty() && rng_.percent(25)) {
      // Sources and certainties are ordered; claimants are only equal or not.
      Sort sort = rng_.pick(metas);
      auto const& vars = b.bound.of(sort);
      Term rhs = rng_.percent(40) ? Term::var(rng_.pick(vars)) : constant_of(sort);
      Cmp op = sort == Sort::claimant ? ops[rng_.below(2)] : ops[rng_.below(6)];
      b.literals.push_back(compare(op, Expr::of(Term::var(rng_.pick(vars))), Expr::of(rhs)));
      return;
    }
    auto const& ints = b.bound.of(Sort::integer);
    if (ints.empty()) return;
    Expr lhs = value_expr(ints);
    Expr rhs = rng_.percent(40) ? Expr::of(Term::var(rng_.pick(ints))) : Expr::of(Term::constant(constant()));
    b.literals.push_back(compare(ops[rng_.below(6)], std::move(lhs), std::move(rhs)));
  }

  void add_assignment(Body& b) {
    int v = fresh();
    auto const& sources = b.bound.of(Sort::source);
    if (!sources.empty() && rng_.percent(8)) {
      b.literals.push_back(compare(Cmp::eq, Expr::of(Term::var(v)), Expr::of(Term::var(rng_.pick(sources)))));
      b.bound.add(Sort::source, v);
      return;
    }
    // Often computed from the variable assigned last: chains like `B = A, C = B - 1` test
    // type inference, especially when the body is printed in reverse.
    Expr value = value_expr(b.bound.of(Sort::integer));
    if (last_assigned_ >= 0 && (force_chain_ || rng_.percent(40))) {
      Expr last = Expr::of(Term::var(last_assigned_));
      value = rng_.percent(force_chain_ ? 80 : 60) ? last : Expr::op(Expr::Kind::sub, {last, Expr::of(Term::constant(rng_.between(0, 2)))});
    }
    b.literals.push_back(compare(Cmp::eq, Expr::of(Term::var(v)), std::move(value)));
    b.bound.add(Sort::integer, v);
    last_assigned_ = v;
    if (b.recursive) keep_bounded(b, v);
  }

  void add_negation(Body& b, int group) {
    auto preds = usable(group, false);
    Literal l;
    l.kind = Literal::Kind::negative;
    l.atom = filter_atom(rng_.pick(preds), b.bound);
    if (in_rule_) compute_arguments(l.atom, b.bound.of(Sort::integer));
    b.literals.push_back(std::move(l));
  }

  // An aggregate over `preds`, grouped by the variables of `outer`, its target not yet set.
  // The int variables it binds inside (its locals) are added to `locals`.
  Literal aggregate(Scope const& outer, std::vector<int> const& pool, std::vector<int> const& preds, bool nested, std::vector<int>& locals) {
    Literal l;
    l.kind = Literal::Kind::aggregate;
    int r = rng_.below(100);
    l.agg = r < 40 ? Agg::count : r < 58 ? Agg::sum : r < 72 ? Agg::min : r < 86 ? Agg::max : Agg::mean;
    Scope inner = outer;
    auto const& ints = inner.of(Sort::integer);
    Literal first;
    first.atom = positive_atom(rng_.pick(preds), inner, &pool);
    l.body.push_back(std::move(first));
    if (rng_.percent(45)) {
      int k = rng_.below(nested ? 4 : 5);
      if (k == 0) {
        Literal more;
        more.atom = positive_atom(rng_.pick(preds), inner, &pool);
        l.body.push_back(std::move(more));
      } else if (k == 1 && !ints.empty()) {
        static constexpr Cmp ops[] = {Cmp::ne, Cmp::lt, Cmp::le, Cmp::gt, Cmp::ge};
        l.body.push_back(compare(ops[rng_.below(5)], Expr::of(Term::var(rng_.pick(ints))), Expr::of(Term::constant(constant()))));
      } else if (k == 2) {
        Literal neg;
        neg.kind = Literal::Kind::negative;
        neg.atom = filter_atom(rng_.pick(preds), inner);
        l.body.push_back(std::move(neg));
      } else if (k == 3) {
        int v = fresh();
        l.body.push_back(compare(Cmp::eq, Expr::of(Term::var(v)), value_expr(ints)));
        inner.add(Sort::integer, v);
      } else {
        std::vector<int> ignored;
        Literal n = aggregate(inner, pool, preds, true, ignored);
        n.target = fresh();
        n.flipped = rng_.percent(20);
        inner.add(Sort::integer, n.target);
        l.body.push_back(std::move(n));
        if (rng_.percent(50))
          l.body.push_back(compare(Cmp::ge, Expr::of(Term::var(ints.back())), Expr::of(Term::constant(rng_.between(0, 2)))));
      }
    }
    std::vector<int> mine;
    for (int v : ints)
      if (!outer.has(v)) mine.push_back(v);
    // Prefer a local variable: aggregating an outer one is legal but dull.
    if (l.agg != Agg::count) l.value = value_expr(mine.empty() || rng_.percent(15) ? ints : mine);
    locals.insert(locals.end(), mine.begin(), mine.end());
    return l;
  }

  void add_aggregate(Body& b, int group) {
    std::vector<int> locals;
    Literal l = aggregate(b.bound, b.agg_locals, usable(group, false), false, locals);
    for (int v : locals)
      if (std::find(b.agg_locals.begin(), b.agg_locals.end(), v) == b.agg_locals.end()) b.agg_locals.push_back(v);
    auto const& ints = b.bound.of(Sort::integer);
    bool check = !ints.empty() && rng_.percent(10);  // target already bound: the aggregate must equal it
    l.target = check ? rng_.pick(ints) : fresh();
    l.flipped = rng_.percent(20);
    b.literals.push_back(std::move(l));
    if (check) return;
    int target = b.literals.back().target;
    b.bound.add(Sort::integer, target);
    if (b.recursive) keep_bounded(b, target);
    if (rng_.percent(50)) {
      static constexpr Cmp ops[] = {Cmp::eq, Cmp::ne, Cmp::lt, Cmp::le, Cmp::gt, Cmp::ge};
      b.literals.push_back(compare(ops[rng_.below(6)], Expr::of(Term::var(target)), Expr::of(Term::constant(rng_.between(0, 3)))));
    }
  }

  // `before` with the variables a positive atom binds, as it stands after its places were edited.
  static Scope bound_after(Scope before, Atom const& a) {
    for (auto const& t : a.args)
      if (t.kind == Term::Kind::var) before.add(Sort::integer, t.value);
    for (auto [t, sort] : {std::pair{&a.source, Sort::source}, std::pair{&a.claimant, Sort::claimant}, std::pair{&a.certainty, Sort::certainty}})
      if (t->kind == Term::Kind::var) before.add(sort, t->value);
    return before;
  }

  // `X in {...}` or `X not in {...}` over a bound int value.
  void add_membership(Body& b) {
    auto const& ints = b.bound.of(Sort::integer);
    if (ints.empty()) return;
    Literal l;
    l.kind = Literal::Kind::member;
    l.lhs = rng_.percent(70) ? Expr::of(Term::var(rng_.pick(ints))) : value_expr(ints);
    l.negated = rng_.percent(30);
    int n = rng_.between(1, 4);
    for (int i = 0; i < n; ++i) l.set.push_back(constant());  // repeats are allowed, as users write them
    b.literals.push_back(std::move(l));
  }

  // `(a ; b ; ...)`: each alternative an atom of an earlier group (or a base one) and maybe a
  // test. New variables every alternative binds (by the atom, or by an assignment where the
  // atom has no place for them) are bound after it; the others stay local to their alternative.
  void add_disjunction(Body& b, int group) {
    auto preds = usable(group, false);
    std::vector<int> shared(static_cast<std::size_t>(rng_.below(3)));
    for (auto& v : shared) v = fresh();
    Literal l;
    l.kind = Literal::Kind::disjunction;
    int n = rng_.percent(75) ? 2 : 3;
    for (int a = 0; a < n; ++a) {
      Body alt;
      alt.bound = b.bound;
      Literal first;
      first.atom = positive_atom(rng_.pick(preds), alt.bound, nullptr);
      std::vector<int> unplaced;
      for (std::size_t j = 0; j < shared.size(); ++j) {
        if (j < first.atom.args.size() && rng_.percent(70)) first.atom.args[j] = Term::var(shared[j]);
        else unplaced.push_back(shared[j]);
      }
      // What the atom binds now that shared variables took some of its places.
      alt.bound = bound_after(b.bound, first.atom);
      alt.literals.push_back(std::move(first));
      for (int v : unplaced) alt.literals.push_back(compare(Cmp::eq, Expr::of(Term::var(v)), value_expr(alt.bound.of(Sort::integer))));
      for (int v : shared) alt.bound.add(Sort::integer, v);
      int extra = rng_.below(100);
      if (extra < 25) add_comparison(alt);
      else if (extra < 40) add_membership(alt);
      else if (extra < 50) add_negation(alt, group);
      l.alternatives.push_back(std::move(alt.literals));
    }
    b.literals.push_back(std::move(l));
    for (int v : shared) {
      b.bound.add(Sort::integer, v);
      if (b.recursive) keep_bounded(b, v);
    }
  }

  // `not (a, b)`: one or two atoms of earlier groups (or base ones), maybe with a test, over the
  // variables bound so far and local ones of their own.
  void add_not_all(Body& b, int group) {
    auto preds = usable(group, false);
    Body inner;
    inner.bound = b.bound;
    Literal l;
    l.kind = Literal::Kind::not_all;
    int atoms = rng_.percent(60) ? 2 : 1;
    for (int k = 0; k < atoms; ++k) {
      Literal a;
      a.atom = positive_atom(rng_.pick(preds), inner.bound, nullptr);
      inner.literals.push_back(std::move(a));
    }
    if (rng_.percent(30)) add_comparison(inner);
    else if (rng_.percent(15)) add_membership(inner);
    l.body = std::move(inner.literals);
    b.literals.push_back(std::move(l));
  }

  // Arithmetic in some argument places of an atom, over variables bound before it (rules only:
  // a constraint's columns follow the order its variables are written in).
  void compute_arguments(Atom& a, std::vector<int> const& before) {
    if (before.empty()) return;
    for (std::size_t i = 0; i < a.args.size(); ++i) {
      if (!rng_.percent(12)) continue;
      // The place's own variable, if new, is bound by nothing else now.
      a.args[i] = Term::anon();
      a.computed.emplace_back(i, Expr::op(rng_.percent(70) ? Expr::Kind::add : Expr::Kind::mul,
                                          {Expr::of(Term::var(rng_.pick(before))), Expr::of(Term::constant(rng_.between(-1, 2)))}));
    }
  }

  // A rule for `head` (or a constraint when head < 0) of `group`.
  Rule rule(int head, int group, bool recursive) {
    in_rule_ = head >= 0;
    next_var_ = 0;
    last_assigned_ = -1;
    Body b;
    b.recursive = recursive;
    auto positives = usable(group, recursive);
    std::vector<int> same;
    if (recursive) same = p_.groups[group];
    bool has_same = false;
    int n = rng_.between(1, sizes_.max_body);
    for (int i = 0; i < n; ++i) {
      int k = i == 0 ? (rng_.percent(4) ? 1 : 0) : rng_.below(100);
      if (i == 0 && k == 1) {
        add_assignment(b);  // a body with no atom at all: `p(X) :- X = 3.`
        continue;
      }
      if (k < 40) {
        bool want_same = recursive && (!has_same || rng_.percent(30)) && rng_.percent(50);
        int pred = want_same ? rng_.pick(same) : rng_.pick(positives);
        has_same = has_same || (recursive && p_.preds[pred].group == group && !p_.preds[pred].base);
        Literal l;
        Scope before = b.bound;
        l.atom = positive_atom(pred, b.bound, nullptr);
        if (head >= 0) {
          compute_arguments(l.atom, before.of(Sort::integer));
          if (!l.atom.computed.empty()) b.bound = bound_after(before, l.atom);  // some places are computed now
        }
        b.literals.push_back(std::move(l));
      } else if (k < 52) {
        add_comparison(b);
      } else if (k < 63) {
        // Sometimes a chain of them, each computed from the one before.
        int chain = rng_.percent(15) ? rng_.between(3, 6) : 1;
        for (int c = 0; c < chain; ++c) {
          if (c > 0) force_chain_ = true;
          add_assignment(b);
        }
        force_chain_ = false;
      } else if (k < 75) {
        add_negation(b, group);
      } else if (k < 85) {
        add_aggregate(b, group);
      } else if (k < 90) {
        add_membership(b);
      } else if (k < 95) {
        add_disjunction(b, group);
      } else {
        add_not_all(b, group);
      }
    }
    if (recursive && !has_same) {
      Literal l;
      l.atom = positive_atom(rng_.pick(same), b.bound, nullptr);
      b.literals.push_back(std::move(l));
    }
    Rule r;
    r.body = std::move(b.literals);
    if (head >= 0) {
      r.head.pred = head;
      auto const& ints = b.bound.of(Sort::integer);
      for (int i = 0; i < p_.preds[head].arity; ++i)
        r.head.args.push_back(ints.empty() || rng_.percent(8) ? Term::constant(constant()) : Term::var(rng_.pick(ints)));
      // Arithmetic in the head keeps recursion bounded only where there is none.
      if (!recursive) compute_arguments(r.head, ints);
      if (p_.preds[head].sourced) {
        auto const& sources = b.bound.of(Sort::source);
        r.head.source = sources.empty() || rng_.percent(10) ? constant_of(Sort::source) : Term::var(rng_.pick(sources));
      }
    }
    for (int i = 0; i < static_cast<int>(r.body.size()); ++i) r.shown.push_back(i);
    int order = rng_.below(100);
    if (order < 10) std::reverse(r.shown.begin(), r.shown.end());  // the hardest order for one-pass analyses
    else if (order < 35)
      for (int i = static_cast<int>(r.shown.size()) - 1; i > 0; --i) std::swap(r.shown[i], r.shown[rng_.below(i + 1)]);
    return r;
  }

  Rng rng_;
  Sizes sizes_;
  std::uint64_t seed_;
  Program p_;
  int domain_ = 4;
  int low_ = 0;  // facts hold low_ .. low_ + domain_ - 1
  int next_var_ = 0;
  int last_assigned_ = -1;
  bool force_chain_ = false;
  bool in_rule_ = false;  // generating a rule, not a constraint
};

inline Program generate(std::uint64_t seed, Sizes sizes = {}) { return Generator(seed, sizes).run(); }

}  // namespace difftest
