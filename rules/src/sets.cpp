// `set` statements, and the values a membership test names: a set's or a vocabulary's.
#include "check_internal.hpp"

namespace nogood::rules::detail {

void declare_sets(std::vector<ast::Program> const& files, VocabularyIndex const& vocabularies, CheckedProgram& out,
                  Diagnostics& diags) {
  for (auto const& file : files)
    for (auto const& st : file.statements) {
      auto decl = std::get_if<ast::SetDecl>(&st);
      if (!decl) continue;
      auto const& name = decl->name.name;
      if (auto it = out.sets.find(name); it != out.sets.end()) {
        diags.report(make_error("E0237", "set " + quote(name) + " is declared twice")
                         .with_primary(decl->name.span, "declared again here")
                         .with_secondary(it->second.declared_at, "first declared here")
                         .with_help("merge the two lists, or give one set another name"));
        continue;
      }
      if (auto v = vocabularies.find(name); v != vocabularies.end()) {
        diags.report(make_error("E0237", quote(name) + " is already a vocabulary")
                         .with_primary(decl->name.span, "a set of this name would hide it")
                         .with_secondary(out.schema.vocabularies[v->second].declared_at, "the vocabulary")
                         .with_help("`X in " + name + "` already tests against the vocabulary's values; rename the set"));
        continue;
      }
      out.sets.emplace(name, NamedSet{decl->values, decl->name.span, false});
    }
  for (auto const& [name, id] : vocabularies) {
    auto const& vocabulary = out.schema.vocabularies[id];
    NamedSet set{{}, vocabulary.declared_at, true};
    for (auto const& value : vocabulary.values) set.values.push_back(ast::Symbol{value, vocabulary.declared_at});
    out.sets.emplace(name, std::move(set));
  }
}

std::vector<ast::Term> const* membership_values(ast::Membership const& m, CheckedProgram const& program) {
  if (!m.set) return &m.values;
  auto it = program.sets.find(m.set->name);
  return it == program.sets.end() ? nullptr : &it->second.values;
}

}  // namespace nogood::rules::detail
