#include "nogood/engine/evaluate.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <cstdio>
#include <exception>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "nogood/engine/dates.hpp"
#include "derivation_order.hpp"
#include "plan.hpp"

namespace nogood::engine {

using detail::PlanStep;
using detail::Range;

bool evaluate_expr(Expr const& e, Value const* regs, std::int64_t& out) {
  std::int64_t stack[32];
  int top = 0;
  for (std::size_t i = 0; i < e.steps.size(); ++i) {
    auto const& s = e.steps[i];
    switch (s.op) {
      case Expr::Op::push_date_var: {
        Value const v = regs[s.value];
        // Arithmetic needs exact days; a month or a year fails the literal (earliest/latest first).
        if (is_imprecise_date(v) && e.steps.size() > 1 &&
            !(i + 1 < e.steps.size() && (e.steps[i + 1].op == Expr::Op::earliest || e.steps[i + 1].op == Expr::Op::latest)))
          return false;
        stack[top++] = unpack_int(v);  // a tagged value is positive: it reads back unchanged
        break;
      }
      case Expr::Op::earliest:
      case Expr::Op::latest: {
        auto const v = static_cast<Value>(stack[top - 1]);
        if (is_imprecise_date(v)) stack[top - 1] = s.op == Expr::Op::earliest ? earliest_day(v) : latest_day(v);
        else if (stack[top - 1] > INT32_MAX || stack[top - 1] < INT32_MIN) return false;
        break;
      }
      case Expr::Op::push_const: stack[top++] = unpack_int(s.value); break;
      case Expr::Op::push_unsigned_const: stack[top++] = s.value; break;
      case Expr::Op::push_var: stack[top++] = regs[s.value]; break;
      case Expr::Op::push_signed_var: stack[top++] = unpack_int(regs[s.value]); break;
      case Expr::Op::abs: stack[top - 1] = stack[top - 1] < 0 ? -stack[top - 1] : stack[top - 1]; break;
      default: {
        std::int64_t b = stack[--top], a = stack[top - 1], r = 0;
        switch (s.op) {
          case Expr::Op::add: r = a + b; break;
          case Expr::Op::sub: r = a - b; break;
          case Expr::Op::mul: r = a * b; break;
          case Expr::Op::div: if (b == 0) return false; r = a / b; break;
          case Expr::Op::mod: if (b == 0) return false; r = a % b; break;
          case Expr::Op::min: r = std::min(a, b); break;
          case Expr::Op::max: r = std::max(a, b); break;
          default: break;
        }
        stack[top - 1] = r;
      }
    }
    if (top >= 31) return false;
  }
  out = stack[0];
  return true;
}

bool compare_values(CompareOp op, std::int64_t a, std::int64_t b) {
  switch (op) {
    case CompareOp::eq: return a == b;
    case CompareOp::ne: return a != b;
    case CompareOp::lt: return a < b;
    case CompareOp::le: return a <= b;
    case CompareOp::gt: return a > b;
    case CompareOp::ge: return a >= b;
    case CompareOp::in:
    case CompareOp::not_in:  // a set, not a value, is on the right: compare_holds
    case CompareOp::overlaps:
    case CompareOp::within: return false;  // dates: date_compare
  }
  return false;
}

namespace {

// The slow path: a comparison where a date is not an exact day, or `overlaps` and `within`.
bool date_compare(Literal const& l, Value a, Value b) {
  switch (l.op) {
    case CompareOp::eq: return a == b;
    case CompareOp::ne: return l.certain_dates ? !dates_overlap(a, b) : a != b;
    case CompareOp::lt: return date_certainly_before(a, b);
    case CompareOp::le: return date_certainly_not_after(a, b);
    case CompareOp::gt: return date_certainly_before(b, a);
    case CompareOp::ge: return date_certainly_not_after(b, a);
    case CompareOp::overlaps: return dates_overlap(a, b);
    case CompareOp::within: return dates_within(a, b, l.within, l.within_hours);
    case CompareOp::in:
    case CompareOp::not_in: return false;
  }
  return false;
}

// `abs(D1 - D2) > N` of a `unique ... within N` on dates: the gap between the two intervals.
bool date_gap_holds(Literal const& l, Value const* regs, bool& decided) {
  decided = false;
  auto const& st = l.lhs.steps;
  if (st.size() != 4 || st[0].op != Expr::Op::push_date_var || st[1].op != Expr::Op::push_date_var) return false;
  Value const a = regs[st[0].value], b = regs[st[1].value];
  if (!is_imprecise_date(a) && !is_imprecise_date(b)) return false;
  std::int64_t limit;
  if (!evaluate_expr(l.rhs, regs, limit)) return false;
  decided = true;
  return !dates_within(a, b, limit, false);
}

}  // namespace

bool compare_holds(Literal const& l, Value const* regs) {
  std::int64_t a, b;
  if (l.date_gap) [[unlikely]] {
    bool decided = false;
    bool holds = date_gap_holds(l, regs, decided);
    if (decided) return holds;
  }
  if (!evaluate_expr(l.lhs, regs, a)) return false;
  if (l.op == CompareOp::in || l.op == CompareOp::not_in)
    return std::binary_search(l.set.begin(), l.set.end(), a) == (l.op == CompareOp::in);
  if (!evaluate_expr(l.rhs, regs, b)) return false;
  // Exact days compare as ints; only a month, a year, an interval or a time takes the slow path.
  if (l.lhs.type == ValueType::date &&
      (l.op >= CompareOp::overlaps || is_imprecise_date(static_cast<Value>(a)) || is_imprecise_date(static_cast<Value>(b))))
    [[unlikely]] return date_compare(l, static_cast<Value>(a), static_cast<Value>(b));
  return compare_values(l.op, a, b);
}

std::optional<Derivation> Database::derivation(RelationId rel, RowId row) const {
  Derivation d;
  if (!derivation(rel, row, d)) return std::nullopt;
  return d;
}

bool Database::derivation(RelationId rel, RowId row, Derivation& out) const {
  if (!provenance[rel].find(row, out)) return false;
  if (out.rule >= recovery.size() || recovery[out.rule].found.empty()) return true;
  auto const& plan = recovery[out.rule];
  auto const* head = relations[rel].row(row);
  // Stored rows to their slots (from the last, so none is overwritten before it moves), then
  // the others looked up from the values the head and the stored rows give.
  auto const stored = out.rows.size();
  out.rows.resize(plan.atoms(), no_row);
  for (auto i = stored; i-- > 0;) out.rows[plan.stored[i]] = out.rows[i];
  for (auto const& atom : plan.found) {
    out.tuple.clear();
    for (auto const& col : atom.columns) {
      switch (col.from) {
        case Recovery::Column::From::constant: out.tuple.push_back(col.index); break;
        case Recovery::Column::From::head: out.tuple.push_back(head[col.index]); break;
        case Recovery::Column::From::stored: {
          auto const s = plan.stored[col.index];
          auto const& source = relations[plan.relations[s]];
          out.tuple.push_back(source.row(out.rows[s])[col.column]);
          break;
        }
      }
    }
    auto found = relations[atom.relation].lookup(out.tuple.data());
    if (found == no_row) return false;
    out.rows[atom.slot] = found;
  }
  return true;
}

std::size_t worker_threads(EvalOptions const& options) {
  return options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
}

std::optional<RelationId> copied_relation(Rule const& rule) {
  if (rule.body.size() != 1) return std::nullopt;
  auto const& atom = rule.body[0];
  if (atom.kind != Literal::Kind::atom || atom.sourced_column >= 0 || atom.columns.size() != rule.head_columns.size())
    return std::nullopt;
  for (std::size_t c = 0; c < atom.columns.size(); ++c) {
    auto const& op = atom.columns[c];
    auto const& head = rule.head_columns[c];
    if (op.kind != Operand::Kind::var || head.kind != Operand::Kind::var || head.value != op.value) return std::nullopt;
    for (std::size_t d = 0; d < c; ++d)
      if (atom.columns[d].value == op.value) return std::nullopt;
  }
  return atom.relation;
}

std::size_t Database::memory() const {
  std::size_t total = 0;
  for (auto const& r : relations) total += r.memory();
  for (auto const& p : provenance) total += p.memory();
  return total;
}

void Database::release_provenance() {
  for (auto& p : provenance) p.release();
}

void Database::release_lookups() {
  for (auto& r : relations) r.release_lookups();
}

namespace {

struct Runaway {
  std::string reason;
};

// `600`, `0.2`: seconds as given to --max-seconds.
std::string format_seconds(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", seconds);
  return buf;
}

// `9.4 GiB`, `512 MiB`: a limit as people set it.
std::string format_bytes(std::uint64_t bytes) {
  char buf[32];
  if (bytes >= (1ull << 30)) std::snprintf(buf, sizeof buf, "%.1f GiB", double(bytes) / double(1ull << 30));
  else std::snprintf(buf, sizeof buf, "%llu MiB", static_cast<unsigned long long>(bytes >> 20));
  return buf;
}
struct ArithmeticError {
  std::string what;
};
// A computed date before 0001-01-01 or after 9999-12-31, the dates the language can write.
struct DateRangeError {
  std::int64_t days;
  Literal const* literal;
};

std::int32_t const first_day = days_from_civil(1, 1, 1);
std::int32_t const last_day = days_from_civil(9999, 12, 31);

// Whether `e` reads a date register holding the unknown date (a source without `published`).
bool reads_unknown_date(Expr const& e, Value const* regs) {
  for (auto const& s : e.steps)
    if ((s.op == Expr::Op::push_signed_var || s.op == Expr::Op::push_date_var) && unpack_int(regs[s.value]) == INT32_MIN) return true;
  return false;
}

class Evaluator {
public:
  // `derived` counts the facts derived so far, for --max-facts; `started` is when evaluation
  // began, for --max-seconds.
  Evaluator(Program const& program, Database& db, EvalOptions const& options, std::uint64_t& derived,
            std::chrono::steady_clock::time_point started)
      : program_(program), db_(db), options_(options), lo_(db.relations.size(), 0), hi_(db.relations.size(), 0),
        sizes_(db.relations.size(), 0), started_(started), derived_(derived) {}

