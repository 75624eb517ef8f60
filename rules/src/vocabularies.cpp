// Closed vocabularies: declared sets of symbols that arguments take as their type. A value
// outside its vocabulary is a typo or a new category nobody agreed on; either way the rules
// would silently match nothing, so it is an error (E0227 here, E0330 in facts).
#include <algorithm>
#include <map>
#include <set>

#include "check_internal.hpp"
#include "type_words.hpp"

namespace nogood::rules::detail {

using engine::no_vocabulary;
using engine::PredicateId;
using engine::PredicateKind;
using engine::VocabularyId;

VocabularyIndex declare_vocabularies(std::vector<ast::Program> const& files, engine::Schema& schema, Diagnostics& diags) {
  VocabularyIndex index;
  for (auto const& file : files)
    for (auto const& st : file.statements) {
      auto decl = std::get_if<ast::Vocabulary>(&st);
      if (!decl) continue;
      auto const& name = decl->name.name;
      bool builtin = std::any_of(type_words.begin(), type_words.end(), [&](auto const& t) { return t.word == name; });
      if (builtin) {
        diags.report(make_error("E0228", quote(name) + " is a built-in type and cannot name a vocabulary")
                         .with_primary(decl->name.span, "a built-in type")
                         .with_help("name the vocabulary after what its values are, e.g. `role_name`"));
        continue;
      }
      if (auto it = index.find(name); it != index.end()) {
        diags.report(make_error("E0228", "vocabulary " + quote(name) + " is declared twice")
                         .with_primary(decl->name.span, "declared again here")
                         .with_secondary(schema.vocabularies[it->second].declared_at, "first declared here")
                         .with_help("list every value in one declaration"));
        continue;
      }
      engine::Vocabulary v{name, {}, decl->name.span};
      std::map<std::string_view, Span> seen;
      for (auto const& value : decl->values) {
        auto [at, fresh] = seen.emplace(value.text, value.span);
        if (!fresh) {
          diags.report(make_warning("W0203", quote(value.text) + " is listed twice in vocabulary " + quote(name))
                           .with_primary(value.span, "listed again here")
                           .with_secondary(at->second, "first listed here")
                           .with_help("remove one of them"));
          continue;
        }
        v.values.push_back(value.text);
      }
      std::sort(v.values.begin(), v.values.end());
      index.emplace(name, static_cast<VocabularyId>(schema.vocabularies.size()));
      schema.vocabularies.push_back(std::move(v));
    }
  return index;
}

std::optional<VocabularyId> resolve_vocabulary(ast::Identifier const& type, VocabularyIndex const& index, Diagnostics& diags) {
  if (auto it = index.find(type.name); it != index.end()) return it->second;
  std::string help;
  for (auto const& [alias, builtin] : type_aliases)
    if (alias == type.name) help = "did you mean " + quote(builtin) + "?";
  if (help.empty()) {
    std::vector<std::string_view> names;
    for (auto const& t : type_words) names.push_back(t.word);
    for (auto const& [name, id] : index) names.push_back(name);
    auto near = closest_match(type.name, names);
    if (!near.empty()) help = "did you mean " + quote(near) + "?";
    else help = "to restrict the argument to a closed set of symbols, declare `vocabulary " + type.name + " = {...}.`";
  }
  diags.report(make_error("E0106", "unknown type " + quote(type.name) +
                                       "; types are entity, symbol, string, int, date, source, certainty, or a "
                                       "declared vocabulary")
                   .with_primary(type.span, "unknown type")
                   .with_help(std::move(help)));
  return std::nullopt;
}

namespace {

// What is known of a derived argument's vocabulary while rules are read: nothing yet, one
// vocabulary, or none (plain symbols, or rules that disagree).
constexpr std::int64_t unset = -2;
constexpr std::int64_t none = -1;

std::int64_t meet(std::int64_t a, std::int64_t b) {
  if (a == unset) return b;
  if (b == unset) return a;
  return a == b ? a : none;
}

class VocabularyCheck {
public:
  VocabularyCheck(std::vector<ast::Program> const& files, CheckedProgram& out, std::set<CheckedRule const*> const& skip,
                  Diagnostics& diags)
      : files_(files), out_(out), skip_(skip), diags_(diags) {}

