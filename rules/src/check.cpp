// The checker's driver: declarations, arity and types; then the passes in their own files.
#include <algorithm>
#include <map>
#include <set>

#include "check_internal.hpp"
#include "nogood/rules/print.hpp"

namespace nogood::rules {

using engine::PredicateId;
using engine::PredicateKind;
using engine::ValueType;
using detail::a_type;
using detail::quote;
using detail::type_name;

namespace {

engine::ValueType to_value_type(ast::TypeName t) {
  switch (t) {
    case ast::TypeName::entity: return ValueType::entity;
    case ast::TypeName::symbol: return ValueType::symbol;
    case ast::TypeName::string: return ValueType::string;
    case ast::TypeName::integer: return ValueType::integer;
    case ast::TypeName::date: return ValueType::date;
    case ast::TypeName::source: return ValueType::source;
    case ast::TypeName::certainty: return ValueType::certainty;
  }
  return ValueType::symbol;
}

engine::VerdictSeverity to_severity(ast::VerdictSeverity s) {
  switch (s) {
    case ast::VerdictSeverity::error: return engine::VerdictSeverity::error;
    case ast::VerdictSeverity::warning: return engine::VerdictSeverity::warning;
    case ast::VerdictSeverity::info: return engine::VerdictSeverity::info;
  }
  return engine::VerdictSeverity::error;
}

// An aggregate inside arithmetic or a call, where no variable takes its value.
ast::Aggregate const* nested_aggregate(ast::Term const& t, bool top = true) {
  if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(&t)) return top ? nullptr : g->get();
  if (auto b = std::get_if<std::shared_ptr<ast::Binary>>(&t)) {
    if (auto inner = nested_aggregate((*b)->lhs, false)) return inner;
    return nested_aggregate((*b)->rhs, false);
  }
  if (auto c = std::get_if<std::shared_ptr<ast::Call>>(&t))
    for (auto const& a : (*c)->args)
      if (auto inner = nested_aggregate(a, false)) return inner;
  return nullptr;
}

class Checker {
public:
  Checker(std::vector<ast::Program> const& files, SourceManager const& sources, Diagnostics& diags)
      : files_(files), sources_(sources), diags_(diags) {}

  CheckedProgram run() {
    declare_builtins();
    vocabularies_ = detail::declare_vocabularies(files_, out_.schema, diags_);
    detail::declare_sets(files_, vocabularies_, out_, diags_);
    declare_predicates();
    declare_derived();
    detail::collect_labels(files_, out_, diags_);  // predicates' sentences name their arguments
    declare_constraints();
    detail::expand_shorthands(files_, out_, diags_);
    for (std::size_t i = 0; i < out_.generated.size(); ++i) add_constraint(out_.generated[i], out_.generated_origin[i], out_.generated_grouped[i]);
    check_atoms();
    infer_derived_types();
    for (auto& r : out_.rules) type_rule(r);
    report_unused_sets();
    detail::check_vocabularies(files_, out_, bad_rules_, diags_);
    check_sourcing();
    for (auto const& r : out_.rules)
      if (!skip_safety_.count(&r)) unsafe_[&r] = detail::check_safety(r, diags_);
    check_templates();
    check_singletons();
    detail::stratify(out_, diags_);
    return std::move(out_);
  }

private:
  using Types = std::vector<std::optional<ValueType>>;

  void declare_builtins() {
    engine::Predicate source{"source",
                             {{"source", ValueType::source}, {"outlet", ValueType::string},
                              {"language", ValueType::symbol}, {"published", ValueType::date}},
                             PredicateKind::builtin, false, {}};
    Types types;
    for (auto const& param : source.params) types.push_back(param.type);
    add_predicate(std::move(source), std::move(types), true);
  }

  PredicateId add_predicate(engine::Predicate p, Types types, bool typed) {
    auto id = out_.schema.add(std::move(p));
    param_types_.push_back(std::move(types));
    typed_.push_back(typed);
    return id;
  }

  void declare_predicates() {
    for (auto const& file : files_)
      for (auto const& st : file.statements) {
        auto decl = std::get_if<ast::PredDecl>(&st);
        if (!decl) continue;
        if (auto prev = out_.schema.find(decl->name.name)) {
          auto const& p = out_.schema.predicates[*prev];
          auto d = make_error("E0201", "predicate " + quote(decl->name.name) + " is declared twice");
          d.with_primary(decl->name.span, "declared again here");
          if (p.kind == PredicateKind::builtin) d.with_note(quote(decl->name.name) + " is a built-in predicate");
          else d.with_secondary(p.declared_at, "first declared here");
          diags_.report(std::move(d.with_help("remove one of the declarations")));
          continue;
        }
        engine::Predicate p{decl->name.name, {}, PredicateKind::claimed, true, decl->name.span};
        std::set<std::string> seen;
        for (auto const& param : decl->params) {
          if (!seen.insert(param.name.name).second)
            diags_.report(make_error("E0219", "argument " + quote(param.name.name) + " of " + quote(decl->name.name) + " is named twice")
                              .with_primary(param.name.span, "named again here"));
          engine::Parameter out{param.name.name, to_value_type(param.type)};
          if (param.vocabulary) {
            auto id = detail::resolve_vocabulary(*param.vocabulary, vocabularies_, diags_);
            out.vocabulary = id.value_or(engine::no_vocabulary);
          }
          p.params.push_back(std::move(out));
        }
        detail::declare_optional(*decl, p, out_.schema, diags_);
        Types types(p.params.size());
        for (std::size_t i = 0; i < types.size(); ++i) types[i] = p.params[i].type;
        add_predicate(std::move(p), std::move(types), true);
      }
  }