  // A non-recursive stratum evaluated beside others: plan_stratum() makes the plans and builds
  // the indexes they need, on the calling thread; run_planned() may then run on another thread,
  // reading only finished relations and writing only the stratum's own.
  void plan_stratum(Stratum const& stratum) {
    std::vector<bool> in_stratum(db_.relations.size(), false);
    for (auto r : stratum.relations) in_stratum[r] = true;
    snapshot_all();
    answers_.clear();
    for (auto rule : stratum.rules)
      if (auto planned = plan_rule(rule, -1, in_stratum)) planned_.push_back(std::move(*planned));
  }
  void run_planned() {
    for (auto const& planned : planned_) execute(planned);
    planned_.clear();
  }

  void run_stratum(Stratum const& stratum) {
    std::vector<bool> in_stratum(db_.relations.size(), false);
    for (auto r : stratum.relations) in_stratum[r] = true;
    snapshot_all();
    answers_.clear();
    // The first round sees everything derived so far; later rounds join each delta.
    for (auto rule : stratum.rules) run_rule(rule, -1, in_stratum);
    if (!stratum.recursive) return;
    while (true) {
      ++db_.stats.iterations;
      bool any = false;
      for (auto r : stratum.relations) {
        lo_[r] = hi_[r];
        hi_[r] = db_.relations[r].size();
        sizes_[r] = hi_[r];
        if (hi_[r] > lo_[r]) any = true;
      }
      if (!any) break;
      for (auto rule : stratum.rules) {
        auto const& body = program_.rules[rule].body;
        for (std::size_t i = 0; i < body.size(); ++i)
          if (body[i].kind == Literal::Kind::atom && in_stratum[body[i].relation] && hi_[body[i].relation] > lo_[body[i].relation])
            run_rule(rule, static_cast<std::int32_t>(i), in_stratum);
      }
    }
  }

private:
  void snapshot_all() {
    for (std::size_t r = 0; r < db_.relations.size(); ++r) {
      hi_[r] = db_.relations[r].size();
      lo_[r] = 0;
      sizes_[r] = hi_[r];
    }
  }

