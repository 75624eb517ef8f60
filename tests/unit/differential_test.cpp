// Differential test: generated programs run through nogood::Session and through the naive
// evaluator in difftest/naive.hpp; every derived relation and every constraint must agree.
// A disagreement is minimised (rules, literals and facts dropped while it persists) and
// printed with its seed.
//
// NOGOOD_DIFFTEST_PROGRAMS=N and NOGOOD_DIFFTEST_SEED=S choose the programs (seeds S .. S+N-1
// small ones, and N/5 larger ones); NOGOOD_DIFFTEST_STATS=1 prints their sizes, run times and
// features. Every verdict is also explained, and every step of its explanation must re-check.
// Programs over imprecise dates (difftest/dates.hpp) are compared binding by binding.
#include <catch2/catch.hpp>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <numeric>
#include <set>

#include "difftest/dates.hpp"
#include "difftest/generate.hpp"
#include "difftest/naive.hpp"
#include "nogood/engine/dates.hpp"
#include "run_program.hpp"

#ifndef NOGOOD_DIFFTEST_PROGRAMS
#define NOGOOD_DIFFTEST_PROGRAMS 2000
#endif

namespace difftest {
namespace {

std::int64_t env_int(char const* name, std::int64_t fallback) {
  char const* v = std::getenv(name);
  return v && *v ? std::strtoll(v, nullptr, 10) : fallback;
}

// Calls `f` on every atom of a body: positive, under `not`, in aggregates and alternatives.
void for_each_atom(std::vector<Literal> const& body, std::function<void(Atom const&)> const& f) {
  for (auto const& l : body) {
    if (l.kind == Literal::Kind::positive || l.kind == Literal::Kind::negative) f(l.atom);
    for_each_atom(l.body, f);
    for (auto const& alt : l.alternatives) for_each_atom(alt, f);
  }
}

// The positive atoms a rule's facts rest on: the body's, and those of the alternatives it takes.
void for_each_resting_atom(std::vector<Literal> const& body, std::function<void(Atom const&)> const& f) {
  for (auto const& l : body) {
    if (l.kind == Literal::Kind::positive) f(l.atom);
    for (auto const& alt : l.alternatives) for_each_resting_atom(alt, f);
  }
}

// Derived predicates whose certainty some atom reads, and those their rules rest on.
std::set<int> certainty_read(Program const& p) {
  std::set<int> out;
  for (auto const& r : p.rules)
    for_each_atom(r.body, [&](Atom const& a) {
      if (!p.preds[a.pred].base && a.certainty.kind != Term::Kind::anon) out.insert(a.pred);
    });
  for (bool grew = true; grew;) {
    grew = false;
    for (auto const& r : p.rules)
      if (!r.constraint && out.count(r.head.pred))
        for_each_resting_atom(r.body, [&](Atom const& a) {
          if (!p.preds[a.pred].base) grew = out.insert(a.pred).second || grew;
        });
  }
  return out;
}

// What is compared: derived predicates with rules (and their facts' certainties, where some atom
// reads them), constraints, and the built-in negation checks.
std::set<std::string> compared_names(Program const& p) {
  std::set<std::string> out;
  for (auto const& r : p.rules) out.insert(r.constraint ? "constraint " + r.name : p.preds[r.head.pred].name);
  for (int pred : certainty_read(p)) out.insert(p.preds[pred].name + " certainty");
  for (auto const& pred : p.preds)
    if (pred.base && p.negation_check) {
      out.insert("constraint negation_" + pred.name);
      out.insert("constraint negation_" + pred.name + "_within_source");
    }
  return out;
}

testing::ProgramRun run_engine(Program const& p) {
  std::vector<std::string> facts;
  for (int s = 0; s < source_count; ++s) facts.push_back(facts_text(p, s));
  testing::RunOptions options;
  options.explain = true;  // and every step of every explanation must re-check
  for (int c = 0; c < claimant_count; ++c) options.symbols.push_back(c ? constant_text(c, Sort::claimant) : "");
  return testing::run_program(rules_text(p), facts, options);
}

std::string to_text(Tuple const& t) {
  std::string out = "(";
  for (std::size_t i = 0; i < t.size(); ++i) out += (i ? ", " : "") + std::to_string(t[i]);
  return out + ")";
}

// Where the engine and the naive evaluator differ; empty when they agree.
std::string compare(Program const& p, Relations const& naive, std::map<std::string, testing::TupleSet> const& engine) {
  std::string out;
  for (auto const& name : compared_names(p)) {
    auto const& want = naive.at(name);
    auto it = engine.find(name);
    if (it == engine.end()) {
      out += "`" + name + "`: no such relation in the engine\n";
      continue;
    }
    std::string missing, extra;
    int nm = 0, ne = 0;
    for (auto const& t : want)
      if (!it->second.count(t) && nm++ < 8) missing += " " + to_text(t);
    for (auto const& t : it->second)
      if (!want.count(t) && ne++ < 8) extra += " " + to_text(t);
    if (nm) out += "`" + name + "`: " + std::to_string(nm) + " missing in the engine:" + missing + "\n";
    if (ne) out += "`" + name + "`: " + std::to_string(ne) + " extra in the engine:" + extra + "\n";
  }
  return out;
}

struct Outcome {
  enum class Kind { agree, differ, engine_error, runaway, too_big } kind = Kind::agree;
  std::string detail;
  Relations naive;
};

Outcome check(Program const& p) {
  Outcome o;
  try {
    o.naive = evaluate_naive(p);
  } catch (Runaway const&) {
    o.kind = Outcome::Kind::runaway;
    return o;
  } catch (TooBig const&) {
    o.kind = Outcome::Kind::too_big;
    return o;
  }
  auto run = run_engine(p);
  if (!run.ok) {
    o.kind = Outcome::Kind::engine_error;
    o.detail = run.errors;
    return o;
  }
  o.detail = compare(p, o.naive, run.relations);
  std::size_t verdicts = 0;
  for (auto const& [name, rel] : o.naive)
    if (name.starts_with("constraint ")) verdicts += rel.size();
  if (run.verdicts.size() != verdicts)
    o.detail += std::to_string(run.verdicts.size()) + " verdicts for " + std::to_string(verdicts) + " constraint bindings\n";
  for (std::size_t i = 0; i < run.unverified.size() && i < 5; ++i) o.detail += "explanation step does not re-check: " + run.unverified[i] + "\n";
  if (!o.detail.empty()) o.kind = Outcome::Kind::differ;
  return o;
}

// Whether a rule is still well formed after the minimiser dropped parts of it: each literal's
// inputs bound by the literals before it, and an aggregate's local variables used nowhere
// outside it.
bool valid_rule(Rule const& r) {
  std::function<void(Expr const&, std::function<void(Term const&)> const&)> terms =
      [&](Expr const& e, std::function<void(Term const&)> const& f) {
        if (e.kind == Expr::Kind::term) f(e.term);
        for (auto const& a : e.args) terms(a, f);
      };
  auto ready = [&](Expr const& e, std::set<int> const& bound) {
    bool ok = true;
    terms(e, [&](Term const& t) { ok = ok && (t.kind != Term::Kind::var || bound.count(t.value)); });
    return ok;
  };
  auto unbound_var = [](Expr const& e, std::set<int> const& bound) {
    return e.kind == Expr::Kind::term && e.term.kind == Term::Kind::var && !bound.count(e.term.value);
  };
  std::function<bool(std::vector<Literal> const&, std::set<int>&, std::set<int> const&)> body =
      [&](std::vector<Literal> const& lits, std::set<int>& bound, std::set<int> const& enclosing) {
        // Variables of this level outside its aggregates, and of the levels around it.
        std::set<int> here = enclosing;
        auto note = [&](Term const& t) {
          if (t.kind == Term::Kind::var) here.insert(t.value);
        };
        auto atom_terms = [](Atom const& a) {
          auto out = a.args;
          out.insert(out.end(), {a.source, a.claimant, a.certainty});
          return out;
        };
        for (auto const& l : lits) {
          for (auto const& t : atom_terms(l.atom)) note(t);
          terms(l.lhs, note);
          terms(l.rhs, note);
          if (l.kind == Literal::Kind::aggregate) here.insert(l.target);
        }
        for (auto const& l : lits) {
          switch (l.kind) {
            case Literal::Kind::positive:
              for (auto const& [at, e] : l.atom.computed)
                if (!ready(e, bound)) return false;
              for (auto const& t : atom_terms(l.atom))
                if (t.kind == Term::Kind::var) bound.insert(t.value);
              break;
            case Literal::Kind::negative:
              for (auto const& [at, e] : l.atom.computed)
                if (!ready(e, bound)) return false;
              for (auto const& t : atom_terms(l.atom))
                if (t.kind == Term::Kind::var && !bound.count(t.value)) return false;
              break;
            case Literal::Kind::compare:
              if (l.op == Cmp::eq && unbound_var(l.lhs, bound) && ready(l.rhs, bound)) bound.insert(l.lhs.term.value);
              else if (l.op == Cmp::eq && unbound_var(l.rhs, bound) && ready(l.lhs, bound)) bound.insert(l.rhs.term.value);
              else if (!ready(l.lhs, bound) || !ready(l.rhs, bound)) return false;
              break;
            case Literal::Kind::member:
              if (!ready(l.lhs, bound)) return false;
              break;
            case Literal::Kind::not_all: {
              std::set<int> inner = bound;
              if (l.body.empty() || !body(l.body, inner, here)) return false;
              break;
            }
            case Literal::Kind::disjunction: {
              // Bound after it: what every alternative binds.
              std::optional<std::set<int>> all;
              for (auto const& alt : l.alternatives) {
                std::set<int> inner = bound;
                if (alt.empty() || !body(alt, inner, here)) return false;
                if (!all) all = inner;
                else std::erase_if(*all, [&](int v) { return !inner.count(v); });
              }
              if (all) bound = *all;
              break;
            }
            case Literal::Kind::aggregate: {
              if (l.body.empty()) return false;
              std::set<int> inner = bound;
              if (!body(l.body, inner, here)) return false;
              if (l.agg != Agg::count && !ready(l.value, inner)) return false;
              for (int v : inner)
                if (!bound.count(v) && here.count(v)) return false;
              bound.insert(l.target);
              break;
            }
          }
        }
        return true;
      };
  std::set<int> head;
  for (auto const* t : {&r.head.source})
    if (t->kind == Term::Kind::var) head.insert(t->value);
  for (auto const& t : r.head.args)
    if (t.kind == Term::Kind::var) head.insert(t.value);
  std::set<int> bound;
  if (!body(r.body, bound, head)) return false;
  for (auto const& [at, e] : r.head.computed)
    if (!ready(e, bound)) return false;
  return std::all_of(head.begin(), head.end(), [&](int v) { return bound.count(v); });
}

// Drops rules, literals and facts while the engine and the naive evaluator still disagree.
Program minimise(Program p) {
  auto failing = [](Program const& q) {
    for (auto const& r : q.rules)
      if (!valid_rule(r)) return false;
    return check(q).kind == Outcome::Kind::differ;
  };
  auto drop_literal = [](Rule& r, std::size_t j) {
    r.body.erase(r.body.begin() + static_cast<std::ptrdiff_t>(j));
    std::erase(r.shown, static_cast<int>(j));
    for (auto& s : r.shown)
      if (s > static_cast<int>(j)) --s;
  };
  for (bool progress = true; progress;) {
    progress = false;
    auto attempt = [&](Program const& q) {
      if (!failing(q)) return false;
      p = q;
      progress = true;
      return true;
    };
    for (std::size_t i = p.rules.size(); i-- > 0;) {
      Program q = p;
      q.rules.erase(q.rules.begin() + static_cast<std::ptrdiff_t>(i));
      attempt(q);
    }
    for (std::size_t i = 0; i < p.rules.size(); ++i) {
      for (std::size_t j = p.rules[i].body.size(); j-- > 0;) {
        Program q = p;
        drop_literal(q.rules[i], j);
        if (attempt(q)) continue;
        auto const& l = p.rules[i].body[j];
        if (l.kind != Literal::Kind::aggregate) continue;
        for (std::size_t k = l.body.size(); k-- > 0;) {
          Program q2 = p;
          auto& inner = q2.rules[i].body[j].body;
          inner.erase(inner.begin() + static_cast<std::ptrdiff_t>(k));
          attempt(q2);
        }
      }
      Program q = p;
      std::iota(q.rules[i].shown.begin(), q.rules[i].shown.end(), 0);
      if (q.rules[i].shown != p.rules[i].shown) attempt(q);
    }
    for (std::size_t chunk = std::max<std::size_t>(1, p.facts.size() / 2); chunk > 0; chunk /= 2)
      for (std::size_t at = 0; at < p.facts.size();) {
        Program q = p;
        q.facts.erase(q.facts.begin() + static_cast<std::ptrdiff_t>(at),
                      q.facts.begin() + static_cast<std::ptrdiff_t>(std::min(at + chunk, q.facts.size())));
        if (!attempt(q)) at += chunk;
      }
  }
  return p;
}

std::string show(Program const& p) {
  std::string out = "--- rules\n" + rules_text(p);
  for (int s = 0; s < source_count; ++s) out += "--- s" + std::to_string(s + 1) + ".json\n" + facts_text(p, s);
  return out;
}

// What a generated program exercises, for the coverage check and the statistics.
struct Features {
  int rules = 0, literals = 0, facts = 0, derived = 0, relations = 0, nonempty = 0, micros = 0;
  static constexpr int count = 28;
  bool alternatives = false, membership = false, mean = false, not_all = false, computed_argument = false;
  bool recursion = false, mutual = false, negation = false, aggregate = false, nested_aggregate = false, comparison = false,
       assignment = false, repeated_var = false, constant_arg = false, zero_arity = false, shuffled = false,
       background = false, constraint = false, source = false, claim_meta = false, sourced_head = false, same_claim_twice = false,
       repeated_record = false, strong_negation = false, negation_verdicts = false, derived_certainty = false,
       recursive_certainty = false, optional_args = false;
  std::array<bool, count> flags() const {
    return {recursion, mutual, negation, aggregate, nested_aggregate, comparison, assignment, repeated_var, constant_arg,
            zero_arity, shuffled, background, constraint, source, claim_meta, sourced_head, same_claim_twice,
            repeated_record, strong_negation, negation_verdicts, alternatives, membership, mean, not_all, computed_argument,
            derived_certainty, recursive_certainty, optional_args};
  }
  static constexpr char const* names[count] = {
      "recursion", "mutual recursion", "negation", "aggregates", "nested aggregates", "comparisons", "assignments",
      "repeated variable in an atom", "constant in an atom", "zero-arity predicate", "body printed out of order",
      "background facts", "constraints", "`@ S`", "`by` or `certainty`", "derived `@ S` head", "a fact from two sources",
      "a claim repeated exactly", "`-b(...)` in a body", "negation check verdicts", "alternatives `( ; )`",
      "`in {...}`", "`mean`", "`not (a, b)`", "arithmetic in an argument", "`certainty K` on a derived atom",
      "derived certainty through recursion", "optional arguments with defaults"};
};

Features features(Program const& p, Relations const& naive) {
  Features f;
  f.facts = static_cast<int>(p.facts.size());
  auto names = compared_names(p);
  for (auto const& [name, rel] : naive) {
    if (!names.count(name)) continue;
    f.derived += static_cast<int>(rel.size());
    ++f.relations;
    f.nonempty += !rel.empty();
    f.negation_verdicts = f.negation_verdicts || (name.starts_with("constraint negation_") && !rel.empty());
  }
  for (auto const& pred : p.preds) {
    f.zero_arity = f.zero_arity || pred.arity == 0;
    f.optional_args = f.optional_args || pred.optional_from >= 0;
  }
  std::set<std::pair<int, std::vector<int>>> stated;
  std::set<std::vector<int>> records;
  for (auto const& fact : p.facts) {
    auto record = fact.tuple();
    record.insert(record.begin(), {fact.pred, fact.negated});
    f.repeated_record = f.repeated_record || !records.insert(record).second;
    f.background = f.background || fact.source == background_source;
    f.same_claim_twice = f.same_claim_twice || (!fact.negated && !stated.emplace(fact.pred, fact.args).second);
  }
  std::function<void(Rule const&, std::vector<Literal> const&, bool)> scan = [&](Rule const& r, std::vector<Literal> const& body,
                                                                                 bool nested) {
    for (auto const& l : body) {
      ++f.literals;
      if (l.kind == Literal::Kind::positive || l.kind == Literal::Kind::negative) {
        f.computed_argument = f.computed_argument || !l.atom.computed.empty();
        f.source = f.source || l.atom.source.kind != Term::Kind::anon;
        f.claim_meta = f.claim_meta || l.atom.claimant.kind != Term::Kind::anon || l.atom.certainty.kind != Term::Kind::anon;
        f.strong_negation = f.strong_negation || l.atom.strong;
      }
      switch (l.kind) {
        case Literal::Kind::positive: {
          std::set<int> seen;
          for (auto const& t : l.atom.args) {
            if (t.kind == Term::Kind::var && !seen.insert(t.value).second) f.repeated_var = true;
            if (t.kind == Term::Kind::constant) f.constant_arg = true;
          }
          auto const& pred = p.preds[l.atom.pred];
          if (!r.constraint && !pred.base && pred.group == p.preds[r.head.pred].group) {
            f.recursion = true;
            if (l.atom.pred != r.head.pred) f.mutual = true;
          }
          break;
        }
        case Literal::Kind::negative: f.negation = true; break;
        case Literal::Kind::compare:
          if (l.op == Cmp::eq && l.lhs.kind == Expr::Kind::term && l.lhs.term.kind == Term::Kind::var) f.assignment = true;
          else f.comparison = true;
          break;
        case Literal::Kind::member: f.membership = true; break;
        case Literal::Kind::not_all:
          f.not_all = true;
          scan(r, l.body, nested);
          break;
        case Literal::Kind::disjunction:
          f.alternatives = true;
          for (auto const& alt : l.alternatives) scan(r, alt, nested);
          break;
        case Literal::Kind::aggregate:
          f.aggregate = true;
          f.mean = f.mean || l.agg == Agg::mean;
          f.nested_aggregate = f.nested_aggregate || nested;
          scan(r, l.body, true);
          break;
      }
    }
  };
  auto const read = certainty_read(p);
  f.derived_certainty = !read.empty();
  for (auto const& r : p.rules)
    if (!r.constraint && read.count(r.head.pred))
      for_each_resting_atom(r.body, [&](Atom const& a) {
        f.recursive_certainty = f.recursive_certainty || (!p.preds[a.pred].base && p.preds[a.pred].group == p.preds[r.head.pred].group);
      });
  for (auto const& r : p.rules) {
    ++f.rules;
    f.constraint = f.constraint || r.constraint;
    f.sourced_head = f.sourced_head || (!r.constraint && r.head.source.kind != Term::Kind::anon);
    f.computed_argument = f.computed_argument || !r.head.computed.empty();
    for (std::size_t i = 0; i < r.shown.size(); ++i) f.shuffled = f.shuffled || r.shown[i] != static_cast<int>(i);
    scan(r, r.body, false);
  }
  return f;
}

std::string distribution(char const* what, std::vector<int> v) {
  std::sort(v.begin(), v.end());
  auto at = [&](double q) { return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))]; };
  double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  char line[200];
  std::snprintf(line, sizeof line, "  %-16s min %d, median %d, p90 %d, max %d, mean %.1f\n", what, v.front(), at(0.5), at(0.9),
                v.back(), mean);
  return line;
}

}  // namespace
}  // namespace difftest

