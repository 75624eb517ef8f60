#include "nogood/facts/quotes.hpp"

#include <algorithm>
#include <limits>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "quote_normalise.hpp"

namespace nogood::facts {

using detail::LooseText;

std::u32string to_u32(std::string_view utf8) {
  auto s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::u32string out(static_cast<std::size_t>(s.countChar32()), U'\0');
  UErrorCode status = U_ZERO_ERROR;
  s.toUTF32(reinterpret_cast<UChar32*>(out.data()), static_cast<int32_t>(out.size()), status);
  return out;
}

std::string to_utf8(std::u32string_view text) {
  auto s = icu::UnicodeString::fromUTF32(reinterpret_cast<UChar32 const*>(text.data()), static_cast<int32_t>(text.size()));
  std::string out;
  s.toUTF8String(out);
  return out;
}

struct Article::Loose {
  LooseText text;
};

Article::Article(std::string_view utf8) : text_(to_u32(utf8)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == U'\n') line_starts_.push_back(static_cast<std::int64_t>(i + 1));
}
Article::~Article() = default;
Article::Article(Article&&) noexcept = default;
Article& Article::operator=(Article&&) noexcept = default;

Article::Loose const& Article::loose() const {
  if (!loose_) loose_ = std::make_unique<Loose>(Loose{detail::loosen(text_)});
  return *loose_;
}

ArticlePlace Article::place(std::int64_t at) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), at);
  auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  return {line, static_cast<std::uint32_t>(at - line_starts_[line - 1] + 1)};
}

std::string Article::passage(Passage p) const {
  auto at = static_cast<std::size_t>(std::clamp<std::int64_t>(p.at, 0, size()));
  return to_utf8(std::u32string_view(text_).substr(at, static_cast<std::size_t>(std::max<std::int64_t>(p.length, 0))));
}

bool Article::has_at(std::string_view quote, std::int64_t at) const {
  auto q = to_u32(quote);
  return at >= 0 && at + static_cast<std::int64_t>(q.size()) <= size() && text_.compare(static_cast<std::size_t>(at), q.size(), q) == 0;
}

namespace {

// The passage of `text` closest to `quote` by edit distance, starting and ending anywhere
// (Sellers' algorithm): (begin, end, edits). Each cell carries where its path started.
struct Closest {
  std::size_t begin = 0, end = 0, edits = std::numeric_limits<std::size_t>::max();
};
Closest closest_passage(std::u32string_view text, std::u32string_view quote) {
  std::size_t const m = quote.size();
  std::vector<std::uint32_t> cost(m + 1), start(m + 1), prev_cost(m + 1), prev_start(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev_cost[j] = static_cast<std::uint32_t>(j), prev_start[j] = 0;
  Closest best;
  best.edits = m;
  best.begin = best.end = 0;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    cost[0] = 0;
    start[0] = static_cast<std::uint32_t>(i);
    for (std::size_t j = 1; j <= m; ++j) {
      std::uint32_t c = prev_cost[j - 1] + (text[i - 1] != quote[j - 1]);
      std::uint32_t s = prev_start[j - 1];
      if (cost[j - 1] + 1 < c) c = cost[j - 1] + 1, s = start[j - 1];  // a quote character the text lacks
      if (prev_cost[j] + 1 < c) c = prev_cost[j] + 1, s = prev_start[j];  // a text character the quote lacks
      cost[j] = c;
      start[j] = s;
    }
    // Among passages as near, the one closest to the quote in length: `dawn` for `dusk`, three
    // letters changed, rather than `d` with three missing.
    auto const off = [&](std::size_t b, std::size_t e) { return e - b > m ? e - b - m : m - (e - b); };
    if (cost[m] < best.edits || (cost[m] == best.edits && off(start[m], i) < off(best.begin, best.end))) best = {start[m], i, cost[m]};
    std::swap(cost, prev_cost);
    std::swap(start, prev_start);
  }
  return best;
}

// Quotes longer than this, or articles so long that the search would take seconds, get no
// nearest passage.
constexpr std::size_t max_quote = 4000;
constexpr std::size_t max_cells = 400'000'000;

}  // namespace