  struct PlannedRule {
    std::uint32_t rule;
    std::vector<PlanStep> plan;
    std::uint32_t slots;  // positive atoms, whose rows provenance records
  };

  void run_rule(std::uint32_t rule_index, std::int32_t delta_atom, std::vector<bool> const& in_stratum) {
    if (auto planned = plan_rule(rule_index, delta_atom, in_stratum)) execute(*planned);
  }

  std::optional<PlannedRule> plan_rule(std::uint32_t rule_index, std::int32_t delta_atom, std::vector<bool> const& in_stratum) {
    if (rule_index < options_.skip_rules.size() && options_.skip_rules[rule_index]) return std::nullopt;
    auto const& rule = program_.rules[rule_index];
    // A join with a finished, empty relation derives nothing: skip the plan and the indexes it
    // would build (the built-in negation checks meet empty denial relations on most corpora).
    for (auto const& lit : rule.body)
      if (lit.kind == Literal::Kind::atom && !in_stratum[lit.relation] && db_.relations[lit.relation].size() == 0) return std::nullopt;
    std::vector<std::uint32_t> slots(rule.body.size(), 0xffffffffu);
    std::uint32_t nslots = 0;
    std::vector<bool> recursive(rule.body.size(), false);
    for (std::size_t i = 0; i < rule.body.size(); ++i)
      if (rule.body[i].kind == Literal::Kind::atom) {
        slots[i] = nslots++;
        recursive[i] = in_stratum[rule.body[i].relation];
      }
    detail::PlanInput in{&rule.body, std::vector<bool>(rule.registers.size(), false), delta_atom, recursive, &sizes_, {}, {}};
    for (auto const& op : rule.head_columns)
      if (op.kind == Operand::Kind::var) in.read_at_end.push_back(op.value);
    PlannedRule planned{rule_index, detail::plan_body(in, slots, PlanStep::Kind::emit), nslots};
    prepare(planned.plan, in_stratum, rule_index);
    return planned;
  }

  void execute(PlannedRule const& planned) {
    auto const& rule = program_.rules[planned.rule];
    rule_ = &rule;
    rule_index_ = planned.rule;
    regs_.assign(rule.registers.size(), 0);
    rows_.assign(planned.slots, no_row);
    head_.assign(rule.head_columns.size(), 0);
    record_ = options_.provenance || rule.constraint >= 0;
    if (record_) {
      local_rule_ = db_.provenance[rule.head].enrol(planned.rule, db_.recovery[planned.rule].stored);
      order_ = detail::DerivationOrder(program_, db_, rule, db_.recovery[planned.rule]);
      first_new_ = db_.relations[rule.head].size();
      stored_slots_ = &db_.recovery[planned.rule].stored;
    }
    pending_heads_.resize(std::size_t(batch) * head_.size());
    pending_rows_.resize(std::size_t(batch) * planned.slots);
    run(planned.plan, 0);
    flush();
  }

  void prepare(std::vector<PlanStep>& plan, std::vector<bool> const& in_stratum, std::uint32_t rule_index) {
    for (auto& step : plan) {
      if (step.kind == PlanStep::Kind::component)
        step.answers = &answers_[(std::uint64_t(rule_index) << 32) | step.component];
      bool const keyed = (step.kind == PlanStep::Kind::scan || step.kind == PlanStep::Kind::negation) && step.mask != 0;
      auto& rel = db_.relations[step.relation];
      bool const scan = keyed && step.kind == PlanStep::Kind::scan;
      // A scan or a negation that fixes every column needs no index of its own: the duplicate
      // check finds the one row there can be (explanations look it up there too).
      if (keyed && step.mask == all_columns(rel.arity())) {
        step.whole_tuple = true;
        rel.prepare_find();
      }
      else if (scan && !in_stratum[step.relation]) step.grouped = rel.grouped(step.mask);
      if (keyed && !step.grouped && !step.whole_tuple) step.index = &rel.index(step.mask);
      prepare(step.sub, in_stratum, rule_index);
    }
  }

  static std::uint64_t all_columns(std::uint32_t arity) { return arity >= 64 ? ~0ull : (1ull << arity) - 1; }

  void range_of(PlanStep const& step, RowId& lo, RowId& hi) const {
    switch (step.range) {
      case Range::all: lo = 0; hi = hi_[step.relation]; break;
      case Range::old: lo = 0; hi = lo_[step.relation]; break;
      case Range::delta: lo = lo_[step.relation]; hi = hi_[step.relation]; break;
    }
  }

  Value operand(Operand const& op) const { return op.kind == Operand::Kind::var ? regs_[op.value] : op.value; }

  bool bind_row(PlanStep const& step, Value const* row) {
    if (step.sourced_column >= 0 && row[step.sourced_column] == no_source) return false;
    for (auto const& [a, b] : step.same)
      if (row[a] != row[b]) return false;
    for (auto const& [col, reg] : step.binds) regs_[reg] = row[col];
    return true;
  }

  // `expr` computed `v`, a value of `type`, in `lit`.
  Value checked(std::int64_t v, Literal const& lit, ValueType type, Expr const& expr) {
    // A month or a year copied as it is (`D2 = D`).
    if (type == ValueType::date && expr.steps.size() == 1 && is_imprecise_date(static_cast<Value>(v))) return static_cast<Value>(v);
    if (type == ValueType::date && (v < first_day || v > last_day)) {
      // The unknown date plus or minus days is still unknown, not an error.
      if (reads_unknown_date(expr, regs_.data())) return pack_int(INT32_MIN);
      throw DateRangeError{v, &lit};
    }
    if (type == ValueType::integer || type == ValueType::date) {
      if (v < INT32_MIN || v > INT32_MAX) throw ArithmeticError{"value " + std::to_string(v) + " out of range in `" + lit.text + "`"};
      return pack_int(static_cast<std::int32_t>(v));
    }
    return static_cast<Value>(v);
  }

