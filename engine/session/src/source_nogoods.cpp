// A verdict's nogoods over sources. Provenance records one derivation per fact; a verdict may have
// many (a rule whose head binds only the person: A against B, A against C), so the search finds
// them all again, top-down: for a derived fact, every rule whose head matches it and every match of
// that rule's body; a claim stands for its source, a background fact for none. Each fact's sets are
// the minimal unions of its body facts' sets, kept once per fact and shared between verdicts.
#include <algorithm>
#include <chrono>
#include <climits>
#include <map>
#include <mutex>
#include <unordered_map>

#include "nogood/engine/memory.hpp"
#include "body_order.hpp"
#include "nogood/session.hpp"
#include "verdict_lists.hpp"

namespace nogood {

using engine::Literal;
using engine::Operand;
using engine::RelationId;
using engine::RowId;
using engine::Value;

namespace {

using SourceSet = std::vector<std::uint32_t>;  // source indexes, ascending

struct Family {
  std::vector<SourceSet> sets;
  bool complete = true;
};

bool within(SourceSet const& a, SourceSet const& b) { return std::includes(b.begin(), b.end(), a.begin(), a.end()); }

// Adds `s` unless a set already there lies within it, and drops the sets that hold it.
void add_minimal(std::vector<SourceSet>& sets, SourceSet s) {
  for (auto const& t : sets)
    if (within(t, s)) return;
  std::erase_if(sets, [&](SourceSet const& t) { return within(s, t); });
  sets.push_back(std::move(s));
}

bool smaller(SourceSet const& a, SourceSet const& b) { return a.size() != b.size() ? a.size() < b.size() : a < b; }

// Keeps the `cap` smallest sets: the family is then no longer known to be whole.
void bound(Family& f, std::size_t cap) {
  if (f.sets.size() <= cap) return;
  std::sort(f.sets.begin(), f.sets.end(), smaller);
  f.sets.resize(cap);
  f.complete = false;
}

// The minimal unions of one set of `a` with one of `b`: facts that must all hold together.
Family product(Family const& a, Family const& b, std::size_t cap) {
  Family out;
  out.complete = a.complete && b.complete;
  SourceSet u;
  for (auto const& x : a.sets)
    for (auto const& y : b.sets) {
      u.clear();
      std::set_union(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(u));
      add_minimal(out.sets, u);
    }
  bound(out, cap);
  return out;
}

// Adds `source` to every set of `f`; sets that then hold another go.
void add_source(Family& f, std::uint32_t source) {
  for (auto& set : f.sets) {
    auto at = std::lower_bound(set.begin(), set.end(), source);
    if (at == set.end() || *at != source) set.insert(at, source);
  }
  if (f.sets.size() < 2) return;
  std::sort(f.sets.begin(), f.sets.end(), smaller);
  std::vector<SourceSet> kept;
  for (auto& set : f.sets)
    if (std::none_of(kept.begin(), kept.end(), [&](SourceSet const& k) { return within(k, set); })) kept.push_back(std::move(set));
  f.sets = std::move(kept);
}

std::uint64_t mix(std::uint64_t h, Value v) {
  h ^= v;
  h *= 0x100000001b3ull;
  return h ^ (h >> 29);
}

// A relation's rows by the hash of their values in the columns of `mask`: the rows of bucket b are
// rows[starts[b]] .. rows[starts[b + 1]]. Built here in two passes, rather than taken from
// evaluation, which indexes the masks its own plans bind.
struct KeyIndex {
  std::vector<std::uint32_t> starts;
  std::vector<RowId> rows;
  std::uint64_t buckets = 0;  // a power of two
};

// The key indexes built so far, shared by the threads that search: each is built once, by the
// first thread that needs it, then only read.
class KeyIndexes {
public:
  KeyIndex const& get(engine::Relation const& relation, RelationId rel, std::uint64_t mask);

private:
  std::mutex mutex_;
  std::map<std::pair<RelationId, std::uint64_t>, KeyIndex> built_;
};

std::uint64_t key_hash(Value const* row, std::uint64_t mask, std::uint32_t arity) {
  std::uint64_t h = 14695981039346656037ull;
  for (std::uint32_t c = 0; c < arity; ++c)
    if (mask >> c & 1) h = mix(h, row[c]);
  return h;
}

KeyIndex const& KeyIndexes::get(engine::Relation const& relation, RelationId rel, std::uint64_t mask) {
  std::lock_guard lock(mutex_);
  auto [it, added] = built_.try_emplace({rel, mask});
  auto& index = it->second;
  if (!added) return index;
  // Four to eight rows a bucket: the bucket starts then cost a byte a row or less besides the
  // row's own four, and a lookup reads the few extra rows it skips. Hashes are computed twice
  // rather than kept, which would cost as much memory again.
  index.buckets = 1;
  while (index.buckets * 8 < relation.size()) index.buckets <<= 1;
  index.starts.assign(index.buckets + 1, 0);
  for (RowId r = 0; r < relation.size(); ++r) ++index.starts[(key_hash(relation.row(r), mask, relation.arity()) & (index.buckets - 1)) + 1];
  for (std::uint64_t b = 0; b < index.buckets; ++b) index.starts[b + 1] += index.starts[b];
  index.rows.resize(relation.size());
  // Each bucket's start serves as its cursor, then moves back one bucket: no copy of the starts.
  for (RowId r = 0; r < relation.size(); ++r) index.rows[index.starts[key_hash(relation.row(r), mask, relation.arity()) & (index.buckets - 1)]++] = r;
  for (std::uint64_t b = index.buckets; b > 0; --b) index.starts[b] = index.starts[b - 1];
  index.starts[0] = 0;
  return index;
}

// A callable passed down the recursion without a copy or an allocation (std::function may allocate).
class Callback {
public:
  template <class F>
  Callback(F const& f) : object_(&f), call_([](void const* o) { (*static_cast<F const*>(o))(); }) {}
  void operator()() const { call_(object_); }

private:
  void const* object_;
  void (*call_)(void const*);
};

constexpr std::size_t max_depth = 400;  // facts nested deeper are not searched (the result says so)

class Search {
public:
  Search(Session const& session, std::vector<bool> const& skip, NogoodLimits const& limits, KeyIndexes& indexes)
      : s_(session), program_(session.program()), db_(session.database()), limits_(limits), shared_(&indexes), by_head_(program_.relations.size()),
        orders_(program_.rules.size()), ordered_(program_.rules.size(), false) {
    for (std::uint32_t r = 0; r < program_.rules.size(); ++r)
      if (r >= skip.size() || !skip[r]) by_head_[program_.rules[r].head].push_back(r);
    // Sets are shown by source id: each source's place in that order, to sort by.
    auto const& sources = s_.corpus().sources;
    std::vector<std::uint32_t> by_id(sources.size());
    for (std::uint32_t i = 0; i < by_id.size(); ++i) by_id[i] = i;
    std::sort(by_id.begin(), by_id.end(), [&](auto a, auto b) { return sources[a].id < sources[b].id; });
    rank_.resize(sources.size());
    for (std::uint32_t i = 0; i < by_id.size(); ++i) rank_[by_id[i]] = i;
  }

