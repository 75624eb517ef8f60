// libFuzzer harness: `nogood fix` on a facts file and the article its source names. The input is
// a mode byte ('1': JSON Lines, else one JSON file), the facts text, a zero byte, then the article,
// which is written to `article.txt` in a scratch folder the facts file sits in.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "nogood/facts/quote_fix.hpp"

namespace {

// In $TMPDIR (tests/fuzz/run points it at its work folder), made once per process.
std::filesystem::path const& scratch() {
  static std::filesystem::path const dir = [] {
    auto pattern = (std::filesystem::temp_directory_path() / "nogood-fuzz-fix-XXXXXX").string();
    char* made = ::mkdtemp(pattern.data());
    if (!made) std::abort();
    return std::filesystem::path(made);
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size < 1) return 0;
  std::string_view input(reinterpret_cast<char const*>(data) + 1, size - 1);
  bool const json_lines = data[0] == '1';
  auto const split = input.find('\0');
  std::string facts(input.substr(0, split));
  std::string article(split == std::string_view::npos ? std::string_view() : input.substr(split + 1));
  std::ofstream(scratch() / "article.txt", std::ios::binary | std::ios::trunc) << article;
  nogood::SourceManager sources;
  nogood::Diagnostics diags;
  auto fix = nogood::facts::fix_quotes_text(json_lines ? "fuzz.jsonl" : "fuzz.json", facts, json_lines, scratch(), {scratch()}, sources, diags);
  // What the command prints reads every change and every located diagnostic.
  for (auto const& c : fix.changes) (void)(c.pointer.size() + c.old_quote.size() + c.new_quote.size());
  for (auto const& d : diags.all())
    if (d.primary && d.primary->span.valid()) (void)sources.line_col(d.primary->span.file, d.primary->span.begin);
  return 0;
}
