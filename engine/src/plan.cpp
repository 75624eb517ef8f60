#include "plan.hpp"

#include <algorithm>

namespace nogood::engine::detail {

void expr_registers(Expr const& e, std::vector<Register>& out) {
  for (auto const& s : e.steps)
    if (s.op == Expr::Op::push_var || s.op == Expr::Op::push_signed_var || s.op == Expr::Op::push_date_var) out.push_back(s.value);
}

namespace {

bool all_bound(std::vector<Register> const& regs, std::vector<bool> const& bound) {
  return std::all_of(regs.begin(), regs.end(), [&](Register r) { return bound[r]; });
}

void literal_registers(Literal const& l, std::vector<Register>& out) {
  for (auto const& op : l.columns)
    if (op.kind == Operand::Kind::var) out.push_back(op.value);
  expr_registers(l.lhs, out);
  expr_registers(l.rhs, out);
  for (auto const& inner : l.body) literal_registers(inner, out);
}

// Registers an aggregate needs from outside: those used inside that are bound when it runs.
// Its own local variables are bound inside it; only the group variables must be ready.
std::vector<Register> aggregate_inputs(Literal const& agg, std::vector<bool> const& bound_outside_ever) {
  std::vector<Register> used, out;
  for (auto const& inner : agg.body) literal_registers(inner, used);
  expr_registers(agg.lhs, used);
  for (auto r : used)
    if (bound_outside_ever[r]) out.push_back(r);
  return out;
}

PlanStep make_atom_step(Literal const& lit, std::vector<bool>& bound, PlanStep::Kind kind) {
  PlanStep step;
  step.kind = kind;
  step.literal = &lit;
  step.relation = lit.relation;
  step.sourced_column = lit.sourced_column;
  std::vector<std::pair<Register, std::uint32_t>> first_col;
  for (std::uint32_t c = 0; c < lit.columns.size(); ++c) {
    auto const& op = lit.columns[c];
    if (op.kind == Operand::Kind::constant || (op.kind == Operand::Kind::var && bound[op.value])) {
      step.mask |= 1ull << c;
      step.key.push_back(op);
    } else if (op.kind == Operand::Kind::var) {
      auto it = std::find_if(first_col.begin(), first_col.end(), [&](auto const& p) { return p.first == op.value; });
      if (it != first_col.end()) {
        step.same.emplace_back(it->second, c);
      } else {
        first_col.emplace_back(op.value, c);
        step.binds.emplace_back(c, op.value);
      }
    }
  }
  if (kind == PlanStep::Kind::scan)
    for (auto const& b : step.binds) bound[b.second] = true;
  return step;
}

// Registers a step reads.
void step_reads(PlanStep const& step, std::vector<bool>& live) {
  std::vector<Register> regs;
  for (auto const& op : step.key)
    if (op.kind == Operand::Kind::var) regs.push_back(op.value);
  if (step.literal && step.kind != PlanStep::Kind::scan && step.kind != PlanStep::Kind::negation)
    literal_registers(*step.literal, regs);  // compares, assignments, aggregates: conservatively all
  if (step.kind == PlanStep::Kind::aggregate && step.target_bound) regs.push_back(step.literal->target);  // compared
  for (auto r : regs) live[r] = true;
}

// Walks the plan backwards with the registers read after each step, dropping the bindings no
// later step reads; a scan left binding nothing only has to find one row.
void drop_dead_bindings(std::vector<PlanStep>& steps, std::vector<Register> const& read_at_end, std::size_t registers) {
  std::vector<bool> live(registers, false);
  for (auto r : read_at_end) live[r] = true;
  for (auto step = steps.rbegin(); step != steps.rend(); ++step) {
    if (step->kind == PlanStep::Kind::scan) {
      std::erase_if(step->binds, [&](auto const& b) { return !live[b.second]; });
      step->exists = step->binds.empty();
    }
    step_reads(*step, live);
  }
}

// Literal index -> component, joining literals that share a register not bound before the body.
// An aggregate joins through the registers it groups by and its target, not its local ones.
std::vector<std::uint32_t> components(std::vector<Literal> const& body, std::vector<bool> const& bound,
                                      std::vector<bool> const& bindable) {
  std::vector<std::uint32_t> parent(body.size());
  for (std::uint32_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto root = [&](std::uint32_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::vector<std::int64_t> owner(bound.size(), -1);  // register -> a literal using it
  for (std::uint32_t i = 0; i < body.size(); ++i) {
    std::vector<Register> regs;
    if (body[i].kind == Literal::Kind::aggregate) {
      regs = aggregate_inputs(body[i], bindable);
      regs.push_back(body[i].target);
    } else {
      literal_registers(body[i], regs);
    }
    for (auto r : regs) {
      if (bound[r]) continue;
      if (owner[r] < 0) owner[r] = i;
      else parent[root(i)] = root(static_cast<std::uint32_t>(owner[r]));
    }
  }
  std::vector<std::uint32_t> out(body.size());
  for (std::uint32_t i = 0; i < body.size(); ++i) out[i] = root(i);
  return out;
}

void hoist_components(PlanInput const& in, std::vector<std::uint32_t> const& atom_slots, std::vector<bool> const& bindable,
                      std::vector<bool>& done, std::vector<PlanStep>& first, std::vector<PlanStep>& last) {
  auto const& body = *in.body;
  auto const comp = components(body, in.bound, bindable);
  // The part the rule is driven by stays in the main plan: the delta atom's, or else a
  // recursive atom's, or else the first atom's.
  std::int64_t main = -1;
  for (std::size_t i = 0; i < body.size(); ++i)
    if (body[i].kind == Literal::Kind::atom && (static_cast<std::int32_t>(i) == in.delta_atom || in.recursive[i])) {
      main = comp[i];
      if (static_cast<std::int32_t>(i) == in.delta_atom) break;
    }
  for (std::size_t i = 0; i < body.size() && main < 0; ++i)
    if (body[i].kind == Literal::Kind::atom) main = comp[i];
  std::vector<bool> head(in.bound.size(), false);
  for (auto r : in.read_at_end) head[r] = true;
  for (std::uint32_t c = 0; c < body.size(); ++c) {
    if (static_cast<std::int64_t>(c) == main || comp[c] != c) continue;  // each component once, by its root
    std::size_t size = 0, atoms = 0;
    bool invariant = true;
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (comp[i] != c) continue;
      ++size;
      if (body[i].kind == Literal::Kind::atom) ++atoms;
      if (body[i].kind == Literal::Kind::atom && in.recursive[i]) invariant = false;
    }
    // One atom alone is read as fast from its relation as from kept answers.
    if (!invariant || atoms == 0 || size < 2) continue;
    PlanInput sub = in;
    sub.skip.assign(body.size(), true);
    sub.read_at_end.clear();
    sub.delta_atom = -1;
    PlanStep step;
    step.kind = PlanStep::Kind::component;
    step.component = c;
    for (std::uint32_t i = 0; i < body.size(); ++i) {
      if (comp[i] != c) continue;
      sub.skip[i] = false;
      done[i] = true;
      if (atom_slots[i] != 0xffffffffu) step.slots.push_back(atom_slots[i]);
      std::vector<Register> regs;
      literal_registers(body[i], regs);
      if (body[i].kind == Literal::Kind::aggregate) regs.push_back(body[i].target);
      for (auto r : regs)
        if (head[r] && !in.bound[r] && std::find(step.outputs.begin(), step.outputs.end(), r) == step.outputs.end())
          step.outputs.push_back(r);
    }
    sub.read_at_end = step.outputs;
    step.sub = plan_body(sub, atom_slots, PlanStep::Kind::collect);
    (step.outputs.empty() ? first : last).push_back(std::move(step));
  }
}

}  // namespace

std::vector<PlanStep> plan_body(PlanInput const& in, std::vector<std::uint32_t> const& atom_slots,
                                PlanStep::Kind final_kind) {
  auto const& body = *in.body;
  std::vector<bool> bound = in.bound;
  std::vector<bool> done = in.skip.empty() ? std::vector<bool>(body.size(), false) : in.skip;
  std::vector<PlanStep> steps;

  // Registers any positive atom or assignment can bind: what an aggregate may group by.
  // `binders` counts the literals that can bind each register.
  std::vector<bool> bindable = in.bound;
  std::vector<std::uint32_t> binders(in.bound.size(), 0);
  auto can_bind = [&](Register r) {
    bindable[r] = true;
    ++binders[r];
  };
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (done[i]) continue;
    auto const& l = body[i];
    if (l.kind == Literal::Kind::atom)
      for (auto const& op : l.columns)
        if (op.kind == Operand::Kind::var) can_bind(op.value);
    if (l.kind == Literal::Kind::compare && l.op == CompareOp::eq) {
      if (l.lhs.is_single_var()) can_bind(l.lhs.steps[0].value);
      if (l.rhs.is_single_var()) can_bind(l.rhs.steps[0].value);
    }
    if (l.kind == Literal::Kind::aggregate) can_bind(l.target);
  }