  SourceNogoods verdict(Verdict const& v) {
    // Dates that overlap (`2025-10` and `2025-10-19`) are different values that do not disagree:
    // those pairs are left to the search, which compares them as the rule does.
    if (s_.is_grouped(v) && s_.groups_type(v) != engine::ValueType::date) return grouped(v);
    spent_ = 0;
    exhausted_ = false;
    lowest_cut_ = SIZE_MAX;
    // A verdict's own row is in no rule's body: searched without a memo entry, which no other
    // verdict would read (160,000 verdicts would keep as many).
    auto f = derived(v.relation(), v.row, 0);
    if (exhausted_) f.complete = false;
    SourceNogoods out;
    out.complete = f.complete && !exhausted_;
    if (f.sets.empty() && out.complete) {
      // No derivation found again (the program changed under the verdict?): the recorded one's sources.
      out.complete = false;
      auto const sources = v.sources();
      SourceSet recorded(sources.begin(), sources.end());
      std::sort(recorded.begin(), recorded.end());
      f.sets.push_back(std::move(recorded));
    }
    for (auto& set : f.sets) std::sort(set.begin(), set.end(), [&](auto a, auto b) { return rank_[a] < rank_[b]; });
    std::sort(f.sets.begin(), f.sets.end(), [&](SourceSet const& a, SourceSet const& b) {
      if (a.size() != b.size()) return a.size() < b.size();
      return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [&](auto x, auto y) { return rank_[x] < rank_[y]; });
    });
    out.sets = std::move(f.sets);
    return out;
  }

private:
  // A grouped `unique` verdict's derivations are the pairs of sources that give different values:
  // read from its groups rather than searched, as each pair would be matched again. Two sources
  // agree only when each gives one value, the same; the sets are the first pairs by source id.
  SourceNogoods grouped(Verdict const& v) {
    auto const groups = s_.groups(v);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> given;  // (source, group), by source id
    for (std::uint32_t g = 0; g < groups.size(); ++g)
      for (auto src : groups[g].sources) given.emplace_back(src, g);
    std::sort(given.begin(), given.end(), [&](auto const& a, auto const& b) {
      return rank_[a.first] != rank_[b.first] ? rank_[a.first] < rank_[b.first] : a.second < b.second;
    });
    std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>> values;  // source, the groups it is in
    for (auto [src, g] : given) {
      if (values.empty() || values.back().first != src) values.push_back({src, {}});
      values.back().second.push_back(g);
    }
    SourceNogoods out;
    std::size_t tried = 0;
    for (std::size_t a = 0; a < values.size() && out.complete; ++a)
      for (std::size_t b = a + 1; b < values.size(); ++b) {
        if (++tried > limits_.matches) {
          out.complete = false;
          break;
        }
        auto const& x = values[a].second;
        auto const& y = values[b].second;
        if (x.size() == 1 && y.size() == 1 && x[0] == y[0]) continue;
        if (out.sets.size() == limits_.sets) {
          out.complete = false;
          break;
        }
        out.sets.push_back({values[a].first, values[b].first});
      }
    return out;
  }

