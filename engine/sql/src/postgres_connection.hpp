// One libpq connection: statements, and COPY in both directions in PostgreSQL's text format.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

typedef struct pg_conn PGconn;

namespace nogood::sql::detail {

struct Libpq;

// What the server said when a statement failed.
struct ServerError {
  std::string sqlstate;  // e.g. 57014, a statement cancelled by statement_timeout
  std::string message;   // the primary message, without the severity prefix
};

class PgConnection {
public:
  // Connects; on failure error() says why (libpq's words).
  explicit PgConnection(std::string const& uri);
  ~PgConnection();
  PgConnection(PgConnection const&) = delete;
  PgConnection& operator=(PgConnection const&) = delete;

  bool connected() const;
  // Whether libpq could be loaded at all: when not, error() says why and no server was tried.
  bool has_library() const { return pq_ != nullptr; }
  // Runs statements that return no rows; the rows they changed (INSERT), or nullopt on failure.
  std::optional<std::uint64_t> execute(std::string const& sql);
  // COPY table (columns) FROM STDIN: `rows` is called with a buffer to append lines to until it
  // returns false; the buffer is sent whenever it passes a megabyte.
  bool copy_in(std::string const& copy_statement, std::function<bool(std::string&)> const& rows);
  // COPY (query) TO STDOUT: each row's fields (NULL as nullopt) passed to `row`.
  bool copy_out(std::string const& copy_statement, std::function<void(std::vector<std::optional<std::int64_t>> const&)> const& row);
  ServerError const& error() const { return error_; }

private:
  bool finish_copy();
  void fail_from_connection();
  Libpq const* pq_ = nullptr;
  PGconn* conn_ = nullptr;
  ServerError error_;
};

}  // namespace nogood::sql::detail
