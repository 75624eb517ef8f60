// Dates that are not single days (months, years, intervals, times) compare as intervals in the
// native engine; PostgreSQL and DuckDB scripts compare them with the prelude's functions, Spark SQL
// scripts compile days only, as integers, so they refuse the others rather than compare them wrongly.
#include <string>

#include "nogood/engine/dates.hpp"
#include "nogood/sql/compile.hpp"

namespace nogood::sql {

namespace {

constexpr char const* help = "give single days (YYYY-MM-DD) where the sources do, compile for --dialect postgres or duckdb (which compare intervals), or check this corpus with `nogood check`";

std::optional<Diagnostic> in_claims(engine::Program const& program, engine::Corpus const& corpus) {
  for (engine::PredicateId p = 0; p < program.schema.predicates.size(); ++p) {
    auto const& pred = program.schema.predicates[p];
    if (pred.kind != engine::PredicateKind::claimed) continue;
    for (auto const* rows : {&corpus.positive, &corpus.negative}) {
      if (p >= rows->size()) continue;
      auto const& r = (*rows)[p];
      for (std::size_t i = 0; i < r.claims.size(); ++i)
        for (std::size_t c = 0; c < pred.arity(); ++c) {
          auto const v = r.values[i * pred.arity() + c];
          if (pred.params[c].type != engine::ValueType::date || !engine::is_imprecise_date(v)) continue;
          auto const where = corpus.location(r.claims[i]);
          Diagnostic d = make_error("E0013", "`" + engine::format_date_value(v) + "`, an argument of `" + pred.name +
                                                 "`, is not a single day: the spark dialect compiles single days only");
          if (where.file < corpus.files.size()) d.file_name = corpus.files[where.file];
          if (where.line()) d.with_note("on line " + std::to_string(where.line()));
          else d.json_pointer = where.pointer() + "/args/" + std::to_string(c);
          return std::move(d.with_help(help));
        }
    }
  }
  return std::nullopt;
}

bool imprecise_constant(engine::Expr const& e) {
  if (e.type != engine::ValueType::date) return false;
  for (auto const& s : e.steps)
    if (s.op == engine::Expr::Op::push_const && engine::is_imprecise_date(s.value)) return true;
  return false;
}

bool imprecise_literal(engine::Program const& program, engine::Literal const& l) {
  if (l.kind == engine::Literal::Kind::atom || l.kind == engine::Literal::Kind::negation) {
    auto const& columns = program.relations[l.relation].columns;
    for (std::size_t c = 0; c < l.columns.size() && c < columns.size(); ++c)
      if (columns[c] == engine::ValueType::date && l.columns[c].kind == engine::Operand::Kind::constant &&
          engine::is_imprecise_date(l.columns[c].value))
        return true;
  }
  if (imprecise_constant(l.lhs) || imprecise_constant(l.rhs)) return true;
  if (l.lhs.type == engine::ValueType::date)
    for (auto v : l.set)
      if (engine::is_imprecise_date(static_cast<engine::Value>(v))) return true;
  for (auto const& inner : l.body)
    if (imprecise_literal(program, inner)) return true;
  return false;
}

std::optional<Diagnostic> in_rules(engine::Program const& program) {
  for (auto const& rule : program.rules) {
    for (auto const& l : rule.body)
      if (imprecise_literal(program, l))
        return std::move(make_error("E0013", "a date in this rule is not a single day: the spark dialect compiles single days only")
                             .with_primary(l.span.valid() ? l.span : rule.span, "here")
                             .with_help(help));
  }
  return std::nullopt;
}

}  // namespace

std::vector<Diagnostic> check_supported(engine::Program const& program, engine::Corpus const& corpus, Dialect dialect) {
  std::vector<Diagnostic> out;
  if (rules_for(dialect).has_date_intervals()) return out;
  if (auto d = in_claims(program, corpus)) out.push_back(std::move(*d));
  if (auto d = in_rules(program)) out.push_back(std::move(*d));
  return out;
}

}  // namespace nogood::sql
