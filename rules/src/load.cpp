#include "nogood/rules/load.hpp"

#include <map>

#include "nogood/rules/parse.hpp"
#include "read_rules_file.hpp"

namespace nogood::rules {

namespace fs = std::filesystem;

std::optional<std::string> read_text_file(fs::path const& path, Diagnostics& diags) {
  auto r = read_rules_file(path);
  if (r.text) return r.text;
  Diagnostic d = make_error("E0001", r.problem == ReadProblem::directory
                                         ? "`" + path.string() + "` is a directory, not a file"
                                         : "cannot read `" + path.string() + "`: " + describe(r.problem));
  d.file_name = path.string();
  switch (r.problem) {
    case ReadProblem::directory: d.with_help("name a file, or pass the folder as the corpus"); break;
    case ReadProblem::not_regular: d.with_help("rules are read from regular files only"); break;
    case ReadProblem::too_large: d.with_help("split the rules into files that import one another"); break;
    default: d.with_help("check the path; relative paths start from the current directory"); break;
  }
  diags.report(std::move(d));
  return std::nullopt;
}

namespace {

// The path with every symbolic link of its existing part followed, made absolute first so that
// a path whose first folder does not exist still compares with the root.
fs::path resolved(fs::path const& path) {
  std::error_code ec;
  auto abs = fs::absolute(path, ec);
  auto out = fs::weakly_canonical(ec ? path : abs, ec);
  return ec ? abs.lexically_normal() : out;
}

bool inside(fs::path const& path, fs::path const& root) {
  auto rel = path.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

class ImportLoader {
public:
  ImportLoader(SourceManager& sources, Diagnostics& diags) : sources_(sources), diags_(diags) {}

  // A file given by the user; its imports stay inside `root` (the corpus folder, or the file's own).
  void load_top(fs::path const& path, fs::path const& root) {
    root_ = resolved(root);
    load_file(path, std::nullopt);
  }

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
      text = read_import(path, path.lexically_normal().string(), *imported_at);
      if (!text) return;
    } else {
      text = read_text_file(path, diags_);
      if (!text) return;
    }
    add(path.string(), std::move(*text), path.parent_path(), key);
  }

  void set_root(fs::path const& root) { root_ = resolved(root); }

  void add(std::string name, std::string text, fs::path const& base, std::string const& key) {
    state_[key] = State::loading;
    stack_.push_back(key);
    auto id = sources_.add(std::move(name), std::move(text));
    auto program = parse(sources_, id, diags_);
    if (program) {
      for (auto const& st : program->statements)
        if (auto imp = std::get_if<ast::Import>(&st)) import(base, *imp);
      out_.push_back(std::move(*program));
    }
    stack_.pop_back();
    state_[key] = State::done;
  }

  std::vector<ast::Program> take() { return std::move(out_); }

private:
  void refuse(char const* code, std::string message, Span at, std::string label, std::string help) {
    diags_.report(make_error(code, std::move(message))
                      .with_primary(at, std::move(label))
                      .with_note("an import names a .rules file inside `" + root_.string() + "`, relative to the importing file")
                      .with_help(std::move(help)));
  }

  // Rules and imports come from other people: an import may name a .rules file inside the root
  // and nothing else, whatever symbolic links it passes through.
  void import(fs::path const& base, ast::Import const& imp) {
    auto const& written = imp.path.value;
    auto at = imp.path.span;
    fs::path named(written);
    if (named.is_absolute() || named.has_root_name()) {
      refuse("E0232", "import of an absolute path `" + written + "`", at, "absolute path",
             "copy the file into the corpus and import it by a relative path");
      return;
    }
    if (named.extension() != ".rules") {
      refuse("E0233", "import of `" + written + "`, which is not a `.rules` file", at, "not a .rules file",
             "rules files end in `.rules`; rename the file, or import the right one");
      return;
    }
    auto path = base / named;
    if (!inside(resolved(path), root_)) {
      refuse("E0234", "import of `" + written + "` leads outside `" + root_.string() + "`", at, "outside the corpus",
             "copy the file into the corpus (a symbolic link out of it does not count)");
      return;
    }
    load_file(path, at);
  }

  std::optional<std::string> read_import(fs::path const& path, std::string const& shown, Span at) {
    auto r = read_rules_file(path);
    if (r.problem == ReadProblem::missing) {
      diags_.report(make_error("E0231", "cannot import `" + path.string() + "`: no such file")
                        .with_primary(at, "imported here")
                        .with_help("import paths are relative to the importing file"));
      return std::nullopt;
    }
    if (!r.text) {
      refuse("E0235", "cannot import `" + shown + "`: " + describe(r.problem), at, "imported here",
             r.problem == ReadProblem::too_large ? "split it into smaller files that import one another"
                                                  : "import a regular .rules file");
      return std::nullopt;
    }
    // Binary content is not rules text: say so without echoing any of it.
    if (r.text->find('\0') != std::string::npos) {
      refuse("E0236", "`" + shown + "` is not a rules text file (it holds NUL bytes)", at, "imported here",
             "import a .rules file written as UTF-8 text");
      return std::nullopt;
    }
    return r.text;
  }


  enum class State { loading, done };
  SourceManager& sources_;
  Diagnostics& diags_;
  std::map<std::string, State> state_;
  std::vector<std::string> stack_;
  std::vector<ast::Program> out_;
  fs::path root_;
};

}  // namespace

std::vector<ast::Program> load_rules(std::vector<fs::path> const& files, SourceManager& sources, Diagnostics& diags,
                                     std::optional<fs::path> const& corpus) {
  ImportLoader loader(sources, diags);
  for (auto const& f : files) {
    bool in_corpus = corpus && inside(resolved(f), resolved(*corpus));
    auto root = in_corpus ? *corpus : f.parent_path().empty() ? fs::path(".") : f.parent_path();
    loader.load_top(f, root);
  }
  return loader.take();
}

std::vector<ast::Program> load_rules_text(std::string name, std::string text, fs::path const& base, SourceManager& sources,
                                          Diagnostics& diags) {
  ImportLoader loader(sources, diags);
  loader.set_root(base);
  loader.add(name, std::move(text), base, "<text>" + name);
  return loader.take();
}

}  // namespace nogood::rules
