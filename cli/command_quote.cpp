// nogood quote 'TEXT' ARTICLE: where a passage is in an article, as `at` counts (code points from
// 0) and as an editor does (line and column). A passage not there verbatim is looked for with
// punctuation, spaces and diacritics normalised, then as the nearest passage, with what differs.
// Exit codes: 0 found verbatim, 1 not verbatim (the near passage is shown), 2 bad input or usage.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "nogood/facts/load.hpp"
#include "nogood/facts/quotes.hpp"

namespace nogood::cli {

using facts::Article;
using facts::QuoteSearch;

int print_quote_help() {
  std::cout << "nogood quote: where a passage is in an article, for a claim's `quote` and `at`\n\n"
               "usage: nogood quote 'TEXT' ARTICLE [options]\n\n"
               "  TEXT                 the passage, as it would go in `quote` (- reads it from standard input)\n"
               "  ARTICLE              the article's text file (UTF-8)\n"
               "  prints each place the passage starts: its offset in code points from 0 (the `at` of a claim),\n"
               "  line and column; a passage not there verbatim is looked for once apostrophes, quotation marks,\n"
               "  dashes, spaces and Arabic and Hebrew diacritics are normalised, and else the nearest passage\n"
               "  is shown, each with the characters that differ\n\n"
               "  --format FORMAT      text or json\n"
               "  --color WHEN         auto, always or never (NO_COLOR is honoured)\n\n"
               "exit: 0 found verbatim, 1 not verbatim (the nearest passage is shown), 2 bad input or usage\n"
               "example: nogood quote 'was killed in the raid' wire.txt\n";
  return 0;
}

namespace {
int file_error(CommonOptions const& o, std::string const& message, std::string const& help) {
  std::cerr << make_style(o.color, 2).red("error[E0001]") << ": " << message << "\n   = help: " << help << "\n";
  return 2;
}
}  // namespace

int run_quote(std::vector<std::string> const& args) {
  CommonOptions o;
  if (auto err = parse_options(args, o)) return usage_error("quote", *err);
  if (o.help) return print_quote_help();
  if (auto err = reject_inapplicable(o, "quote", applicable_options("quote"))) return usage_error("quote", *err);
  if (o.format != "text" && o.format != "json") return usage_error("quote", "quote prints text or json, not " + o.format);
  if (o.positional.size() != 2)
    return usage_error("quote", o.positional.empty() ? "which passage, in which article? give 'TEXT' ARTICLE"
                                : o.positional.size() == 1 ? "in which article? give the article's text file after the passage"
                                                           : "quote takes a passage and one article, got " + std::to_string(o.positional.size()) + " arguments");
  std::string text = o.positional[0];
  if (text == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();  // the line end a shell or editor adds
  }
  std::string const& path = o.positional[1];
  std::size_t bad;
  if (text.empty()) return usage_error("quote", "the passage is empty");
  if (!facts::valid_utf8(text, bad)) return usage_error("quote", "the passage is not UTF-8 (at byte " + std::to_string(bad) + ")");
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || std::filesystem::is_directory(path, ec))
    return file_error(o, "cannot read `" + path + "`: " + (std::filesystem::is_directory(path, ec) ? "it is a directory" : std::filesystem::exists(path, ec) ? "permission denied" : "no such file"),
                      "name the article's text file, as a facts file's `source.text` does");
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string const bytes = ss.str();
  if (!facts::valid_utf8(bytes, bad))
    return file_error(o, "`" + path + "` is not UTF-8 (at byte " + std::to_string(bad) + ")", "save the article as UTF-8");
  Article article(bytes);
  auto search = article.search(text);
  using Kind = QuoteSearch::Kind;
  auto kind_name = search.kind == Kind::exact ? "exact" : search.kind == Kind::loose ? "normalised" : search.kind == Kind::nearest ? "nearest" : "none";
  if (o.format == "json") {
    nlohmann::ordered_json passages = nlohmann::ordered_json::array();
    for (auto const& p : search.passages) {
      auto place = article.place(p.at);
      nlohmann::ordered_json j{{"at", p.at}, {"length", p.length}, {"line", place.line}, {"column", place.column}, {"text", article.passage(p)}};
      if (search.kind != Kind::exact) {
        auto diffs = nlohmann::ordered_json::array();
        for (auto const& d : article.differences(text, p)) diffs.push_back({{"quote_at", d.quote_at}, {"article_at", d.article_at}, {"quote", d.quote}, {"article", d.article}});
        j["differences"] = diffs;
      }
      passages.push_back(std::move(j));
    }
    nlohmann::ordered_json j{{"article", path}, {"quote", text}, {"found", kind_name}, {"passages", passages}};
    if (search.kind == Kind::nearest) j["edits"] = search.edits;
    std::cout << j.dump(2) << "\n";
    return search.kind == Kind::exact ? 0 : 1;
  }
  auto style = make_style(o.color, 1);
  auto head = [&](facts::Passage p) {
    auto place = article.place(p.at);
    return style.bold(path + ":" + std::to_string(place.line) + ":" + std::to_string(place.column) + ":") + " \"at\": " + std::to_string(p.at);
  };
  switch (search.kind) {
    case Kind::exact:
      for (auto const& p : search.passages) std::cout << head(p) << "\n";
      if (search.passages.size() > 1) std::cout << "the passage occurs " << search.passages.size() << " times\n";
      return 0;
    case Kind::loose:
    case Kind::nearest:
      for (auto const& p : search.passages) {
        std::cout << head(p) << (search.kind == Kind::loose ? ", once " + std::string(facts::normalised_characters) + " are normalised"
                                                            : ", the nearest passage, " + std::to_string(search.edits) + (search.edits == 1 ? " edit" : " edits") + " away")
                  << "\n";
        auto two = facts::side_by_side(text, article.passage(p));
        std::cout << "    " << two.substr(0, two.find('\n')) << "\n    " << two.substr(two.find('\n') + 1) << "\n";
        for (auto const& line : facts::difference_lines(article.differences(text, p))) std::cout << "    " << line << "\n";
      }
      std::cout << "not verbatim in " << path << (search.kind == Kind::loose ? ": copy the article's characters into `quote`\n" : "\n");
      return 1;
    case Kind::none: break;
  }
  std::cout << "not in " << path << ", and no passage of it comes close\n";
  return 1;
}

}  // namespace nogood::cli