  void run(std::vector<PlanStep> const& plan, std::size_t i) {
    auto const& step = plan[i];
    switch (step.kind) {
      case PlanStep::Kind::scan: {
        auto& rel = db_.relations[step.relation];
        RowId lo = 0, hi = 0;
        range_of(step, lo, hi);
        bool const least = least_witness(step);
        RowId witness = no_row;
        if (step.mask == 0) {
          for (RowId r = lo; r < hi; ++r) {
            tick();
            if (!bind_row(step, rel.row(r))) continue;
            if (least) {
              if (witness == no_row || order_.compare(step.atom_slot, r, witness) < 0) witness = r;
              continue;
            }
            if (step.atom_slot != 0xffffffffu) rows_[step.atom_slot] = r;
            run(plan, i + 1);
            if (step.exists) return;
          }
          run_witness(plan, i, witness);
          return;
        }
        Value key[64];
        for (std::size_t k = 0; k < step.key.size(); ++k) key[k] = operand(step.key[k]);
        if (step.grouped) {
          scan_group(plan, i, step.grouped->find(key, rel), lo, hi, rel, least);
          return;
        }
        if (step.whole_tuple) {
          RowId r = rel.find(key);
          if (r == no_row || r >= hi || r < lo || !bind_row(step, rel.row(r))) return;
          if (step.atom_slot != 0xffffffffu) rows_[step.atom_slot] = r;
          run(plan, i + 1);
          return;
        }
        auto const& index = *step.index;
        for (RowId r = index.first(index.hash_key(key)); r != no_row; r = index.next(r)) {
          tick();
          if (r >= hi) continue;
          if (r < lo) break;
          Value const* row = rel.row(r);
          if (!matches_key(row, key, step.mask, rel.arity()) || !bind_row(step, row)) continue;
          if (least) {
            if (witness == no_row || order_.compare(step.atom_slot, r, witness) < 0) witness = r;
            continue;
          }
          if (step.atom_slot != 0xffffffffu) rows_[step.atom_slot] = r;
          run(plan, i + 1);
          if (step.exists) return;
        }
        run_witness(plan, i, witness);
        return;
      }
      case PlanStep::Kind::negation: {
        auto& rel = db_.relations[step.relation];
        if (step.mask == 0) {
          for (RowId r = 0; r < rel.size(); ++r)
            if (step.sourced_column < 0 || rel.row(r)[step.sourced_column] != no_source) return;
          run(plan, i + 1);
          return;
        }
        Value key[64];
        for (std::size_t k = 0; k < step.key.size(); ++k) key[k] = operand(step.key[k]);
        if (step.whole_tuple) {
          RowId const r = rel.find(key);
          if (r != no_row && (step.sourced_column < 0 || rel.row(r)[step.sourced_column] != no_source)) return;
          run(plan, i + 1);
          return;
        }
        auto const& index = *step.index;
        for (RowId r = index.first(index.hash_key(key)); r != no_row; r = index.next(r))
          if (matches_key(rel.row(r), key, step.mask, rel.arity()) &&
              (step.sourced_column < 0 || rel.row(r)[step.sourced_column] != no_source))
            return;
        run(plan, i + 1);
        return;
      }
      case PlanStep::Kind::compare: {
        auto const& l = *step.literal;
        if (compare_holds(l, regs_.data())) run(plan, i + 1);
        return;
      }
      case PlanStep::Kind::assign: {
        auto const& l = *step.literal;
        std::int64_t v;
        bool into_lhs = step.binds[0].first == 0;
        if (!evaluate_expr(into_lhs ? l.rhs : l.lhs, regs_.data(), v)) return;
        auto reg = step.binds[0].second;
        regs_[reg] = checked(v, l, rule_->register_types[reg], into_lhs ? l.rhs : l.lhs);
        run(plan, i + 1);
        return;
      }
      case PlanStep::Kind::aggregate: {
        auto const& l = *step.literal;
        // Aggregates nest: keep the accumulator of the one this runs inside.
        auto const outer = std::tuple(aggregate_, acc_count_, acc_value_, acc_values_, acc_has_);
        acc_count_ = 0;
        acc_has_ = false;
        acc_value_ = 0;
        acc_values_ = 0;
        aggregate_ = &l;
        run(step.sub, 0);
        std::int64_t result = l.aggregate == AggregateKind::count ? acc_count_
                              : l.aggregate == AggregateKind::mean && acc_has_ ? acc_value_ / acc_values_
                                                                               : acc_value_;
        bool const has = l.aggregate == AggregateKind::count || l.aggregate == AggregateKind::sum || acc_has_;
        std::tie(aggregate_, acc_count_, acc_value_, acc_values_, acc_has_) = outer;
        if (!has) return;  // min and max of nothing
        Value v = checked(result, l, rule_->register_types[l.target], l.lhs);
        if (step.target_bound) {
          if (regs_[l.target] == v) run(plan, i + 1);
          return;
        }
        regs_[l.target] = v;
        run(plan, i + 1);
        return;
      }
      case PlanStep::Kind::accumulate: {
        auto const& l = *aggregate_;
        ++acc_count_;
        if (l.aggregate != AggregateKind::count) {
          std::int64_t v;
          if (!evaluate_expr(l.lhs, regs_.data(), v)) return;
          // min and max of dates take exact days; a month or a year has no single day to give.
          if (l.lhs.steps.size() == 1 && l.lhs.steps[0].op == Expr::Op::push_date_var && is_imprecise_date(static_cast<Value>(v))) return;
          ++acc_values_;
          if (l.aggregate == AggregateKind::sum || l.aggregate == AggregateKind::mean) acc_value_ += v;
          else if (!acc_has_) acc_value_ = v;
          else if (l.aggregate == AggregateKind::min) acc_value_ = std::min(acc_value_, v);
          else acc_value_ = std::max(acc_value_, v);
          acc_has_ = true;
        }
        return;
      }
      case PlanStep::Kind::emit: emit(); return;
      case PlanStep::Kind::component: run_component(plan, i); return;
      case PlanStep::Kind::collect: collect(); return;
    }
  }

