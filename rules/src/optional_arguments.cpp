// Completes atoms that leave out trailing optional arguments, before any other check sees them:
// a body atom matches any value there (`_`), a head or background fact states the default, or
// `absent`. Every later pass then sees each atom with its declared number of arguments.
#include <map>
#include <string>
#include <vector>

#include "check_internal.hpp"

namespace nogood::rules::detail {

namespace {

using Declared = std::map<std::string, std::vector<ast::Parameter> const*, std::less<>>;

// Whether arguments `from`.. may all be left out.
bool trailing_optional(std::vector<ast::Parameter> const& params, std::size_t from) {
  for (std::size_t i = from; i < params.size(); ++i)
    if (!params[i].optional) return false;
  return from < params.size();
}

class Completer {
public:
  explicit Completer(Declared const& declared) : declared_(declared) {}

  void head(ast::Atom& a) {
    auto params = find(a);
    if (!params) return;
    for (std::size_t i = a.args.size(); i < params->size(); ++i) {
      auto const& p = (*params)[i];
      a.args.push_back(p.default_value ? *p.default_value : ast::Term{ast::Absent{a.span}});
    }
  }

  void body(std::vector<ast::Literal>& literals) {
    for (auto& lit : literals) {
      if (auto a = std::get_if<ast::Atom>(&lit)) atom(*a);
      else if (auto n = std::get_if<ast::Negation>(&lit)) atom(n->atom);
      else if (auto c = std::get_if<ast::Comparison>(&lit)) { term(c->lhs); term(c->rhs); }
      else if (auto d = std::get_if<std::shared_ptr<ast::Disjunction>>(&lit))
        for (auto& alt : (*d)->alternatives) body(alt);
      else if (auto n = std::get_if<std::shared_ptr<ast::NegatedConjunction>>(&lit)) body((*n)->body);
    }
  }

private:
  std::vector<ast::Parameter> const* find(ast::Atom const& a) const {
    auto it = declared_.find(a.predicate.name);
    if (it == declared_.end() || !trailing_optional(*it->second, a.args.size())) return nullptr;
    return it->second;
  }

  // A body atom: the arguments left out match anything, present or absent.
  void atom(ast::Atom& a) {
    for (auto& t : a.args) term(t);
    if (auto params = find(a)) a.args.resize(params->size(), ast::Variable{"_", a.span});
  }

  void term(ast::Term& t) {
    if (auto g = std::get_if<std::shared_ptr<ast::Aggregate>>(&t)) body((*g)->body);
    else if (auto b = std::get_if<std::shared_ptr<ast::Binary>>(&t)) { term((*b)->lhs); term((*b)->rhs); }
    else if (auto c = std::get_if<std::shared_ptr<ast::Call>>(&t))
      for (auto& a : (*c)->args) term(a);
  }

  Declared const& declared_;
};

}  // namespace

void complete_optional_arguments(std::vector<ast::Program>& files) {
  Declared declared;
  for (auto const& file : files)
    for (auto const& st : file.statements)
      if (auto decl = std::get_if<ast::PredDecl>(&st)) declared.emplace(decl->name.name, &decl->params);
  Completer complete(declared);
  for (auto& file : files)
    for (auto& st : file.statements) {
      if (auto rule = std::get_if<ast::Rule>(&st)) {
        complete.head(rule->head);
        complete.body(rule->body);
      } else if (auto c = std::get_if<ast::Constraint>(&st)) {
        complete.body(c->body);
      }
    }
}

}  // namespace nogood::rules::detail