  void run() {
    if (out_.schema.vocabularies.empty()) return;
    infer_derived();
    for (auto const& r : out_.rules) {
      if (skip_.count(&r)) continue;
      std::map<std::string, Position> vars;
      if (r.rule) bind_atom(r.head_atom(), vars);
      bind_body(r.body(), vars);
      if (r.rule) check_atom(r.head_atom());
      check_body(r.body(), vars);
    }
    for (auto const& f : out_.facts)
      if (f.rule) check_atom(f.rule->head);
    report_unused();
  }

private:
  // Where a variable takes its vocabulary from: an argument of a predicate.
  struct Position {
    PredicateId predicate;
    std::size_t arg;
  };

  engine::Parameter const* param(ast::Atom const& a, std::size_t i) const {
    auto id = out_.schema.find(a.predicate.name);
    if (!id) return nullptr;
    auto const& p = out_.schema.predicates[*id];
    if (p.arity() != a.args.size()) return nullptr;
    return &p.params[i];
  }

  void infer_derived() {
    std::set<std::string_view> declared;
    for (auto const& file : files_)
      for (auto const& st : file.statements)
        if (auto d = std::get_if<ast::PredDecl>(&st)) declared.insert(d->name.name);
    auto& preds = out_.schema.predicates;
    std::vector<std::vector<std::int64_t>> state(preds.size());
    std::vector<bool> inferred(preds.size(), false);
    for (PredicateId id = 0; id < preds.size(); ++id) {
      inferred[id] = preds[id].kind == PredicateKind::derived && !declared.count(preds[id].name);
      for (auto const& p : preds[id].params)
        state[id].push_back(inferred[id] ? unset : p.vocabulary == no_vocabulary ? none : std::int64_t(p.vocabulary));
    }
    // From every argument unknown, narrowing; each round can only lower a state, so it ends.
    for (bool changed = true; changed;) {
      changed = false;
      std::vector<std::vector<std::int64_t>> next(preds.size());
      for (PredicateId id = 0; id < preds.size(); ++id) next[id].assign(preds[id].params.size(), unset);
      for (auto const& r : out_.rules) {
        if (!r.rule || skip_.count(&r) || !inferred[r.head]) continue;
        auto const& head = r.head_atom();
        for (std::size_t i = 0; i < head.args.size() && i < next[r.head].size(); ++i)
          next[r.head][i] = meet(next[r.head][i], head_contribution(head.args[i], r.body(), state));
      }
      for (PredicateId id = 0; id < preds.size(); ++id)
        if (inferred[id] && next[id] != state[id]) {
          state[id] = next[id];
          changed = true;
        }
    }
    for (PredicateId id = 0; id < preds.size(); ++id)
      if (inferred[id])
        for (std::size_t i = 0; i < preds[id].params.size(); ++i)
          preds[id].params[i].vocabulary = state[id][i] >= 0 ? VocabularyId(state[id][i]) : no_vocabulary;
  }

  // The vocabulary a rule gives one argument of its head.
  std::int64_t head_contribution(ast::Term const& arg, std::vector<ast::Literal> const& body,
                                 std::vector<std::vector<std::int64_t>> const& state) const {
    if (std::holds_alternative<ast::Symbol>(arg) || std::holds_alternative<ast::StringLit>(arg)) return unset;
    auto v = std::get_if<ast::Variable>(&arg);
    if (!v || v->anonymous()) return none;
    // A variable at several positions holds values of all of them: one vocabulary among them narrows it.
    std::int64_t found = none;
    bool any_unset = false;
    for (auto const& lit : body) {
      auto a = std::get_if<ast::Atom>(&lit);
      if (!a) continue;
      auto id = out_.schema.find(a->predicate.name);
      if (!id || state[*id].size() != a->args.size()) continue;
      for (std::size_t i = 0; i < a->args.size(); ++i) {
        auto w = std::get_if<ast::Variable>(&a->args[i]);
        if (!w || w->name != v->name) continue;
        auto s = state[*id][i];
        if (s >= 0) found = found >= 0 && found != s ? none : s;
        else if (s == unset) any_unset = true;
      }
    }
    if (found >= 0) return found;
    return any_unset ? unset : none;
  }