  // Where a component's collect step goes: into its answers, or on with the rule's plan.
  struct Collecting {
    PlanStep const* component = nullptr;
    std::vector<PlanStep> const* plan = nullptr;  // set when the component runs in place
    std::size_t next = 0;
  };

  void run_component(std::vector<PlanStep> const& plan, std::size_t i) {
    auto const& step = plan[i];
    auto& answers = *step.answers;
    auto const outer = collecting_;
    if (!answers.filled) {
      collecting_ = {&step, nullptr, 0};
      run(step.sub, 0);
      collecting_ = outer;
      keep_distinct(step, answers, record_ ? &order_ : nullptr);
      answers.filled = true;
    }
    if (answers.too_many) {
      collecting_ = {&step, &plan, i + 1};
      run(step.sub, 0);
      collecting_ = outer;
      return;
    }
    std::size_t const width = step.outputs.size() + step.slots.size();
    for (std::size_t at = 0; at < answers.data.size(); at += width) {
      Value const* answer = answers.data.data() + at;
      for (std::size_t k = 0; k < step.outputs.size(); ++k) regs_[step.outputs[k]] = answer[k];
      for (std::size_t k = 0; k < step.slots.size(); ++k) rows_[step.slots[k]] = answer[step.outputs.size() + k];
      run(plan, i + 1);
    }
  }

  void collect() {
    auto const& step = *collecting_.component;
    if (collecting_.plan) {
      run(*collecting_.plan, collecting_.next);
      return;
    }
    auto& answers = *step.answers;
    if (answers.too_many) return;
    if (step.outputs.empty() && !answers.data.empty()) {  // one witness will do: the least, when recording
      if (record_) keep_least_witness(step, answers);
      return;
    }
    if (answers.data.size() >= options_.max_kept_answer_values) {
      answers.too_many = true;
      std::vector<Value>().swap(answers.data);
      return;
    }
    for (auto r : step.outputs) answers.data.push_back(regs_[r]);
    for (auto slot : step.slots) answers.data.push_back(rows_[slot]);
  }

  void keep_least_witness(PlanStep const& step, detail::ComponentAnswers& answers) const {
    auto* kept = answers.data.data();
    std::size_t const n = step.slots.size();
    // The slots in body order, the next one found each time (a component has few atoms).
    std::int64_t previous = -1;
    for (std::size_t done = 0; done < n; ++done) {
      std::size_t at = n;
      for (std::size_t k = 0; k < n; ++k)
        if (std::int64_t(step.slots[k]) > previous && (at == n || step.slots[k] < step.slots[at])) at = k;
      auto const slot = step.slots[at];
      previous = slot;
      if (int const c = order_.compare(slot, rows_[slot], kept[at])) {
        if (c < 0)
          for (std::size_t k = 0; k < n; ++k) kept[k] = rows_[step.slots[k]];
        return;
      }
    }
  }

  // Answers that differ only in their rows give the rule the same facts: keep one of each, the
  // least by `rows` when provenance records it (see DerivationOrder), else the first.
  static void keep_distinct(PlanStep const& step, detail::ComponentAnswers& answers, detail::DerivationOrder const* rows) {
    std::size_t const width = step.outputs.size() + step.slots.size();
    std::size_t const outputs = step.outputs.size();
    if (answers.data.empty() || (outputs == 0 && !rows)) return;
    std::vector<std::uint32_t> order(answers.data.size() / width);
    for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    auto const* d = answers.data.data();
    // The answer's rows compared slot by slot in body order.
    std::vector<std::uint32_t> by_slot(step.slots.size());
    for (std::uint32_t k = 0; k < by_slot.size(); ++k) by_slot[k] = k;
    std::sort(by_slot.begin(), by_slot.end(), [&](std::uint32_t a, std::uint32_t b) { return step.slots[a] < step.slots[b]; });
    auto rows_less = [&](Value const* a, Value const* b) {
      for (auto k : by_slot)
        if (int const c = rows->compare(step.slots[k], a[outputs + k], b[outputs + k])) return c < 0;
      return false;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      Value const* x = d + a * width;
      Value const* y = d + b * width;
      if (std::lexicographical_compare(x, x + outputs, y, y + outputs)) return true;
      if (std::lexicographical_compare(y, y + outputs, x, x + outputs)) return false;
      return rows && rows_less(x, y);
    });
    std::vector<Value> kept;
    kept.reserve(answers.data.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
      Value const* answer = d + order[k] * width;
      if (k > 0 && std::equal(answer, answer + outputs, d + order[k - 1] * width)) continue;
      kept.insert(kept.end(), answer, answer + width);
    }
    answers.data = std::move(kept);
  }

  // The rows of one key, from a grouped index: all match the key already.
  void scan_group(std::vector<PlanStep> const& plan, std::size_t i, GroupedIndex::Group group, RowId lo, RowId hi,
                  Relation const& rel, bool least) {
    auto const& step = plan[i];
    RowId witness = no_row;
    for (std::uint32_t j = 0; j < group.count; ++j) {
      tick();
      RowId r = group.ids[j];
      if (r >= hi || r < lo || !bind_row(step, rel.row(r))) continue;
      if (least) {
        if (witness == no_row || order_.compare(step.atom_slot, r, witness) < 0) witness = r;
        continue;
      }
      if (step.atom_slot != 0xffffffffu) rows_[step.atom_slot] = r;
      run(plan, i + 1);
      if (step.exists) return;
    }
    run_witness(plan, i, witness);
  }

