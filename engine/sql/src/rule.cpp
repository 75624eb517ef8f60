// A rule as one INSERT ... SELECT DISTINCT: positive atoms are the FROM list and bind registers
// to their columns; comparisons, assignments, negations (NOT EXISTS) and aggregates (correlated
// subqueries) follow once the registers they read are bound, as the native planner orders them.
#include <stdexcept>

#include "internal.hpp"
#include "nogood/engine/corpus.hpp"
#include "nogood/engine/evaluate.hpp"

namespace nogood::sql::detail {

using engine::CompareOp;
using engine::Literal;
using engine::Operand;

std::string join(std::vector<std::string> const& parts, std::string const& separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
  return out;
}

namespace {

std::string column(DialectRules const& d, std::string const& alias, Table const& t, std::size_t c) {
  return alias + "." + d.quote(t.columns[c]);
}

void expr_registers(engine::Expr const& e, std::vector<engine::Register>& out) {
  for (auto const& s : e.steps)
    if (s.op == engine::Expr::Op::push_var || s.op == engine::Expr::Op::push_signed_var) out.push_back(s.value);
}

// Every register a literal reads or binds, through nested aggregates.
void literal_registers(Literal const& l, std::vector<engine::Register>& out) {
  for (auto const& op : l.columns)
    if (op.kind == Operand::Kind::var) out.push_back(op.value);
  expr_registers(l.lhs, out);
  expr_registers(l.rhs, out);
  for (auto const& inner : l.body) literal_registers(inner, out);
}

bool all_bound(std::vector<engine::Register> const& regs, Bindings const& b) {
  for (auto r : regs)
    if (!b[r]) return false;
  return true;
}

// The value of a register or constant operand in the representation of a column of type `t`.
std::string operand_sql(Operand const& op, engine::ValueType t, Bindings const& regs) {
  if (op.kind == Operand::Kind::constant) return std::to_string(sql_value(op.value, t));
  return *regs[op.value];
}

// The rows of `relation` matching the literal's bound columns, as conditions on `alias`.
std::vector<std::string> match_conditions(BodyContext& ctx, Literal const& l, std::string const& alias, Bindings& regs, bool bind) {
  auto const& decl = ctx.program.relations[l.relation];
  auto const& table = ctx.tables[l.relation];
  std::vector<std::string> where;
  for (std::size_t c = 0; c < l.columns.size(); ++c) {
    auto const& op = l.columns[c];
    std::string const col = column(ctx.dialect, alias, table, c);
    if (op.kind == Operand::Kind::ignore) continue;
    if (op.kind == Operand::Kind::var && !regs[op.value]) {
      if (!bind) throw std::logic_error("sql: a negated atom reads an unbound variable");
      regs[op.value] = col;
      continue;
    }
    where.push_back(col + " = " + operand_sql(op, decl.columns[c], regs));
  }
  if (l.sourced_column >= 0)  // `@ S`: a source's claim, not background knowledge
    where.push_back(column(ctx.dialect, alias, table, std::size_t(l.sourced_column)) + " <> " + std::to_string(engine::no_source));
  return where;
}

std::string aggregate_sql(BodyContext& ctx, Literal const& l, Bindings const& outer) {
  Bindings inner = outer;
  Body body = body_sql(ctx, l.body, inner, -1);
  std::string value;
  if (l.aggregate != engine::AggregateKind::count) {
    auto v = expr_sql(l.lhs, ctx.rule, inner, ctx.dialect);
    if (!v) throw std::logic_error("sql: an aggregate's value reads an unbound variable");
    value = *v;
    // min and max of dates take days; a month or a year has no single day to give (NULL: skipped)
    if (l.lhs.steps.size() == 1 && l.lhs.steps[0].op == engine::Expr::Op::push_date_var) value = date_value(value);
  }
  // The values are a derived table's column: an aggregate of a column of the enclosing query
  // alone (a group variable's value) would be computed by that query, not per match here.
  std::string folded;
  switch (l.aggregate) {
    case engine::AggregateKind::count: folded = "COUNT(*)"; break;
    case engine::AggregateKind::sum: folded = "CAST(COALESCE(SUM(v), 0) AS BIGINT)"; break;
    case engine::AggregateKind::min: folded = "MIN(v)"; break;
    case engine::AggregateKind::max: folded = "MAX(v)"; break;
    case engine::AggregateKind::mean: folded = ctx.dialect.mean("v"); break;
  }
  std::string out = "(SELECT " + folded + " FROM (SELECT " + (value.empty() ? std::string("1") : value) + " AS v";
  if (!body.from.empty()) out += " FROM " + join(body.from, ", ");
  if (!body.where.empty()) out += " WHERE " + join(body.where, " AND ");
  out += ") a" + std::to_string(++ctx.aliases);
  return out + ")";
}

// `overlaps` and `within` over two days (compile() refuses dates that are not single days): the
// days are equal; the gap between them is at most N days, or in minutes, the whole of each day
// counted, at most N hours.
std::string day_comparison(Literal const& l, std::string const& a, std::string const& b) {
  if (l.op == CompareOp::overlaps) return a + " = " + b;
  std::string const days = "ABS(" + a + " - " + b + ")";
  if (!l.within_hours) return days + " <= " + std::to_string(l.within);
  return "(CASE WHEN " + days + " = 0 THEN 0 ELSE " + days + " * 1440 - 1439 END) <= " + std::to_string(l.within) + " * 60";
}

// A comparison of dates where either may not be a single day: days compare as ints (as the native
// engine's fast path does), anything else through the prelude's interval functions.
std::string date_comparison(Literal const& l, std::string const& a, std::string const& b, Bindings const& regs, DialectRules const& d) {
  std::string const op = l.op == CompareOp::ne ? "<>" : std::string(engine::to_string(l.op));
  if (l.date_gap) {  // `abs(D1 - D2) > N` of a `unique ... within N`: the gap between the two dates
    auto const& st = l.lhs.steps;
    if (st.size() == 4 && st[0].op == engine::Expr::Op::push_date_var && st[1].op == engine::Expr::Op::push_date_var) {
      std::string const x = *regs[st[0].value], y = *regs[st[1].value];
      return "(CASE WHEN " + date_is_interval(x) + " OR " + date_is_interval(y) + " THEN NOT " + d.function("nogood_dates_within") + "(" + x +
             ", " + y + ", " + b + ", FALSE) ELSE " + a + " " + op + " " + b + " END)";
    }
  }
  std::string interval_test, day_test;
  auto call = [&](char const* fn, std::string const& x, std::string const& y) { return d.function(fn) + "(" + x + ", " + y + ")"; };
  switch (l.op) {
    case CompareOp::eq: return a + " = " + b;
    case CompareOp::ne:
      if (!l.certain_dates) return a + " <> " + b;
      interval_test = "NOT " + call("nogood_dates_overlap", a, b);
      break;
    case CompareOp::lt: interval_test = call("nogood_date_before", a, b); break;
    case CompareOp::le: interval_test = call("nogood_date_not_after", a, b); break;
    case CompareOp::gt: interval_test = call("nogood_date_before", b, a); break;
    case CompareOp::ge: interval_test = call("nogood_date_not_after", b, a); break;
    case CompareOp::overlaps: interval_test = call("nogood_dates_overlap", a, b); break;
    case CompareOp::within:
      interval_test = d.function("nogood_dates_within") + "(" + a + ", " + b + ", " + std::to_string(l.within) + ", " +
                      (l.within_hours ? "TRUE" : "FALSE") + ")";
      break;
    default: return a + " " + op + " " + b;
  }
  day_test = l.op == CompareOp::overlaps || l.op == CompareOp::within ? day_comparison(l, a, b) : a + " " + op + " " + b;
  return "(CASE WHEN " + date_is_interval(a) + " OR " + date_is_interval(b) + " THEN " + interval_test + " ELSE " + day_test + " END)";
}

// Whether an expression reads the unknown date (a source without `published`): a date computed
// from it is unknown too, not out of range.
std::string reads_unknown_date(engine::Expr const& e, engine::Rule const& rule, Bindings const& regs) {
  std::vector<std::string> unknown;
  for (auto const& s : e.steps) {
    if (s.op != engine::Expr::Op::push_signed_var && s.op != engine::Expr::Op::push_date_var) continue;
    if (s.value >= regs.size() || !regs[s.value]) continue;
    unknown.push_back(*regs[s.value] + (is_signed(rule.register_types[s.value]) ? " = -2147483648" : " = 2147483648"));
  }
  return unknown.empty() ? "FALSE" : "(" + join(unknown, " OR ") + ")";
}

}  // namespace

Body body_sql(BodyContext& ctx, std::vector<Literal> const& body, Bindings& regs, std::int32_t delta_atom) {
  Body out;
  auto const& d = ctx.dialect;
  std::vector<bool> done(body.size(), false);
  // How many literals can bind each register: an aggregate whose target another literal binds
  // waits for it and compares (the native planner's rule).
  std::vector<int> binders(regs.size(), 0);
  for (auto const& l : body) {
    if (l.kind == Literal::Kind::atom)
      for (auto const& op : l.columns)
        if (op.kind == Operand::Kind::var) ++binders[op.value];
    if (l.kind == Literal::Kind::compare && l.op == CompareOp::eq) {
      if (l.lhs.is_single_var()) ++binders[l.lhs.steps[0].value];
      if (l.rhs.is_single_var()) ++binders[l.rhs.steps[0].value];
    }
    if (l.kind == Literal::Kind::aggregate) ++binders[l.target];
  }
  std::vector<bool> bindable(regs.size(), false);
  for (std::size_t r = 0; r < regs.size(); ++r) bindable[r] = regs[r].has_value() || binders[r] > 0;

  for (std::size_t i = 0; i < body.size(); ++i) {
    auto const& l = body[i];
    if (l.kind != Literal::Kind::atom) continue;
    auto const& table = ctx.tables[l.relation];
    std::string const alias = "t" + std::to_string(++ctx.aliases);
    std::string const& name = std::int32_t(i) == delta_atom ? table.delta : table.name;
    out.from.push_back(d.quote(name) + " " + alias);
    out.atoms.push_back(alias);
    for (auto& w : match_conditions(ctx, l, alias, regs, true)) out.where.push_back(std::move(w));
    done[i] = true;
  }

  // A register bound to a computed value: range-checked as the native engine's assignment is, and
  // the row dropped where the value failed (a zero divisor, the min of nothing). The value is a
  // column of a LATERAL subquery, computed once a row: an expression written again at each use
  // would double in size with each assignment that reads the one before.
  auto checked = [&](engine::Register r, std::string value, Literal const& computing, engine::Expr const* expr) {
    auto const t = ctx.rule.register_types[r];
    auto const literal = engine::literal_number(ctx.rule, computing);
    if (t == engine::ValueType::date && expr && expr->steps.size() > 1)
      return d.check_date(value, reads_unknown_date(*expr, ctx.rule, regs), literal, computing.text);
    if (t == engine::ValueType::integer || t == engine::ValueType::date) return d.check_int32(value, literal, computing.text);
    return value;
  };
  auto bind = [&](engine::Register r, std::string value, Literal const& computing, engine::Expr const* expr) {
    value = checked(r, std::move(value), computing, expr);
    std::string const alias = "t" + std::to_string(++ctx.aliases);
    out.from.push_back("LATERAL (SELECT " + value + " AS v) " + alias);
    regs[r] = alias + ".v";
    out.where.push_back(*regs[r] + " IS NOT NULL");
  };

  // An aggregate whose target only equalities with unbound variables could bind (`V6 = V5,
  // V5 = count : {...}`) waits for nothing once nothing else can be ordered: it binds its target.
  bool relaxed = false;
  for (bool progress = true; progress || !relaxed;) {
    if (!progress) relaxed = true;
    progress = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (done[i]) continue;
      auto const& l = body[i];
      std::vector<engine::Register> used;
      switch (l.kind) {
        case Literal::Kind::atom: continue;
        case Literal::Kind::negation: {
          literal_registers(l, used);
          if (!all_bound(used, regs)) continue;
          std::string const alias = "t" + std::to_string(++ctx.aliases);
          auto where = match_conditions(ctx, l, alias, regs, false);
          std::string sub = "NOT EXISTS (SELECT 1 FROM " + d.quote(ctx.tables[l.relation].name) + " " + alias;
          if (!where.empty()) sub += " WHERE " + join(where, " AND ");
          out.where.push_back(sub + ")");
          break;
        }
        case Literal::Kind::compare:
        case Literal::Kind::assign: {
          auto lhs = expr_sql(l.lhs, ctx.rule, regs, d);
          auto rhs = expr_sql(l.rhs, ctx.rule, regs, d);
          if (l.op == CompareOp::in || l.op == CompareOp::not_in) {
            if (!lhs) continue;
            std::vector<std::string> values;
            for (auto v : l.set) values.push_back(std::to_string(v));
            bool const in = l.op == CompareOp::in;
            if (values.empty()) out.where.push_back(in ? "1 = 0" : *lhs + " IS NOT NULL");
            else out.where.push_back(*lhs + (in ? " IN (" : " NOT IN (") + join(values, ", ") + ")");
            break;
          }
          if (lhs && rhs && (l.lhs.type == engine::ValueType::date || l.date_gap) && d.has_date_intervals()) {
            out.where.push_back(date_comparison(l, *lhs, *rhs, regs, d));
            break;
          }
          if (lhs && rhs && (l.op == CompareOp::overlaps || l.op == CompareOp::within)) {
            out.where.push_back(day_comparison(l, *lhs, *rhs));
            break;
          }
          if (lhs && rhs) {
            std::string const op = l.op == CompareOp::ne ? "<>" : std::string(engine::to_string(l.op));
            out.where.push_back(*lhs + " " + op + " " + *rhs);
            break;
          }
          if (l.op == CompareOp::eq && l.lhs.is_single_var() && rhs) bind(l.lhs.steps[0].value, *rhs, l, &l.rhs);
          else if (l.op == CompareOp::eq && l.rhs.is_single_var() && lhs) bind(l.rhs.steps[0].value, *lhs, l, &l.lhs);
          else continue;
          break;
        }
        case Literal::Kind::aggregate: {
          // Group by the registers of its body that the enclosing body binds; the rest are its own.
          literal_registers(l, used);
          std::vector<engine::Register> inputs;
          for (auto r : used)
            if (bindable[r] && r != l.target) inputs.push_back(r);
          bool const target_elsewhere = regs[l.target] || (binders[l.target] > 1 && !relaxed);
          if (target_elsewhere) inputs.push_back(l.target);
          if (!all_bound(inputs, regs)) continue;
          std::string value = aggregate_sql(ctx, l, regs);
          if (regs[l.target]) out.where.push_back(*regs[l.target] + " = " + checked(l.target, value, l, nullptr));
          else bind(l.target, value, l, nullptr);
          break;
        }
      }
      done[i] = true;
      progress = true;
    }
  }
  for (std::size_t i = 0; i < body.size(); ++i)
    if (!done[i]) throw std::logic_error("sql: cannot order the literal `" + body[i].text + "`");
  return out;
}

