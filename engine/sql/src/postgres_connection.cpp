#include "postgres_connection.hpp"

#include <charconv>

#include "libpq_library.hpp"

namespace nogood::sql::detail {

namespace {

// libpq ends its messages with a newline, and the server's with detail lines after the first.
std::string first_line(char const* text) {
  std::string s = text ? text : "";
  if (auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
  if (s.rfind("ERROR:  ", 0) == 0) s.erase(0, 8);
  return s;
}

struct Result {
  Libpq const& pq;
  PGresult* r;
  ~Result() { pq.clear(r); }
};

}  // namespace

PgConnection::PgConnection(std::string const& uri) {
  // A server that never answers must not hang the run: 10 seconds unless the URI says otherwise
  // (its parameters, expanded from `dbname`, override those before it).
  char const* const keywords[] = {"connect_timeout", "application_name", "dbname", nullptr};
  char const* const values[] = {"10", "nogood", uri.c_str(), nullptr};
  std::string why;
  pq_ = libpq(why);
  if (!pq_) {
    error_ = {"", why};
    return;
  }
  conn_ = pq_->connectdb_params(keywords, values, 1);
  if (!connected()) fail_from_connection();
}

PgConnection::~PgConnection() {
  if (conn_) pq_->finish(conn_);
}

bool PgConnection::connected() const { return conn_ && pq_->status(conn_) == CONNECTION_OK; }

void PgConnection::fail_from_connection() {
  error_ = {"", first_line(conn_ ? pq_->error_message(conn_) : "out of memory")};
}

std::optional<std::uint64_t> PgConnection::execute(std::string const& sql) {
  Result res{*pq_, pq_->exec(conn_, sql.c_str())};
  auto const status = pq_->result_status(res.r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    if (!res.r) {
      fail_from_connection();
      return std::nullopt;
    }
    char const* state = pq_->result_error_field(res.r, PG_DIAG_SQLSTATE);
    char const* primary = pq_->result_error_field(res.r, PG_DIAG_MESSAGE_PRIMARY);
    error_ = {state ? state : "", primary ? primary : first_line(pq_->result_error_message(res.r))};
    return std::nullopt;
  }
  std::uint64_t rows = 0;
  std::string_view const tuples = pq_->cmd_tuples(res.r);
  std::from_chars(tuples.data(), tuples.data() + tuples.size(), rows);
  return rows;
}

bool PgConnection::finish_copy() {
  bool ok = true;
  while (PGresult* r = pq_->get_result(conn_)) {
    Result res{*pq_, r};
    if (pq_->result_status(r) != PGRES_COMMAND_OK && ok) {
      char const* state = pq_->result_error_field(r, PG_DIAG_SQLSTATE);
      char const* primary = pq_->result_error_field(r, PG_DIAG_MESSAGE_PRIMARY);
      error_ = {state ? state : "", primary ? primary : first_line(pq_->result_error_message(r))};
      ok = false;
    }
  }
  return ok;
}

bool PgConnection::copy_in(std::string const& copy_statement, std::function<bool(std::string&)> const& rows) {
  {
    Result res{*pq_, pq_->exec(conn_, copy_statement.c_str())};
    if (pq_->result_status(res.r) != PGRES_COPY_IN) {
      char const* primary = res.r ? pq_->result_error_field(res.r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
      error_ = {"", primary ? primary : first_line(pq_->error_message(conn_))};
      return false;
    }
  }
  std::string buffer;
  bool more = true, sent = true;
  while (more && sent) {
    more = rows(buffer);
    if (buffer.size() < (1u << 20) && more) continue;
    sent = pq_->put_copy_data(conn_, buffer.data(), static_cast<int>(buffer.size())) == 1;
    buffer.clear();
  }
  if (!sent || pq_->put_copy_end(conn_, nullptr) != 1) {
    fail_from_connection();
    finish_copy();
    return false;
  }
  return finish_copy();
}

bool PgConnection::copy_out(std::string const& copy_statement,
                            std::function<void(std::vector<std::optional<std::int64_t>> const&)> const& row) {
  {
    Result res{*pq_, pq_->exec(conn_, copy_statement.c_str())};
    if (pq_->result_status(res.r) != PGRES_COPY_OUT) {
      char const* primary = res.r ? pq_->result_error_field(res.r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
      error_ = {"", primary ? primary : first_line(pq_->error_message(conn_))};
      return false;
    }
  }
  std::vector<std::optional<std::int64_t>> fields;
  char* line = nullptr;
  int length = 0;
  bool parsed = true;
  while ((length = pq_->get_copy_data(conn_, &line, 0)) > 0) {
    fields.clear();
    char const* p = line;
    char const* const end = line + length - (length > 0 && line[length - 1] == '\n' ? 1 : 0);
    while (p <= end) {
      char const* tab = p;
      while (tab < end && *tab != '\t') ++tab;
      if (tab - p == 2 && p[0] == '\\' && p[1] == 'N') {
        fields.emplace_back();
      } else {
        std::int64_t v = 0;
        if (std::from_chars(p, tab, v).ptr != tab) parsed = false;
        fields.emplace_back(v);
      }
      p = tab + 1;
    }
    pq_->freemem(line);
    if (parsed) row(fields);
  }
  if (length == -2) fail_from_connection();
  bool const ok = finish_copy() && length == -1;
  if (!parsed) error_ = {"", "a value read back is not an integer"};
  return ok && parsed;
}

}  // namespace nogood::sql::detail