  // A scan that only checks that a row exists stops at the first one, unless provenance records
  // the rule: then the witness is the least matching row, the one every engine would name.
  bool least_witness(PlanStep const& step) const { return step.exists && record_ && step.atom_slot != 0xffffffffu; }
  void run_witness(std::vector<PlanStep> const& plan, std::size_t i, RowId witness) {
    if (witness == no_row) return;
    rows_[plan[i].atom_slot] = witness;
    run(plan, i + 1);
  }

  // Derived tuples are inserted in batches: hashing a batch and prefetching its slots in the
  // duplicate check first lets the cache misses overlap. Deferring is safe because scans
  // stop at the row counts taken before the rule ran, and negation and aggregates only read
  // lower strata.
  void emit() {
    auto const& rule = *rule_;
    Value* head = pending_heads_.data() + std::size_t(pending_) * head_.size();
    for (std::size_t c = 0; c < head_.size(); ++c) head[c] = operand(rule.head_columns[c]);
    std::copy(rows_.begin(), rows_.end(), pending_rows_.begin() + std::ptrdiff_t(pending_ * rows_.size()));
    if (++pending_ == batch) flush();
  }

  void flush() {
    auto& rel = db_.relations[rule_->head];
    std::uint64_t hashes[batch];
    for (std::uint32_t i = 0; i < pending_; ++i) {
      hashes[i] = rel.hash(pending_heads_.data() + std::size_t(i) * head_.size());
      rel.prefetch(hashes[i]);
    }
    for (std::uint32_t i = 0; i < pending_; ++i) {
      auto [row, fresh] = rel.insert(pending_heads_.data() + std::size_t(i) * head_.size(), hashes[i]);
      RowId const* body_rows = pending_rows_.data() + std::size_t(i) * rows_.size();
      if (fresh) derived(row, body_rows);
      else if (record_ && row >= first_new_) derived_again(row, body_rows);
    }
    pending_ = 0;
  }

  // A fact this run of the rule derived before: provenance keeps the least derivation.
  void derived_again(RowId row, RowId const* body_rows) {
    auto const& slots = *stored_slots_;
    if (slots.empty()) return;
    candidate_.resize(slots.size());
    for (std::size_t k = 0; k < slots.size(); ++k) candidate_[k] = body_rows[slots[k]];
    auto& provenance = db_.provenance[rule_->head];
    provenance.find(row, recorded_);
    if (order_.less_stored(candidate_.data(), recorded_.rows.data())) provenance.record(row, local_rule_, body_rows);
  }

  void derived(RowId row, RowId const* body_rows) {
    if (record_) db_.provenance[rule_->head].record(row, local_rule_, body_rows);
    if (++derived_ > options_.max_derived)
      throw Runaway{"more than " + std::to_string(options_.max_derived) + " facts derived"};
    if ((derived_ & 0xffff) == 0) check_limits();
  }

  // Counts a row visited by a scan: a product that derives little (or only duplicates) still
  // meets the time and memory limits. A check costs a clock read and a read of /proc.
  void tick() {
    if ((++visited_ & 0xfffff) == 0) check_limits();
  }

  void check_limits() const {
    std::chrono::duration<double> spent = std::chrono::steady_clock::now() - started_;
    if (spent.count() > options_.max_seconds)
      throw Runaway{"evaluation took more than " + format_seconds(options_.max_seconds) + " s"};
    if (options_.max_memory && resident_memory() > options_.max_memory)
      throw Runaway{"more than " + format_bytes(options_.max_memory) + " of memory in use"};
  }

  Program const& program_;
  Database& db_;
  EvalOptions const& options_;
  std::vector<RowId> lo_, hi_;
  std::vector<std::uint32_t> sizes_;
  std::chrono::steady_clock::time_point started_;
  std::uint64_t& derived_;
  std::uint64_t visited_ = 0;
  std::vector<PlannedRule> planned_;
  Rule const* rule_ = nullptr;
  std::uint32_t rule_index_ = 0;
  std::uint32_t local_rule_ = 0;  // the rule's number in its head's provenance
  bool record_ = true;
  detail::DerivationOrder order_;  // when recording: which of a fact's derivations to keep
  RowId first_new_ = 0;            // the first row this run of the rule added
  std::vector<std::uint32_t> const* stored_slots_ = nullptr;  // the slots provenance stores
  std::vector<RowId> candidate_;   // a derivation's stored rows, to compare with the record
  Derivation recorded_;            // the record read back; both buffers are reused
  std::vector<Value> regs_, head_;
  std::vector<RowId> rows_;
  static constexpr std::uint32_t batch = 32;
  std::vector<Value> pending_heads_;  // batch * head arity: tuples emitted, not yet inserted
  std::vector<RowId> pending_rows_;   // batch * positive atoms: their body rows
  std::uint32_t pending_ = 0;
  std::unordered_map<std::uint64_t, detail::ComponentAnswers> answers_;  // by rule and component
  Collecting collecting_;
  Literal const* aggregate_ = nullptr;
  std::int64_t acc_count_ = 0, acc_value_ = 0, acc_values_ = 0;  // matches; sum or extreme; values folded
  bool acc_has_ = false;

public:
  std::uint32_t current_rule() const { return rule_index_; }
};

void load_claims(Program const& program, Corpus& corpus, Database& db) {
  std::vector<Value> tuple;
  auto fill = [&](RelationId rel, ClaimRows& rows, std::size_t arity) {
    if (rel == no_relation) return;
    auto& relation = db.relations[rel];
    auto const& decl = program.relations[rel];
    relation.reserve(rows.claims.size());
    for (std::size_t i = 0; i < rows.claims.size(); ++i) {
      auto const& claim = corpus.claims[rows.claims[i]];
      tuple.assign(rows.values.begin() + i * arity, rows.values.begin() + (i + 1) * arity);
      tuple.push_back(claim.source);
      if (decl.claimant_column >= 0) tuple.push_back(corpus.claimant(claim));
      if (decl.claimed_certainty_column >= 0) tuple.push_back(static_cast<Value>(claim.certainty));
      tuple.push_back(rows.claims[i]);
      relation.append(tuple.data());
    }
    rows = {};  // in the relation now
  };
  for (PredicateId p = 0; p < program.schema.predicates.size(); ++p) {
    auto const& pred = program.schema.predicates[p];
    if (pred.kind == PredicateKind::claimed) {
      if (p < corpus.positive.size()) fill(program.positive_relation[p], corpus.positive[p], pred.arity());
      if (p < corpus.negative.size()) fill(program.negative_relation[p], corpus.negative[p], pred.arity());
    } else if (pred.kind == PredicateKind::builtin && pred.name == "source") {
      auto& relation = db.relations[program.positive_relation[p]];
      auto& pool = corpus.strings;
      for (std::uint32_t s = 0; s < corpus.sources.size(); ++s) {
        auto const& src = corpus.sources[s];
        auto published = parse_date(src.published);
        Value row[4] = {s, pool.intern(src.outlet), pool.intern(src.language),
                        pack_int(published ? *published : INT32_MIN)};
        relation.insert(row);
      }
    }
  }
  std::vector<ClaimRows>().swap(corpus.positive);
  std::vector<ClaimRows>().swap(corpus.negative);
}

}  // namespace

