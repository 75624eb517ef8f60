// A corpus folder: rules/*.rules, facts/ or sources/ with *.json and *.jsonl, entities.json,
// accepted.json.
// Files are taken in name order so runs are reproducible. Everything else in the folder is looked
// at too, so that nothing meant as input is skipped without a word: a misnamed folder (`fact/`),
// an extension in the wrong case (`.JSON`), a folder, FIFO or broken link named like an input.
#include <algorithm>
#include <cctype>

#include "nogood/session.hpp"

namespace nogood {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class Discovery {
public:
  Discovery(fs::path const& folder, Diagnostics& diags) : folder_(folder), diags_(diags) {}

  void top_level(Inputs& in) {
    for (auto const& [path, name] : entries(folder_)) {
      if (name == "rules" || name == "facts" || name == "sources" || name == "texts") {
        if (!is_folder(path)) not_readable(path, "a folder", "rename it, or make it the folder it should be");
        continue;
      }
      if (name == "entities.json") {
        if (regular(path, "entity lists")) in.entities = path;
        continue;
      }
      if (name == "accepted.json") {
        if (regular(path, "lists of accepted verdicts")) in.accepted = path;
        continue;
      }
      if (is_folder(path)) {
        auto near = closest_match(lower(name), {"rules", "facts", "sources", "texts"});
        warn("W0001", path, "unknown folder `" + name + "` in the corpus: nothing in it is read",
             near.empty() ? "a corpus reads rules/, facts/ and sources/ (texts/ may hold articles); move the files there"
                          : "did you mean `" + near + "/`? rename the folder");
        continue;
      }
      auto ext = lower(path.extension().string());
      if (lower(name) == "entities.json")
        warn("W0002", path, "`" + name + "` is not read: the entity file is named `entities.json`, in lower case",
             "rename it to `entities.json`");
      else if (lower(name) == "accepted.json")
        warn("W0002", path, "`" + name + "` is not read: the list of accepted verdicts is named `accepted.json`, in lower case",
             "rename it to `accepted.json`");
      else if (ext == ".json" || ext == ".jsonl" || ext == ".rules")
        warn("W0002", path, "`" + name + "` is not read: inputs at the top of a corpus are not",
             ext == ".rules" ? "move it into rules/" : "move it into facts/");
      // Other files (a README, notes, article texts) are the analyst's own: not inputs.
    }
  }

  std::vector<fs::path> inputs(fs::path const& dir, std::vector<std::string_view> const& extensions, char const* what) {
    std::vector<fs::path> out;
    if (!is_folder(dir)) return out;
    for (auto const& [path, name] : entries(dir)) {
      auto ext = path.extension().string();
      bool named = std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
      bool miscased = !named && std::find(extensions.begin(), extensions.end(), lower(ext)) != extensions.end();
      if (named) {
        if (regular(path, what)) out.push_back(path);
      } else if (miscased) {
        warn("W0002", path, "`" + name + "` is not read: extensions are lower case",
             "rename it to `" + path.stem().string() + lower(ext) + "`");
      } else if (!is_folder(path) && (ext == ".json" || ext == ".jsonl" || ext == ".rules")) {
        warn("W0002", path, "`" + name + "` is not read here: " + std::string(what) + " end in " + list(extensions),
             ext == ".rules" ? "move it into rules/" : "move it into facts/");
      }
      // Sub-folders (imported rules, article texts) and other files are not inputs.
    }
    std::sort(out.begin(), out.end());
    return out;
  }

private:
  std::string list(std::vector<std::string_view> const& extensions) {
    std::string s;
    for (auto e : extensions) s += (s.empty() ? "`" : " or `") + std::string(e) + "`";
    return s;
  }