QuoteSearch Article::search(std::string_view quote_utf8) const {
  QuoteSearch out;
  auto const quote = to_u32(quote_utf8);
  if (quote.empty()) return out;
  for (auto pos = text_.find(quote); pos != std::u32string::npos; pos = text_.find(quote, pos + 1))
    out.passages.push_back({static_cast<std::int64_t>(pos), static_cast<std::int64_t>(quote.size())});
  if (!out.passages.empty()) {
    out.kind = QuoteSearch::Kind::exact;
    return out;
  }
  auto const& a = loose().text;
  auto const q = detail::loosen(quote).text;
  if (q.empty() || q == U" ") return out;
  for (auto pos = a.text.find(q); pos != std::u32string::npos; pos = a.text.find(q, pos + 1)) {
    auto begin = a.begin[pos], end = a.end[pos + q.size() - 1];
    out.passages.push_back({begin, static_cast<std::int64_t>(end) - begin});
  }
  if (!out.passages.empty()) {
    out.kind = QuoteSearch::Kind::loose;
    return out;
  }
  if (q.size() > max_quote || q.size() * a.text.size() > max_cells) return out;
  auto best = closest_passage(a.text, q);
  // A passage that differs in more than two characters of five is no match worth showing.
  if (best.end <= best.begin || best.edits * 5 > q.size() * 2) return out;
  out.kind = QuoteSearch::Kind::nearest;
  out.edits = best.edits;
  auto begin = a.begin[best.begin], end = a.end[best.end - 1];
  out.passages.push_back({begin, static_cast<std::int64_t>(end) - begin});
  return out;
}

namespace {

bool word_char(char32_t c) { return u_isalnum(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) != 0 || u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK; }

enum class Op : char { same, change, quote_only, article_only };

}  // namespace

std::vector<QuoteDifference> Article::differences(std::string_view quote_utf8, Passage p) const {
  auto const q = to_u32(quote_utf8);
  auto at = static_cast<std::size_t>(std::clamp<std::int64_t>(p.at, 0, size()));
  auto const a = std::u32string_view(text_).substr(at, static_cast<std::size_t>(std::max<std::int64_t>(p.length, 0)));
  std::size_t const m = q.size(), n = a.size();
  if (m * n > 16'000'000) return {{0, p.at, to_utf8(q), to_utf8(a), {}}};
  // Levenshtein alignment with its trace.
  std::vector<std::uint32_t> d((m + 1) * (n + 1));
  auto cell = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return d[i * (n + 1) + j]; };
  for (std::size_t i = 0; i <= m; ++i) cell(i, 0) = static_cast<std::uint32_t>(i);
  for (std::size_t j = 0; j <= n; ++j) cell(0, j) = static_cast<std::uint32_t>(j);
  for (std::size_t i = 1; i <= m; ++i)
    for (std::size_t j = 1; j <= n; ++j)
      cell(i, j) = std::min({cell(i - 1, j - 1) + (q[i - 1] != a[j - 1]), cell(i - 1, j) + 1, cell(i, j - 1) + 1});
  struct Step {
    Op op;
    std::size_t qi, ai;  // positions before the step
  };
  std::vector<Step> steps;
  for (std::size_t i = m, j = n; i > 0 || j > 0;) {
    if (i > 0 && j > 0 && cell(i, j) == cell(i - 1, j - 1) + (q[i - 1] != a[j - 1])) {
      steps.push_back({q[i - 1] == a[j - 1] ? Op::same : Op::change, i - 1, j - 1});
      --i, --j;
    } else if (i > 0 && cell(i, j) == cell(i - 1, j) + 1) {
      steps.push_back({Op::quote_only, i - 1, j});
      --i;
    } else {
      steps.push_back({Op::article_only, i, j - 1});
      --j;
    }
  }
  std::reverse(steps.begin(), steps.end());
  // Runs of differing steps, widened to whole words when they touch letters.
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  std::vector<bool> whole_words;  // per run: widened to whole words
  for (std::size_t k = 0; k < steps.size();) {
    if (steps[k].op == Op::same) {
      ++k;
      continue;
    }
    std::size_t e = k;
    while (e < steps.size() && steps[e].op != Op::same) ++e;
    // A run that touches letters becomes whole words; a run of marks or punctuation stays as it is,
    // so that a missing fatha or a curly apostrophe is shown by its code point.
    bool letters = false;
    for (std::size_t s = k; s < e; ++s)
      letters = letters || (steps[s].op != Op::article_only && u_isalnum(static_cast<UChar32>(q[steps[s].qi]))) ||
                (steps[s].op != Op::quote_only && u_isalnum(static_cast<UChar32>(a[steps[s].ai])));
    if (letters) {
      while (k > 0 && steps[k - 1].op == Op::same && word_char(q[steps[k - 1].qi])) --k;
      while (e < steps.size() && steps[e].op == Op::same && word_char(q[steps[e].qi])) ++e;
    }
    // Several differences in one word (a fully pointed Hebrew word) are one: the two words.
    bool joined = !runs.empty() && k <= runs.back().second;
    bool same_word = !runs.empty() && !joined;
    for (std::size_t s = runs.empty() ? 0 : runs.back().second; same_word && s < k; ++s) same_word = word_char(q[steps[s].qi]);
    if (same_word || (joined && whole_words.back())) {
      k = std::min(k, runs.back().first);
      while (k > 0 && steps[k - 1].op == Op::same && word_char(q[steps[k - 1].qi])) --k;
      while (e < steps.size() && steps[e].op == Op::same && word_char(q[steps[e].qi])) ++e;
      letters = true;
    }
    if (same_word || joined) {
      runs.back() = {std::min(k, runs.back().first), std::max(e, runs.back().second)};
      whole_words.back() = whole_words.back() || letters;
    } else {
      runs.emplace_back(k, e);
      whole_words.push_back(letters);
    }
    k = e;
  }
  std::vector<QuoteDifference> out;
  for (auto [k, e] : runs) {
    QuoteDifference diff;
    diff.quote_at = static_cast<std::int64_t>(steps[k].qi);
    diff.article_at = p.at + static_cast<std::int64_t>(steps[k].ai);
    std::u32string qs, as;
    for (std::size_t s = k; s < e; ++s) {
      if (steps[s].op != Op::article_only) qs.push_back(q[steps[s].qi]);
      if (steps[s].op != Op::quote_only) as.push_back(a[steps[s].ai]);
    }
    diff.quote = to_utf8(qs);
    diff.article = to_utf8(as);
    // The article's word around a difference inside a word, to show where it is.
    std::size_t wb = steps[k].ai, we = e < steps.size() ? steps[e].ai : n;
    while (wb > 0 && word_char(a[wb - 1])) --wb;
    while (we < n && word_char(a[we])) ++we;
    if (wb < steps[k].ai && we > (e < steps.size() ? steps[e].ai : n) && we - wb <= 40) diff.word = to_utf8(a.substr(wb, we - wb));
    out.push_back(std::move(diff));
  }
  return out;
}