using namespace difftest;

namespace {

// Runs programs of seeds first_seed .. first_seed + programs - 1 through both evaluators.
void differential_batch(char const* what, std::uint64_t first_seed, std::int64_t programs, Sizes const& sizes) {
  auto started = std::chrono::steady_clock::now();
  int failures = 0, nonempty = 0, too_big = 0;
  std::vector<Features> seen;
  for (std::int64_t i = 0; i < programs; ++i) {
    auto seed = first_seed + static_cast<std::uint64_t>(i);
    Program p = generate(seed, sizes);
    auto one_started = std::chrono::steady_clock::now();
    auto outcome = check(p);
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - one_started).count();
    if (outcome.kind == Outcome::Kind::too_big) {
      ++too_big;  // more than the naive evaluator can do quickly: skipped
      continue;
    }
    if (outcome.kind == Outcome::Kind::agree) {
      seen.push_back(features(p, outcome.naive));
      seen.back().micros = static_cast<int>(micros);
      if (seen.back().derived > 0) ++nonempty;
      continue;
    }
    ++failures;
    if (failures > 3) continue;  // the first few, minimised, say enough
    INFO("seed " << seed);
    if (outcome.kind == Outcome::Kind::runaway) {
      FAIL_CHECK("the generator wrote a program that does not terminate:\n" << show(p));
    } else if (outcome.kind == Outcome::Kind::engine_error) {
      FAIL_CHECK("the engine rejected a generated program:\n" << outcome.detail << show(p));
    } else {
      Program small = minimise(p);
      FAIL_CHECK("the engine and the naive evaluator disagree:\n"
                 << outcome.detail << show(p) << "\nminimised:\n" << check(small).detail << show(small));
    }
  }
  CHECK(failures == 0);
  CHECK(too_big * 100 <= programs);
  // The generator must give the engine something to do.
  CHECK(nonempty * 10 >= static_cast<int>(seen.size()) * 7);

