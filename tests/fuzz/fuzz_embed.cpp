// libFuzzer harness: the regions of a report as `nogood embed` finds them (the first byte picks
// Markdown or HTML), then filling them: fill_regions must keep every byte outside the regions.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "embed_regions.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size == 0) return 0;
  bool const markdown = data[0] & 1;
  nogood::SourceManager sources;
  nogood::Diagnostics diags;
  std::string text(reinterpret_cast<char const*>(data) + 1, size - 1);
  auto file = sources.add("report", text);
  auto regions = nogood::cli::find_regions(sources, file, markdown, diags);
  if (diags.has_errors()) return 0;
  std::vector<std::string> contents;
  for (auto const& r : regions) contents.push_back(nogood::cli::defuse_markers("\n<!-- nogood:end -->\n" + describe(r) + "\n"));
  auto filled = nogood::cli::fill_regions(text, regions, contents);
  // What was generated can never form a marker: the filled report has the same regions.
  nogood::SourceManager again_sources;
  nogood::Diagnostics again_diags;
  auto again = nogood::cli::find_regions(again_sources, again_sources.add("filled", filled), markdown, again_diags);
  if (again_diags.has_errors() || again.size() != regions.size()) std::abort();
  return 0;
}