Passage nearest_to(std::vector<Passage> const& passages, std::int64_t at) {
  if (passages.empty()) return {};
  if (at < 0) return passages.front();
  return *std::min_element(passages.begin(), passages.end(), [at](Passage const& x, Passage const& y) {
    auto dx = x.at > at ? x.at - at : at - x.at, dy = y.at > at ? y.at - at : at - y.at;
    return dx < dy;  // min_element keeps the first of equals: the earlier passage
  });
}

namespace {

// Characters that look alike or show nothing: punctuation, symbols, marks, spaces other than the
// plain space, format and control characters.
bool needs_code_point(char32_t c) {
  if (c == U' ') return false;
  return !u_isalnum(static_cast<UChar32>(c)) || u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}
bool invisible(char32_t c) {
  auto t = u_charType(static_cast<UChar32>(c));
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || t == U_FORMAT_CHAR || t == U_CONTROL_CHAR || t == U_NON_SPACING_MARK;
}

std::string code_point(char32_t c) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
  char name[128];
  UErrorCode status = U_ZERO_ERROR;
  auto len = u_charName(static_cast<UChar32>(c), U_UNICODE_CHAR_NAME, name, sizeof name, &status);
  return std::string(hex) + (U_SUCCESS(status) && len > 0 ? " " + std::string(name, static_cast<std::size_t>(len)) : std::string());
}

}  // namespace

std::string describe_characters(std::string_view utf8) {
  if (utf8.empty()) return "nothing";
  auto s = to_u32(utf8);
  bool const spell_out = std::none_of(s.begin(), s.end(), [](char32_t c) { return u_isalnum(static_cast<UChar32>(c)); }) ||
                         (s.size() <= 4 && std::any_of(s.begin(), s.end(), needs_code_point));
  if (!spell_out) return "“" + std::string(utf8) + "”";
  std::string shown, points;
  bool all_invisible = true;
  for (auto c : s) {
    all_invisible = all_invisible && invisible(c);
    points += (points.empty() ? "" : ", ") + code_point(c);
  }
  // Characters that show nothing on their own (spaces, marks, format characters) by their code points alone.
  return all_invisible ? points : (s.size() == 1 ? to_utf8(s) : "“" + std::string(utf8) + "”") + " (" + points + ")";
}

std::vector<std::string> difference_lines(std::vector<QuoteDifference> const& differences, std::size_t limit) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < differences.size() && i < limit; ++i) {
    auto const& d = differences[i];
    out.push_back("at " + std::to_string(d.quote_at) + " of the quote, " + std::to_string(d.article_at) + " of the article" +
                  (d.word.empty() ? "" : " (in “" + d.word + "”)") + ": the quote has " +
                  describe_characters(d.quote) + ", the article " + describe_characters(d.article));
  }
  if (differences.size() > limit) out.push_back("and " + std::to_string(differences.size() - limit) + " more differences");
  return out;
}

std::string side_by_side(std::string_view quote, std::string_view passage, std::size_t width) {
  auto cut = [width](std::string_view text) {
    auto s = to_u32(text);
    std::u32string shown;
    for (auto c : s) shown.push_back(c == U'\n' ? U'⏎' : c == U'\t' ? U'→' : c);
    if (shown.size() > width) shown = shown.substr(0, width) + U"…";
    return "“" + to_utf8(shown) + "”";
  };
  return "quote   " + cut(quote) + "\narticle " + cut(passage);
}

}  // namespace nogood::facts
