// libFuzzer harness: a facts file (the first byte picks JSON or JSON Lines) through the loader and
// entity resolution, as `nogood check` reads it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "facts_schema.hpp"
#include "nogood/facts/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size == 0) return 0;
  bool const json_lines = data[0] & 1;
  nogood::engine::Corpus corpus;
  nogood::SourceManager sources;
  nogood::Diagnostics diags;
  nogood::facts::FactsLoader loader(fuzz_schema(), corpus, sources, diags);
  loader.load_text(json_lines ? "fuzz.jsonl" : "fuzz.json", std::string(reinterpret_cast<char const*>(data) + 1, size - 1), json_lines);
  if (!diags.has_errors()) loader.finish();
  for (auto const& d : diags.all())
    if (d.primary && d.primary->span.valid()) (void)sources.line_col(d.primary->span.file, d.primary->span.begin);
  return 0;
}