std::string rule_insert(engine::Program const& program, std::vector<Table> const& tables, DialectRules const& d,
                        std::uint32_t rule_index, std::int32_t delta_atom, std::string const& target,
                        std::vector<std::string> const& absent, Provenance provenance) {
  auto const& rule = program.rules[rule_index];
  BodyContext ctx{program, rule, tables, d};
  Bindings regs(rule.registers.size());
  Body body = body_sql(ctx, rule.body, regs, delta_atom);
  auto const& head = program.relations[rule.head];
  auto const& table = tables[rule.head];
  std::vector<std::string> values;
  for (std::size_t c = 0; c < rule.head_columns.size(); ++c) {
    auto const& op = rule.head_columns[c];
    if (op.kind == Operand::Kind::constant) {
      values.push_back(std::to_string(sql_value(op.value, head.columns[c])));
      continue;
    }
    if (op.kind != Operand::Kind::var || !regs[op.value]) throw std::logic_error("sql: a head column without a value");
    values.push_back(*regs[op.value]);
  }
  if (values.size() < table.columns.size()) values.push_back("1");  // a relation of no columns holds one row or none
  // Derived facts are sets: a row already there, or derived by an earlier statement, is not added again.
  for (auto const& other : absent) {
    std::string const alias = "t" + std::to_string(++ctx.aliases);
    std::vector<std::string> same;
    for (std::size_t c = 0; c < values.size(); ++c) same.push_back(alias + "." + d.quote(table.columns[c]) + " = " + values[c]);
    body.where.push_back("NOT EXISTS (SELECT 1 FROM " + d.quote(other) + " " + alias + (same.empty() ? "" : " WHERE " + join(same, " AND ")) + ")");
  }
  if (!provenance.enabled) {
    std::string out = "INSERT INTO " + d.quote(target) + " SELECT DISTINCT " + (values.empty() ? std::string("1") : join(values, ", "));
    if (!body.from.empty()) out += "\n  FROM " + join(body.from, ", ");
    if (!body.where.empty()) out += "\n  WHERE " + join(body.where, "\n    AND ");
    return out + ";";
  }
  // One row per head tuple, with the derivation the native engine keeps (DerivationOrder): the
  // least, atom by atom in body order, each row by its values and then its number. Output
  // columns by position, as a constant in DISTINCT ON or ORDER BY would be read as one.
  std::vector<std::string> columns, head_positions, order;
  for (std::size_t c = 0; c < values.size(); ++c) {
    columns.push_back(d.quote(table.columns[c]));
    head_positions.push_back(std::to_string(c + 1));
  }
  order = head_positions;
  columns.push_back(rule_column);
  values.push_back(std::to_string(rule_index));
  std::size_t atom = 0;
  for (auto const& lit : rule.body) {
    if (lit.kind != Literal::Kind::atom) continue;
    auto const& alias = body.atoms[atom];
    columns.push_back(body_column(atom++));
    values.push_back(alias + "." + row_column);
    for (std::size_t c = 0; c < program.relations[lit.relation].columns.size(); ++c)
      order.push_back(alias + "." + d.quote(tables[lit.relation].columns[c]));
    order.push_back(std::to_string(values.size()));
  }
  std::string out = "INSERT INTO " + d.quote(target) + " (" + join(columns, ", ") + ")\n  SELECT DISTINCT ON (" + join(head_positions, ", ") +
                    ") " + join(values, ", ");
  if (!body.from.empty()) out += "\n  FROM " + join(body.from, ", ");
  if (!body.where.empty()) out += "\n  WHERE " + join(body.where, "\n    AND ");
  return out + "\n  ORDER BY " + join(order, ", ") + ";";
}

}  // namespace nogood::sql::detail