  void declare_derived() {
    // Every head of a rule with a body is derived; facts of claimed predicates are background claims.
    for (auto const& file : files_)
      for (auto const& st : file.statements) {
        auto rule = std::get_if<ast::Rule>(&st);
        if (!rule || rule->body.empty()) continue;
        auto const& head = rule->head;
        if (head.strong_negation) {
          diags_.report(make_error("E0216", "a rule cannot conclude that a fact is false")
                            .with_primary(head.span, "strongly negated head")
                            .with_help("derive a positive predicate instead, e.g. `not_" + head.predicate.name + "(...)`"));
          continue;
        }
        auto id = out_.schema.find(head.predicate.name);
        if (!id) {
          engine::Predicate p{head.predicate.name, {}, PredicateKind::derived, head.source.has_value(), head.predicate.span};
          for (std::size_t i = 0; i < head.args.size(); ++i) {
            auto v = std::get_if<ast::Variable>(&head.args[i]);
            p.params.push_back({v && !v->anonymous() ? v->name : "arg" + std::to_string(i + 1), ValueType::symbol});
          }
          id = add_predicate(std::move(p), Types(head.args.size()), false);
        } else {
          auto& p = out_.schema.predicates[*id];
          if (p.kind == PredicateKind::builtin) {
            diags_.report(make_error("E0203", "rules cannot define the built-in predicate " + quote(p.name))
                              .with_primary(head.predicate.span, "defined here")
                              .with_help("choose another name for the derived predicate"));
            continue;
          }
          if (p.kind == PredicateKind::claimed) {
            p.kind = PredicateKind::derived;
            p.sourced = head.source.has_value();
          }
        }
        CheckedRule r;
        r.rule = rule;
        r.head = *id;
        add_choices(std::move(r));
      }
    for (auto const& file : files_)
      for (auto const& st : file.statements) {
        auto rule = std::get_if<ast::Rule>(&st);
        if (!rule || !rule->body.empty()) continue;
        auto id = out_.schema.find(rule->head.predicate.name);
        if (!id) continue;  // reported with the other unknown predicates
        auto const& p = out_.schema.predicates[*id];
        if (p.kind == PredicateKind::derived) {
          CheckedRule r;
          r.rule = rule;
          r.head = *id;
          out_.rules.push_back(std::move(r));
        } else if (p.kind == PredicateKind::claimed) {
          out_.facts.push_back({*id, rule});
        } else {
          diags_.report(make_error("E0203", "facts cannot be stated for the built-in predicate " + quote(p.name))
                            .with_primary(rule->head.predicate.span, "stated here"));
        }
      }
  }

  void declare_constraints() {
    for (auto const& file : files_)
      for (auto const& st : file.statements)
        if (auto c = std::get_if<ast::Constraint>(&st)) add_constraint(*c, "constraint");
  }

  void add_constraint(ast::Constraint const& c, std::string const& origin,
                      std::optional<engine::GroupedConstraint> const& grouped = std::nullopt) {
    if (auto it = constraint_spans_.find(c.name.name); it != constraint_spans_.end()) {
      diags_.report(make_error("E0202", "constraint " + quote(c.name.name) + " is defined twice")
                        .with_primary(c.name.span, "defined again here")
                        .with_secondary(it->second, "first defined here")
                        .with_help("constraint names identify verdicts; give each constraint its own name"));
      return;
    }
    constraint_spans_.emplace(c.name.name, c.name.span);
    engine::Predicate p{c.name.name, {}, PredicateKind::constraint, false, c.name.span};
    auto id = add_predicate(std::move(p), {}, true);
    CheckedRule r;
    r.kind = CheckedRule::Kind::constraint;
    r.constraint = &c;
    r.head = id;
    r.name = c.name.name;
    r.message = c.message ? c.message->value : "";
    r.severity = c.severity ? to_severity(*c.severity) : engine::VerdictSeverity::error;
    r.origin = origin;
    r.grouped = grouped;
    add_choices(std::move(r));
  }

  // A rule whose body has alternatives becomes one rule per choice of alternative.
  void add_choices(CheckedRule r) {
    auto choices = detail::expand_alternatives(r.body(), r.rule ? r.rule->head.span : r.constraint->name.span, sources_, diags_);
    if (!choices) {
      dropped_heads_.insert(r.head);  // its types are unknown, and that is not the mistake
      return;
    }
    if (choices->empty()) {
      detail::rewrite_negated_conjunctions(r);
      detail::lift_computed_arguments(r);
      out_.rules.push_back(std::move(r));
      return;
    }
    r.choice_count = static_cast<std::uint32_t>(choices->size());
    for (std::size_t i = 0; i < choices->size(); ++i) {
      CheckedRule one = r;
      one.choice_body = std::make_shared<std::vector<ast::Literal> const>(std::move((*choices)[i].body));
      one.choice = std::move((*choices)[i].taken);
      one.choice_index = static_cast<std::uint32_t>(i);
      detail::rewrite_negated_conjunctions(one);
      detail::lift_computed_arguments(one);
      out_.rules.push_back(std::move(one));
    }
  }

  std::vector<std::string_view> predicate_names() const { return out_.schema.names(); }