  if (env_int("NOGOOD_DIFFTEST_STATS", 0) && !seen.empty()) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::vector<int> rules, literals, facts, derived, micros;
    int relations = 0, nonempty_relations = 0;
    std::array<int, Features::count> counts{};
    for (auto const& f : seen) {
      rules.push_back(f.rules);
      literals.push_back(f.literals);
      facts.push_back(f.facts);
      derived.push_back(f.derived);
      micros.push_back(f.micros);
      relations += f.relations;
      nonempty_relations += f.nonempty;
      for (int k = 0; k < Features::count; ++k) counts[k] += f.flags()[k];
    }
    std::string report = std::to_string(seen.size()) + " " + what + " programs agreed in " + std::to_string(seconds) + " s (" +
                         std::to_string(too_big) + " skipped as too big for the naive evaluator)\n";
    report += distribution("rules", rules) + distribution("body literals", literals) + distribution("facts", facts) +
              distribution("derived tuples", derived) + distribution("microseconds", micros);
    report += "  " + std::to_string(nonempty_relations) + " of " + std::to_string(relations) + " compared relations are not empty\n";
    for (int k = 0; k < Features::count; ++k) report += "  " + std::string(Features::names[k]) + ": " + std::to_string(counts[k]) + " programs\n";
    std::fputs(report.c_str(), stdout);
  }
}

}  // namespace

