#include "nogood/facts/quote_fix.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>

#include "article_lookup.hpp"
#include "json_file.hpp"
#include "json_locate.hpp"
#include "nogood/facts/load.hpp"
#include "quote_problem.hpp"

namespace nogood::facts {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

struct Edit {
  std::uint32_t begin, end;  // bytes of the file replaced
  std::string text;
};

class Fixer : public detail::JsonFile {
public:
  Fixer(Diagnostics& diags, FileFix& out, fs::path base, std::vector<fs::path> const& text_dirs, SourceManager& sources, FileId file)
      : JsonFile(diags, out.name), out_(out), base_(std::move(base)), text_dirs_(text_dirs), sources_(sources), file_(file) {}

  void document(json const& doc) {
    if (!doc.is_object()) return;
    auto src = doc.find("source");
    if (src == doc.end() || !src->is_object()) return;
    Article const* article = add_source(*src, "/source");
    auto facts = doc.find("facts");
    if (facts == doc.end() || !facts->is_array()) return;
    for (std::size_t i = 0; i < facts->size(); ++i) claim((*facts)[i], "/facts/" + std::to_string(i), article);
  }

  void record(json const& rec, std::size_t line) {
    line_ = line;
    if (!rec.is_object()) return;
    auto s = rec.find("source");
    if (s == rec.end()) return;  // a background fact or an entity: no quote
    if (s->is_object()) {
      add_source(*s, "/source");
      return;
    }
    if (!s->is_string()) return;
    auto found = by_source_.find(s->get<std::string>());
    claim(rec, "", found == by_source_.end() ? nullptr : found->second);
  }

  std::vector<Edit> edits;

private:
  FileFix& out_;
  fs::path base_;
  std::vector<fs::path> const& text_dirs_;
  SourceManager& sources_;
  FileId file_;
  std::map<std::string, std::unique_ptr<Article>> articles_;  // by `text`
  std::map<std::string, Article const*> by_source_;           // by source id; nullptr: no article

  Article const* add_source(json const& src, std::string const& ptr) {
    Article const* article = nullptr;
    auto text = src.find("text");
    if (text != src.end() && text->is_string() && !text->get<std::string>().empty()) {
      auto name = text->get<std::string>();
      auto it = articles_.find(name);
      if (it == articles_.end()) {
        auto found = detail::find_article(base_, name, text_dirs_);
        std::size_t bad;
        if (found && !valid_utf8(found->text, bad)) {
          error("E0317", ptr + "/text", "the article `" + found->path.string() + "` is not UTF-8 (at byte " + std::to_string(bad) + ")",
                "save the article as UTF-8");
          found.reset();
        } else if (!found) {
          warning("W0301", ptr + "/text", "the quotes of this source are not fixed: article text `" + name + "` not found",
                  "pass the folder that holds the article texts with --texts DIR");
        }
        it = articles_.emplace(name, found ? std::make_unique<Article>(found->text) : nullptr).first;
      }
      article = it->second.get();
    }
    if (auto id = src.find("id"); id != src.end() && id->is_string()) by_source_[id->get<std::string>()] = article;
    return article;
  }

  // Line and column of the value at `pointer`, and its bytes in the file.
  std::optional<std::pair<std::uint32_t, std::uint32_t>> bytes_of(std::string const& pointer) {
    auto r = detail::locate_json_pointer(doc_, pointer);
    if (!r) return std::nullopt;
    return std::pair{doc_offset_ + r->first, doc_offset_ + r->second};
  }

