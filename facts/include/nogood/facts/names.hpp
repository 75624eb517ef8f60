// Interim: name matching across scripts is being written; exact equality until then.
#pragma once
#include <string>
#include <string_view>
namespace nogood::facts {
enum class NameMatch { none, partial, full };
struct NameComparison {
  NameMatch match = NameMatch::none;
  std::string reason;
};
class NameMatcher {
public:
  NameComparison compare(std::string_view a, std::string_view b) {
    return a == b ? NameComparison{NameMatch::full, "the names are identical"} : NameComparison{};
  }
};
}  // namespace nogood::facts
