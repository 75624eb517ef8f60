// libFuzzer harness: a rules file through the parser and the checker, as `nogood lint` reads it.
// Any input must give a program or diagnostics: never a crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <string>

#include "nogood/rules/check.hpp"
#include "nogood/rules/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  nogood::SourceManager sources;
  nogood::Diagnostics diags;
  auto file = sources.add("fuzz.rules", std::string(reinterpret_cast<char const*>(data), size));
  auto program = nogood::rules::parse(sources, file, diags);
  if (program && !diags.has_errors()) {
    std::vector<nogood::ast::Program> files;
    files.push_back(std::move(*program));
    (void)nogood::rules::check(files, sources, diags);
  }
  for (auto const& d : diags.all())
    if (d.primary && d.primary->span.valid()) (void)sources.line_col(d.primary->span.file, d.primary->span.begin);
  return 0;
}
