// How every format words an acceptance: `by rana on 2026-01-31: two raids, a day apart`.
#pragma once

#include <string>

#include "nogood/engine/accepted.hpp"

namespace nogood::report {

inline std::string accepted_line(engine::Acceptance const& a) { return "by " + a.by + " on " + a.date + ": " + a.reason; }

}  // namespace nogood::report
