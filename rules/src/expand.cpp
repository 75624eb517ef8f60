// `unique` shorthands and the built-in claim-versus-negation check, written out as
// ordinary constraints so they get the same verdicts and explanations.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "check_internal.hpp"

namespace nogood::rules::detail {

namespace {

std::string capitalized(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// A variable name for a generated constraint; a name already taken (an argument called `source`,
// or one named twice) gets a suffix, so two meanings never share a variable.
std::string fresh(std::string const& base, std::set<std::string>& taken) {
  std::string name = base;
  for (int n = 2; !taken.insert(name).second; ++n) name = base + "_" + std::to_string(n);
  return name;
}

ast::Term var(std::string name, Span s) { return ast::Variable{std::move(name), s}; }

ast::Term binary(ast::ArithOp op, ast::Term l, ast::Term r, Span s) {
  return std::make_shared<ast::Binary>(ast::Binary{op, std::move(l), std::move(r), s});
}

ast::Term call(std::string f, std::vector<ast::Term> args, Span s) {
  return std::make_shared<ast::Call>(ast::Call{ast::Identifier{std::move(f), s}, std::move(args), s});
}

ast::Literal compare(ast::CompareOp op, ast::Term l, ast::Term r, Span s) {
  return ast::Comparison{op, std::move(l), std::move(r), s};
}

ast::VerdictSeverity to_ast(engine::VerdictSeverity s) {
  switch (s) {
    case engine::VerdictSeverity::error: return ast::VerdictSeverity::error;
    case engine::VerdictSeverity::warning: return ast::VerdictSeverity::warning;
    case engine::VerdictSeverity::info: return ast::VerdictSeverity::info;
  }
  return ast::VerdictSeverity::error;
}

void expand_unique(ast::Unique const& u, CheckedProgram& out, Diagnostics& diags) {
  if (u.grouped && (u.scope == ast::UniqueScope::per_source || u.tolerance)) {
    // Groups are the classes of sources that give one value: `per source` has no sources to
    // group, and agreement within a tolerance is not transitive, so it makes no classes.
    if (u.scope == ast::UniqueScope::per_source)
      diags.report(make_error("E0245", "`grouped` needs `across sources`")
                       .with_primary(u.grouped_span, "groups sources, but `per source` compares one source's claims")
                       .with_help("write `across sources grouped`, or remove `grouped`"));
    else
      diags.report(make_error("E0245", "`grouped` cannot be combined with `within`")
                       .with_primary(u.grouped_span, "groups need values that agree exactly")
                       .with_note("agreement within a tolerance is not transitive (10 is near 12 and 12 near 14, but 10 is not near 14), "
                                  "so it does not split sources into groups")
                       .with_help("remove `within` to group sources by equal values, or remove `grouped` to compare them two by two"));
    return;
  }
  auto id = out.schema.find(u.predicate.name);
  if (!id || out.schema.predicates[*id].kind != engine::PredicateKind::claimed) {
    auto d = make_error("E0211", "`unique` needs a declared predicate; " + quote(u.predicate.name) + " is " +
                                     (id ? "not claimed by sources" : "unknown"));
    d.with_primary(u.predicate.span, "no such claimed predicate");
    auto near = closest_match(u.predicate.name, out.schema.names());
    if (id) d.with_help("`unique` applies to predicates that facts claim; for a derived predicate, write a `constraint`");
    else if (!near.empty()) d.with_help("did you mean " + quote(near) + "?");
    else d.with_help("declare it: `pred " + u.predicate.name + "(name: type, ...).`");
    diags.report(std::move(d));
    return;
  }
  auto const& pred = out.schema.predicates[*id];
  auto param_index = [&](ast::Identifier const& name) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < pred.params.size(); ++i)
      if (pred.params[i].name == name.name) return i;
    std::vector<std::string_view> names;
    for (auto const& p : pred.params) names.push_back(p.name);
    auto d = make_error("E0212", quote(u.predicate.name) + " has no argument " + quote(name.name));
    d.with_primary(name.span, "not an argument of " + quote(u.predicate.name));
    auto near = closest_match(name.name, names);
    std::string list;
    for (auto n : names) list += (list.empty() ? "" : ", ") + quote(n);
    d.with_help(near.empty() ? "its arguments are " + list : "did you mean " + quote(near) + "?");
    diags.report(std::move(d));
    return std::nullopt;
  };
  std::vector<std::size_t> keys;
  bool ok = true;
  for (auto const& k : u.keys) {
    auto i = param_index(k);
    if (i) keys.push_back(*i);
    else ok = false;
  }
  auto value = param_index(u.value);
  if (!ok || !value) return;
  auto vtype = pred.params[*value].type;
  if (u.tolerance && !(vtype == engine::ValueType::integer || (vtype == engine::ValueType::date && !u.tolerance_percent))) {
    diags.report(make_error("E0213", "`within` needs " + std::string(u.tolerance_percent ? "an int" : "an int or date") + " value; " +
                                         quote(u.value.name) + " is " + a_type(vtype))
                     .with_primary(u.tolerance->span, "tolerance on a value that cannot be subtracted")
                     .with_help("remove `within`, or pick an int or date argument"));
    return;
  }