  void bind_atom(ast::Atom const& a, std::map<std::string, Position>& vars) const {
    auto id = out_.schema.find(a.predicate.name);
    for (std::size_t i = 0; i < a.args.size(); ++i) {
      auto p = param(a, i);
      auto v = std::get_if<ast::Variable>(&a.args[i]);
      if (p && v && !v->anonymous() && p->vocabulary != no_vocabulary) vars.try_emplace(v->name, Position{*id, i});
    }
  }

  void bind_body(std::vector<ast::Literal> const& body, std::map<std::string, Position>& vars) const {
    for_each_atom(body, [&](ast::Atom const& a, bool) { bind_atom(a, vars); });
  }

  void check_value(std::string const& value, Span span, engine::Parameter const& p, std::string const& context) {
    auto const& v = out_.schema.vocabularies[p.vocabulary];
    if (v.contains(value)) return;
    diags_.report(make_error("E0227", quote(value) + " is not in vocabulary " + quote(v.name))
                      .with_primary(span, "not a value of " + quote(v.name))
                      .with_secondary(v.declared_at, "declared here")
                      .with_note(context + " takes values of " + quote(v.name))
                      .with_help(v.help_for(value)));
  }

  void check_constant(ast::Term const& t, engine::Parameter const& p, std::string const& context) {
    if (auto s = std::get_if<ast::Symbol>(&t)) check_value(s->name, s->span, p, context);
    else if (auto l = std::get_if<ast::StringLit>(&t)) check_value(l->value, l->span, p, context);
  }

  void check_atom(ast::Atom const& a) {
    for (std::size_t i = 0; i < a.args.size(); ++i)
      if (auto p = param(a, i); p && p->vocabulary != no_vocabulary)
        check_constant(a.args[i], *p, "argument " + quote(p->name) + " of " + quote(a.predicate.name));
  }

  void check_comparison(ast::Comparison const& c, std::map<std::string, Position> const& vars) {
    if (c.op != ast::CompareOp::eq && c.op != ast::CompareOp::ne) return;
    auto against = [&](ast::Term const& var_side, ast::Term const& value_side) {
      auto v = std::get_if<ast::Variable>(&var_side);
      if (!v) return;
      auto it = vars.find(v->name);
      if (it == vars.end()) return;
      auto const& pred = out_.schema.predicates[it->second.predicate];
      auto const& p = pred.params[it->second.arg];
      check_constant(value_side, p, quote(v->name) + ", argument " + quote(p.name) + " of " + quote(pred.name) + ",");
    };
    against(c.lhs, c.rhs);
    against(c.rhs, c.lhs);
  }

  void check_body(std::vector<ast::Literal> const& body, std::map<std::string, Position> const& vars) {
    for (auto const& lit : body) {
      if (auto a = std::get_if<ast::Atom>(&lit)) check_atom(*a);
      else if (auto n = std::get_if<ast::Negation>(&lit)) check_atom(n->atom);
      else if (auto c = std::get_if<ast::Comparison>(&lit)) {
        check_comparison(*c, vars);
        for (auto const* side : {&c->lhs, &c->rhs})
          if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(side)) {
            auto inner = vars;
            bind_body((*g)->body, inner);
            check_body((*g)->body, inner);
          }
      }
    }
  }

  void report_unused() {
    std::vector<bool> used(out_.schema.vocabularies.size(), false);
    for (auto const& p : out_.schema.predicates)
      for (auto const& param : p.params)
        if (param.vocabulary != no_vocabulary) used[param.vocabulary] = true;
    for (VocabularyId id = 0; id < used.size(); ++id) {
      if (used[id]) continue;
      auto const& v = out_.schema.vocabularies[id];
      diags_.report(make_warning("W0204", "vocabulary " + quote(v.name) + " is the type of no argument")
                        .with_primary(v.declared_at, "declared here, used nowhere")
                        .with_help("use it as a type, e.g. `pred role(person: entity, role: " + v.name + ").`, or remove it"));
    }
  }

  std::vector<ast::Program> const& files_;
  CheckedProgram& out_;
  std::set<CheckedRule const*> const& skip_;
  Diagnostics& diags_;
};

}  // namespace

void check_vocabularies(std::vector<ast::Program> const& files, CheckedProgram& out, std::set<CheckedRule const*> const& skip,
                        Diagnostics& diags) {
  VocabularyCheck(files, out, skip, diags).run();
}

}  // namespace nogood::rules::detail
