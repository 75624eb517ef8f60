// nogood fix [CORPUS | FILE...]: each quote's `at` filled in or corrected from its article, and
// quotes that are the article's passage once punctuation, spaces and diacritics are normalised
// replaced by the article's characters; files are rewritten in place (atomically, keeping every
// other byte), or with --dry-run / --check only reported. Exit codes: 0 every quote checks (after
// the changes), 1 a quote could not be fixed, or --dry-run/--check found something to change,
// 2 bad input or usage.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "nogood/facts/quote_fix.hpp"
#include "render_diagnostics.hpp"

namespace nogood::cli {

namespace fs = std::filesystem;
using facts::FileFix;
using facts::QuoteChange;

int print_fix_help() {
  std::cout << "nogood fix: fill in or correct each quote's `at` from the article texts, in place\n\n"
               "usage: nogood fix [CORPUS | FILE.json | FILE.jsonl ...] [--facts FILE]... [--texts DIR]... [options]\n\n"
               "  for each claim with a quote, in the facts files of CORPUS/facts and CORPUS/sources (default:\n"
               "  the current folder) or in the files named:\n"
               "    - a quote found verbatim: `at` set to its offset (added when missing); when the quote occurs\n"
               "      several times, the occurrence nearest the old `at` (the first when there was none)\n"
               "    - a quote found only once apostrophes, quotation marks, dashes, spaces and Arabic and Hebrew\n"
               "      diacritics are normalised: the quote replaced by the article's characters, and `at` set,\n"
               "      when that passage is unique or is the one `at` names; otherwise reported (E0323)\n"
               "    - a quote not found: reported with the nearest passage and what differs (E0316)\n"
               "  only those values change; every other byte of the file stays as it was\n\n"
               "  --facts FILE         a facts file, .json per source or .jsonl bulk (repeatable)\n"
               "  --texts DIR          where article texts are found, by file name (repeatable)\n"
               "  --dry-run            write nothing; print what would change\n"
               "  --check              the same, for scripts: exit 1 when something would change\n"
               "  --format FORMAT      text or json (the changes as JSON, on standard output)\n"
               "  --quiet              no line per change, only the summary\n"
               "  --color WHEN         auto, always or never (NO_COLOR is honoured)\n\n"
               "exit: 0 every quote checks, 1 a quote could not be fixed (or, with --dry-run or --check,\n"
               "      something would change), 2 bad input or usage\n"
               "example: nogood fix examples/syria-raid --texts ../shared/seeds --dry-run\n";
  return 0;
}

namespace {

bool facts_file(fs::path const& p) {
  auto name = p.filename().string();
  return !name.starts_with(".") && (p.extension() == ".json" || p.extension() == ".jsonl");
}

// The facts files of a corpus folder, in name order as `check` reads them.
std::vector<fs::path> corpus_facts(fs::path const& folder) {
  std::vector<fs::path> out;
  for (auto sub : {"facts", "sources"}) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (auto it = fs::directory_iterator(folder / sub, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
      if (facts_file(it->path()) && it->is_regular_file(ec)) files.push_back(it->path().lexically_normal());
    std::sort(files.begin(), files.end());
    out.insert(out.end(), files.begin(), files.end());
  }
  return out;
}

std::string what_changed(QuoteChange const& c, bool dry_run) {
  std::string const at_new = std::to_string(c.new_at);
  switch (c.kind) {
    case QuoteChange::Kind::at_corrected: return std::string(dry_run ? "would set" : "set") + " `at` " + c.old_at + " -> " + at_new;
    case QuoteChange::Kind::at_added: return std::string(dry_run ? "would add" : "added") + " `at`: " + at_new;
    case QuoteChange::Kind::quote_corrected: break;
  }
  std::string s = std::string(dry_run ? "would copy" : "copied") + " the article's text into `quote` (at " + at_new + ")";
  if (c.old_at.empty()) s += ", `at` added";
  else if (c.old_at != at_new) s += ", `at` " + c.old_at + " -> " + at_new;
  return s;
}

// Why this occurrence, when the quote is in the article more than once.
std::string which_occurrence(QuoteChange const& c) {
  if (c.occurrences.size() < 2) return {};
  std::string list;
  for (std::size_t i = 0; i < c.occurrences.size() && i < 8; ++i) list += (i ? ", " : "") + std::to_string(c.occurrences[i].at);
  if (c.occurrences.size() > 8) list += ", ...";
  return "the quote occurs " + std::to_string(c.occurrences.size()) + " times (at " + list + "): " +
         (c.old_at.empty() ? "took the first; set `at` to choose another" : "took the one nearest the old `at` " + c.old_at);
}

int write_in_place(FileFix const& f, std::string& error) {
  // Through a symbolic link, the file it leads to is rewritten and the link stays.
  std::error_code ec;
  auto target = fs::canonical(f.name, ec);
  auto path = ec ? fs::path(f.name) : target;
  AtomicFileSink out(path.string());
  struct stat st{};
  if (::stat(path.c_str(), &st) == 0) out.set_mode(st.st_mode & 07777);
  out.write(f.new_text);
  error = out.commit();
  return error.empty() ? 0 : 2;
}

}  // namespace

int run_fix(std::vector<std::string> const& args) {
  CommonOptions o;
  if (auto err = parse_options(args, o)) return usage_error("fix", *err);
  if (o.help) return print_fix_help();
  if (auto err = reject_inapplicable(o, "fix", applicable_options("fix"))) return usage_error("fix", *err);
  if (o.format != "text" && o.format != "json") return usage_error("fix", "fix prints text or json, not " + o.format);
  bool const dry_run = o.dry_run || o.check;
  SourceManager sources;
  Diagnostics diags(200);
  auto style = make_style(o.color, 2);
  auto fail = [&](Diagnostic d) {
    diags.report(std::move(d));
    std::cerr << render_diagnostics_text(diags, sources, style);
    return 2;
  };
  std::vector<fs::path> files;
  std::vector<std::string> folders = o.positional;
  if (o.positional.empty() && o.facts.empty()) folders.push_back(".");
  for (auto const& p : folders) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      auto found = corpus_facts(p);
      if (found.empty()) {
        Diagnostic d = make_error("E0002", "no facts files in `" + (fs::path(p) / "facts").string() + "` or `" + (fs::path(p) / "sources").string() + "`");
        d.file_name = p;
        return fail(std::move(d.with_help("name a corpus folder, or the facts files (.json, .jsonl) to fix")));
      }
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.emplace_back(p);
    }
  }
  for (auto const& f : o.facts) {
    if (f == "-") return usage_error("fix", "fix rewrites files in place: name the file, not standard input");
    files.emplace_back(f);
  }
  for (auto const& f : files)
    if (f.extension() != ".json" && f.extension() != ".jsonl")
      return usage_error("fix", "`" + f.string() + "` is not a facts file: fix reads .json and .jsonl files");
  std::vector<fs::path> text_dirs;
  for (auto const& t : o.texts) {
    std::error_code ec;
    if (!fs::is_directory(t, ec)) {
      Diagnostic d = make_error("E0010", "the texts folder `" + t + "` " + (fs::exists(t, ec) ? "is not a folder" : "does not exist"));
      d.file_name = t;
      return fail(std::move(d.with_help("--texts names the folder that holds the article texts the facts quote")));
    }
    text_dirs.emplace_back(t);
  }

