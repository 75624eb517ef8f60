// Verdicts an analyst reviewed and accepted as understood (the corpus's accepted.json): each
// with why, who and when. Filled by the facts library, read by the session and by reports.
#pragma once

#include <string>
#include <vector>

#include "nogood/diagnostics.hpp"

namespace nogood::engine {

struct Acceptance {
  std::string id;      // the verdict's id
  std::string reason;  // why it is understood
  std::string by;      // who accepted it
  std::string date;    // when, YYYY-MM-DD
  Span span;           // the entry's `id` in the file, for diagnostics about it
};

}  // namespace nogood::engine
