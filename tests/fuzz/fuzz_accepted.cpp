// libFuzzer harness: an accepted.json through its loader, and what it accepted written back and
// read again, which must give the same entries.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "nogood/facts/accepted.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  nogood::SourceManager sources;
  nogood::Diagnostics diags;
  auto entries = nogood::facts::load_accepted_text("accepted.json", std::string(reinterpret_cast<char const*>(data), size), sources, diags);
  for (auto const& d : diags.all())
    if (d.primary && d.primary->span.valid()) (void)sources.line_col(d.primary->span.file, d.primary->span.begin);
  if (!entries) return 0;
  nogood::Diagnostics again;
  auto back = nogood::facts::load_accepted_text("accepted.json", nogood::facts::accepted_text(*entries), sources, again);
  if (!back || back->size() != entries->size()) std::abort();
  for (std::size_t i = 0; i < entries->size(); ++i)
    if ((*back)[i].id != (*entries)[i].id || (*back)[i].reason != (*entries)[i].reason || (*back)[i].by != (*entries)[i].by ||
        (*back)[i].date != (*entries)[i].date)
      std::abort();
  return 0;
}