  struct Entry {
    Family family;
    std::size_t depth = 0;
    bool in_progress = true;
  };

  using Rows = std::vector<std::pair<RelationId, RowId>>;

  Family row(RelationId rel, RowId r, std::size_t depth) {
    auto const& decl = program_.relations[rel];
    auto const kind = program_.schema.predicates[decl.predicate].kind;
    if (kind == engine::PredicateKind::claimed) {
      // A claimed row holds its source after the arguments.
      auto source = db_.relations[rel].row(r)[program_.schema.predicates[decl.predicate].arity()];
      return {{source == engine::no_source ? SourceSet{} : SourceSet{source}}, true};
    }
    if (kind == engine::PredicateKind::builtin) return {{SourceSet{}}, true};
    if (depth > max_depth) return {{}, false};
    auto const key = std::uint64_t(rel) << 32 | r;
    if (auto it = memo_.find(key); it != memo_.end()) {
      if (!it->second.in_progress) return it->second.family;
      // A fact used in its own proof: that proof holds one without it that is no larger, so this
      // path adds no set. But what the facts in between find is then partial: they are not kept.
      lowest_cut_ = std::min(lowest_cut_, it->second.depth);
      return {};
    }
    memo_.emplace(key, Entry{{}, depth, true});
    auto const outer_cut = lowest_cut_;
    lowest_cut_ = SIZE_MAX;
    auto f = derived(rel, r, depth);
    if (exhausted_) f.complete = false;
    if (lowest_cut_ < depth || !f.complete) {
      memo_.erase(key);
    } else {
      auto& e = memo_[key];
      e.family = f;
      e.in_progress = false;
    }
    lowest_cut_ = std::min(outer_cut, lowest_cut_);
    return f;
  }

