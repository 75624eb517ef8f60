// libpq, loaded when a check first runs on PostgreSQL rather than linked: linked, it and the
// libraries it needs (TLS, Kerberos, LDAP) cost every run about 4 MB of memory and their start-up
// relocations, though most runs never connect.
#pragma once

#include <string>

#include <libpq-fe.h>

namespace nogood::sql::detail {

struct Libpq {
  decltype(&::PQconnectdbParams) connectdb_params;
  decltype(&::PQfinish) finish;
  decltype(&::PQstatus) status;
  decltype(&::PQerrorMessage) error_message;
  decltype(&::PQexec) exec;
  decltype(&::PQresultStatus) result_status;
  decltype(&::PQresultErrorField) result_error_field;
  decltype(&::PQresultErrorMessage) result_error_message;
  decltype(&::PQcmdTuples) cmd_tuples;
  decltype(&::PQclear) clear;
  decltype(&::PQgetResult) get_result;
  decltype(&::PQputCopyData) put_copy_data;
  decltype(&::PQputCopyEnd) put_copy_end;
  decltype(&::PQgetCopyData) get_copy_data;
  decltype(&::PQfreemem) freemem;
};

// The library, loaded on first use (once, from any thread), or null: `why` then says what failed.
Libpq const* libpq(std::string& why);

}  // namespace nogood::sql::detail