namespace nogood::rules::detail {

namespace {

Diagnostic bad_optional(ast::Parameter const& p, std::string const& pred, std::string message, std::string label, std::string help) {
  auto d = make_error("E0243", std::move(message));
  d.with_primary(p.optional_span, std::move(label));
  d.with_note("argument " + quote(p.name.name) + " of " + quote(pred));
  d.with_help(std::move(help));
  return d;
}

// The default's canonical text, as facts would write it; nullopt after reporting why it cannot be.
std::optional<std::string> default_text(ast::Parameter const& p, engine::Parameter const& out, std::string const& pred,
                                        Diagnostics& diags) {
  auto const& t = *p.default_value;
  auto const type = type_name(out.type);
  auto wrong = [&](std::string what, std::string help = "write a constant of the argument's type, or `?` for no default") {
    diags.report(bad_optional(p, pred, "the default of " + quote(p.name.name) + " must be " + a_type(out.type) + ", not " + what,
                              "expected " + type, std::move(help)));
    return std::nullopt;
  };
  switch (out.type) {
    case engine::ValueType::symbol:
    case engine::ValueType::string:
      if (auto s = std::get_if<ast::Symbol>(&t)) return s->name;
      if (auto s = std::get_if<ast::StringLit>(&t)) return s->value;
      break;
    case engine::ValueType::certainty:
      if (auto s = std::get_if<ast::Symbol>(&t)) {
        if (engine::parse_certainty(s->name)) return s->name;
        return wrong(quote(s->name), "the levels are asserted, reported, alleged and uncertain");
      }
      break;
    case engine::ValueType::integer:
      if (auto i = std::get_if<ast::IntLit>(&t)) {
        if (i->value >= INT32_MIN && i->value <= INT32_MAX) return std::to_string(i->value);
        return wrong("an int outside the 32-bit range");
      }
      break;
    case engine::ValueType::date:
      if (auto d = std::get_if<ast::DateLit>(&t)) return engine::format_date(engine::days_from_civil(d->year, d->month, d->day));
      break;
    case engine::ValueType::entity:
    case engine::ValueType::source: {
      // A default entity would be one no source mentions, resolved differently in rules and facts;
      // "not given" is what absence says.
      auto q = quote(p.name.name + ": " + type + "?");
      diags.report(bad_optional(p, pred, "an argument of type " + type + " cannot have a default", "a default for " + a_type(out.type),
                                "write " + q + ": left out, the argument is absent"));
      return std::nullopt;
    }
  }
  if (std::holds_alternative<ast::Variable>(t)) return wrong("a variable");
  if (std::holds_alternative<ast::Absent>(t)) return wrong("`absent`: write `?` instead of a default");
  if (std::holds_alternative<ast::IntLit>(t)) return wrong("an int");
  if (std::holds_alternative<ast::DateLit>(t)) return wrong("a date");
  if (std::holds_alternative<ast::Symbol>(t)) return wrong("a symbol");
  if (std::holds_alternative<ast::StringLit>(t)) return wrong("a string");
  return wrong("an expression");
}

}  // namespace

void declare_optional(ast::PredDecl const& decl, engine::Predicate& pred, engine::Schema const& schema, Diagnostics& diags) {
  ast::Parameter const* first_optional = nullptr;
  for (std::size_t i = 0; i < decl.params.size() && i < pred.params.size(); ++i) {
    auto const& p = decl.params[i];
    auto& out = pred.params[i];
    if (!p.optional) {
      if (first_optional)
        diags.report(make_error("E0242", "argument " + quote(p.name.name) + " of " + quote(decl.name.name) +
                                             " is required, but follows an optional argument")
                         .with_primary(p.name.span, "required")
                         .with_secondary(first_optional->optional_span, "optional from here")
                         .with_help("only trailing arguments can be left out: move the optional arguments to the end"));
      continue;
    }
    if (!first_optional) first_optional = &p;
    out.optional = true;
    if (p.question_mark && p.default_value) {
      // Absent or the default: the two say different things about a fact that leaves it out.
      diags.report(bad_optional(p, decl.name.name, "argument " + quote(p.name.name) + " has both `?` and a default",
                                "left out, it takes this default", "remove the `?` to keep the default, or the default to make it absent"));
      continue;
    }
    if (!p.default_value) {
      if (!engine::has_absent(out.type))
        diags.report(bad_optional(p, decl.name.name, "an int argument cannot be absent", "optional without a default",
                                  "give it a default: " + quote(p.name.name + ": int = 0")));
      continue;
    }
    out.default_text = default_text(p, out, decl.name.name, diags);
    if (out.default_text && out.vocabulary != engine::no_vocabulary && !schema.vocabularies[out.vocabulary].contains(*out.default_text)) {
      auto const& v = schema.vocabularies[out.vocabulary];
      diags.report(make_error("E0227", quote(*out.default_text) + " is not in vocabulary " + quote(v.name))
                       .with_primary(p.optional_span, "the default of " + quote(p.name.name))
                       .with_help(v.help_for(*out.default_text)));
    }
  }
}

}  // namespace nogood::rules::detail