TEST_CASE("the engine agrees with a naive evaluator on small generated programs") {
  auto const programs = env_int("NOGOOD_DIFFTEST_PROGRAMS", NOGOOD_DIFFTEST_PROGRAMS);
  differential_batch("small", static_cast<std::uint64_t>(env_int("NOGOOD_DIFFTEST_SEED", 1)), programs, Sizes{});
}

// Fewer rules over more data: longer recursion, bigger relations and indexes.
TEST_CASE("the engine agrees with a naive evaluator on larger generated programs") {
  auto const programs = env_int("NOGOOD_DIFFTEST_PROGRAMS", NOGOOD_DIFFTEST_PROGRAMS) / 5;
  Sizes sizes;
  sizes.max_domain = 10;
  sizes.max_base = 3;
  sizes.max_groups = 3;
  sizes.max_group_size = 2;
  sizes.max_rules = 3;
  sizes.max_body = 4;
  sizes.max_constraints = 1;
  differential_batch("larger", static_cast<std::uint64_t>(env_int("NOGOOD_DIFFTEST_SEED", 1)) + 1'000'000'000, programs, sizes);
}

TEST_CASE("generated programs are reproducible and cover the language") {
  CHECK(rules_text(generate(42)) == rules_text(generate(42)));
  CHECK(facts_text(generate(42), 0) == facts_text(generate(42), 0));
  CHECK(rules_text(generate(42)) != rules_text(generate(43)));
  // Each feature in at least a tenth of 300 programs.
  std::array<int, Features::count> counts{};
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    Program p = generate(seed);
    Relations naive;
    try {
      naive = evaluate_naive(p);
    } catch (TooBig const&) {
    }
    auto flags = features(p, naive).flags();
    for (int k = 0; k < Features::count; ++k) counts[k] += flags[k];
  }
  for (int k = 0; k < Features::count; ++k) {
    INFO(Features::names[k]);
    CHECK(counts[k] >= 30);
  }
}