  // Entries in name order, hidden ones (.git, editor files) left out; a folder that cannot be
  // listed is reported.
  std::vector<std::pair<fs::path, std::string>> entries(fs::path const& dir) {
    std::vector<std::pair<fs::path, std::string>> out;
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      error("E0009", dir, "cannot list `" + dir.string() + "`: " + ec.message(), "check the folder's permissions");
      return out;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) break;
      auto name = it->path().filename().string();
      if (!name.empty() && name[0] != '.') out.emplace_back(it->path(), name);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  static bool is_folder(fs::path const& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
  }

  // A regular file (through links), or a located error saying what it is instead.
  bool regular(fs::path const& path, char const* what) {
    std::error_code ec;
    auto st = fs::status(path, ec);
    if (ec) {
      auto loop = ec == std::errc::too_many_symbolic_link_levels;
      std::error_code lec;
      auto link = fs::is_symlink(fs::symlink_status(path, lec));
      error("E0009", path, "`" + path.string() + "` cannot be read: " +
                               (loop ? std::string("a loop of symbolic links") : link ? std::string("a broken symbolic link") : ec.message()),
            "point the link at a file, or remove it");
      return false;
    }
    if (fs::is_regular_file(st)) return true;
    if (!fs::exists(st)) {
      error("E0009", path, "`" + path.string() + "` cannot be read: a broken symbolic link", "point the link at a file, or remove it");
      return false;
    }
    not_readable(path, what, fs::is_directory(st) ? "rename the folder: a name ending in " + path.extension().string() + " is read as a file"
                                                  : "replace it with a regular file");
    return false;
  }

  void not_readable(fs::path const& path, std::string const& what, std::string const& help) {
    std::error_code ec;
    auto st = fs::status(path, ec);
    std::string is = fs::is_directory(st) ? "a folder" : fs::is_fifo(st) ? "a FIFO" : fs::is_regular_file(st) ? "a file"
                     : !fs::exists(st) ? "a broken link" : "a device or socket";
    error("E0009", path, "`" + path.string() + "` is " + is + ", not " + (what == "a folder" ? what : "a file: " + what + " are files"), help);
  }

  void error(char const* code, fs::path const& path, std::string message, std::string help) {
    Diagnostic d = make_error(code, std::move(message));
    d.file_name = path.string();
    diags_.report(std::move(d.with_help(std::move(help))));
  }
  void warn(char const* code, fs::path const& path, std::string message, std::string help) {
    Diagnostic d = make_warning(code, std::move(message));
    d.file_name = path.string();
    diags_.report(std::move(d.with_help(std::move(help))));
  }

  fs::path folder_;
  Diagnostics& diags_;
};

}  // namespace

std::optional<Inputs> discover_corpus(fs::path const& folder, Diagnostics& diags) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    Diagnostic d = make_error("E0002", "`" + folder.string() + "` is not a corpus folder" + (fs::exists(folder, ec) ? "" : ": no such directory"));
    d.file_name = folder.string();
    diags.report(std::move(d.with_help("a corpus folder holds rules/*.rules, facts/*.json or *.jsonl, and optionally entities.json; or pass --rules and --facts")));
    return std::nullopt;
  }
  Discovery discovery(folder, diags);
  Inputs in;
  in.corpus = folder;
  discovery.top_level(in);
  in.rules = discovery.inputs(folder / "rules", {".rules"}, "rules files");
  for (auto sub : {"facts", "sources"})
    for (auto& f : discovery.inputs(folder / sub, {".json", ".jsonl"}, "facts files")) in.facts.push_back(f);
  if (in.rules.empty()) {
    Diagnostic d = make_error("E0003", "no rules in `" + (folder / "rules").string() + "`");
    d.file_name = folder.string();
    diags.report(std::move(d.with_help("put the rules in files ending in .rules under rules/")));
    return std::nullopt;
  }
  if (in.facts.empty()) {
    Diagnostic d = make_warning("W0003", "the corpus has no facts files: no source is checked");
    d.file_name = folder.string();
    diags.report(std::move(d.with_help("put each source's facts in facts/NAME.json (or bulk records in facts/NAME.jsonl)")));
  }
  if (diags.has_errors()) return std::nullopt;
  return in;
}

}  // namespace nogood
