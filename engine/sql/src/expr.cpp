// Arithmetic in SQL as the native engine computes it: 64-bit integers, `/` and `%` truncating
// toward zero, a zero divisor failing the literal (NULL here, which no comparison holds for).
#include <vector>

#include "internal.hpp"

namespace nogood::sql::detail {

using engine::Expr;

namespace {
std::string to_unsigned(std::string const& v) { return "(CASE WHEN " + v + " < 0 THEN " + v + " + 4294967296 ELSE " + v + " END)"; }
std::string to_signed(std::string const& v) { return "(CASE WHEN " + v + " >= 2147483648 THEN " + v + " - 4294967296 ELSE " + v + " END)"; }

struct Item {
  std::string sql;
  bool nullable = false;  // holds a division: NULL on a zero divisor
};

// LEAST and GREATEST skip NULLs in every dialect; a failed operand must fail the whole expression.
std::string least_greatest(char const* fn, Item const& a, Item const& b) {
  std::string const call = std::string(fn) + "(" + a.sql + ", " + b.sql + ")";
  if (!a.nullable && !b.nullable) return call;
  return "(CASE WHEN " + a.sql + " IS NULL OR " + b.sql + " IS NULL THEN NULL ELSE " + call + " END)";
}
}  // namespace

std::optional<std::string> expr_sql(Expr const& e, engine::Rule const& rule, Bindings const& regs, DialectRules const& d) {
  std::vector<Item> stack;
  for (std::size_t i = 0; i < e.steps.size(); ++i) {
    auto const& s = e.steps[i];
    switch (s.op) {
      case Expr::Op::push_const: stack.push_back({std::to_string(engine::unpack_int(s.value))}); break;
      case Expr::Op::push_unsigned_const: stack.push_back({std::to_string(s.value)}); break;
      case Expr::Op::push_var:
      case Expr::Op::push_signed_var:
      case Expr::Op::push_date_var: {
        if (s.value >= regs.size() || !regs[s.value]) return std::nullopt;
        bool const held_signed = is_signed(rule.register_types[s.value]);
        bool const want_signed = s.op != Expr::Op::push_var;
        std::string const& v = *regs[s.value];
        stack.push_back({held_signed == want_signed ? v : want_signed ? to_signed(v) : to_unsigned(v)});
        // Arithmetic needs a day: a month or a year fails the literal, unless earliest or latest
        // takes its day first; a date alone is copied as it is.
        bool const day_taken = i + 1 < e.steps.size() && (e.steps[i + 1].op == Expr::Op::earliest || e.steps[i + 1].op == Expr::Op::latest);
        if (s.op == Expr::Op::push_date_var && e.steps.size() > 1 && !day_taken) stack.back() = {date_value(stack.back().sql), true};
        break;
      }
      case Expr::Op::abs: stack.back().sql = "ABS(" + stack.back().sql + ")"; break;
      case Expr::Op::earliest:
      case Expr::Op::latest:  // of a day: the day
        if (d.has_date_intervals())
          stack.back().sql = d.function(s.op == Expr::Op::earliest ? "nogood_earliest_day" : "nogood_latest_day") + "(" + stack.back().sql + ")";
        break;
      default: {
        if (stack.size() < 2) return std::nullopt;
        Item b = std::move(stack.back());
        stack.pop_back();
        Item& a = stack.back();
        bool const nullable = a.nullable || b.nullable;
        switch (s.op) {
          case Expr::Op::add: a.sql = "(" + a.sql + " + " + b.sql + ")"; break;
          case Expr::Op::sub: a.sql = "(" + a.sql + " - " + b.sql + ")"; break;
          case Expr::Op::mul: a.sql = "(" + a.sql + " * " + b.sql + ")"; break;
          case Expr::Op::div: a.sql = d.div(a.sql, b.sql); a.nullable = true; continue;
          case Expr::Op::mod: a.sql = d.mod(a.sql, b.sql); a.nullable = true; continue;
          case Expr::Op::min: a.sql = least_greatest("LEAST", a, b); break;
          case Expr::Op::max: a.sql = least_greatest("GREATEST", a, b); break;
          default: break;
        }
        a.nullable = nullable;
      }
    }
  }
  if (stack.size() != 1) return std::nullopt;
  return stack.back().sql;
}

}  // namespace nogood::sql::detail