  Span s = u.span;
  bool across = u.scope == ast::UniqueScope::across_sources;
  std::set<std::string> taken;
  std::vector<std::string> key_var(pred.params.size());
  for (auto k : keys) key_var[k] = fresh(capitalized(pred.params[k].name), taken);
  std::string vname = capitalized(u.value.name);
  std::string a = fresh(vname + "1", taken), b = fresh(vname + "2", taken);
  std::string s1 = fresh(across ? "Source1" : "Source", taken), s2 = across ? fresh("Source2", taken) : s1;
  auto atom = [&](std::string const& val, std::string const& src) {
    ast::Atom at;
    at.predicate = ast::Identifier{pred.name, s};
    for (std::size_t i = 0; i < pred.params.size(); ++i) {
      bool is_key = std::find(keys.begin(), keys.end(), i) != keys.end();
      at.args.push_back(var(i == *value ? val : is_key ? key_var[i] : "_", s));
    }
    at.source = var(src, s);
    at.span = s;
    return at;
  };
  ast::Constraint c;
  c.name = u.name ? *u.name : ast::Identifier{"unique_" + pred.name + "_" + u.value.name + (across ? "" : "_per_source"), s};
  // `captured_in(Ahmad Al Badri, ?)`: the fact in question, the value left open.
  std::string pattern = pred.name + "(";
  for (std::size_t i = 0; i < pred.params.size(); ++i) {
    bool is_key = std::find(keys.begin(), keys.end(), i) != keys.end();
    pattern += (i ? ", " : "") + (i == *value ? std::string("?") : is_key ? "{" + key_var[i] + "}" : "_");
  }
  pattern += ")";
  // Grouped: the verdict keeps the keys only, so the message has them and the groups.
  std::string msg = u.grouped ? "sources disagree on " + pattern + ": {Groups}"
                    : across  ? "{" + s1 + "} and {" + s2 + "} disagree on " + pattern + ": {" + a + "} vs {" + b + "}"
                              : "{" + s1 + "} gives two answers to " + pattern + ": {" + a + "} and {" + b + "}";
  if (u.tolerance) msg += " (more than " + std::to_string(u.tolerance->value) + (u.tolerance_percent ? "%" : vtype == engine::ValueType::date ? " days" : "") + " apart)";
  c.message = u.message ? *u.message : ast::StringLit{msg, s};
  if (u.severity) c.severity = *u.severity;
  c.body.push_back(atom(a, s1));
  c.body.push_back(atom(b, s2));
  if (across) c.body.push_back(compare(ast::CompareOp::lt, var(s1, s), var(s2, s), s));
  c.body.push_back(compare(across ? ast::CompareOp::ne : ast::CompareOp::lt, var(a, s), var(b, s), s));
  // Two dates disagree only when they certainly differ: `2025-10` and `2025-10-19` do not.
  bool const dates = vtype == engine::ValueType::date;
  if (dates) std::get<ast::Comparison>(c.body.back()).certain_dates = across;
  if (u.tolerance) {
    auto diff = call("abs", {binary(ast::ArithOp::sub, var(a, s), var(b, s), s)}, s);
    ast::Term limit = ast::IntLit{u.tolerance->value, s};
    if (u.tolerance_percent) {
      diff = binary(ast::ArithOp::mul, diff, ast::IntLit{100, s}, s);
      limit = binary(ast::ArithOp::mul, limit, call("max", {var(a, s), var(b, s)}, s), s);
    }
    c.body.push_back(compare(ast::CompareOp::gt, diff, limit, s));
    if (dates) std::get<ast::Comparison>(c.body.back()).date_gap = true;
  }
  c.span = s;
  out.generated.push_back(std::move(c));
  out.generated_origin.push_back("unique");
  std::optional<engine::GroupedConstraint> grouped;
  if (u.grouped) {
    grouped.emplace();
    grouped->predicate = *id;
    grouped->value_arg = static_cast<std::uint32_t>(*value);
    // In argument order, as the atom binds them: the order of the verdict's columns.
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (auto k : keys) grouped->key_args.push_back(static_cast<std::uint32_t>(k));
  }
  out.generated_grouped.push_back(std::move(grouped));
}

// The check's setting for the whole program, or for one predicate.
struct NegationSetting {
  bool enabled = true;
  std::optional<ast::VerdictSeverity> severity;
  void apply(ast::NegationCheck const& nc) {
    enabled = nc.enabled;
    if (nc.severity) severity = nc.severity;
  }
};

void expand_negation_checks(std::vector<ast::NegationCheck const*> const& settings, CheckedProgram& out, Diagnostics& diags) {
  NegationSetting global;
  std::map<std::string, NegationSetting, std::less<>> own;  // a predicate's own setting overrides the global one
  for (auto const* nc : settings) {
    if (!nc->predicate) {
      global.apply(*nc);
      continue;
    }
    auto const& name = nc->predicate->name;
    auto id = out.schema.find(name);
    if (!id || out.schema.predicates[*id].kind != engine::PredicateKind::claimed) {
      auto d = make_error("E0241", "`negation_check` names " + quote(name) + ", which is " +
                                       (id ? "not a predicate that sources claim" : "no predicate"));
      d.with_primary(nc->predicate->span, id ? "derived or built in: sources never deny it" : "unknown predicate");
      std::vector<std::string_view> claimed;
      for (auto const& p : out.schema.predicates)
        if (p.kind == engine::PredicateKind::claimed) claimed.push_back(p.name);
      auto near = closest_match(name, claimed);
      d.with_help(!near.empty() ? "did you mean " + quote(near) + "?" : "the check applies to predicates declared with `pred`");
      diags.report(std::move(d));
      continue;
    }
    own.try_emplace(name);
  }
  // Wherever they are written; a severity the predicate's settings leave open is the global one.
  for (auto& [name, setting] : own) {
    setting = global;
    for (auto const* nc : settings)
      if (nc->predicate && nc->predicate->name == name) setting.apply(*nc);
  }
  auto const n = out.schema.predicates.size();
  for (engine::PredicateId id = 0; id < n; ++id) {
    auto const& pred = out.schema.predicates[id];
    if (pred.kind != engine::PredicateKind::claimed) continue;
    auto it = own.find(pred.name);
    auto const& setting = it != own.end() ? it->second : global;
    if (!setting.enabled) continue;
    auto const& severity = setting.severity;
    Span s = pred.declared_at;
    std::set<std::string> taken;
    std::vector<std::string> vars;
    for (auto const& p : pred.params) vars.push_back(fresh(capitalized(p.name), taken));
    std::string const s1 = fresh("Source1", taken), s2 = fresh("Source2", taken);
    auto atom = [&](bool negated, std::string const& src) {
      ast::Atom at;
      at.strong_negation = negated;
      at.predicate = ast::Identifier{pred.name, s};
      for (auto const& v : vars) at.args.push_back(var(v, s));
      at.source = var(src, s);
      at.span = s;
      return at;
    };
    // The fact as the message states it: the predicate's sentence (`label pred`, for every
    // language) with its arguments' variables, else the predicate with them.
    std::string fact;
    auto sentence = std::find_if(out.labels.begin(), out.labels.end(),
                                 [&](Label const& l) { return l.predicate && l.value == pred.name && l.language.empty(); });
    if (sentence != out.labels.end()) {
      fact = sentence->text;
      for (std::size_t i = 0; i < pred.params.size(); ++i)
        for (auto at = fact.find("{" + pred.params[i].name + "}"); at != std::string::npos;
             at = fact.find("{" + pred.params[i].name + "}", at + vars[i].size() + 2))
          fact.replace(at, pred.params[i].name.size() + 2, "{" + vars[i] + "}");
    } else {
      std::string args;
      for (auto const& v : vars) args += (args.empty() ? "" : ", ") + ("{" + v + "}");
      fact = pred.name + "(" + args + ")";
    }
    auto sev = severity ? *severity : to_ast(engine::VerdictSeverity::error);
    // Two sources, or one source that says both: each with its own wording.
    ast::Constraint across;
    across.name = ast::Identifier{"negation_" + pred.name, s};
    across.message = ast::StringLit{"{" + s1 + "} says " + fact + "; {" + s2 + "} says it is false", s};
    across.severity = sev;
    across.body.push_back(atom(false, s1));
    across.body.push_back(atom(true, s2));
    across.body.push_back(compare(ast::CompareOp::ne, var(s1, s), var(s2, s), s));
    across.span = s;
    out.generated.push_back(std::move(across));
    out.generated_origin.push_back("negation_check");
    out.generated_grouped.emplace_back();
    std::string const one = fresh("Source", taken);
    ast::Constraint within;
    within.name = ast::Identifier{"negation_" + pred.name + "_within_source", s};
    within.message = ast::StringLit{"{" + one + "} both says " + fact + " and says it is false", s};
    within.severity = sev;
    within.body.push_back(atom(false, one));
    within.body.push_back(atom(true, one));
    within.span = s;
    out.generated.push_back(std::move(within));
    out.generated_origin.push_back("negation_check");
    out.generated_grouped.emplace_back();
  }
}

}  // namespace

void expand_shorthands(std::vector<ast::Program> const& files, CheckedProgram& out, Diagnostics& diags) {
  std::vector<ast::NegationCheck const*> settings;
  for (auto const& file : files)
    for (auto const& st : file.statements) {
      if (auto u = std::get_if<ast::Unique>(&st)) expand_unique(*u, out, diags);
      if (auto nc = std::get_if<ast::NegationCheck>(&st)) settings.push_back(nc);
    }
  expand_negation_checks(settings, out, diags);
}

}  // namespace nogood::rules::detail
