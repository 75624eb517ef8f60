#include "nogood/report/fragments.hpp"

#include <cstdlib>
#include <ctime>

namespace nogood::report {

std::string run_date() {
  std::time_t now = std::time(nullptr);
  if (char const* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long v = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == 0 && v >= 0) now = static_cast<std::time_t>(v);
  }
  std::tm tm{};
  gmtime_r(&now, &tm);
  char day[16];
  std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
  return day;
}

}  // namespace nogood::report