  auto schedule_filters = [&] {
    bool progress = true;
    while (progress) {
      progress = false;
      for (std::size_t i = 0; i < body.size(); ++i) {
        if (done[i]) continue;
        auto const& l = body[i];
        std::vector<Register> regs;
        switch (l.kind) {
          case Literal::Kind::atom: continue;
          case Literal::Kind::negation: {
            literal_registers(l, regs);
            if (!all_bound(regs, bound)) continue;
            steps.push_back(make_atom_step(l, bound, PlanStep::Kind::negation));
            break;
          }
          case Literal::Kind::compare:
          case Literal::Kind::assign: {
            std::vector<Register> lhs, rhs;
            expr_registers(l.lhs, lhs);
            expr_registers(l.rhs, rhs);
            bool lb = all_bound(lhs, bound), rb = all_bound(rhs, bound);
            PlanStep step;
            step.kind = PlanStep::Kind::compare;
            step.literal = &l;
            if (lb && rb) {
              if (l.kind == Literal::Kind::assign) step.target_bound = true;
            } else if (l.op == CompareOp::eq && l.lhs.is_single_var() && rb) {
              step.kind = PlanStep::Kind::assign;
              step.binds.emplace_back(0, l.lhs.steps[0].value);  // column 0: evaluate rhs into lhs
              bound[l.lhs.steps[0].value] = true;
            } else if (l.op == CompareOp::eq && l.rhs.is_single_var() && lb) {
              step.kind = PlanStep::Kind::assign;
              step.binds.emplace_back(1, l.rhs.steps[0].value);  // column 1: evaluate lhs into rhs
              bound[l.rhs.steps[0].value] = true;
            } else {
              continue;
            }
            steps.push_back(std::move(step));
            break;
          }
          case Literal::Kind::aggregate: {
            auto inputs = aggregate_inputs(l, bindable);
            // The target is an input too when another literal binds it: the aggregate then
            // groups by it and checks its value, so it must wait until it is bound.
            if (!in.bound[l.target] && binders[l.target] <= 1) std::erase(inputs, l.target);
            if (!all_bound(inputs, bound)) continue;
            PlanStep step;
            step.kind = PlanStep::Kind::aggregate;
            step.literal = &l;
            step.target_bound = bound[l.target];
            PlanInput sub_in{&l.body, bound, -1, std::vector<bool>(l.body.size(), false), in.sizes, {}, {}};
            step.sub = plan_body(sub_in, std::vector<std::uint32_t>(l.body.size(), 0xffffffffu),
                                 PlanStep::Kind::accumulate);
            bound[l.target] = true;
            steps.push_back(std::move(step));
            break;
          }
        }
        done[i] = true;
        progress = true;
      }
    }
  };