  Family derived(RelationId rel, RowId r, std::size_t depth) {
    Family out;
    auto const* values = db_.relations[rel].row(r);
    for (auto ri : by_head_[rel]) {
      auto const& rule = program_.rules[ri];
      std::vector<Value> regs(rule.registers.size(), 0);
      std::vector<bool> set(rule.registers.size(), false);
      bool ok = true;
      for (std::size_t c = 0; c < rule.head_columns.size() && ok; ++c) {
        auto const& op = rule.head_columns[c];
        if (op.kind == Operand::Kind::constant) ok = op.value == values[c];
        else if (op.kind == Operand::Kind::var && set[op.value]) ok = regs[op.value] == values[c];
        else if (op.kind == Operand::Kind::var) {
          regs[op.value] = values[c];
          set[op.value] = true;
        }
      }
      if (!ok) continue;
      if (!ordered_[ri]) {
        orders_[ri] = evaluation_order(rule.body, set, [&](engine::RelationId r) { return std::size_t(db_.relations[r].size()); });
        ordered_[ri] = true;
      }
      Rows rows;
      match(rule.body, orders_[ri], 0, regs, set, rows, [&] {
        Family f{{SourceSet{}}, true};
        for (auto [crel, crow] : rows) {
          auto const& cdecl = program_.relations[crel];
          if (program_.schema.predicates[cdecl.predicate].kind == engine::PredicateKind::claimed) {
            // A claim adds its source to every set: no family of its own to build.
            auto source = db_.relations[crel].row(crow)[program_.schema.predicates[cdecl.predicate].arity()];
            if (source != engine::no_source) add_source(f, source);
            continue;
          }
          f = product(f, row(crel, crow, depth + 1), limits_.sets);
          if (f.sets.empty()) break;
        }
        out.complete = out.complete && f.complete;
        for (auto& s : f.sets) add_minimal(out.sets, std::move(s));
        bound(out, limits_.sets);
      });
      if (exhausted_) break;
    }
    return out;
  }

  // One more body row tried; false once the verdict's budget is spent.
  bool spend() {
    if (++spent_ > limits_.matches) exhausted_ = true;
    return !exhausted_;
  }

  KeyIndex const& index(RelationId rel, std::uint64_t mask) {
    auto const key = std::pair{rel, mask};
    if (auto it = seen_.find(key); it != seen_.end()) return *it->second;
    auto const& index = shared_->get(db_.relations[rel], rel, mask);
    seen_.emplace(key, &index);
    return index;
  }