  bool check_atom(ast::Atom const& a, bool head = false) {
    auto id = out_.schema.find(a.predicate.name);
    if (!id) {
      auto d = make_error("E0204", "unknown predicate " + quote(a.predicate.name));
      d.with_primary(a.predicate.span, "not declared or derived by any rule");
      auto near = closest_match(a.predicate.name, predicate_names());
      if (!near.empty()) d.with_help("did you mean " + quote(near) + "?");
      else d.with_help("declare it: `pred " + a.predicate.name + "(name: type, ...).`");
      diags_.report(std::move(d));
      return false;
    }
    auto const& p = out_.schema.predicates[*id];
    if (p.arity() != a.args.size()) {
      auto d = make_error("E0205", quote(a.predicate.name) + " takes " + engine::arity_text(p) + ", but " + std::to_string(a.args.size()) +
                                       (a.args.size() == 1 ? " was" : " were") + " given");
      d.with_primary(a.span, "wrong number of arguments");
      if (p.declared_at.valid()) d.with_secondary(p.declared_at, "declared here");
      d.with_note(quote(a.predicate.name + "(" + out_.schema.params_text(p) + ")"));
      diags_.report(std::move(d));
      return false;
    }
    if (a.strong_negation && p.kind != PredicateKind::claimed) {
      diags_.report(make_error("E0215", "only claimed predicates can be strongly negated; " + quote(p.name) + " is " +
                                            (p.kind == PredicateKind::derived ? "derived" : "built in"))
                        .with_primary(a.span, "`-` asks for a claim that the fact is false")
                        .with_help("use `not " + p.name + "(...)` for \"no such fact\""));
      return false;
    }
    if (head && a.certainty && p.kind == PredicateKind::derived) {
      diags_.report(make_error("E0246", "a rule cannot set the certainty of " + quote(p.name))
                        .with_primary(span_of(*a.certainty), "the head's certainty is computed")
                        .with_help("a derived fact takes the weakest certainty of the claims it rests on; read it in a body: `" +
                                   p.name + "(...) certainty K`"));
      if (!a.claimant) return true;  // as below
    }
    // A derived fact has a certainty (the weakest of the claims under it) but no one claimant.
    if ((a.claimant || (a.certainty && p.kind != PredicateKind::derived)) && p.kind != PredicateKind::claimed) {
      auto d = make_error("E0207", "`by` " + std::string(a.claimant ? "" : "and `certainty` ") + "describe" + (a.claimant ? "s" : "") +
                                       " claims; " + quote(p.name) + " is not claimed by sources");
      d.with_primary(a.claimant ? span_of(*a.claimant) : span_of(*a.certainty), "not available here");
      if (p.kind == PredicateKind::derived)
        d.with_help("a derived fact rests on claims of several claimants: `certainty K` reads its certainty, and `nogood explain` "
                    "shows the claimants");
      else
        d.with_help("use them on predicates declared with `pred` and stated in facts files");
      diags_.report(std::move(d));
      return head;  // a head's metadata aside, the rule is sound: check it on, without an error for each of its variables
    }
    return true;
  }

  void check_atoms() {
    for (auto& r : out_.rules) {
      bool ok = true;
      if (r.rule) ok = check_atom(r.head_atom(), true) && ok;
      detail::for_each_atom(r.body(), [&](ast::Atom const& a, bool) { ok = check_atom(a) && ok; });
      if (!ok) bad_rules_.insert(&r);
    }
    for (auto const& f : out_.facts) {
      if (!check_atom(f.rule->head)) continue;
      auto const& args = f.rule->head.args;
      for (std::size_t i = 0; i < args.size(); ++i)
        if (auto absent = std::get_if<ast::Absent>(&args[i])) absent_argument(*absent, out_.schema.predicates[f.predicate], i);
      if (f.rule->head.claimant || f.rule->head.certainty || f.rule->head.source)
        diags_.report(make_error("E0220", "background facts have no source, claimant or certainty")
                          .with_primary(f.rule->head.span, "stated with claim metadata")
                          .with_help("claims with a source belong in facts files"));
    }
    // Unknown predicates in background facts of undeclared predicates.
    for (auto const& file : files_)
      for (auto const& st : file.statements)
        if (auto rule = std::get_if<ast::Rule>(&st); rule && rule->body.empty() && !out_.schema.find(rule->head.predicate.name))
          check_atom(rule->head);
  }

  // Types of variables from the atoms they occur in; `fixed` gives predicates' known types.
  void atom_types(ast::Atom const& a, std::map<std::string, ValueType>& vars) {
    auto id = out_.schema.find(a.predicate.name);
    if (!id || out_.schema.predicates[*id].arity() != a.args.size()) return;
    auto const& types = param_types_[*id];
    for (std::size_t i = 0; i < a.args.size(); ++i)
      if (auto v = std::get_if<ast::Variable>(&a.args[i]); v && !v->anonymous() && types[i]) vars.emplace(v->name, *types[i]);
    auto meta = [&](std::optional<ast::Term> const& t, ValueType type) {
      if (t)
        if (auto v = std::get_if<ast::Variable>(&*t); v && !v->anonymous()) vars.emplace(v->name, type);
    };
    meta(a.source, ValueType::source);
    meta(a.claimant, ValueType::symbol);
    meta(a.certainty, ValueType::certainty);
  }

