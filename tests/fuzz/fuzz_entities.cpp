// libFuzzer harness: an entities.json through the loader, then a facts file that refers to it,
// and entity resolution.
#include <cstddef>
#include <cstdint>
#include <string>

#include "facts_schema.hpp"
#include "nogood/facts/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  nogood::engine::Corpus corpus;
  nogood::SourceManager sources;
  nogood::Diagnostics diags;
  nogood::facts::FactsLoader loader(fuzz_schema(), corpus, sources, diags);
  loader.load_entities_text("entities.json", std::string(reinterpret_cast<char const*>(data), size));
  loader.load_text("a.json",
                   R"({"nogood": 1, "source": {"id": "a", "language": "ar"},
                       "entities": [{"id": "k", "type": "person", "names": ["خالد المسعود"], "ref": "khaled"}],
                       "facts": [{"pred": "role", "args": ["k", "informant"]}]})",
                   false);
  if (!diags.has_errors()) loader.finish();
  for (auto const& d : diags.all())
    if (d.primary && d.primary->span.valid()) (void)sources.line_col(d.primary->span.file, d.primary->span.begin);
  return 0;
}