namespace {

bool reads_any(std::vector<Literal> const& body, std::vector<bool> const& relations) {
  for (auto const& lit : body) {
    if ((lit.kind == Literal::Kind::atom || lit.kind == Literal::Kind::negation) && relations[lit.relation]) return true;
    if (lit.kind == Literal::Kind::aggregate && reads_any(lit.body, relations)) return true;
  }
  return false;
}

void note_reads(std::vector<Literal> const& body, std::uint32_t stratum, std::vector<std::uint32_t>& last_read) {
  for (auto const& lit : body) {
    if (lit.kind == Literal::Kind::atom || lit.kind == Literal::Kind::negation) last_read[lit.relation] = stratum;
    if (lit.kind == Literal::Kind::aggregate) note_reads(lit.body, stratum, last_read);
  }
}

// Per relation, the last stratum that reads it and the last that adds to it (0 for none).
struct LastUse {
  std::vector<std::uint32_t> read, derived;
};

LastUse last_use(Program const& program) {
  LastUse last{std::vector<std::uint32_t>(program.relations.size(), 0), std::vector<std::uint32_t>(program.relations.size(), 0)};
  for (std::uint32_t s = 0; s < program.strata.size(); ++s) {
    for (auto rule : program.strata[s].rules) note_reads(program.rules[rule].body, s, last.read);
    for (auto r : program.strata[s].relations) last.derived[r] = s;
  }
  return last;
}

// The end of the run of strata from `first` that can be evaluated side by side: non-recursive,
// none reading what another in the run derives.
std::size_t independent_run(Program const& program, std::size_t first) {
  auto const& strata = program.strata;
  if (strata[first].recursive) return first + 1;
  std::vector<bool> derived(program.relations.size(), false);
  std::size_t end = first;
  for (; end < strata.size() && !strata[end].recursive; ++end) {
    bool const reads = std::any_of(strata[end].rules.begin(), strata[end].rules.end(),
                                   [&](std::uint32_t rule) { return reads_any(program.rules[rule].body, derived); });
    if (reads) break;
    for (auto r : strata[end].relations) derived[r] = true;
  }
  return end;
}

// Evaluates strata [first, end) on every core. A failure is rethrown, the first in stratum order,
// with the rule it happened in.
void run_side_by_side(Program const& program, Database& db, EvalOptions const& options, std::size_t first, std::size_t end,
                      std::chrono::steady_clock::time_point started, std::uint32_t& failed_rule) {
  std::size_t const count = end - first;
  std::vector<std::uint64_t> derived(count, db.stats.derived);
  std::vector<std::unique_ptr<Evaluator>> evaluators;
  for (std::size_t i = 0; i < count; ++i) {
    evaluators.push_back(std::make_unique<Evaluator>(program, db, options, derived[i], started));
    evaluators.back()->plan_stratum(program.strata[first + i]);
  }
  std::vector<std::exception_ptr> failures(count);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        evaluators[i]->run_planned();
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  std::size_t const threads = std::min<std::size_t>(count, worker_threads(options));
  std::vector<std::future<void>> helpers;
  for (std::size_t t = 1; t < threads; ++t) helpers.push_back(std::async(std::launch::async, work));
  work();
  for (auto& h : helpers) h.get();
  std::uint64_t const base = db.stats.derived;
  for (auto d : derived) db.stats.derived += d - base;
  for (std::size_t i = 0; i < count; ++i)
    if (failures[i]) {
      failed_rule = evaluators[i]->current_rule();
      std::rethrow_exception(failures[i]);
    }
}

}  // namespace

void prepare_database(Program const& program, Corpus& corpus, Database& db) {
  db.relations.clear();
  db.provenance.clear();
  db.stats = {};
  for (auto const& decl : program.relations) db.relations.emplace_back(static_cast<std::uint32_t>(decl.columns.size()));
  db.provenance.resize(program.relations.size());
  db.recovery.clear();
  for (auto const& rule : program.rules) {
    db.recovery.push_back(plan_recovery(program, rule));
    db.provenance[rule.head].fit(static_cast<std::uint32_t>(db.recovery.back().stored.size()));
  }
  load_claims(program, corpus, db);
  // The claims' rows, freed from the corpus, lie in the allocator's heap among what loading left
  // there (15 MB on news-20k): handed back now, before evaluation's own peak rather than after.
  return_free_memory();
}

