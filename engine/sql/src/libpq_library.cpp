#include "libpq_library.hpp"

#include <dlfcn.h>

namespace nogood::sql::detail {

namespace {

struct Loaded {
  Libpq functions{};
  std::string error;
  bool ok = false;
};

template <class F>
bool resolve(void* handle, char const* name, F& target, std::string& error) {
  target = reinterpret_cast<F>(dlsym(handle, name));
  if (!target && error.empty()) error = std::string("libpq has no `") + name + "`";
  return target != nullptr;
}

Loaded load() {
  Loaded l;
  // The run-time library's soname: Debian's libpq5, which libpq-dev depends on.
  void* handle = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    char const* why = dlerror();
    l.error = std::string("cannot load libpq (") + (why ? why : "libpq.so.5 not found") + "); install Debian's libpq5";
    return l;
  }
  auto& f = l.functions;
  bool ok = true;
  ok &= resolve(handle, "PQconnectdbParams", f.connectdb_params, l.error);
  ok &= resolve(handle, "PQfinish", f.finish, l.error);
  ok &= resolve(handle, "PQstatus", f.status, l.error);
  ok &= resolve(handle, "PQerrorMessage", f.error_message, l.error);
  ok &= resolve(handle, "PQexec", f.exec, l.error);
  ok &= resolve(handle, "PQresultStatus", f.result_status, l.error);
  ok &= resolve(handle, "PQresultErrorField", f.result_error_field, l.error);
  ok &= resolve(handle, "PQresultErrorMessage", f.result_error_message, l.error);
  ok &= resolve(handle, "PQcmdTuples", f.cmd_tuples, l.error);
  ok &= resolve(handle, "PQclear", f.clear, l.error);
  ok &= resolve(handle, "PQgetResult", f.get_result, l.error);
  ok &= resolve(handle, "PQputCopyData", f.put_copy_data, l.error);
  ok &= resolve(handle, "PQputCopyEnd", f.put_copy_end, l.error);
  ok &= resolve(handle, "PQgetCopyData", f.get_copy_data, l.error);
  ok &= resolve(handle, "PQfreemem", f.freemem, l.error);
  l.ok = ok;
  return l;  // the handle stays open: the functions are used until the process ends
}

}  // namespace

Libpq const* libpq(std::string& why) {
  static Loaded const loaded = load();
  if (!loaded.ok) why = loaded.error;
  return loaded.ok ? &loaded.functions : nullptr;
}

}  // namespace nogood::sql::detail
