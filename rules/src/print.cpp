#include "nogood/rules/print.hpp"

#include <cstdio>

namespace nogood::rules {

namespace {
char const* op_text(ast::ArithOp op) {
  switch (op) {
    case ast::ArithOp::add: return " + ";
    case ast::ArithOp::sub: return " - ";
    case ast::ArithOp::mul: return " * ";
    case ast::ArithOp::div: return " / ";
    case ast::ArithOp::mod: return " % ";
  }
  return " ? ";
}
char const* op_text(ast::CompareOp op) {
  switch (op) {
    case ast::CompareOp::eq: return " = ";
    case ast::CompareOp::ne: return " != ";
    case ast::CompareOp::lt: return " < ";
    case ast::CompareOp::le: return " <= ";
    case ast::CompareOp::gt: return " > ";
    case ast::CompareOp::ge: return " >= ";
    case ast::CompareOp::overlaps: return " overlaps ";
    case ast::CompareOp::within: return " within ";
  }
  return " ? ";
}
std::string quoted(std::string const& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') out += "\\n";
    else out += c;
  }
  return out + "\"";
}
std::string body_text(std::vector<ast::Literal> const& body) {
  std::string out;
  for (auto const& l : body) out += (out.empty() ? "" : ", ") + to_text(l);
  return out;
}
}  // namespace

std::string to_text(ast::Term const& t) {
  if (auto v = std::get_if<ast::Variable>(&t)) return v->name;
  if (auto s = std::get_if<ast::Symbol>(&t)) return s->name;
  if (std::holds_alternative<ast::Absent>(t)) return "absent";
  if (auto s = std::get_if<ast::StringLit>(&t)) return quoted(s->value);
  if (auto i = std::get_if<ast::IntLit>(&t)) return std::to_string(i->value);
  if (auto d = std::get_if<ast::DateLit>(&t)) {
    char buf[32];
    if (d->day == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", d->year, d->month);
    else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->year, d->month, d->day);
    return buf;
  }
  if (auto b = std::get_if<std::shared_ptr<ast::Binary>>(&t)) {
    auto side = [](ast::Term const& x) {
      bool nested = std::holds_alternative<std::shared_ptr<ast::Binary>>(x);
      return nested ? "(" + to_text(x) + ")" : to_text(x);
    };
    return side((*b)->lhs) + op_text((*b)->op) + side((*b)->rhs);
  }
  if (auto c = std::get_if<std::shared_ptr<ast::Call>>(&t)) {
    std::string out = (*c)->function.name + "(";
    for (std::size_t i = 0; i < (*c)->args.size(); ++i) out += (i ? ", " : "") + to_text((*c)->args[i]);
    return out + ")";
  }
  if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(&t)) {
    static char const* names[] = {"count", "sum", "min", "max", "mean"};
    std::string out = names[static_cast<int>((*g)->kind)];
    if ((*g)->value) out += "(" + to_text(*(*g)->value) + ")";
    return out + " : { " + body_text((*g)->body) + " }";
  }
  return "?";
}

std::string to_text(ast::Atom const& a) {
  std::string out = (a.strong_negation ? "-" : "") + a.predicate.name + "(";
  for (std::size_t i = 0; i < a.args.size(); ++i) out += (i ? ", " : "") + to_text(a.args[i]);
  out += ")";
  if (a.source) out += " @ " + to_text(*a.source);
  if (a.claimant) out += " by " + to_text(*a.claimant);
  if (a.certainty) out += " certainty " + to_text(*a.certainty);
  return out;
}

std::string to_text(ast::Literal const& l) {
  if (auto a = std::get_if<ast::Atom>(&l)) return to_text(*a);
  if (auto n = std::get_if<ast::Negation>(&l)) return "not " + to_text(n->atom);
  if (auto m = std::get_if<ast::Membership>(&l)) {
    std::string out = to_text(m->element) + (m->negated ? " not in " : " in ");
    if (m->set) return out + m->set->name;
    for (std::size_t i = 0; i < m->values.size(); ++i) out += (i ? ", " : "{") + to_text(m->values[i]);
    return out + "}";
  }
  if (auto n = std::get_if<std::shared_ptr<ast::NegatedConjunction>>(&l)) return "not (" + body_text((*n)->body) + ")";
  if (auto d = std::get_if<std::shared_ptr<ast::Disjunction>>(&l)) {
    std::string out;
    for (auto const& alt : (*d)->alternatives) out += (out.empty() ? "(" : " ; ") + body_text(alt);
    return out + ")";
  }
  auto const& c = std::get<ast::Comparison>(l);
  if (c.op == ast::CompareOp::within)
    return to_text(c.lhs) + " within " + std::to_string(c.within) + (c.within_hours ? " hours of " : " days of ") + to_text(c.rhs);
  return to_text(c.lhs) + op_text(c.op) + to_text(c.rhs);
}

std::string to_text(ast::Constraint const& c) {
  std::string out = "constraint " + c.name.name;
  if (c.message) out += " " + quoted(c.message->value);
  return out + " :- " + body_text(c.body) + ".";
}

std::string to_text(ast::Unique const& u) {
  std::string out = "unique " + u.predicate.name + "(";
  for (std::size_t i = 0; i < u.keys.size(); ++i) out += (i ? ", " : "") + u.keys[i].name;
  out += (u.keys.empty() ? "-> " : " -> ") + u.value.name + ")";
  out += u.scope == ast::UniqueScope::across_sources ? " across sources" : " per source";
  if (u.grouped) out += " grouped";
  if (u.tolerance) out += " within " + std::to_string(u.tolerance->value) + (u.tolerance_percent ? "%" : "");
  if (u.name) out += " as " + u.name->name;
  if (u.message) out += " " + quoted(u.message->value);
  if (u.severity) {
    switch (*u.severity) {
      case ast::VerdictSeverity::error: out += " severity error"; break;
      case ast::VerdictSeverity::warning: out += " severity warning"; break;
      case ast::VerdictSeverity::info: out += " severity info"; break;
    }
  }
  return out + ".";
}

}  // namespace nogood::rules