  std::optional<ValueType> expr_type(ast::Term const& t, std::map<std::string, ValueType> const& vars) {
    if (auto v = std::get_if<ast::Variable>(&t)) {
      auto it = vars.find(v->name);
      return it == vars.end() ? std::nullopt : std::optional(it->second);
    }
    if (std::holds_alternative<ast::IntLit>(t)) return ValueType::integer;
    if (std::holds_alternative<ast::DateLit>(t)) return ValueType::date;
    if (auto b = std::get_if<std::shared_ptr<ast::Binary>>(&t)) {
      auto l = expr_type((*b)->lhs, vars), r = expr_type((*b)->rhs, vars);
      if (l == ValueType::date && r == ValueType::date && (*b)->op == ast::ArithOp::sub) return ValueType::integer;
      if (l == ValueType::date || r == ValueType::date) return ValueType::date;
      // An operand not typed yet may be a date: decide in a later round.
      if (!l || !r) return std::nullopt;
      return ValueType::integer;
    }
    if (auto c = std::get_if<std::shared_ptr<ast::Call>>(&t)) {
      if ((*c)->args.empty()) return ValueType::integer;
      return expr_type((*c)->args.front(), vars).value_or(ValueType::integer);
    }
    if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(&t)) {
      if ((*g)->value && ((*g)->kind == ast::AggregateKind::min || (*g)->kind == ast::AggregateKind::max)) {
        std::map<std::string, ValueType> inner = vars;
        collect_types((*g)->body, inner);
        return expr_type(*(*g)->value, inner);
      }
      return ValueType::integer;
    }
    return std::nullopt;  // symbols and strings take the type of what they are compared with
  }

