#include "manifest.hpp"

#include <algorithm>

#include "report_paths.hpp"
#include "sha256.hpp"

namespace nogood::report {

namespace {

std::string shell_quote(std::string const& word) {
  bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("-_./=:,@+%").find(c) != std::string_view::npos ||
           static_cast<unsigned char>(c) >= 0x80;
  });
  if (plain) return word;
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::vector<ManifestFile> manifest_files(Session const& session, Manifest const& manifest) {
  std::vector<ManifestFile> out;
  for (auto const& path : manifest.files) {
    ManifestFile f{path, "entities", sha256_file_hex(path)};
    auto const& source_files = session.corpus().source_files;
    bool facts = path.ends_with(".jsonl") || std::find(source_files.begin(), source_files.end(), path) != source_files.end();
    if (path.ends_with(".rules")) f.kind = "rules";
    else if (path == session.accepted_file()) f.kind = "accepted";
    else if (facts) f.kind = "facts";
    f.path = report_path(session, path);
    out.push_back(std::move(f));
  }
  if (!manifest.baseline.empty()) out.push_back({report_path(session, manifest.baseline), "baseline", sha256_file_hex(manifest.baseline)});
  return out;
}

std::string manifest_command_line(Manifest const& manifest) {
  std::string out = "nogood";
  if (!manifest.command.empty()) out += " " + manifest.command;
  for (auto const& o : manifest.options) out += " " + shell_quote(o);
  return out;
}

}  // namespace nogood::report
