#include "nogood/rules/lower.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <set>

#include "check_internal.hpp"
#include "claim_columns.hpp"
#include "derived_certainty.hpp"
#include "nogood/engine/dates.hpp"
#include "nogood/rules/print.hpp"

namespace nogood::rules {

using engine::Operand;
using engine::ValueType;
using detail::quote;

std::string span_text(SourceManager const& sources, Span s) {
  if (!s.valid() || s.file >= sources.size()) return {};
  auto const& text = sources.file(s.file).text;
  if (s.end > text.size() || s.begin > s.end) return {};
  std::string out;
  bool space = false;
  for (char c : std::string_view(text).substr(s.begin, s.end - s.begin)) {  // one line, single spaces
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

namespace {

class Lowerer {
public:
  Lowerer(CheckedProgram const& checked, SourceManager const& sources, engine::Corpus& corpus, EntityLookup& entities, Diagnostics& diags)
      : in_(checked), sources_(sources), corpus_(corpus), entities_(entities), diags_(diags) {}

  engine::Program run() {
    out_.schema = in_.schema;
    certainty_read_ = detail::certainty_read(in_);
    declare_relations();
    corpus_.reserve_predicates(out_.schema.predicates.size());
    for (std::uint32_t i = 0; i < in_.rules.size(); ++i) lower_rule(in_.rules[i]);
    for (auto const& f : in_.facts) lower_fact(f);
    detail::drop_unread_claim_columns(out_);
    // Each rule goes to the stratum of its head, in rule order: one pass, not strata x rules.
    constexpr auto none = static_cast<std::size_t>(-1);
    std::vector<std::size_t> stratum_of(out_.schema.predicates.size(), none);
    for (std::size_t s = 0; s < in_.strata.size(); ++s) {
      engine::Stratum stratum;
      stratum.recursive = in_.recursive[s];
      for (auto p : in_.strata[s]) {
        stratum.relations.push_back(out_.positive_relation[p]);
        if (p < certainty_relation_.size() && certainty_relation_[p] != engine::no_relation)
          stratum.relations.push_back(certainty_relation_[p]);
        if (p < stratum_of.size() && stratum_of[p] == none) stratum_of[p] = s;
      }
      out_.strata.push_back(std::move(stratum));
    }
    for (std::uint32_t r = 0; r < out_.rules.size(); ++r) {
      auto p = rule_head_pred_[r];
      if (p < stratum_of.size() && stratum_of[p] != none) out_.strata[stratum_of[p]].rules.push_back(r);
    }
    return std::move(out_);
  }

private:
  engine::RelationId add_relation(engine::PredicateId p, bool negated, std::vector<engine::Parameter> const& cols, std::string name) {
    engine::RelationDecl decl;
    decl.predicate = p;
    decl.strong_negation = negated;
    decl.name = std::move(name);
    for (auto const& c : cols) {
      decl.columns.push_back(c.type);
      decl.column_names.push_back(c.name);
    }
    out_.relations.push_back(std::move(decl));
    return static_cast<engine::RelationId>(out_.relations.size() - 1);
  }

  void declare_relations() {
    auto const n = out_.schema.predicates.size();
    out_.positive_relation.assign(n, engine::no_relation);
    out_.negative_relation.assign(n, engine::no_relation);
    for (engine::PredicateId p = 0; p < n; ++p) {
      auto const& pred = out_.schema.predicates[p];
      auto cols = pred.params;
      switch (pred.kind) {
        case engine::PredicateKind::claimed:
          cols.push_back({"source", ValueType::source});
          cols.push_back({"claimant", ValueType::symbol});
          cols.push_back({"certainty", ValueType::certainty});
          cols.push_back({"claim", ValueType::integer});
          out_.positive_relation[p] = add_relation(p, false, cols, pred.name);
          out_.negative_relation[p] = add_relation(p, true, cols, "-" + pred.name);
          break;
        case engine::PredicateKind::derived:
          if (pred.sourced) cols.push_back({"source", ValueType::source});
          out_.positive_relation[p] = add_relation(p, false, cols, pred.name);
          break;
        case engine::PredicateKind::builtin:
          out_.positive_relation[p] = add_relation(p, false, cols, pred.name);
          break;
        case engine::PredicateKind::constraint: {
          // Columns are the constraint's named variables; filled when its rule is lowered.
          out_.positive_relation[p] = add_relation(p, false, {}, "constraint " + pred.name);
          break;
        }
      }
    }
    // After every other relation, so that a program reading no derived certainty numbers its
    // relations as it always did.
    certainty_relation_.assign(n, engine::no_relation);
    for (engine::PredicateId p = 0; p < n; ++p) {
      if (!certainty_read_[p]) continue;
      auto const& pred = out_.schema.predicates[p];
      auto cols = pred.params;
      if (pred.sourced) cols.push_back({"source", ValueType::source});
      cols.push_back({"certainty", ValueType::certainty});
      certainty_relation_[p] = add_relation(p, false, cols, pred.name);
      out_.relations.back().certainty_column = static_cast<std::int32_t>(cols.size() - 1);
    }
  }

  std::optional<engine::Value> constant(ast::Term const& t, ValueType type) {
    if (auto s = std::get_if<ast::Symbol>(&t)) return named_constant(s->name, s->span, type, false);
    if (auto s = std::get_if<ast::StringLit>(&t)) return named_constant(s->value, s->span, type, true);
    if (auto i = std::get_if<ast::IntLit>(&t)) {
      if (i->value < INT32_MIN || i->value > INT32_MAX) {
        diags_.report(make_error("E0225", "integer " + std::to_string(i->value) + " is out of range")
                          .with_primary(i->span, "ints are 32-bit")
                          .with_help("ints range from -2147483648 to 2147483647"));
        return std::nullopt;
      }
      return engine::pack_int(static_cast<std::int32_t>(i->value));
    }
    if (auto d = std::get_if<ast::DateLit>(&t)) {
      if (d->day != 0) return engine::pack_int(engine::days_from_civil(d->year, d->month, d->day));
      char text[8] = {static_cast<char>('0' + d->year / 1000 % 10), static_cast<char>('0' + d->year / 100 % 10),
                      static_cast<char>('0' + d->year / 10 % 10), static_cast<char>('0' + d->year % 10), '-',
                      static_cast<char>('0' + d->month / 10), static_cast<char>('0' + d->month % 10), 0};
      engine::DateProblem problem = engine::DateProblem::none;
      return engine::parse_date_value(text, problem);  // a month: interned as facts' months are
    }
    if (std::holds_alternative<ast::Absent>(t) && engine::has_absent(type)) return engine::absent_value(type);
    return std::nullopt;
  }

  std::optional<engine::Value> named_constant(std::string const& text, Span at, ValueType type, bool is_string) {
    switch (type) {
      case ValueType::entity:
        return is_string ? entities_.by_name(text, at, diags_) : entities_.by_id(text, at, diags_);
      case ValueType::symbol:
      case ValueType::string:
        return corpus_.strings.intern(text);
      case ValueType::certainty:
        if (auto c = engine::parse_certainty(text)) return static_cast<engine::Value>(*c);
        return std::nullopt;  // reported by the checker
      case ValueType::source: {
        if (auto s = corpus_.find_source(text)) return *s;
        std::vector<std::string_view> ids;
        for (auto const& src : corpus_.sources) ids.push_back(src.id);
        auto d = make_error("E0224", "unknown source " + quote(text));
        d.with_primary(at, "no source has this id");
        auto near = closest_match(text, ids);
        d.with_help(near.empty() ? (ids.empty() ? "no sources are loaded" : "source ids are given in each facts file's `source.id`")
                                 : "did you mean " + quote(near) + "?");
        diags_.report(std::move(d));
        return std::nullopt;
      }
      default: return std::nullopt;
    }
  }

  struct Scope {
    CheckedRule const* rule;
    std::vector<std::string> const* names;
    std::optional<engine::Register> reg(std::string const& name) const {
      auto it = std::find(names->begin(), names->end(), name);
      if (it == names->end()) return std::nullopt;
      return static_cast<engine::Register>(it - names->begin());
    }
    ValueType type(engine::Register r) const { return rule->types[r]; }
  };

  Operand operand(ast::Term const& t, ValueType type, Scope const& scope) {
    if (auto v = std::get_if<ast::Variable>(&t)) {
      if (v->anonymous()) return Operand::ignored();
      if (auto r = scope.reg(v->name)) return Operand::var(*r);
      return Operand::ignored();
    }
    if (auto c = constant(t, type)) return Operand::constant(*c);
    ok_ = false;
    return Operand::ignored();
  }

  static bool is_signed(ValueType t) { return t == ValueType::integer || t == ValueType::date || t == ValueType::certainty; }

  std::optional<ValueType> term_type(ast::Term const& t, Scope const& scope) {
    if (auto v = std::get_if<ast::Variable>(&t)) {
      if (auto r = scope.reg(v->name)) return scope.type(*r);
      return std::nullopt;
    }
    if (std::holds_alternative<ast::IntLit>(t)) return ValueType::integer;
    if (std::holds_alternative<ast::DateLit>(t)) return ValueType::date;
    if (auto b = std::get_if<std::shared_ptr<ast::Binary>>(&t)) {
      auto l = term_type((*b)->lhs, scope), r = term_type((*b)->rhs, scope);
      if (l == ValueType::date && r == ValueType::date) return ValueType::integer;
      if (l == ValueType::date || r == ValueType::date) return ValueType::date;
      return ValueType::integer;
    }
    if (auto c = std::get_if<std::shared_ptr<ast::Call>>(&t)) {
      if (!(*c)->args.empty()) return term_type((*c)->args.front(), scope).value_or(ValueType::integer);
      return ValueType::integer;
    }
    if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(&t)) {
      if ((*g)->value && ((*g)->kind == ast::AggregateKind::min || (*g)->kind == ast::AggregateKind::max))
        return term_type(*(*g)->value, scope);
      return ValueType::integer;
    }
    return std::nullopt;
  }

  void expr(ast::Term const& t, ValueType context, Scope const& scope, engine::Expr& e) {
    using Op = engine::Expr::Op;
    if (auto v = std::get_if<ast::Variable>(&t)) {
      auto r = scope.reg(v->name);
      if (!r) return;
      auto const ty = scope.type(*r);
      e.steps.push_back({ty == ValueType::date ? Op::push_date_var : is_signed(ty) ? Op::push_signed_var : Op::push_var, *r});
      return;
    }
    if (auto b = std::get_if<std::shared_ptr<ast::Binary>>(&t)) {
      expr((*b)->lhs, ValueType::integer, scope, e);
      expr((*b)->rhs, ValueType::integer, scope, e);
      static constexpr Op ops[] = {Op::add, Op::sub, Op::mul, Op::div, Op::mod};
      e.steps.push_back({ops[static_cast<int>((*b)->op)], 0});
      return;
    }
    if (auto c = std::get_if<std::shared_ptr<ast::Call>>(&t)) {
      for (auto const& a : (*c)->args) expr(a, ValueType::integer, scope, e);
      auto const& f = (*c)->function.name;
      e.steps.push_back({f == "abs" ? Op::abs : f == "min" ? Op::min : f == "earliest" ? Op::earliest : f == "latest" ? Op::latest : Op::max, 0});
      return;
    }
    auto v = constant(t, context);
    if (!v) {
      ok_ = false;
      v = 0;
    }
    e.steps.push_back({is_signed(context) ? Op::push_const : Op::push_unsigned_const, *v});
  }

  std::int32_t sourced_column_ = -1;  // set by atom_columns when the atom has `@`

  std::vector<Operand> atom_columns(ast::Atom const& a, Scope const& scope, engine::RelationId& rel) {
    sourced_column_ = -1;
    auto id = *out_.schema.find(a.predicate.name);
    auto const& pred = out_.schema.predicates[id];
    rel = a.strong_negation ? out_.negative_relation[id] : out_.positive_relation[id];
    std::vector<Operand> cols;
    for (std::size_t i = 0; i < a.args.size(); ++i) cols.push_back(operand(a.args[i], pred.params[i].type, scope));
    if (pred.kind == engine::PredicateKind::claimed || (pred.kind == engine::PredicateKind::derived && pred.sourced)) {
      cols.push_back(a.source ? operand(*a.source, ValueType::source, scope) : Operand::ignored());
      if (a.source) sourced_column_ = static_cast<std::int32_t>(cols.size() - 1);
    }
    if (pred.kind == engine::PredicateKind::derived && a.certainty && certainty_relation_[id] != engine::no_relation) {
      rel = certainty_relation_[id];
      cols.push_back(operand(*a.certainty, ValueType::certainty, scope));
    }
    if (pred.kind == engine::PredicateKind::claimed) {
      cols.push_back(a.claimant ? operand(*a.claimant, ValueType::symbol, scope) : Operand::ignored());
      cols.push_back(a.certainty ? operand(*a.certainty, ValueType::certainty, scope) : Operand::ignored());
      cols.push_back(Operand::ignored());
    }
    return cols;
  }

  void lower_body(std::vector<ast::Literal> const& body, Scope const& scope, std::vector<engine::Literal>& out) {
    for (auto const& lit : body) {
      engine::Literal l;
      l.span = ast::span_of(lit);
      l.text = written_text(lit, scope);
      if (auto a = std::get_if<ast::Atom>(&lit)) {
        l.kind = engine::Literal::Kind::atom;
        l.columns = atom_columns(*a, scope, l.relation);
        l.sourced_column = sourced_column_;
      } else if (auto n = std::get_if<ast::Negation>(&lit)) {
        l.kind = engine::Literal::Kind::negation;
        l.columns = atom_columns(n->atom, scope, l.relation);
        l.sourced_column = sourced_column_;
      } else if (auto m = std::get_if<ast::Membership>(&lit)) {
        if (!lower_membership(*m, scope, l)) continue;
      } else if (auto c = std::get_if<ast::Comparison>(&lit)) {
        auto agg_side = [&](ast::Term const& t) { return std::get_if<std::shared_ptr<ast::Aggregate>>(&t); };
        auto agg = agg_side(c->rhs) ? agg_side(c->rhs) : agg_side(c->lhs);
        if (agg) {
          auto const& target = agg_side(c->rhs) ? c->lhs : c->rhs;
          auto v = std::get_if<ast::Variable>(&target);
          auto r = v ? scope.reg(v->name) : std::nullopt;
          if (!r) continue;
          l.kind = engine::Literal::Kind::aggregate;
          l.target = *r;
          if (auto written = negated_conjunction_text(v->name, scope)) {
            l.negated_conjunction = true;
            l.text = *written;
          }
          static constexpr engine::AggregateKind kinds[] = {engine::AggregateKind::count, engine::AggregateKind::sum,
                                                            engine::AggregateKind::min, engine::AggregateKind::max,
                                                            engine::AggregateKind::mean};
          l.aggregate = kinds[static_cast<int>((*agg)->kind)];
          if ((*agg)->value) expr(*(*agg)->value, ValueType::integer, scope, l.lhs);
          lower_body((*agg)->body, scope, l.body);
        } else {
          l.kind = engine::Literal::Kind::compare;
          if (auto v = std::get_if<ast::Variable>(&c->lhs)) {
            for (auto const& [name, expr] : scope.rule->lifted) l.computed_argument = l.computed_argument || v->name == name;
            l.negated_conjunction = negated_conjunction_text(v->name, scope).has_value();
          }
          static constexpr engine::CompareOp ops[] = {engine::CompareOp::eq, engine::CompareOp::ne, engine::CompareOp::lt,
                                                      engine::CompareOp::le, engine::CompareOp::gt, engine::CompareOp::ge,
                                                      engine::CompareOp::overlaps, engine::CompareOp::within};
          l.op = ops[static_cast<int>(c->op)];
          l.within = c->within;
          l.within_hours = c->within_hours;
          l.certain_dates = c->certain_dates;
          l.date_gap = c->date_gap;
          auto lt = term_type(c->lhs, scope), rt = term_type(c->rhs, scope);
          auto type = lt ? *lt : rt ? *rt : ValueType::symbol;
          l.is_signed = is_signed(type);
          expr(c->lhs, type, scope, l.lhs);
          expr(c->rhs, type, scope, l.rhs);
          l.lhs.type = l.rhs.type = type;
        }
      }
      out.push_back(std::move(l));
    }
  }

  // The `not (...)` a `_notN` counts, as written.
  static std::optional<std::string> negated_conjunction_text(std::string const& name, Scope const& scope) {
    for (auto const& [counter, text] : scope.rule->negated_conjunctions)
      if (counter == name) return text;
    return std::nullopt;
  }

  // A literal as the user wrote it: lifted arguments shown as their expressions.
  static std::string written_text(ast::Literal const& lit, Scope const& scope) {
    auto const& lifted = scope.rule->lifted;
    if (lifted.empty() && scope.rule->written_aggregates.empty()) return to_text(lit);
    if (auto c = std::get_if<ast::Comparison>(&lit)) {
      if (auto v = std::get_if<ast::Variable>(&c->lhs))
        for (auto const& [name, expr] : lifted)
          if (v->name == name) return to_text(c->rhs);
      for (auto const* side : {&c->lhs, &c->rhs}) {
        auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(side);
        if (!g) continue;
        // Rewrites copy an aggregate, maybe twice (`not (...)`, then lifted arguments): follow
        // the copies back to the aggregate as written.
        std::shared_ptr<ast::Aggregate const> written;
        for (ast::Aggregate const* at = g->get(); at;) {
          auto it = std::find_if(scope.rule->written_aggregates.begin(), scope.rule->written_aggregates.end(),
                                 [&](auto const& pair) { return pair.first == at; });
          if (it == scope.rule->written_aggregates.end()) break;
          written = it->second;
          at = written.get();
        }
        if (!written) continue;
        auto as_written = *c;
        (side == &c->lhs ? as_written.lhs : as_written.rhs) = std::const_pointer_cast<ast::Aggregate>(written);
        return to_text(ast::Literal{as_written});
      }
    }
    auto text = to_text(lit);
    auto word_char = [&](std::size_t i) { return std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_'; };
    for (auto const& [name, expr] : lifted) {
      std::size_t at = text.find(name);
      while (at != std::string::npos) {
        auto const end = at + name.size();
        bool const whole = (at == 0 || !word_char(at - 1)) && (end == text.size() || !word_char(end));
        std::size_t next = end;  // not this variable (`_arg12` for `_arg1`): look on after it
        if (whole) {
          text.replace(at, name.size(), expr);
          next = at + expr.size();
        }
        at = text.find(name, next);
      }
    }
    return text;
  }

  // `X in {...}`: a compare literal whose right side is the set, as `X` evaluates.
  bool lower_membership(ast::Membership const& m, Scope const& scope, engine::Literal& l) {
    auto values = detail::membership_values(m, in_);
    if (!values) return false;
    auto type = term_type(m.element, scope).value_or(ValueType::symbol);
    l.kind = engine::Literal::Kind::compare;
    l.op = m.negated ? engine::CompareOp::not_in : engine::CompareOp::in;
    l.is_signed = is_signed(type);
    expr(m.element, type, scope, l.lhs);
    l.lhs.type = l.rhs.type = type;
    for (auto const& v : *values) {
      auto c = constant(v, type);
      if (!c) {
        ok_ = false;
        continue;
      }
      l.set.push_back(is_signed(type) ? engine::unpack_int(*c) : static_cast<std::int64_t>(*c));
    }
    std::sort(l.set.begin(), l.set.end());
    l.set.erase(std::unique(l.set.begin(), l.set.end()), l.set.end());
    if (m.set) {
      l.set_text = m.set->name;
    } else {
      for (auto const& v : m.values) l.set_text += (l.set_text.empty() ? "{" : ", ") + to_text(v);
      l.set_text += "}";
    }
    return true;
  }

  static std::set<std::string> outside_names(CheckedRule const& r) {
    std::set<std::string> names;
    auto mark = [&](ast::Variable const& v) {
      if (!v.anonymous()) names.insert(v.name);
    };
    for (auto const& lit : r.body()) {
      if (auto c = std::get_if<ast::Comparison>(&lit)) {
        for (auto const* side : {&c->lhs, &c->rhs})
          if (!std::holds_alternative<std::shared_ptr<ast::Aggregate>>(*side)) detail::for_each_variable(*side, mark);
      } else {
        detail::for_each_variable(std::vector<ast::Literal>{lit}, mark);
      }
    }
    return names;
  }

  void lower_rule(CheckedRule const& r) {
    engine::Rule rule;
    Scope scope{&r, &r.variables};
    rule.registers = r.variables;
    rule.register_types = r.types;
    rule.span = r.span();
    // Constraints the checker wrote (from `unique`, the negation check) have no text of their own.
    rule.text = r.origin == "unique" || r.origin == "negation_check" ? to_text(*r.constraint) : span_text(sources_, rule.span);
    rule.choice = r.choice;
    lower_body(r.body(), scope, rule.body);
    if (r.kind == CheckedRule::Kind::rule) {
      rule.head = out_.positive_relation[r.head];
      engine::RelationId rel;
      rule.head_columns = atom_columns(r.head_atom(), scope, rel);
    } else if (r.choice_index > 0) {
      // Another choice of a constraint's alternatives: the same verdicts, so the columns and the
      // constraint of its first choice.
      rule.head = out_.positive_relation[r.head];
      auto const& decl = out_.relations[rule.head];
      for (auto const& name : decl.column_names) {
        auto reg = scope.reg(name);
        rule.head_columns.push_back(reg ? Operand::var(*reg) : Operand::ignored());
      }
      rule.constraint = static_cast<std::int32_t>(out_.constraints.size() - 1);
    } else {
      rule.head = out_.positive_relation[r.head];
      auto& decl = out_.relations[rule.head];
      // Bindings are the variables of the body itself, bound by every choice of its alternatives;
      // those only inside an aggregate or one alternative are local to it.
      auto outside = outside_names(r);
      for (std::uint32_t k = 1; k < r.choice_count; ++k) {
        auto other = outside_names((&r)[k]);  // the choices of one constraint are checked in a row
        std::erase_if(outside, [&](std::string const& name) { return !other.count(name); });
      }
      if (r.grouped) {
        // One verdict per key: the relation keeps the key variables (as the first atom binds them,
        // in argument order) and projects the pairs of sources and values away.
        auto const& first = std::get<ast::Atom>(r.body().front());
        for (auto arg : r.grouped->key_args) {
          auto const& name = std::get<ast::Variable>(first.args[arg]).name;
          auto reg = *scope.reg(name);
          decl.columns.push_back(r.types[reg]);
          decl.column_names.push_back(name);
          rule.head_columns.push_back(Operand::var(reg));
        }
      } else {
        for (std::size_t i = 0; i < r.variables.size(); ++i) {
          if (r.variables[i][0] == '_' || !outside.count(r.variables[i])) continue;
          decl.columns.push_back(r.types[i]);
          decl.column_names.push_back(r.variables[i]);
          rule.head_columns.push_back(Operand::var(static_cast<engine::Register>(i)));
        }
      }
      engine::ConstraintInfo info{r.name, r.message, r.severity, rule.head, r.constraint->name.span, r.origin, r.grouped};
      rule.constraint = static_cast<std::int32_t>(out_.constraints.size());
      out_.constraints.push_back(std::move(info));
    }
    rule_head_pred_.push_back(r.head);
    if (r.kind == CheckedRule::Kind::rule && certainty_read_[r.head]) {
      auto twin = detail::certainty_twin(rule, out_, certainty_relation_, certainty_relation_[r.head]);
      out_.rules.push_back(std::move(rule));
      rule_head_pred_.push_back(r.head);
      out_.rules.push_back(std::move(twin));
      return;
    }
    out_.rules.push_back(std::move(rule));
  }

  void lower_fact(BackgroundFact const& f) {
    auto const& pred = out_.schema.predicates[f.predicate];
    auto const& head = f.rule->head;
    std::vector<engine::Value> values;
    for (std::size_t i = 0; i < head.args.size(); ++i) {
      if (std::holds_alternative<ast::Variable>(head.args[i])) {
        diags_.report(make_error("E0209", "a background fact cannot contain variables")
                          .with_primary(ast::span_of(head.args[i]), "variable in a fact")
                          .with_help("facts state constants; use a rule with a body to derive facts"));
        return;
      }
      auto v = constant(head.args[i], pred.params[i].type);
      if (!v) return;
      values.push_back(*v);
    }
    engine::Claim claim;
    claim.predicate = f.predicate;
    claim.negated = head.strong_negation;
    corpus_.set_evidence(claim, corpus_.own_voice(), span_text(sources_, f.rule->span), std::nullopt);
    auto& rows = head.strong_negation ? corpus_.negative[f.predicate] : corpus_.positive[f.predicate];
    rows.values.insert(rows.values.end(), values.begin(), values.end());
    rows.claims.push_back(corpus_.add_background_claim(claim, head.span));
  }

  CheckedProgram const& in_;
  SourceManager const& sources_;
  engine::Corpus& corpus_;
  EntityLookup& entities_;
  Diagnostics& diags_;
  engine::Program out_;
  std::vector<engine::PredicateId> rule_head_pred_;
  std::vector<bool> certainty_read_;                   // per predicate: some atom reads a derived fact's certainty
  std::vector<engine::RelationId> certainty_relation_;  // per predicate, or no_relation
  bool ok_ = true;
};

}  // namespace

engine::Program lower(CheckedProgram const& checked, SourceManager const& sources, engine::Corpus& corpus, EntityLookup& entities,
                      Diagnostics& diags) {
  return Lowerer(checked, sources, corpus, entities, diags).run();
}

}  // namespace nogood::rules
