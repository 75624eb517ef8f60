// The PostgreSQL engine's stages: copy the claims in -> run the strata -> read the derived rows
// and their first derivations back into the native database.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "internal.hpp"
#include "nogood/sql/compile.hpp"
#include "nogood/sql/postgres.hpp"
#include "postgres_connection.hpp"
#include "schema_sql.hpp"

namespace nogood::sql {

using namespace detail;
using engine::RelationId;
using engine::RowId;
using engine::Value;

bool is_postgres_uri(std::string_view uri) { return uri.starts_with("postgresql://") || uri.starts_with("postgres://"); }

namespace {

constexpr std::uint32_t no_rule = 0xffffffffu;

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

class PostgresRun {
public:
  PostgresRun(PgConnection& pg, engine::Program const& program, engine::Database& db, engine::EvalOptions const& options,
              Diagnostics& diags)
      : pg_(pg), program_(program), db_(db), options_(options), diags_(diags), tables_(name_tables(program)) {
    dialect_.temporary = true;
  }

  bool load();
  bool evaluate();
  bool read_back();

private:
  bool statement(std::string const& sql, std::uint32_t rule, std::uint64_t* rows = nullptr);
  void fail(std::uint32_t rule);
  std::string column_list(RelationId r, bool provenance) const;
  RowId native_row(RelationId r, std::int64_t id) const;