  std::vector<FileFix> fixes;
  bool bad_input = false;
  std::string report;
  std::size_t unreadable = 0, changed_files = 0, changes = 0, added = 0, corrected = 0, copied = 0, unfixed = 0, quotes = 0, unchecked = 0;
  nlohmann::ordered_json json_changes = nlohmann::ordered_json::array();
  for (auto const& path : files) {
    auto f = facts::fix_quotes(path, text_dirs, sources, diags);
    bad_input = bad_input || !f.readable;
    unreadable += !f.readable;
    quotes += f.quotes;
    unfixed += f.unfixed;
    unchecked += f.unchecked;
    for (auto const& c : f.changes) {
      ++changes;
      (c.kind == QuoteChange::Kind::at_added ? added : c.kind == QuoteChange::Kind::at_corrected ? corrected : copied) += 1;
      if (o.format == "json") {
        nlohmann::ordered_json j{{"file", f.name}, {"line", c.line}, {"column", c.column}, {"pointer", c.pointer},
                                 {"change", c.kind == QuoteChange::Kind::at_added ? "at_added" : c.kind == QuoteChange::Kind::at_corrected ? "at_corrected" : "quote_corrected"},
                                 {"old_at", c.old_at.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json::parse(c.old_at)}, {"at", c.new_at},
                                 {"occurrences", c.occurrences.size()}};
        if (c.kind == QuoteChange::Kind::quote_corrected) {
          j["old_quote"] = c.old_quote;
          j["quote"] = c.new_quote;
          auto diffs = nlohmann::ordered_json::array();
          for (auto const& d : c.differences) diffs.push_back({{"quote_at", d.quote_at}, {"article_at", d.article_at}, {"quote", d.quote}, {"article", d.article}});
          j["differences"] = diffs;
        }
        json_changes.push_back(std::move(j));
        continue;
      }
      if (o.quiet) continue;
      std::string where = f.name + ":" + std::to_string(c.line) + ":" + std::to_string(c.column) + ": ";
      report += style.bold(where) + (c.pointer.empty() ? "" : c.pointer + ": ") + what_changed(c, dry_run) + "\n";
      if (c.kind == QuoteChange::Kind::quote_corrected) {
        for (auto const& line : facts::difference_lines(c.differences)) report += "    " + line + "\n";
      }
      if (auto why = which_occurrence(c); !why.empty()) report += "    " + why + "\n";
    }
    if (f.changed()) ++changed_files;
    fixes.push_back(std::move(f));
  }
  // Diagnostics first (what could not be fixed), then what was done.
  if (!diags.all().empty()) std::cerr << render_diagnostics_text(diags, sources, style);
  if (!dry_run)
    for (auto const& f : fixes) {
      if (!f.readable || !f.changed()) continue;
      std::string error;
      if (write_in_place(f, error)) {
        std::cerr << style.red("error[E0004]") << ": " << error << "\n   = note: the file keeps its old content\n"
                  << "   = help: check that the file and its folder are writable\n";
        bad_input = true;
      }
    }
  auto plural = [](std::size_t n, char const* one, char const* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
  std::string summary;
  if (changes == 0 && unreadable) {
    summary = "nothing fixed";
  } else if (changes == 0) {
    summary = "nothing to fix: " + plural(quotes - unfixed, "quote is", "quotes are") + " where `at` says";
  } else {
    std::string parts;
    if (corrected) parts += plural(corrected, "offset corrected", "offsets corrected");
    if (added) parts += (parts.empty() ? "" : ", ") + plural(added, "offset added", "offsets added");
    if (copied) parts += (parts.empty() ? "" : ", ") + plural(copied, "quote copied from its article", "quotes copied from their articles");
    summary = std::string(dry_run ? "would fix " : "fixed ") + plural(changes, "quote", "quotes") + " in " + plural(changed_files, "file", "files") + " (" + parts + ")";
    if (dry_run) summary += "; nothing written";
  }
  if (unreadable) summary += "; " + plural(unreadable, "file", "files") + " could not be read (above)";
  if (unfixed) summary += "; " + plural(unfixed, "quote", "quotes") + " could not be fixed (above)";
  if (unchecked) summary += "; " + plural(unchecked, "quote", "quotes") + " of sources without an article found not checked";
  if (o.format == "json") {
    nlohmann::ordered_json j{{"changes", json_changes}, {"written", !dry_run}, {"files_changed", changed_files}, {"quotes", quotes},
                             {"unfixed", unfixed}, {"unchecked", unchecked}};
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << report << summary << "\n";
  }
  if (bad_input) return 2;
  return unfixed > 0 || (dry_run && changes > 0) ? 1 : 0;
}

}  // namespace nogood::cli
