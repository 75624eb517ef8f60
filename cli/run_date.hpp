// The day of this run, UTC, as YYYY-MM-DD: SOURCE_DATE_EPOCH when set, so reports can be
// reproduced byte for byte.
#pragma once

#include <string>

namespace nogood::cli {

std::string run_date();

}  // namespace nogood::cli
