// A JSON report of an earlier run, read back to compare runs (`check --baseline`, `diff`): the
// verdicts it held, with what a comparison shows of them. Filled by the facts library.
#pragma once

#include <string>
#include <vector>

namespace nogood::engine {

struct SavedVerdict {
  std::string id, rule, severity, message;
  std::vector<std::string> sources;
  bool accepted = false;
};

struct SavedReport {
  std::string file;  // as given
  std::vector<SavedVerdict> verdicts;
};

}  // namespace nogood::engine