  PgConnection& pg_;
  engine::Program const& program_;
  engine::Database& db_;
  engine::EvalOptions const& options_;
  Diagnostics& diags_;
  DialectRules dialect_ = rules_for(Dialect::postgres);
  std::vector<Table> tables_;
  Provenance provenance_{true};
  std::vector<std::uint32_t> preloaded_;            // rows each relation held before evaluation
  std::vector<std::vector<std::int64_t>> derived_;  // per relation, the row numbers read back, in order
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

std::string PostgresRun::column_list(RelationId r, bool provenance) const {
  auto const& t = tables_[r];
  std::vector<std::string> cols;
  for (std::size_t c = 0; c < program_.relations[r].columns.size(); ++c) cols.push_back(dialect_.quote(t.columns[c]));
  if (cols.empty() && !provenance) cols.push_back(dialect_.quote(t.columns[0]));
  cols.push_back(row_column);
  if (provenance) {
    cols.push_back(rule_column);
    for (std::uint32_t a = 0; a < t.atoms; ++a) cols.push_back(body_column(a));
  }
  return join(cols, ", ");
}

// Tables for every relation, then the rows evaluation starts from (claims, sources), each with its
// row number in the native relation so that derivations can name them.
bool PostgresRun::load() {
  std::uint64_t most = 0;
  for (auto const& rel : db_.relations) {
    preloaded_.push_back(rel.size());
    most = std::max<std::uint64_t>(most, rel.size());
  }
  provenance_.first_row = std::max<std::uint64_t>(1, most);
  std::string setup = "SET client_min_messages = warning;\n";
  if (options_.max_seconds > 0)
    setup += "SET statement_timeout = " + std::to_string(static_cast<std::uint64_t>(options_.max_seconds * 1000) + 1) + ";\n";
  setup += dialect_.prelude() + date_prelude(dialect_) + date_rows(dialect_) + create_tables(program_, tables_, dialect_, provenance_);
  // A recursive relation is probed once per derived row (is it new?): an index keeps each probe small.
  for (auto const& t : tables_) {
    if (t.delta.empty()) continue;
    std::vector<std::string> columns;
    for (auto const& c : t.columns) columns.push_back(dialect_.quote(c));
    setup += "CREATE INDEX ON " + dialect_.quote(t.name) + " (" + join(columns, ", ") + ");\n";
  }
  if (!statement(setup, no_rule)) return false;
  std::string analyze;
  for (RelationId r = 0; r < db_.relations.size(); ++r) {
    auto const& rel = db_.relations[r];
    if (rel.size() == 0) continue;
    auto const& types = program_.relations[r].columns;
    RowId next = 0;
    auto rows = [&](std::string& buffer) {
      char number[24];
      for (RowId end = std::min<RowId>(rel.size(), next + 4096); next < end; ++next) {
        auto const* row = rel.row(next);
        for (std::size_t c = 0; c < types.size(); ++c) {
          auto const n = std::snprintf(number, sizeof number, "%lld", static_cast<long long>(sql_value(row[c], types[c])));
          buffer.append(number, std::size_t(n)).push_back('\t');
        }
        if (types.empty()) buffer += "1\t";
        buffer.append(std::to_string(next)).push_back('\n');
      }
      return next < rel.size();
    };
    if (!pg_.copy_in("COPY " + dialect_.quote(tables_[r].name) + " (" + column_list(r, false) + ") FROM STDIN", rows)) {
      fail(no_rule);
      return false;
    }
    analyze += "ANALYZE " + dialect_.quote(tables_[r].name) + ";\n";
  }
  return analyze.empty() || statement(analyze, no_rule);
}

bool PostgresRun::evaluate() {
  for (auto const& s : program_.strata) {
    auto const sql = stratum_sql(program_, tables_, dialect_, s, provenance_);
    std::uint64_t fresh = 0;
    for (std::size_t i = 0; i < sql.once.size(); ++i)
      if (!statement(sql.once[i], sql.once_rules[i], &fresh)) return false;
    // Semi-naive rounds while the last one derived something: the rows of new_ tables are what
    // the round's statements inserted, so their counts say when new_ tables are empty.
    while (sql.recursive && fresh > 0) {
      ++db_.stats.iterations;
      for (auto const& q : sql.advance)
        if (!statement(q, no_rule)) return false;
      fresh = 0;
      for (std::size_t i = 0; i < sql.round.size(); ++i)
        if (!statement(sql.round[i], sql.round_rules[i], &fresh)) return false;
    }
    std::string analyze;
    for (auto r : s.relations) analyze += "ANALYZE " + dialect_.quote(tables_[r].name) + ";\n";
    if (!analyze.empty() && !statement(analyze, no_rule)) return false;
  }
  return true;
}

// Runs one statement; the rows it inserted count as derived, against the limits.
bool PostgresRun::statement(std::string const& sql, std::uint32_t rule, std::uint64_t* rows) {
  auto done = pg_.execute(sql);
  if (!done) {
    fail(rule);
    return false;
  }
  if (!rows) return true;
  *rows += *done;
  db_.stats.derived += *done;
  std::string reason;
  if (db_.stats.derived > options_.max_derived) reason = "more than " + std::to_string(options_.max_derived) + " facts derived";
  std::chrono::duration<double> const spent = std::chrono::steady_clock::now() - started_;
  if (options_.max_seconds > 0 && spent.count() > options_.max_seconds)
    reason = "evaluation took more than " + seconds_text(options_.max_seconds) + " s";
  if (reason.empty()) return true;
  auto const& r = program_.rules[rule];
  auto const& name = program_.relations[r.head].name;
  diags_.report(std::move(make_error("E0401", "evaluation stopped: " + reason)
                              .with_primary(r.span, "`" + name + "` keeps growing through this rule")
                              .with_note("evaluated on PostgreSQL")
                              .with_help("a rule that computes new values in a recursive cycle can derive facts forever, and a join of "
                                         "large relations on no shared variable derives their product; if the program is right, raise "
                                         "the limit with --max-facts or --max-seconds")));
  return false;
}

void PostgresRun::fail(std::uint32_t rule) {
  auto const& e = pg_.error();
  bool const at_rule = rule != no_rule;
  Diagnostic d;
  std::string const overflow = "E0402 integer overflow: ";
  // nogood_int32 and nogood_date give the value and the literal's number: the native engine's
  // diagnostics, at the same literal.
  std::string const out_of_range = "E0403 date out of range: ";
  long long value = 0;
  auto literal_failed = [&](std::string const& prefix, char const* value_after) -> engine::Literal const* {
    auto const at = e.message.find(prefix);
    auto const number = e.message.rfind("(literal ");
    auto const given = e.message.find(value_after, at == std::string::npos ? 0 : at);
    unsigned literal = 0;
    if (at == std::string::npos || number == std::string::npos || given == std::string::npos || !at_rule) return nullptr;
    if (std::sscanf(e.message.c_str() + number, "(literal %u)", &literal) != 1) return nullptr;
    if (std::sscanf(e.message.c_str() + given + std::strlen(value_after), "%lld", &value) != 1) return nullptr;
    return engine::literal_numbered(program_.rules[rule], literal);
  };
  if (auto const* l = literal_failed(out_of_range, "` gives day ")) {
    diags_.report(engine::date_out_of_range(program_, program_.rules[rule], *l, value));
    return;
  }
  if (auto const* l = literal_failed(overflow, "value ")) {
    d = make_error("E0402", "integer overflow: value " + std::to_string(value) + " out of range in `" + l->text + "`");
    d.with_help("ints are 32-bit; check the arithmetic for values that grow without bound");
  } else if (auto at = e.message.find(overflow); at != std::string::npos) {
    d = make_error("E0402", "integer overflow: " + e.message.substr(at + overflow.size()));
    d.with_help("ints are 32-bit; check the arithmetic for values that grow without bound");
  } else if (e.sqlstate == "57014") {  // cancelled by statement_timeout
    d = make_error("E0401", "evaluation stopped: evaluation took more than " + seconds_text(options_.max_seconds) + " s");
    d.with_help("if the program is right, raise the limit with --max-seconds");
  } else {
    d = make_error("E0015", "PostgreSQL failed " + std::string(at_rule ? "evaluating a rule" : "a statement") + ": " + e.message);
    if (!e.sqlstate.empty()) d.with_note("SQLSTATE " + e.sqlstate);
    d.with_help("the server's log may say more; `nogood compile --to sql --dialect postgres` writes the statements to run them by hand");
  }
  if (at_rule) d.with_primary(program_.rules[rule].span, "in this rule");
  diags_.report(std::move(d));
}

RowId PostgresRun::native_row(RelationId r, std::int64_t id) const {
  if (id < 0) return engine::no_row;
  if (std::uint64_t(id) < provenance_.first_row) return static_cast<RowId>(id);
  auto const& ids = derived_[r];
  auto it = std::lower_bound(ids.begin(), ids.end(), id);
  if (it == ids.end() || *it != id) return engine::no_row;
  return static_cast<RowId>(preloaded_[r] + (it - ids.begin()));
}

// Derived rows in the order they were derived, so that a row's body rows come before it; then
// each row's derivation, once every relation's rows have their native numbers.
bool PostgresRun::read_back() {
  derived_.assign(tables_.size(), {});
  std::vector<std::vector<std::int64_t>> derivations(tables_.size());
  std::vector<Value> tuple;
  for (RelationId r = 0; r < tables_.size(); ++r) {
    if (!tables_[r].derived) continue;
    auto const& types = program_.relations[r].columns;
    auto& rel = db_.relations[r];
    std::size_t const width = 1 + tables_[r].atoms;
    bool consistent = true;
    auto row = [&](std::vector<std::optional<std::int64_t>> const& fields) {
      if (fields.size() != types.size() + 1 + width) {
        consistent = false;
        return;
      }
      tuple.clear();
      for (std::size_t c = 0; c < types.size(); ++c) {
        auto const v = fields[c].value_or(0);
        tuple.push_back(is_signed(types[c]) ? engine::pack_int(static_cast<std::int32_t>(v)) : static_cast<Value>(v));
      }
      auto [native, fresh] = rel.insert(tuple.data());
      if (!fresh || native != preloaded_[r] + derived_[r].size()) consistent = false;
      derived_[r].push_back(fields[types.size()].value_or(-1));
      for (std::size_t k = 0; k < width; ++k) derivations[r].push_back(fields[types.size() + 1 + k].value_or(-1));
    };
    std::string const copy = "COPY (SELECT " + column_list(r, true) + " FROM " + dialect_.quote(tables_[r].name) + " WHERE " + rule_column +
                             " IS NOT NULL ORDER BY " + row_column + ") TO STDOUT";
    if (!pg_.copy_out(copy, row)) {
      fail(no_rule);
      return false;
    }
    if (!consistent) {
      diags_.report(std::move(make_error("E0015", "PostgreSQL returned rows of `" + program_.relations[r].name + "` that do not match its table")
                                  .with_help("the temporary tables were changed while nogood ran; run the check again")));
      return false;
    }
  }
  // Without provenance a constraint's rows still keep theirs: a verdict's support is read from it.
  std::vector<RowId> body;
  for (RelationId r = 0; r < tables_.size(); ++r) {
    std::size_t const width = 1 + tables_[r].atoms;
    auto const& raw = derivations[r];
    for (std::size_t k = 0; k * width < raw.size(); ++k) {
      auto const* d = raw.data() + k * width;
      if (d[0] < 0 || std::size_t(d[0]) >= program_.rules.size()) continue;
      auto const rule = static_cast<std::uint32_t>(d[0]);
      if (!options_.provenance && program_.rules[rule].constraint < 0) continue;
      auto const& plan = db_.recovery[rule];
      body.assign(plan.relations.size(), engine::no_row);
      for (std::size_t a = 0; a < plan.relations.size() && a + 1 < width; ++a) body[a] = native_row(plan.relations[a], d[a + 1]);
      auto const local = db_.provenance[r].enrol(rule, plan.stored);
      db_.provenance[r].record(static_cast<RowId>(preloaded_[r] + k), local, body.data());
    }
  }
  return true;
}

}  // namespace

bool evaluate_on_postgres(std::string const& uri, engine::Program const& program, engine::Corpus& corpus, engine::Database& db,
                          engine::EvalOptions const& options, Diagnostics& diags) {
  auto unsupported = check_supported(program, corpus, Dialect::postgres);
  for (auto& d : unsupported) diags.report(std::move(d));
  if (!unsupported.empty()) return false;
  PgConnection pg(uri);
  if (!pg.connected()) {
    diags.report(std::move(make_error("E0014", "cannot connect to PostgreSQL: " + pg.error().message)
                               .with_help(pg.has_library() ? "check the URI given to --engine (postgresql://USER@HOST:PORT/DATABASE, or "
                                                             "postgresql:///DATABASE?host=SOCKET_FOLDER) and that the server runs"
                                                           : "install PostgreSQL's client library (Debian: apt-get install libpq5), or "
                                                             "run without --engine")));
    return false;
  }
  engine::prepare_database(program, corpus, db);
  PostgresRun run(pg, program, db, options, diags);
  return run.load() && run.evaluate() && run.read_back();
}

}  // namespace nogood::sql
