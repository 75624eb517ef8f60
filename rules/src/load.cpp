#include "nogood/rules/load.hpp"

#include <fstream>
#include <map>
#include <sstream>

#include "nogood/rules/parse.hpp"

namespace nogood::rules {

namespace fs = std::filesystem;

std::optional<std::string> read_text_file(fs::path const& path, Diagnostics& diags) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    Diagnostic d = make_error("E0001", "`" + path.string() + "` is a directory, not a file");
    d.file_name = path.string();
    diags.report(std::move(d.with_help("name a file, or pass the folder as the corpus")));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Diagnostic d = make_error("E0001", "cannot read `" + path.string() + "`: " + (fs::exists(path, ec) ? "permission denied" : "no such file"));
    d.file_name = path.string();
    diags.report(std::move(d.with_help("check the path; relative paths start from the current directory")));
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

namespace {

class ImportLoader {
public:
  ImportLoader(SourceManager& sources, Diagnostics& diags) : sources_(sources), diags_(diags) {}

  void load_file(fs::path const& path, std::optional<Span> imported_at) {
    auto key = fs::weakly_canonical(path).string();
    if (auto it = state_.find(key); it != state_.end()) {
      if (it->second == State::loading && imported_at) {
        std::string chain;
        for (auto const& p : stack_) chain += (chain.empty() ? "" : " -> ") + ("`" + fs::path(p).filename().string() + "`");
        diags_.report(make_error("E0230", "import cycle: `" + path.filename().string() + "` imports itself")
                          .with_primary(*imported_at, "this import closes the cycle")
                          .with_note("the cycle: " + chain + " -> `" + path.filename().string() + "`")
                          .with_help("move what both files need into a third file that both import"));
      }
      return;
    }
    std::optional<std::string> text;
    if (imported_at) {
      Diagnostics quiet;
      text = read_text_file(path, quiet);
      if (!text) {
        diags_.report(make_error("E0231", "cannot import `" + path.string() + "`: no such file")
                          .with_primary(*imported_at, "imported here")
                          .with_help("import paths are relative to the importing file"));
        return;
      }
    } else {
      text = read_text_file(path, diags_);
      if (!text) return;
    }
    add(path.string(), std::move(*text), path.parent_path(), key);
  }

  void add(std::string name, std::string text, fs::path const& base, std::string const& key) {
    state_[key] = State::loading;
    stack_.push_back(key);
    auto id = sources_.add(std::move(name), std::move(text));
    auto program = parse(sources_, id, diags_);
    if (program) {
      for (auto const& st : program->statements)
        if (auto imp = std::get_if<ast::Import>(&st)) load_file(base / imp->path.value, imp->path.span);
      out_.push_back(std::move(*program));
    }
    stack_.pop_back();
    state_[key] = State::done;
  }

  std::vector<ast::Program> take() { return std::move(out_); }

private:
  enum class State { loading, done };
  SourceManager& sources_;
  Diagnostics& diags_;
  std::map<std::string, State> state_;
  std::vector<std::string> stack_;
  std::vector<ast::Program> out_;
};

}  // namespace

std::vector<ast::Program> load_rules(std::vector<fs::path> const& files, SourceManager& sources, Diagnostics& diags) {
  ImportLoader loader(sources, diags);
  for (auto const& f : files) loader.load_file(f, std::nullopt);
  return loader.take();
}

std::vector<ast::Program> load_rules_text(std::string name, std::string text, fs::path const& base, SourceManager& sources,
                                          Diagnostics& diags) {
  ImportLoader loader(sources, diags);
  loader.add(name, std::move(text), base, "<text>" + name);
  return loader.take();
}

}  // namespace nogood::rules
