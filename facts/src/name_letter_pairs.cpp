#include "name_letter_pairs.hpp"

#include <utility>

namespace nogood::facts::detail {

namespace {

bool semitic(Script s) { return s == Script::arabic || s == Script::hebrew; }

struct Step {
  unsigned a = 0, b = 0;  // letters used on each side
  unsigned pair = 0;      // the LetterPair used; 0: none applies
};

// A pair that lets a[i] (the letter written two ways) stand for what b shows at j.
Step pair_at(std::string_view a, std::size_t i, Script sa, std::string_view b, std::size_t j, Script sb) {
  char const x = a[i], y = b[j];
  char const y_next = j + 1 < b.size() ? b[j + 1] : 0;
  switch (x) {
    case 'C':
      if (y == 'S') return {1, 1, pair_ch};
      if (y == 't' && y_next == 'S') return {1, 2, pair_ch};
      return {};
    case 'P':
      return y == 'b' || y == 'f' || y == 'V' ? Step{1, 1, pair_p} : Step{};
    case 'V':
      if (y == 'w' && sb != Script::arabic) return {1, 1, pair_v};
      if (y == 'f' && sb == Script::arabic) return {1, 1, pair_v};
      if (y == 'b' && sb == Script::hebrew) return {1, 1, pair_v};
      return {};
    case 'g':
      // Arabic drops the g of -ngt-, -ngs-: واشنطن for Washington (וושינגטון keeps it).
      return i > 0 && a[i - 1] == 'n' && j > 0 && b[j - 1] == 'n' && i + 1 < a.size() && y == a[i + 1] &&
                     sb == Script::arabic && sa != Script::arabic
                 ? Step{1, 0, pair_ng}
                 : Step{};
    case 'w':
      // Hebrew writes v with the ו Arabic reads w: ולדימיר, فلاديمير.
      return i == 0 && j == 0 && y == 'f' && sa == Script::hebrew && sb == Script::arabic ? Step{1, 1, pair_v}
                                                                                         : Step{};
    case 's':
      return y == 'z' && i + 1 == a.size() && j + 1 == b.size() && semitic(sb)
                 ? Step{1, 1, pair_final_s}
                 : Step{};
    default:
      return {};
  }
}

}  // namespace

WordMatch match_words(std::string_view a, Script sa, std::string_view b, Script sb) {
  WordMatch m;
  // Two spellings in one script show their letters: Chaker and Shaker, Vladimir and Wladimir are
  // spelt apart on purpose.
  bool const pairs = sa != sb;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++i, ++j;
      continue;
    }
    if (!pairs) break;
    Step s = pair_at(a, i, sa, b, j, sb);
    if (!s.pair) {
      Step t = pair_at(b, j, sb, a, i, sa);
      s = {t.b, t.a, t.pair};
    }
    if (!s.pair) break;
    m.letter_pairs |= s.pair;
    m.shifted |= s.a != s.b;
    i += s.a;
    j += s.b;
  }
  if (i == a.size() && j == b.size()) {
    m.same = true;
    return m;
  }
  // One word has one letter more, a final t or h, after a match that is more than the marker.
  std::string_view const done = i == a.size() ? a : b;
  std::string_view const rest = i == a.size() ? b.substr(j) : a.substr(i);
  bool const other_done = i == a.size() || j == b.size();
  if (other_done && rest.size() == 1 && (rest[0] == 't' || rest[0] == 'h') && !done.empty() && done != "a") {
    m.same = true;
    m.final_t_or_h = true;
  }
  return m;
}

void block_text(std::string_view skeleton, std::string& out) {
  out.clear();
  for (std::size_t k = 0; k < skeleton.size(); ++k) {
    char c = skeleton[k];
    char next = k + 1 < skeleton.size() ? skeleton[k + 1] : ' ';
    if (c == 't' && (next == 'S' || next == 'C')) continue;
    if (c == 'g' && k > 0 && skeleton[k - 1] == 'n' && next != ' ') continue;
    switch (c) {
      case 'C': c = 'S'; break;
      case 'P': case 'V': case 'f': case 'w': c = 'b'; break;
      case 'z': if (next == ' ') c = 's'; break;
      default: break;
    }
    out.push_back(c);
  }
}

std::string describe_letter_pairs(unsigned pairs) {
  static constexpr std::pair<unsigned, char const*> phrases[] = {
      {pair_ch, "ch as sh or tsh"},
      {pair_p, "Hebrew p as p, b or f"},
      {pair_v, "v as w, f or b"},
      {pair_final_s, "a final s as z"},
      {pair_ng, "ng before a consonant as n"},
  };
  std::string out;
  for (auto const& [bit, phrase] : phrases) {
    if (!(pairs & bit)) continue;
    if (!out.empty()) out += ", ";
    out += phrase;
  }
  return out;
}

}  // namespace nogood::facts::detail