bool evaluate(Program const& program, Corpus& corpus, Database& db, EvalOptions const& options, Diagnostics& diags) {
  prepare_database(program, corpus, db);
  auto const started = std::chrono::steady_clock::now();
  Evaluator ev(program, db, options, db.stats.derived, started);
  std::optional<std::uint32_t> side_rule;  // where strata evaluated side by side failed
  auto failed_rule = [&] { return side_rule ? *side_rule : ev.current_rule(); };
  // Once strata before `next` are done: grouped indexes, which only speed joins up, go when no
  // later stratum reads their relation, and a relation no later stratum adds to has its lookups
  // cut to fit, so that neither stays at its growing size beside what later strata derive.
  auto const last = last_use(program);
  auto settle_strata_before = [&](std::size_t next) {
    for (std::size_t r = 0; r < db.relations.size(); ++r) {
      if (last.read[r] < next) db.relations[r].release_grouped();
      if (last.derived[r] < next) db.relations[r].settle();
    }
  };
  try {
    for (std::size_t s = 0; s < program.strata.size();) {
      std::size_t end = independent_run(program, s);
      if (end - s < 2 || worker_threads(options) < 2) {
        ev.run_stratum(program.strata[s++]);
        settle_strata_before(s);
        continue;
      }
      std::uint32_t rule = 0;
      try {
        run_side_by_side(program, db, options, s, end, started, rule);
      } catch (...) {
        side_rule = rule;
        throw;
      }
      s = end;
      settle_strata_before(s);
    }
    for (auto& relation : db.relations) relation.release_grouped();
  } catch (Runaway const& r) {
    auto const& rule = program.rules[failed_rule()];
    auto const& rel = program.relations[rule.head];
    diags.report(make_error("E0401", "evaluation stopped: " + r.reason)
                     .with_primary(rule.span, "`" + rel.name + "` keeps growing through this rule")
                     .with_note("`" + rel.name + "` holds " + std::to_string(db.relations[rule.head].size()) + " facts")
                     .with_help("a rule that computes new values in a recursive cycle can derive facts forever, and a "
                                "join of large relations on no shared variable derives their product; "
                                "if the program is right, raise the limit with --max-facts, --max-seconds or --max-memory"));
    return false;
  } catch (DateRangeError const& e) {
    diags.report(date_out_of_range(program, program.rules[failed_rule()], *e.literal, e.days));
    return false;
  } catch (ArithmeticError const& e) {
    auto const& rule = program.rules[failed_rule()];
    diags.report(make_error("E0402", "integer overflow: " + e.what)
                     .with_primary(rule.span, "in this rule")
                     .with_help("ints are 32-bit; check the arithmetic for values that grow without bound"));
    return false;
  }
  return true;
}

Diagnostic date_out_of_range(Program const& program, Rule const& rule, Literal const& literal, std::int64_t days) {
  bool const late = days > last_day;
  std::string const value = days > -(1ll << 30) && days < (1ll << 30) ? format_date(static_cast<std::int32_t>(days)) : "";
  std::string const bound = late ? "after 9999-12-31" : "before 0001-01-01";
  Diagnostic d = make_error("E0403", "date out of range: `" + literal.text + "` gives " + (value.empty() ? "a day " + bound : value + ", " + bound));
  d.with_primary(literal.span.valid() ? literal.span : rule.span, "a date " + bound);
  return std::move(d.with_note("in a rule for `" + program.relations[rule.head].name + "`; dates run from 0001-01-01 to 9999-12-31")
                       .with_help("check the days added to or taken from the date, or compare before computing"));
}

namespace {

// Every literal of a body and of the bodies inside it, depth first.
template <class Visit>
bool visit_literals(std::vector<Literal> const& body, std::uint32_t& n, Visit const& visit) {
  for (auto const& l : body) {
    if (visit(l, n++)) return true;
    if (visit_literals(l.body, n, visit)) return true;
  }
  return false;
}

}  // namespace

std::uint32_t literal_number(Rule const& rule, Literal const& literal) {
  std::uint32_t n = 0, found = 0;
  visit_literals(rule.body, n, [&](Literal const& l, std::uint32_t at) { return &l == &literal && (found = at, true); });
  return found;
}

Literal const* literal_numbered(Rule const& rule, std::uint32_t number) {
  std::uint32_t n = 0;
  Literal const* found = nullptr;
  visit_literals(rule.body, n, [&](Literal const& l, std::uint32_t at) { return at == number && (found = &l, true); });
  return found;
}

bool assigned_value(Expr const& e, Value const* regs, Value& out) {
  std::int64_t v = 0;
  if (!evaluate_expr(e, regs, v)) return false;
  bool const outside = v < first_day || v > last_day;
  if (e.type == ValueType::date && e.steps.size() > 1 && outside && reads_unknown_date(e, regs)) v = INT32_MIN;
  out = static_cast<Value>(v);
  return true;
}

bool holds_as_bound(Literal const& l, Value const* regs) {
  if (compare_holds(l, regs)) return true;
  if (l.op != CompareOp::eq) return false;
  for (auto [target, source] : {std::pair{&l.lhs, &l.rhs}, std::pair{&l.rhs, &l.lhs}}) {
    Value v = 0;
    if (target->is_single_var() && assigned_value(*source, regs, v) && v == regs[target->steps[0].value]) return true;
  }
  return false;
}

std::string_view to_string(CompareOp op) {
  switch (op) {
    case CompareOp::eq: return "=";
    case CompareOp::ne: return "!=";
    case CompareOp::lt: return "<";
    case CompareOp::le: return "<=";
    case CompareOp::gt: return ">";
    case CompareOp::ge: return ">=";
    case CompareOp::in: return "in";
    case CompareOp::not_in: return "not in";
    case CompareOp::overlaps: return "overlaps";
    case CompareOp::within: return "within";
  }
  return "?";
}

std::string_view to_string(VerdictSeverity s) {
  switch (s) {
    case VerdictSeverity::info: return "info";
    case VerdictSeverity::warning: return "warning";
    case VerdictSeverity::error: return "error";
  }
  return "?";
}

}  // namespace nogood::engine