namespace {

// The engine's constraint relations as bindings of variable names to the values' text.
dates::Result engine_bindings(testing::ProgramRun const& run) {
  dates::Result out;
  auto const& program = run.session->program();
  auto const& corpus = run.session->corpus();
  for (std::size_t rid = 0; rid < program.relations.size(); ++rid) {
    auto const& decl = program.relations[rid];
    if (program.schema.predicates[decl.predicate].kind != nogood::engine::PredicateKind::constraint) continue;
    auto& set = out[decl.name];
    auto const& rel = run.session->database().relations[rid];
    for (nogood::engine::RowId r = 0; r < rel.size(); ++r) {
      dates::Binding b;
      for (std::size_t c = 0; c < rel.arity(); ++c) {
        auto const v = rel.row(r)[c];
        auto const type = decl.columns[c];
        if (decl.column_names[c].starts_with("_")) continue;  // the counter a `not (...)` adds
        b[decl.column_names[c]] = type == nogood::engine::ValueType::date     ? nogood::engine::format_date_value(v)
                                  : type == nogood::engine::ValueType::source ? corpus.sources[v].id
                                                                              : std::to_string(nogood::engine::unpack_int(v));
      }
      set.insert(std::move(b));
    }
  }
  return out;
}

std::string show(dates::Binding const& b) {
  std::string out = "{";
  for (auto const& [k, v] : b) out += (out.size() > 1 ? ", " : "") + k + "=" + v;
  return out + "}";
}

}  // namespace