  auto pick_atom = [&]() -> std::int32_t {
    std::int32_t best = -1;
    std::size_t best_bound = 0;
    std::uint32_t best_size = 0;
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (done[i] || body[i].kind != Literal::Kind::atom) continue;
      if (static_cast<std::int32_t>(i) == in.delta_atom) return static_cast<std::int32_t>(i);
      std::size_t nbound = 0;
      for (auto const& op : body[i].columns)
        if (op.kind == Operand::Kind::constant || (op.kind == Operand::Kind::var && bound[op.value])) ++nbound;
      std::uint32_t size = (*in.sizes)[body[i].relation];
      if (best < 0 || nbound > best_bound || (nbound == best_bound && size < best_size)) {
        best = static_cast<std::int32_t>(i);
        best_bound = nbound;
        best_size = size;
      }
    }
    return best;
  };

  std::vector<PlanStep> last;  // components binding head variables: innermost, where they loop cheapest
  if (final_kind == PlanStep::Kind::emit && in.skip.empty())
    hoist_components(in, atom_slots, bindable, done, steps, last);

  schedule_filters();
  for (auto next = pick_atom(); next >= 0; next = pick_atom()) {
    auto& step = steps.emplace_back(make_atom_step(body[next], bound, PlanStep::Kind::scan));
    step.atom_slot = atom_slots[next];
    if (next == in.delta_atom) step.range = Range::delta;
    else if (in.recursive[next]) step.range = next < in.delta_atom ? Range::old : Range::all;
    done[next] = true;
    schedule_filters();
  }
  for (auto& c : last) steps.push_back(std::move(c));
  steps.emplace_back().kind = final_kind;
  if (final_kind == PlanStep::Kind::emit || final_kind == PlanStep::Kind::collect) drop_dead_bindings(steps, in.read_at_end, in.bound.size());
  return steps;
}

}  // namespace nogood::engine::detail
