#include "quote_problem.hpp"

#include <algorithm>

namespace nogood::facts::detail {

std::string describe_place(Article const& article, std::int64_t at) {
  auto p = article.place(at);
  return std::to_string(at) + " (line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + ")";
}

std::string list_offsets(std::vector<Passage> const& passages, std::size_t limit) {
  std::string out;
  std::size_t const shown = std::min(passages.size(), limit);
  for (std::size_t i = 0; i < shown; ++i)
    out += (i == 0 ? "" : i + 1 == shown && shown == passages.size() ? " and " : ", ") + std::to_string(passages[i].at);
  if (passages.size() > shown) out += " and " + std::to_string(passages.size() - shown) + " more";
  return out;
}

namespace {

// Continuation lines of a note line up under its first line (`   = note: `).
std::string indent(std::string const& text) {
  std::string out;
  for (char c : text) {
    out.push_back(c);
    if (c == '\n') out += "           ";
  }
  return out;
}

void add_comparison(Diagnostic& d, Article const& article, std::string_view quote, Passage p) {
  d.with_note(indent(side_by_side(quote, article.passage(p))));
  auto lines = difference_lines(article.differences(quote, p));
  if (lines.empty()) return;
  std::string text;
  for (auto const& l : lines) text += (text.empty() ? "" : "\n") + l;
  d.with_note(indent(text));
}

}  // namespace

std::optional<QuoteProblem> quote_problem(Article const& article, std::string_view quote, std::optional<std::int64_t> at,
                                          QuoteSearch const& search) {
  using Kind = QuoteSearch::Kind;
  auto const& ps = search.passages;
  switch (search.kind) {
    case Kind::exact: {
      if (!at || std::any_of(ps.begin(), ps.end(), [&](Passage const& p) { return p.at == *at; })) return std::nullopt;
      auto best = nearest_to(ps, *at);
      auto d = make_error("E0315", "the quote is not at offset " + std::to_string(*at) + "; the article has it at " + describe_place(article, best.at));
      if (ps.size() > 1)
        d.with_note("the quote occurs " + std::to_string(ps.size()) + " times in the article, at " + list_offsets(ps) + "; " +
                    std::to_string(best.at) + " is the nearest to " + std::to_string(*at));
      d.with_help("set \"at\": " + std::to_string(best.at) + ", or run `nogood fix` to correct every offset");
      return QuoteProblem{std::move(d), "/at"};
    }
    case Kind::loose: {
      auto best = nearest_to(ps, at.value_or(-1));
      std::string message = ps.size() == 1 ? "the quote is not verbatim: it matches the article at " + describe_place(article, best.at)
                                           : "the quote is not verbatim: it matches " + std::to_string(ps.size()) + " passages of the article, at " + list_offsets(ps);
      auto d = make_error("E0323", message + ", once " + std::string(normalised_characters) + " are normalised");
      add_comparison(d, article, quote, best);
      bool const settled = ps.size() == 1 || (at && best.at == *at);
      d.with_help(settled ? "copy the article's characters into `quote`; `nogood fix` does it"
                          : "copy the characters of the passage you mean into `quote`, or set `at` to its offset and run `nogood fix`");
      return QuoteProblem{std::move(d), "/quote"};
    }
    case Kind::nearest: {
      auto p = ps.front();
      auto d = make_error("E0316", "the quote is not in the article; the nearest passage is at " + describe_place(article, p.at) + ", " +
                                       std::to_string(search.edits) + (search.edits == 1 ? " edit" : " edits") + " away");
      add_comparison(d, article, quote, p);
      d.with_help("quote the article verbatim");
      return QuoteProblem{std::move(d), "/quote"};
    }
    case Kind::none: break;
  }
  auto d = make_error("E0316", "the quote is not in the article, and no passage of it comes close");
  d.with_help("check that `source.text` names the article the quote is from, and quote it verbatim");
  return QuoteProblem{std::move(d), "/quote"};
}

}  // namespace nogood::facts::detail