  // Calls `found` for every match of `lits` run in `order` from position `i`, with `rows` holding
  // the rows it rests on: the atoms' and, for an aggregate, every row it counted.
  void match(std::vector<Literal> const& lits, std::vector<std::size_t> const& order, std::size_t i, std::vector<Value>& regs,
             std::vector<bool>& set, Rows& rows, Callback const& found) {
    if (exhausted_) return;
    if (i == order.size()) {
      if (order.size() == lits.size()) found();  // else some literal's inputs never came
      return;
    }
    auto const& lit = lits[order[i]];
    auto next = [&] { match(lits, order, i + 1, regs, set, rows, found); };
    if (lit.kind == Literal::Kind::atom || lit.kind == Literal::Kind::negation) return match_atom(lit, regs, set, rows, next);
    auto bind_then_go_on = [&](engine::Register r, Value v) {
      regs[r] = v;
      set[r] = true;
      next();
      set[r] = false;
    };
    if (lit.kind == Literal::Kind::aggregate) {
      // Every match of its body for this group counts, and every one is taken as required: a
      // count of 3 rests on all 3, though a smaller count might have done.
      Rows counted, all;
      AggregateValue value(lit);
      auto const inner = evaluation_order(lit.body, set);
      match(lit.body, inner, 0, regs, set, counted, [&] {
        value.add(regs, set);
        all.insert(all.end(), counted.begin(), counted.end());
      });
      if (exhausted_) return;
      auto const folded = value.value();
      if (!folded) return;  // the min or max of nothing
      auto const acc = *folded;
      auto const mark = rows.size();
      rows.insert(rows.end(), all.begin(), all.end());
      if (!set[lit.target]) bind_then_go_on(lit.target, static_cast<Value>(acc));
      else if (regs[lit.target] == static_cast<Value>(acc)) next();
      rows.resize(mark);
      return;
    }
    bool lr = expr_ready(lit.lhs, set), rr = expr_ready(lit.rhs, set);
    if (!lr && lit.lhs.is_single_var()) {
      if (Value v; engine::assigned_value(lit.rhs, regs.data(), v)) bind_then_go_on(lit.lhs.steps[0].value, v);
      return;
    }
    if (!rr && lit.rhs.is_single_var()) {
      if (Value v; engine::assigned_value(lit.lhs, regs.data(), v)) bind_then_go_on(lit.rhs.steps[0].value, v);
      return;
    }
    if (engine::holds_as_bound(lit, regs.data()))
      next();
  }

  // An atom: each row agreeing with what is bound, binding the rest. A negation: on only if none.
  void match_atom(Literal const& lit, std::vector<Value>& regs, std::vector<bool>& set, Rows& rows, Callback const& next) {
    auto const& relation = db_.relations[lit.relation];
    std::uint64_t mask = 0;
    Value key[64];
    std::size_t k = 0;
    std::uint64_t h = 14695981039346656037ull;
    for (std::size_t c = 0; c < lit.columns.size() && c < 64; ++c) {
      auto const& op = lit.columns[c];
      if (op.kind == Operand::Kind::constant || (op.kind == Operand::Kind::var && set[op.value])) {
        mask |= 1ull << c;
        key[k] = op.kind == Operand::Kind::constant ? op.value : regs[op.value];
        h = mix(h, key[k++]);
      }
    }
    bool const negation = lit.kind == Literal::Kind::negation;
    bool found = false;
    auto visit = [&](RowId r) {
      if (!spend()) return false;
      auto const* row = relation.row(r);
      if (!engine::matches_key(row, key, mask, relation.arity())) return true;
      if (lit.sourced_column >= 0 && row[lit.sourced_column] == engine::no_source) return true;
      found = true;
      if (negation) return false;
      // Bind the columns left free; a variable twice in the atom must agree with itself.
      std::uint64_t bound_here = 0;
      bool ok = true;
      for (std::size_t c = 0; c < lit.columns.size() && ok; ++c) {
        auto const& op = lit.columns[c];
        if (op.kind != Operand::Kind::var || (mask >> c & 1)) continue;
        if (set[op.value]) ok = regs[op.value] == row[c];
        else {
          regs[op.value] = row[c];
          set[op.value] = true;
          bound_here |= 1ull << c;
        }
      }
      if (ok) {
        rows.emplace_back(lit.relation, r);
        next();
        rows.pop_back();
      }
      for (std::size_t c = 0; c < lit.columns.size(); ++c)
        if (bound_here >> c & 1) set[lit.columns[c].value] = false;
      return !exhausted_;
    };
    auto const full = relation.arity() < 64 ? (std::uint64_t(1) << relation.arity()) - 1 : ~std::uint64_t(0);
    if (mask == 0) {
      for (RowId r = 0; r < relation.size() && visit(r); ++r) {}
    } else if (mask == full && relation.lookup_ready()) {
      // Every column given: the duplicate check finds the one row there can be.
      if (auto r = relation.lookup(key); r != engine::no_row) visit(r);
    } else if (auto const* built = relation.find_index(mask)) {
      // One that evaluation built for this mask.
      for (auto r = built->first(built->hash_key(key)); r != engine::no_row && visit(r); r = built->next(r)) {}
    } else {
      auto const& index = this->index(lit.relation, mask);
      auto const b = h & (index.buckets - 1);
      for (auto k = index.starts[b]; k < index.starts[b + 1] && visit(index.rows[k]); ++k) {}
    }
    if (negation && !found && !exhausted_) next();
  }

