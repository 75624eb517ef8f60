// Shared pieces of the checker's passes.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "nogood/rules/check.hpp"

namespace nogood::rules::detail {

using VocabularyIndex = std::map<std::string, engine::VocabularyId, std::less<>>;

// Fills in the trailing optional arguments atoms leave out (`_` in bodies, the default or
// `absent` in heads and background facts), so later passes see every declared argument.
void complete_optional_arguments(std::vector<ast::Program>& files);
// Marks a declaration's optional arguments and their defaults (E0242, E0243, E0227).
void declare_optional(ast::PredDecl const& decl, engine::Predicate& pred, engine::Schema const& schema, Diagnostics& diags);

// Calls `f` on every atom of a body, including atoms under `not` and inside aggregates.
void for_each_atom(std::vector<ast::Literal> const& body, std::function<void(ast::Atom const&, bool negative)> const& f);
// Calls `f` on every variable occurrence in a term (recursing into expressions and aggregates).
void for_each_variable(ast::Term const& t, std::function<void(ast::Variable const&)> const& f);
void for_each_variable(ast::Atom const& a, std::function<void(ast::Variable const&)> const& f);
void for_each_variable(std::vector<ast::Literal> const& body, std::function<void(ast::Variable const&)> const& f);

std::string type_name(engine::ValueType);
std::string a_type(engine::ValueType);  // "an int", "a symbol"
std::string quote(std::string_view s);  // `s`
// Placeholders `{Name}` in a message template, with their byte offsets in the template.
std::vector<std::pair<std::string, std::size_t>> template_placeholders(std::string const& message);

// Gathers the `set` statements and the vocabularies into program.sets (E0230).
void declare_sets(std::vector<ast::Program> const& files, VocabularyIndex const& vocabularies, CheckedProgram& out,
                  Diagnostics& diags);
// The values a membership test names; null for an unknown set (reported by the checker).
std::vector<ast::Term> const* membership_values(ast::Membership const& m, CheckedProgram const& program);

// One way through a body's alternatives: the body without them, and the text of each taken.
struct BodyChoice {
  std::vector<ast::Literal> body;
  std::vector<std::string> taken;
};
// Every choice of a body with alternatives (empty when it has none); nullopt after E0231/E0232.
std::optional<std::vector<BodyChoice>> expand_alternatives(std::vector<ast::Literal> const& body, Span head_span,
                                                           SourceManager const& sources, Diagnostics& diags);

// Names no variable of a rule has, `PREFIX1`, `PREFIX2`, ..., for the variables a rewrite adds
// (with a leading `_`, hidden from a verdict's bindings).
class FreshNames {
public:
  FreshNames(CheckedRule const& r, std::string prefix);
  std::string next();

private:
  std::set<std::string> taken_;
  std::string prefix_;
  int next_ = 0;
};

using WrittenAggregates = std::vector<std::pair<ast::Aggregate const*, std::shared_ptr<ast::Aggregate const>>>;
using BodyTest = std::function<bool(std::vector<ast::Literal> const&)>;
using BodyRewrite = std::function<std::vector<ast::Literal>(std::vector<ast::Literal> const&)>;
// The comparison with each aggregate side whose body `needs` a rewrite replaced by a copy with
// the body rewritten; each copy is recorded with the aggregate as written, for explanations.
ast::Comparison rewrite_aggregate_bodies(ast::Comparison c, BodyTest const& needs, BodyRewrite const& rewrite,
                                         WrittenAggregates& originals);

// Writes each `not (...)` of the rule's body as `_notN = count : { ... }, _notN = 0`.
void rewrite_negated_conjunctions(CheckedRule& r);

// Replaces arithmetic in atom arguments (heads, bodies, under `not`, in aggregates) by a variable
// and an assignment each.
void lift_computed_arguments(CheckedRule& r);

// Writes the constraints `unique` statements and the negation check stand for.
void expand_shorthands(std::vector<ast::Program> const& files, CheckedProgram& out, Diagnostics& diags);
// Orders predicates into strata; reports negation or aggregation through recursion.
void stratify(CheckedProgram& out, Diagnostics& diags);
// Puts the `vocabulary` statements into the schema (E0228, W0203); returns them by name.
VocabularyIndex declare_vocabularies(std::vector<ast::Program> const& files, engine::Schema& schema, Diagnostics& diags);
// The vocabulary a parameter's type names; E0106 when there is none.
std::optional<engine::VocabularyId> resolve_vocabulary(ast::Identifier const& type, VocabularyIndex const& index,
                                                       Diagnostics& diags);
// Gives derived arguments the vocabulary all their rules agree on, reports constants outside
// their argument's vocabulary (E0227) and vocabularies no argument uses (W0204).
void check_vocabularies(std::vector<ast::Program> const& files, CheckedProgram& out,
                        std::set<CheckedRule const*> const& skip, Diagnostics& diags);

// Gathers the `label` statements (E0229 for a value labelled twice in one language, or empty).
void collect_labels(std::vector<ast::Program> const& files, CheckedProgram& out, Diagnostics& diags);

// Reports the unsafe variables of a rule or constraint; returns their names.
std::set<std::string> check_safety(CheckedRule const& rule, Diagnostics& diags);

}  // namespace nogood::rules::detail
