// `label` statements: how reports show a symbol or a claimant, per language.
#include <map>

#include "check_internal.hpp"

namespace nogood::rules::detail {

void collect_labels(std::vector<ast::Program> const& files, CheckedProgram& out, Diagnostics& diags) {
  std::map<std::pair<std::string, std::string>, Span> seen;  // (value, language) -> first label
  for (auto const& file : files)
    for (auto const& st : file.statements) {
      auto label = std::get_if<ast::Label>(&st);
      if (!label) continue;
      std::string language = label->language ? label->language->name : "";
      auto [at, fresh] = seen.emplace(std::pair{label->value.text, language}, label->value.span);
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
      out.labels.push_back({label->value.text, label->text.value, language, label->span});
    }
}

}  // namespace nogood::rules::detail