TEST_CASE("the engine agrees with a naive evaluator on generated programs over imprecise dates") {
  auto const programs = env_int("NOGOOD_DIFFTEST_PROGRAMS", NOGOOD_DIFFTEST_PROGRAMS) / 2;
  auto const first = static_cast<std::uint64_t>(env_int("NOGOOD_DIFFTEST_SEED", 1));
  int failures = 0, bindings = 0, imprecise = 0, nonempty = 0;
  std::map<std::string, int> per_constraint;
  for (std::int64_t i = 0; i < programs; ++i) {
    auto const p = dates::generate(first + static_cast<std::uint64_t>(i));
    std::vector<std::string> facts{dates::facts_text(p, 0), dates::facts_text(p, 1)};
    testing::RunOptions options;
    options.explain = true;
    auto run = testing::run_program(dates::rules_text(p), facts, options);
    INFO("seed " << first + static_cast<std::uint64_t>(i) << "\n" << dates::rules_text(p) << facts[0] << "\n" << facts[1]);
    if (!run.ok) {
      if (failures++ < 3) FAIL_CHECK("the engine rejected a generated program:\n" << run.errors);
      continue;
    }
    auto const want = dates::evaluate_naive(p);
    auto const got = engine_bindings(run);
    std::string detail;
    for (auto const& [name, set] : want) {
      auto it = got.find(name);
      auto const empty = std::set<dates::Binding>{};
      auto const& have = it == got.end() ? empty : it->second;
      for (auto const& b : set)
        if (!have.count(b)) detail += name + ": missing in the engine " + show(b) + "\n";
      for (auto const& b : have)
        if (!set.count(b)) detail += name + ": extra in the engine " + show(b) + "\n";
      bindings += static_cast<int>(set.size());
      per_constraint[name.substr(0, name.find_first_of("0123456789"))] += static_cast<int>(set.size());
      nonempty += !set.empty();
    }
    for (std::size_t k = 0; k < run.unverified.size() && k < 3; ++k) detail += "explanation step does not re-check: " + run.unverified[k] + "\n";
    for (auto const& f : p.facts) imprecise += f.date.size() != 10;
    if (!detail.empty() && failures++ < 3) FAIL_CHECK("the engine and the naive evaluator disagree:\n" << detail);
  }
  CHECK(failures == 0);
  CHECK(bindings > programs);  // the programs find something to compare
  if (env_int("NOGOOD_DIFFTEST_STATS", 0)) {
    std::string report = std::to_string(programs) + " date programs: " + std::to_string(bindings) + " constraint bindings agreed, " +
                         std::to_string(nonempty) + " non-empty constraints, " + std::to_string(imprecise) + " facts with a date that is not a day\n";
    for (auto const& [name, n] : per_constraint) report += "  " + name + ": " + std::to_string(n) + " bindings\n";
    std::fputs(report.c_str(), stdout);
  }
}