  void claim(json const& f, std::string const& ptr, Article const* article) {
    if (!f.is_object()) return;
    auto q = f.find("quote");
    if (q == f.end() || !q->is_string() || q->get_ref<std::string const&>().empty()) return;
    auto const& quote = q->get_ref<std::string const&>();
    if (!article) {
      ++out_.unchecked;
      return;
    }
    ++out_.quotes;
    std::optional<std::int64_t> at;
    auto a = f.find("at");
    if (a != f.end() && a->is_number_integer()) at = a->get<std::int64_t>();
    if (at && article->has_at(quote, *at)) return;
    auto search = article->search(quote);
    using Kind = QuoteSearch::Kind;
    Passage chosen;
    bool fixable = search.kind == Kind::exact;
    if (search.kind == Kind::exact) chosen = nearest_to(search.passages, at.value_or(-1));
    if (search.kind == Kind::loose) {
      chosen = nearest_to(search.passages, at.value_or(-1));
      fixable = search.passages.size() == 1 || (at && chosen.at == *at);
    }
    if (!fixable) {
      ++out_.unfixed;
      auto problem = detail::quote_problem(*article, quote, at, search);
      if (!problem) return;
      if (search.kind == Kind::loose) problem->diagnostic.with_note("not fixed: which passage is meant is not clear");
      report(std::move(problem->diagnostic), ptr + problem->pointer);
      return;
    }
    QuoteChange change;
    change.pointer = ptr;
    change.new_at = chosen.at;
    change.occurrences = search.passages;
    if (a != f.end()) change.old_at = a->dump();
    change.kind = a == f.end() ? QuoteChange::Kind::at_added : QuoteChange::Kind::at_corrected;
    auto quote_bytes = bytes_of(ptr + "/quote");
    if (!quote_bytes) return;  // cannot happen for a parsed document; never edit blindly
    if (search.kind == Kind::loose) {
      change.kind = QuoteChange::Kind::quote_corrected;
      change.old_quote = quote;
      change.new_quote = article->passage(chosen);
      change.differences = article->differences(quote, chosen);
      edits.push_back({quote_bytes->first, quote_bytes->second, json(change.new_quote).dump()});
    }
    auto place = sources_.line_col(file_, quote_bytes->first);
    if (a != f.end()) {
      auto at_bytes = bytes_of(ptr + "/at");
      if (!at_bytes) return;
      if (!at || *at != chosen.at) edits.push_back({at_bytes->first, at_bytes->second, std::to_string(chosen.at)});
      if (change.kind != QuoteChange::Kind::quote_corrected) place = sources_.line_col(file_, at_bytes->first);
    } else {
      edits.push_back({quote_bytes->second, quote_bytes->second, ", \"at\": " + std::to_string(chosen.at)});
    }
    change.line = place.line;
    change.column = place.column;
    out_.changes.push_back(std::move(change));
  }
};

std::string apply(std::string text, std::vector<Edit> edits) {
  std::sort(edits.begin(), edits.end(), [](Edit const& x, Edit const& y) { return x.begin > y.begin; });
  for (auto const& e : edits) text.replace(e.begin, e.end - e.begin, e.text);
  return text;
}

}  // namespace

FileFix fix_quotes_text(std::string name, std::string text, bool json_lines, fs::path const& base, std::vector<fs::path> const& text_dirs,
                        SourceManager& sources, Diagnostics& diags) {
  FileFix out;
  out.name = name;
  out.old_text = text;
  out.new_text = text;
  auto file = sources.add(name, std::move(text));
  std::string_view t = sources.file(file).text;
  if (t.size() >= 3 && t.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    diags.report(make_error("E0318", "the file starts with a byte order mark").with_primary(Span{file, 0, 3}, "BOM").with_help("save the file as UTF-8 without BOM"));
    return out;
  }
  std::size_t bad;
  if (!valid_utf8(t, bad)) {
    diags.report(make_error("E0317", "invalid UTF-8 at byte " + std::to_string(bad))
                     .with_primary(Span{file, static_cast<std::uint32_t>(bad), static_cast<std::uint32_t>(bad + 1)}, "not UTF-8")
                     .with_help("save the file as UTF-8"));
    return out;
  }
  Fixer fixer(diags, out, base, text_dirs, sources, file);
  out.readable = true;
  if (!json_lines) {
    fixer.set_document(t, 0, [file] { return file; });
    auto doc = fixer.parse(t, file, 0);
    if (!doc) {
      out.readable = false;
      return out;
    }
    fixer.document(*doc);
  } else {
    std::size_t start = 0, line = 0;
    while (start < t.size()) {
      auto end = t.find('\n', start);
      if (end == std::string_view::npos) end = t.size();
      ++line;
      auto l = t.substr(start, end - start);
      if (l.find_first_not_of(" \t\r") != std::string_view::npos) {
        fixer.set_document(l, static_cast<std::uint32_t>(start), [file] { return file; });
        if (auto rec = fixer.parse(l, file, static_cast<std::uint32_t>(start))) fixer.record(*rec, line);
        else out.readable = false;
      }
      start = end + 1;
    }
    if (!out.readable) return out;  // a file with a malformed line is not rewritten
  }
  out.new_text = apply(out.old_text, std::move(fixer.edits));
  return out;
}

FileFix fix_quotes(fs::path const& path, std::vector<fs::path> const& text_dirs, SourceManager& sources, Diagnostics& diags) {
  auto text = detail::read_file(path, diags);
  if (!text) {
    FileFix out;
    out.name = path.string();
    return out;
  }
  return fix_quotes_text(path.string(), std::move(*text), path.extension() == ".jsonl", path.parent_path(), text_dirs, sources, diags);
}

}  // namespace nogood::facts
