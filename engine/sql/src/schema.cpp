// Tables, the dictionary and the claims: load.sql, and results.sql that reads every relation back.
#include <algorithm>
#include <cctype>
#include <climits>
#include <set>

#include "internal.hpp"
#include "schema_sql.hpp"

namespace nogood::sql::detail {

using engine::ValueType;

namespace {
std::string sanitize(std::string_view name) {
  std::string out;
  for (unsigned char c : name) out += (std::isalnum(c) || c == '_') && c < 0x80 ? char(c) : '_';
  return out;
}
}  // namespace

// `role` -> p_role, `-role` -> n_role (claims that it is false), `constraint x` -> c_x: the prefixes
// keep a predicate's table apart from another's negation or a constraint of the same name.
std::vector<Table> name_tables(engine::Program const& program) {
  std::vector<Table> out;
  std::set<std::string> used;
  std::vector<bool> recursive(program.relations.size(), false);
  std::vector<bool> derived(program.relations.size(), false);
  std::vector<std::uint32_t> atoms(program.relations.size(), 0);
  for (auto const& rule : program.rules) {
    derived[rule.head] = true;
    std::uint32_t n = 0;
    for (auto const& l : rule.body) n += l.kind == engine::Literal::Kind::atom;
    atoms[rule.head] = std::max(atoms[rule.head], n);
  }
  for (auto const& s : program.strata)
    if (s.recursive)
      for (auto r : s.relations) recursive[r] = true;
  for (std::size_t r = 0; r < program.relations.size(); ++r) {
    auto const& decl = program.relations[r];
    std::string base = decl.name.rfind("constraint ", 0) == 0 ? "c_" + sanitize(decl.name.substr(11))
                       : decl.strong_negation || decl.name.rfind('-', 0) == 0 ? "n_" + sanitize(decl.name.substr(1))
                                                                                : "p_" + sanitize(decl.name);
    std::string name = base;
    for (int k = 2; used.count(name); ++k) name = base + "_" + std::to_string(k);
    used.insert(name);
    Table t{name, {}, {}, {}, derived[r], atoms[r]};
    std::set<std::string> cols;
    for (std::size_t c = 0; c < decl.columns.size(); ++c) {
      std::string col = c < decl.column_names.size() && !decl.column_names[c].empty() ? sanitize(decl.column_names[c]) : "c" + std::to_string(c);
      std::string unique = col;
      for (int k = 2; cols.count(unique); ++k) unique = col + "_" + std::to_string(k);
      cols.insert(unique);
      t.columns.push_back(unique);
    }
    if (t.columns.empty()) t.columns.push_back("present");
    if (recursive[r]) {
      t.delta = "delta_" + name;
      t.fresh = "new_" + name;
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::string dictionary_kind(ValueType t) {
  switch (t) {
    case ValueType::entity: return "entity";
    case ValueType::symbol:
    case ValueType::string: return "string";
    case ValueType::source: return "source";
    default: return {};
  }
}

Dictionary::Dictionary(engine::Corpus const& corpus) : corpus_(corpus) {}

// The built-in `source` relation holds each source's outlet and language, which the native
// engine interns when it loads: ids past the corpus's, in the same order.
std::uint32_t Dictionary::intern(std::string const& s) {
  if (auto id = corpus_.strings.find(s)) return *id;
  auto [it, fresh] = extra_.emplace(s, std::uint32_t(corpus_.strings.size() + order_.size()));
  if (fresh) order_.push_back(s);
  return it->second;
}

std::string Dictionary::statements(DialectRules const& d, std::size_t batch) const {
  std::vector<std::string> rows;
  auto row = [&](char const* kind, std::size_t id, std::string_view text) {
    rows.push_back("('" + std::string(kind) + "', " + std::to_string(id) + ", " + d.string_literal(text) + ")");
  };
  for (std::size_t i = 0; i < corpus_.strings.size(); ++i) row("string", i, corpus_.strings.view(std::uint32_t(i)));
  for (std::size_t i = 0; i < order_.size(); ++i) row("string", corpus_.strings.size() + i, order_[i]);
  for (std::size_t i = 0; i < corpus_.entities.size(); ++i) row("entity", i, corpus_.entities[i].id);
  for (std::size_t i = 0; i < corpus_.sources.size(); ++i) row("source", i, corpus_.sources[i].id);
  return batched_insert(d, "nogood_dictionary", rows, batch);
}

std::string batched_insert(DialectRules const& d, std::string const& table, std::vector<std::string> const& rows, std::size_t batch) {
  std::string out;
  for (std::size_t i = 0; i < rows.size(); i += batch) {
    out += "INSERT INTO " + d.quote(table) + " VALUES\n  ";
    for (std::size_t k = i; k < rows.size() && k < i + batch; ++k) out += (k > i ? ",\n  " : "") + rows[k];
    out += ";\n";
  }
  return out;
}

std::string create_tables(engine::Program const& program, std::vector<Table> const& tables, DialectRules const& d, Provenance provenance) {
  std::string out;
  std::string const integer(d.integer_type());
  auto create = [&](std::string const& name, Table const& t) {
    if (!d.temporary) out += "DROP TABLE IF EXISTS " + d.quote(name) + ";\n";
    out += std::string(d.create_table()) + d.quote(name) + " (";
    for (std::size_t c = 0; c < t.columns.size(); ++c) out += (c ? ", " : "") + d.quote(t.columns[c]) + " " + integer;
    if (provenance.enabled) {
      out += std::string(", ") + row_column + " " + integer;
      if (t.derived) {
        out += std::string(" DEFAULT nextval('") + row_sequence + "'), " + rule_column + " " + integer;
        for (std::uint32_t a = 0; a < t.atoms; ++a) out += ", " + body_column(a) + " " + integer;
      }
    }
    out += ")" + d.create_table_suffix() + ";\n";
  };
  if (provenance.enabled)
    out += std::string(d.temporary ? "CREATE TEMPORARY SEQUENCE " : "CREATE SEQUENCE ") + row_sequence + " START WITH " +
           std::to_string(provenance.first_row) + ";\n";
  for (std::size_t r = 0; r < tables.size(); ++r) {
    out += "-- " + program.relations[r].name + "\n";
    create(tables[r].name, tables[r]);
    if (!tables[r].delta.empty()) {
      create(tables[r].delta, tables[r]);
      create(tables[r].fresh, tables[r]);
    }
  }
  if (d.temporary) return out;  // ids are read back by the engine itself
  // results.sql looks every id up: a key keeps that from scanning the dictionary once a value
  // (Spark SQL tables have no keys).
  std::string const key = d.dialect == Dialect::spark ? "" : ", PRIMARY KEY (kind, id)";
  out += "DROP TABLE IF EXISTS nogood_dictionary;\nCREATE TABLE nogood_dictionary (kind " + std::string(d.text_type()) + ", id BIGINT, text " +
         std::string(d.text_type()) + key + ")" + d.create_table_suffix() + ";\n";
  return out;
}

std::string claim_rows(engine::Program const& program, engine::Corpus const& corpus, std::vector<Table> const& tables,
                       DialectRules const& d, Dictionary& dict, std::size_t batch) {
  std::string out;
  auto fill = [&](engine::RelationId rel, engine::ClaimRows const& rows, std::size_t arity) {
    if (rel == engine::no_relation || rows.claims.empty()) return;
    auto const& decl = program.relations[rel];
    auto const& cols = decl.columns;
    std::vector<std::string> values;
    values.reserve(rows.claims.size());
    for (std::size_t i = 0; i < rows.claims.size(); ++i) {
      auto const& claim = corpus.claims[rows.claims[i]];
      std::string v = "(";
      for (std::size_t c = 0; c < arity; ++c) v += std::to_string(sql_value(rows.values[i * arity + c], cols[c])) + ", ";
      v += std::to_string(claim.source) + ", ";
      if (decl.claimant_column >= 0) v += std::to_string(corpus.claimant(claim)) + ", ";
      if (decl.claimed_certainty_column >= 0) v += std::to_string(int(claim.certainty)) + ", ";
      v += std::to_string(rows.claims[i]) + ")";
      values.push_back(std::move(v));
    }
    out += batched_insert(d, tables[rel].name, values, batch);
  };
  for (engine::PredicateId p = 0; p < program.schema.predicates.size(); ++p) {
    auto const& pred = program.schema.predicates[p];
    if (pred.kind == engine::PredicateKind::claimed) {
      if (p < corpus.positive.size()) fill(program.positive_relation[p], corpus.positive[p], pred.arity());
      if (p < corpus.negative.size()) fill(program.negative_relation[p], corpus.negative[p], pred.arity());
    } else if (pred.kind == engine::PredicateKind::builtin && pred.name == "source") {
      std::vector<std::string> values;
      for (std::uint32_t s = 0; s < corpus.sources.size(); ++s) {
        auto const& src = corpus.sources[s];
        auto published = engine::parse_date(src.published);
        std::uint32_t const outlet = dict.intern(src.outlet.str());
        std::uint32_t const language = dict.intern(src.language.str());
        values.push_back("(" + std::to_string(s) + ", " + std::to_string(outlet) + ", " + std::to_string(language) + ", " +
                         std::to_string(published ? *published : INT32_MIN) + ")");
      }
      out += batched_insert(d, tables[program.positive_relation[p]].name, values, batch);
    }
  }
  return out;
}

// One SELECT per relation: `table|value|...`, ids decoded through the dictionary (`-` for a
// claim of no source), ints, dates (days since 1970-01-01) and certainties as numbers.
std::string results_script(engine::Program const& program, std::vector<Table> const& tables, DialectRules const& d) {
  std::string out;
  for (std::size_t r = 0; r < tables.size(); ++r) {
    auto const& t = tables[r];
    auto const& types = program.relations[r].columns;
    std::vector<std::string> parts{d.string_literal(t.name)};
    for (std::size_t c = 0; c < types.size(); ++c) {
      std::string const col = "t." + d.quote(t.columns[c]);
      std::string const kind = dictionary_kind(types[c]);
      if (kind.empty()) parts.push_back("CAST(" + col + " AS " + std::string(d.text_type()) + ")");
      else
        parts.push_back("COALESCE((SELECT k.text FROM nogood_dictionary k WHERE k.kind = '" + kind + "' AND k.id = " + col + "), '-')");
    }
    out += "SELECT CONCAT_WS('|', " + join(parts, ", ") + ") FROM " + d.quote(t.name) + " t;\n";
  }
  return out;
}

}  // namespace nogood::sql::detail