  Session const& s_;
  engine::Program const& program_;
  engine::Database const& db_;
  NogoodLimits limits_;
  KeyIndexes* shared_;
  std::map<std::pair<RelationId, std::uint64_t>, KeyIndex const*> seen_;  // this thread's view of shared_
  std::vector<std::vector<std::uint32_t>> by_head_;  // rules per head relation, those evaluated
  std::vector<std::vector<std::size_t>> orders_;     // per rule, its body's order from the head's bindings
  std::vector<bool> ordered_;
  std::vector<std::uint32_t> rank_;                   // per source, its place by id
  std::unordered_map<std::uint64_t, Entry> memo_;     // (relation, row) -> its sets
  std::size_t spent_ = 0;
  bool exhausted_ = false;
  std::size_t lowest_cut_ = SIZE_MAX;  // the shallowest fact in progress that a proof ran into
};

}  // namespace

namespace {
// Appends `found`'s sets to `lists`; the range of them that a verdict holds.
ListRange append_nogoods(VerdictLists& lists, SourceNogoods const& found) {
  ListRange const at{static_cast<std::uint32_t>(lists.nogood_bounds.size() - 1), static_cast<std::uint32_t>(found.sets.size())};
  for (auto const& set : found.sets) {
    lists.nogood_sources.insert(lists.nogood_sources.end(), set.begin(), set.end());
    lists.nogood_bounds.push_back(static_cast<std::uint32_t>(lists.nogood_sources.size()));
  }
  return at;
}
}  // namespace

SourceNogoods Session::source_nogoods(Verdict const& v, NogoodLimits const& limits) const {
  KeyIndexes indexes;
  Search search(*this, options_.eval.skip_rules, limits, indexes);
  return search.verdict(v);
}

void Session::find_source_nogoods(NogoodLimits const& limits) {
  auto started = std::chrono::steady_clock::now();
  auto const total = verdicts_.size();
  std::size_t const threads = total < 256 ? 1 : this->threads();
  std::vector<VerdictLists> parts(threads);
  {
    // Verdicts are independent: each thread searches a contiguous share, with its own memo.
    KeyIndexes indexes;
    run_shares(total, threads, [&](std::size_t t, std::size_t begin, std::size_t end) {
      Search search(*this, options_.eval.skip_rules, limits, indexes);
      auto& part = parts[t];
      for (std::size_t i = begin; i < end; ++i) {
        auto found = search.verdict(verdicts_[i]);
        verdicts_[i].nogoods_at = append_nogoods(part, found);
        verdicts_[i].nogoods_complete = found.complete;
      }
    });
  }
  // The key indexes and each thread's memo go before the shares' lists are joined, so that the
  // joined lists never stand beside them.
  engine::return_free_memory();
  lists_.nogood_bounds.assign(1, 0);
  lists_.nogood_sources.clear();
  join_nogoods(lists_, parts, verdicts_);
  parts.clear();
  nogoods_found_ = true;
  engine::return_free_memory();
  timings_.nogoods = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

void Session::find_source_nogoods_of(Verdict const& v, NogoodLimits const& limits) {
  auto started = std::chrono::steady_clock::now();
  auto found = source_nogoods(v, limits);
  for (auto& other : verdicts_) other.nogoods_at = {};
  lists_.nogood_bounds.assign(1, 0);
  lists_.nogood_sources.clear();
  auto& verdict = verdicts_[static_cast<std::size_t>(&v - verdicts_.data())];
  verdict.nogoods_at = append_nogoods(lists_, found);
  verdict.nogoods_complete = found.complete;
  nogoods_found_ = true;
  timings_.nogoods = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace nogood
