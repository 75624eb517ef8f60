// `label` statements: how reports show a symbol or a claimant, per language.
#include <algorithm>
#include <map>

#include "check_internal.hpp"

namespace nogood::rules::detail {

namespace {

// A predicate's sentence names the predicate's arguments, each as `{name}`.
bool check_sentence(ast::Label const& label, engine::Schema const& schema, Diagnostics& diags) {
  auto id = schema.find(label.value.text);
  if (!id) {
    auto d = make_error("E0229", "`label pred` names an unknown predicate " + quote(label.value.text));
    d.with_primary(label.value.span, "not declared");
    auto near = closest_match(label.value.text, schema.names());
    d.with_help(near.empty() ? "label a predicate declared with `pred`" : "did you mean " + quote(near) + "?");
    diags.report(std::move(d));
    return false;
  }
  auto const& params = schema.predicates[*id].params;
  std::vector<std::string_view> names;
  for (auto const& p : params) names.push_back(p.name);
  bool ok = true;
  for (auto const& [name, at] : template_placeholders(label.text.value)) {
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    ok = false;
    std::string list;
    for (auto n : names) list += (list.empty() ? "" : ", ") + quote("{" + std::string(n) + "}");
    auto near = closest_match(name, names);
    diags.report(make_error("E0229", quote("{" + name + "}") + " is not an argument of " + quote(label.value.text))
                     .with_primary(label.text.span, "in this sentence")
                     .with_help(near.empty() ? "its arguments are " + list : "did you mean " + quote("{" + near + "}") + "?"));
  }
  return ok;
}

}  // namespace

void collect_labels(std::vector<ast::Program> const& files, CheckedProgram& out, Diagnostics& diags) {
  std::map<std::pair<std::string, std::string>, Span> seen;  // (value, language) -> first label
  for (auto const& file : files)
    for (auto const& st : file.statements) {
      auto label = std::get_if<ast::Label>(&st);
      if (!label) continue;
      std::string language = label->language ? label->language->name : "";
      auto key = (label->predicate ? "pred " : "") + label->value.text;
      auto [at, fresh] = seen.emplace(std::pair{key, language}, label->value.span);
      if (!fresh) {
        diags.report(make_error("E0229", quote(label->value.text) + " is labelled twice" +
                                             (language.empty() ? std::string() : " for language " + quote(language)))
                         .with_primary(label->value.span, "labelled again here")
                         .with_secondary(at->second, "first labelled here")
                         .with_help("keep one label per value and language; `lang CODE` gives a language its own"));
        continue;
      }
      if (label->text.value.empty()) {
        diags.report(make_error("E0229", "the label of " + quote(label->value.text) + " is empty")
                         .with_primary(label->text.span, "an empty label")
                         .with_help("write the words reports should show, e.g. `label isis_leader \"an ISIS leader\".`"));
        continue;
      }
      if (label->predicate && !check_sentence(*label, out.schema, diags)) continue;
      out.labels.push_back({label->predicate, label->value.text, label->text.value, language, label->span});
    }
}

}  // namespace nogood::rules::detail