  void collect_types(std::vector<ast::Literal> const& body, std::map<std::string, ValueType>& vars) {
    detail::for_each_atom(body, [&](ast::Atom const& a, bool) { atom_types(a, vars); });
    // Until nothing new is typed, so that chains like `A = B, B = C` type in any order.
    for (std::size_t known = std::size_t(-1); known != vars.size();) {
      known = vars.size();
      for (auto const& lit : body)
        if (auto c = std::get_if<ast::Comparison>(&lit)) {
          auto l = expr_type(c->lhs, vars), r = expr_type(c->rhs, vars);
          if (auto v = std::get_if<ast::Variable>(&c->lhs); v && !l && r) vars.emplace(v->name, *r);
          if (auto v = std::get_if<ast::Variable>(&c->rhs); v && !r && l) vars.emplace(v->name, *l);
          // Aggregates type their own value variables.
          for (auto const* side : {&c->lhs, &c->rhs})
            if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(side)) collect_types((*g)->body, vars);
        }
    }
  }

  void infer_derived_types() {
    bool changed = true;
    for (int round = 0; changed && round < 100; ++round) {
      changed = false;
      for (auto const& r : out_.rules) {
        if (!r.rule || typed_[r.head] || bad_rules_.count(&r)) continue;
        std::map<std::string, ValueType> vars;
        collect_types(r.body(), vars);
        auto& types = param_types_[r.head];
        auto const& head = r.head_atom();
        for (std::size_t i = 0; i < head.args.size() && i < types.size(); ++i) {
          if (types[i]) continue;
          std::optional<ValueType> t;
          if (auto v = std::get_if<ast::Variable>(&head.args[i])) {
            if (auto it = vars.find(v->name); it != vars.end()) t = it->second;
          } else {
            t = expr_type(head.args[i], vars);
          }
          if (t) {
            types[i] = t;
            changed = true;
          }
        }
      }
    }
    for (PredicateId id = 0; id < out_.schema.predicates.size(); ++id) {
      auto& p = out_.schema.predicates[id];
      if (typed_[id] || p.kind != PredicateKind::derived) continue;
      for (std::size_t i = 0; i < p.params.size(); ++i) {
        if (param_types_[id][i]) {
          p.params[i].type = *param_types_[id][i];
          continue;
        }
        if (dropped_heads_.count(id)) {
          param_types_[id][i] = ValueType::symbol;
          continue;
        }
        // Arithmetic over unbound variables: reported as unsafe; the argument is a number.
        if (computed_in_head(id, i)) {
          param_types_[id][i] = p.params[i].type = ValueType::integer;
          continue;
        }
        auto d = make_error("E0218", "cannot infer the type of argument " + std::to_string(i + 1) + " of " + quote(p.name));
        d.with_primary(p.declared_at, "no rule gives it a type");
        d.with_help("declare it: `pred " + p.name + "(...)`, or bind the argument with a typed atom");
        diags_.report(std::move(d));
        param_types_[id][i] = ValueType::symbol;
      }
      typed_[id] = true;
    }
  }

  bool computed_in_head(PredicateId id, std::size_t arg) const {
    for (auto const& r : out_.rules) {
      if (!r.rule || r.head != id || arg >= r.head_atom().args.size()) continue;
      auto v = std::get_if<ast::Variable>(&r.head_atom().args[arg]);
      for (auto const& [name, expr] : r.lifted)
        if (v && v->name == name) return true;
    }
    return false;
  }

  static std::string a_type(ValueType t) {
    auto name = type_name(t);
    return (name[0] == 'e' || name[0] == 'i' ? "an " : "a ") + name;
  }

  void mismatch(Span where, std::string const& what, ValueType expected, std::string const& context) {
    diags_.report(make_error("E0206", "type mismatch: " + context + " is " + a_type(expected) + ", but " + what)
                      .with_primary(where, "expected " + type_name(expected)));
  }

  // `absent` holds only where an argument may be left out without a default.
  void absent_argument(ast::Absent const& absent, engine::Predicate const& p, std::size_t i) {
    auto const& param = p.params[i];
    if (param.optional && !param.default_text) return;
    auto d = make_error("E0244", "argument " + quote(param.name) + " of " + quote(p.name) + " cannot be absent");
    d.with_primary(absent.span, param.optional ? "left out, it takes its default" : "a required argument");
    if (param.default_text) d.with_help("test for the default instead: `" + *param.default_text + "`");
    else d.with_help("declare it optional, `" + param.name + ": " + out_.schema.type_name(param) + "?`, or write `\"absent\"` for the symbol");
    if (p.declared_at.valid()) d.with_secondary(p.declared_at, "declared here");
    diags_.report(std::move(d));
  }

  // Checks one argument term against the type of its position.
  void check_term(ast::Term const& t, ValueType expected, std::map<std::string, ValueType>& vars, std::string const& context) {
    if (auto v = std::get_if<ast::Variable>(&t)) {
      if (v->anonymous()) return;
      auto [it, fresh] = vars.emplace(v->name, expected);
      if (!fresh && it->second != expected)
        mismatch(v->span, quote(v->name) + " is " + a_type(it->second) + " here", expected, context);
      return;
    }
    if (auto s = std::get_if<ast::Symbol>(&t)) {
      if (expected == ValueType::certainty && !engine::parse_certainty(s->name))
        diags_.report(make_error("E0221", "unknown certainty " + quote(s->name))
                          .with_primary(s->span, "not a certainty level")
                          .with_help("certainty levels are asserted > reported > alleged > uncertain"));
      else if (expected == ValueType::integer || expected == ValueType::date)
        mismatch(s->span, quote(s->name) + " is a symbol", expected, context);
      return;
    }
    if (std::holds_alternative<ast::StringLit>(t)) {
      if (expected == ValueType::integer || expected == ValueType::date || expected == ValueType::certainty)
        mismatch(span_of(t), "a string was given", expected, context);
      return;
    }
    if (std::holds_alternative<ast::IntLit>(t)) {
      if (expected != ValueType::integer) mismatch(span_of(t), "an int was given", expected, context);
      return;
    }
    if (std::holds_alternative<ast::DateLit>(t)) {
      if (expected != ValueType::date) mismatch(span_of(t), "a date was given", expected, context);
      return;
    }
    if (std::holds_alternative<ast::Absent>(t)) {
      diags_.report(make_error("E0244", "`absent` is not a value to compare or annotate with")
                        .with_primary(span_of(t), "only an optional argument of an atom can be absent")
                        .with_help("test absence in the atom itself, e.g. `role(P, R, absent)`; write `\"absent\"` for the symbol"));
      return;
    }
    diags_.report(make_error("E0217", "an aggregate cannot be an atom argument")
                      .with_primary(span_of(t), "aggregated here")
                      .with_help("assign it to a variable first, e.g. `N = count : { ... }, p(N)`"));
  }

  void type_atom(ast::Atom const& a, std::map<std::string, ValueType>& vars) {
    auto id = out_.schema.find(a.predicate.name);
    if (!id) return;
    auto const& p = out_.schema.predicates[*id];
    if (p.arity() != a.args.size()) return;
    for (std::size_t i = 0; i < a.args.size(); ++i) {
      if (auto absent = std::get_if<ast::Absent>(&a.args[i])) {
        absent_argument(*absent, p, i);
        continue;
      }
      check_term(a.args[i], p.params[i].type, vars, "argument " + quote(p.params[i].name) + " of " + quote(p.name));
    }
    if (a.source) check_term(*a.source, ValueType::source, vars, "the source after `@`");
    if (a.claimant) check_term(*a.claimant, ValueType::symbol, vars, "the claimant after `by`");
    if (a.certainty) check_term(*a.certainty, ValueType::certainty, vars, "the level after `certainty`");
  }

  // Checks an expression's operands; returns its type when known.
  std::optional<ValueType> type_expr(ast::Term const& t, std::map<std::string, ValueType>& vars) {
    if (std::holds_alternative<ast::Absent>(t)) {
      check_term(t, ValueType::symbol, vars, "");  // reports it
      return std::nullopt;
    }
    if (auto b = std::get_if<std::shared_ptr<ast::Binary>>(&t)) {
      auto l = type_expr((*b)->lhs, vars), r = type_expr((*b)->rhs, vars);
      auto numeric = [&](std::optional<ValueType> ty, ast::Term const& side) {
        if (ty && *ty != ValueType::integer && *ty != ValueType::date) {
          diags_.report(make_error("E0206", "type mismatch: arithmetic needs ints or dates, but this is " + a_type(*ty))
                            .with_primary(span_of(side), "not a number"));
          return false;
        }
        return true;
      };
      if (!numeric(l, (*b)->lhs) || !numeric(r, (*b)->rhs)) return std::nullopt;
      for (auto const* side : {&(*b)->lhs, &(*b)->rhs})
        if (auto d = std::get_if<ast::DateLit>(side); d && d->day == 0) {
          diags_.report(make_error("E0253", "arithmetic on a month: `" + to_text(*side) + "` is not a single day")
                            .with_primary(span_of(*side), "a month")
                            .with_help("use `earliest(" + to_text(*side) + ")` or `latest(" + to_text(*side) + ")`, or a day `YYYY-MM-DD`"));
          return std::nullopt;
        }
      if (l == ValueType::date && r == ValueType::date) {
        if ((*b)->op == ast::ArithOp::sub) return ValueType::integer;
        diags_.report(make_error("E0206", "type mismatch: dates can only be subtracted from each other")
                          .with_primary((*b)->span, "date arithmetic")
                          .with_help("`D2 - D1` gives the number of days between two dates"));
        return std::nullopt;
      }
      if (l == ValueType::date || r == ValueType::date) {
        if ((*b)->op != ast::ArithOp::add && (*b)->op != ast::ArithOp::sub)
          diags_.report(make_error("E0206", "type mismatch: only `+` and `-` combine a date with a number of days")
                            .with_primary((*b)->span, "date arithmetic"));
        return ValueType::date;
      }
      return ValueType::integer;
    }
    if (auto c = std::get_if<std::shared_ptr<ast::Call>>(&t)) {
      auto const& name = (*c)->function.name;
      bool const day_of = name == "earliest" || name == "latest";
      std::size_t want = name == "abs" || day_of ? 1 : (name == "min" || name == "max") ? 2 : 0;
      if (want == 0) {
        diags_.report(make_error("E0222", "unknown function " + quote(name))
                          .with_primary((*c)->function.span, "not a built-in function")
                          .with_help("the built-in functions are `abs(X)`, `min(X, Y)`, `max(X, Y)`, `earliest(D)` and `latest(D)`"));
        return std::nullopt;
      }
      if ((*c)->args.size() != want) {
        diags_.report(make_error("E0205", quote(name) + " takes " + std::to_string(want) + " argument" + (want == 1 ? "" : "s") +
                                              ", but " + std::to_string((*c)->args.size()) + " were given")
                          .with_primary((*c)->span, "wrong number of arguments"));
        return std::nullopt;
      }
      if (day_of) {
        auto ty = type_expr((*c)->args[0], vars);
        if (ty && *ty != ValueType::date)
          diags_.report(make_error("E0252", quote(name) + " needs a date, but this is " + a_type(*ty))
                            .with_primary(span_of((*c)->args[0]), "not a date")
                            .with_help("`" + name + "(D)` gives the " + (name == "earliest" ? "first" : "last") +
                                       " day a date such as `2025-10` covers"));
        return ty && *ty != ValueType::date ? std::nullopt : std::optional(ValueType::date);
      }
      std::optional<ValueType> result;
      for (auto const& a : (*c)->args) {
        auto ty = type_expr(a, vars);
        if (ty && *ty != ValueType::integer && *ty != ValueType::date)
          diags_.report(make_error("E0206", "type mismatch: " + quote(name) + " needs ints or dates")
                            .with_primary(span_of(a), a_type(*ty)));
        if (ty && !result) result = ty;
      }
      return result.value_or(ValueType::integer);
    }
    if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(&t)) {
      type_body((*g)->body, vars);
      if ((*g)->value) {
        auto ty = type_expr(*(*g)->value, vars);
        bool const additive = (*g)->kind == ast::AggregateKind::sum || (*g)->kind == ast::AggregateKind::mean;
        if (ty && *ty != ValueType::integer && (additive || *ty != ValueType::date))
          diags_.report(make_error("E0206", "type mismatch: this aggregate needs an int value")
                            .with_primary(span_of(*(*g)->value), a_type(*ty)));
        if ((*g)->kind == ast::AggregateKind::min || (*g)->kind == ast::AggregateKind::max) return ty;
      }
      return ValueType::integer;
    }
    if (auto v = std::get_if<ast::Variable>(&t)) {
      auto it = vars.find(v->name);
      return it == vars.end() ? std::nullopt : std::optional(it->second);
    }
    return expr_type(t, vars);
  }

  void type_body(std::vector<ast::Literal> const& body, std::map<std::string, ValueType>& vars) {
    for (auto const& lit : body) {
      if (auto a = std::get_if<ast::Atom>(&lit)) type_atom(*a, vars);
      else if (auto n = std::get_if<ast::Negation>(&lit)) type_atom(n->atom, vars);
    }
    for (auto const& lit : body)
      if (auto m = std::get_if<ast::Membership>(&lit)) type_membership(*m, vars);
    for (auto const& lit : body) {
      auto c = std::get_if<ast::Comparison>(&lit);
      if (!c) continue;
      auto const* nested = nested_aggregate(c->lhs);
      if (!nested) nested = nested_aggregate(c->rhs);
      if (nested) {
        diags_.report(make_error("E0223", "an aggregate must be assigned to a variable")
                          .with_primary(nested->span, "inside an expression")
                          .with_help("assign it in a literal of its own, e.g. `N = count : { ... }`, then use `N` in the expression"));
        misplaced_aggregate_ = true;  // its variables would look unsafe; that is not the mistake
        continue;
      }
      auto l = type_expr(c->lhs, vars), r = type_expr(c->rhs, vars);
      bool lhs_agg = std::holds_alternative<std::shared_ptr<ast::Aggregate>>(c->lhs);
      bool rhs_agg = std::holds_alternative<std::shared_ptr<ast::Aggregate>>(c->rhs);
      if ((lhs_agg || rhs_agg) && (c->op != ast::CompareOp::eq || !std::holds_alternative<ast::Variable>(lhs_agg ? c->rhs : c->lhs))) {
        diags_.report(make_error("E0223", "an aggregate must be assigned to a variable")
                          .with_primary(c->span, "used here")
                          .with_help("write `N = count : { ... }`, then compare `N`"));
        continue;
      }
      auto bind = [&](ast::Term const& side, std::optional<ValueType> other) {
        if (auto v = std::get_if<ast::Variable>(&side); v && other) vars.emplace(v->name, *other);
      };
      if (!l && r) bind(c->lhs, r);
      if (!r && l) bind(c->rhs, l);
      // Only a bare variable can have gained a type; typing it again reports nothing twice.
      if (!l && std::holds_alternative<ast::Variable>(c->lhs)) l = type_expr(c->lhs, vars);
      if (!r && std::holds_alternative<ast::Variable>(c->rhs)) r = type_expr(c->rhs, vars);
      bool const on_dates = c->op == ast::CompareOp::overlaps || c->op == ast::CompareOp::within;
      if (on_dates && ((l && *l != ValueType::date) || (r && *r != ValueType::date))) {
        auto const& side = l && *l != ValueType::date ? c->lhs : c->rhs;
        diags_.report(make_error("E0250", std::string("`") + (c->op == ast::CompareOp::within ? "within" : "overlaps") +
                                              "` compares dates, but this is " + a_type(l && *l != ValueType::date ? *l : *r))
                          .with_primary(span_of(side), "not a date")
                          .with_help("compare ints with `abs(X - Y) <= N`, other values with `=`"));
      } else if (l && r && *l != *r) {
        diags_.report(make_error("E0206", "type mismatch: cannot compare " + a_type(*l) + " with " + a_type(*r))
                          .with_primary(c->span, "compared here"));
      } else if (l || r) {
        auto ty = l ? *l : *r;
        for (auto const* side : {&c->lhs, &c->rhs})
          if (std::holds_alternative<ast::Symbol>(*side) || std::holds_alternative<ast::StringLit>(*side))
            check_term(*side, ty, vars, "the other side of the comparison");
      }
    }
  }

  void type_membership(ast::Membership const& m, std::map<std::string, ValueType>& vars) {
    if (m.set) used_sets_.insert(m.set->name);
    auto values = detail::membership_values(m, out_);
    if (!values) {
      std::vector<std::string_view> names;
      for (auto const& [name, set] : out_.sets) names.push_back(name);
      auto d = make_error("E0240", "unknown set " + quote(m.set->name));
      d.with_primary(m.set->span, "no `set` or `vocabulary` has this name");
      auto near = closest_match(m.set->name, names);
      d.with_help(near.empty() ? "declare it: `set " + m.set->name + " = {a, b}.`, or list the values: `in {a, b}`"
                               : "did you mean " + quote(near) + "?");
      diags_.report(std::move(d));
      return;
    }
    auto ty = type_expr(m.element, vars);
    if (!ty) return;  // an unbound element is reported by the safety check
    for (auto const& v : *values) check_term(v, *ty, vars, "the value tested");
  }

  void report_unused_sets() {
    if (diags_.has_errors()) return;  // a rule that failed its checks may be the one that uses it
    for (auto const& [name, set] : out_.sets)
      if (!set.vocabulary && !used_sets_.count(name))
        diags_.report(make_warning("W0206", "set " + quote(name) + " is used by no rule")
                          .with_primary(set.declared_at, "declared here, used nowhere")
                          .with_help("test a value against it, e.g. `R in " + name + "`, or remove it"));
  }

  void type_rule(CheckedRule& r) {
    if (bad_rules_.count(&r)) return;
    std::map<std::string, ValueType> vars;
    collect_types(r.body(), vars);
    type_body(r.body(), vars);
    if (misplaced_aggregate_) skip_safety_.insert(&r);
    misplaced_aggregate_ = false;
    if (r.rule) type_atom(r.head_atom(), vars);
    // Registers in order of first appearance, so explanations list variables as written.
    std::vector<std::string> order;
    auto note = [&](ast::Variable const& v) {
      if (!v.anonymous() && std::find(order.begin(), order.end(), v.name) == order.end()) order.push_back(v.name);
    };
    if (r.rule) detail::for_each_variable(r.head_atom(), note);
    detail::for_each_variable(r.body(), note);
    for (auto const& name : order) {
      r.variables.push_back(name);
      auto it = vars.find(name);
      r.types.push_back(it == vars.end() ? ValueType::symbol : it->second);
    }
  }

  void check_sourcing() {
    std::map<PredicateId, Span> sourced_by;
    for (auto const& r : out_.rules) {
      detail::for_each_atom(r.body(), [&](ast::Atom const& a, bool) {
        auto id = out_.schema.find(a.predicate.name);
        if (!id || !a.source) return;
        auto const& p = out_.schema.predicates[*id];
        if (!p.sourced)
          diags_.report(make_error("E0208", quote(p.name) + " has no source to bind with `@`")
                            .with_primary(span_of(*a.source), "no source here")
                            .with_note(p.kind == PredicateKind::builtin ? "`source(S, Outlet, Language, Published)` takes the source as its first argument"
                                                                        : "its rules derive it without `@ S` in the head")
                            .with_help(p.kind == PredicateKind::builtin ? "write the source as the first argument" : "add `@ S` to the heads of the rules for " + quote(p.name)));
      });
      if (!r.rule) continue;  // facts of a derived predicate too: `p(1).` must agree with its rules
      auto const& p = out_.schema.predicates[r.head];
      if (p.kind != PredicateKind::derived) continue;
      bool has = r.head_atom().source.has_value();
      if (has != p.sourced) {
        auto d = make_error("E0208", "the rules for " + quote(p.name) + " disagree on whether it has a source");
        d.with_primary(r.head_atom().span, has ? "this head has `@`" : "this head has no `@`");
        d.with_help("either every rule for " + quote(p.name) + " ends its head with `@ S`, or none does");
        diags_.report(std::move(d));
      }
    }
  }

  // Where `{name}`, at `at` in the message's text, is written. The literal's span covers the quotes;
  // offsets inside it are approximate when escapes were used, so it falls back to the whole literal.
  static Span placeholder_span(ast::StringLit const& msg, std::size_t at, std::string const& name) {
    Span s{msg.span.file, msg.span.begin + 1 + static_cast<std::uint32_t>(at), msg.span.begin + 3 + static_cast<std::uint32_t>(at + name.size())};
    return s.end > msg.span.end ? msg.span : s;
  }

  // A grouped `unique` verdict binds its keys only; `{Groups}` stands for the groups of sources.
  void check_grouped_template(CheckedRule const& r, ast::StringLit const& msg) {
    std::vector<std::string> available;
    auto const& first = std::get<ast::Atom>(r.body().front());
    for (auto arg : r.grouped->key_args) available.push_back(std::get<ast::Variable>(first.args[arg]).name);
    available.push_back("Groups");
    for (auto const& [name, at] : detail::template_placeholders(msg.value)) {
      if (std::find(available.begin(), available.end(), name) != available.end()) continue;
      auto const s = placeholder_span(msg, at, name);
      std::string list;
      for (auto const& a : available) list += (list.empty() ? "" : ", ") + quote("{" + a + "}");
      auto d = make_error("E0210", "placeholder " + quote("{" + name + "}") + " is not available in a grouped `unique` message");
      d.with_primary(s, "unknown placeholder");
      d.with_note("a grouped verdict is one per key: it binds the keys, and `{Groups}` lists each value with the sources that give it");
      std::vector<std::string_view> names(available.begin(), available.end());
      auto near = closest_match(name, names);
      d.with_help((near.empty() ? std::string() : "did you mean " + quote("{" + near + "}") + "? ") + "the placeholders are " + list);
      diags_.report(std::move(d));
    }
  }

  void check_templates() {
    for (auto const& r : out_.rules) {
      if (r.kind != CheckedRule::Kind::constraint || !r.constraint->message || bad_rules_.count(&r)) continue;
      auto const& msg = *r.constraint->message;
      if (r.grouped) {
        check_grouped_template(r, msg);
        continue;
      }
      for (auto const& [name, at] : detail::template_placeholders(msg.value)) {
        bool known = std::find(r.variables.begin(), r.variables.end(), name) != r.variables.end();
        bool shown = known && !name.empty() && name[0] != '_';
        if (shown) continue;
        auto const s = placeholder_span(msg, at, name);
        if (known) {
          // `_X` is left out of the verdict's bindings, so `{_X}` would be printed as it is written.
          auto d = make_error("E0210", "placeholder " + quote("{" + name + "}") + " names a variable the verdict does not show");
          d.with_primary(s, "not among the bindings");
          d.with_note("variables starting with `_` are left out of a verdict's bindings");
          d.with_help("rename " + quote(name) + " to " + quote(name.substr(name.find_first_not_of('_') == std::string::npos ? 0 : name.find_first_not_of('_'))) +
                      " in the body to show it, or remove the placeholder");
          diags_.report(std::move(d));
          continue;
        }
        bool in_other_choice = false;
        std::string const& placeholder = name;  // clang 14 cannot capture a structured binding
        if (r.choice_count > 1)
          detail::for_each_variable(r.constraint->body,
                                    [&](ast::Variable const& v) { in_other_choice = in_other_choice || v.name == placeholder; });
        if (in_other_choice) {
          diags_.report(make_error("E0210", "placeholder " + quote("{" + name + "}") + " is not bound by every alternative")
                            .with_primary(s, "unbound when the verdict comes from another alternative")
                            .with_note("the alternatives taken: " + [&] {
                              std::string taken;
                              for (auto const& t : r.choice) taken += (taken.empty() ? "`" : "`; `") + t;
                              return taken + "`";
                            }())
                            .with_help("bind " + quote(name) + " in every alternative, or remove the placeholder"));
          continue;
        }
        auto d = make_error("E0210", "placeholder " + quote("{" + name + "}") + " is not a variable of the constraint");
        d.with_primary(s, "unknown placeholder");
        std::vector<std::string_view> vars(r.variables.begin(), r.variables.end());
        auto near = closest_match(name, vars);
        if (!near.empty()) d.with_help("did you mean " + quote("{" + near + "}") + "?");
        else d.with_help("placeholders name variables bound in the body");
        diags_.report(std::move(d));
      }
    }
  }

  void check_singletons() {
    for (auto const& r : out_.rules) {
      if (r.origin != "constraint" && r.kind == CheckedRule::Kind::constraint) continue;
      std::map<std::string, std::pair<int, Span>> uses;
      auto count = [&](ast::Variable const& v) {
        if (v.anonymous() || v.name[0] == '_') return;
        auto& u = uses[v.name];
        if (u.first++ == 0) u.second = v.span;
      };
      if (r.rule) detail::for_each_variable(r.head_atom(), count);
      detail::for_each_variable(r.body(), count);
      if (r.constraint && r.constraint->message)
        for (auto const& [name, at] : detail::template_placeholders(r.constraint->message->value))
          if (uses.count(name)) uses[name].first++;
      for (auto const& [name, u] : uses)
        if (u.first == 1 && !unsafe_[&r].count(name))  // an unsafe variable is reported already
          diags_.report(make_warning("W0201", "variable " + quote(name) + " is used only once")
                            .with_primary(u.second, "bound here and never used")
                            .with_help("if that is intended, write `_" + name + "` or `_`"));
    }
  }

  std::vector<ast::Program> const& files_;
  SourceManager const& sources_;
  Diagnostics& diags_;
  CheckedProgram out_;
  std::vector<Types> param_types_;
  std::vector<bool> typed_;
  std::map<std::string, Span> constraint_spans_;
  detail::VocabularyIndex vocabularies_;
  std::set<CheckedRule const*> bad_rules_;
  std::map<CheckedRule const*, std::set<std::string>> unsafe_;
  std::set<CheckedRule const*> skip_safety_;
  std::set<PredicateId> dropped_heads_;
  std::set<std::string, std::less<>> used_sets_;
  bool misplaced_aggregate_ = false;

public:
  friend CheckedProgram nogood::rules::check(std::vector<ast::Program>&, SourceManager const&, Diagnostics&);
};

}  // namespace

CheckedProgram check(std::vector<ast::Program>& files, SourceManager const& sources, Diagnostics& diags) {
  detail::complete_optional_arguments(files);
  return Checker(files, sources, diags).run();
}

}  // namespace nogood::rules
