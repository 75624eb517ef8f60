#include "nogood/facts/names.hpp"

#include <algorithm>
#include <bit>
#include "name_cache.hpp"
#include "name_fold.hpp"
#include "name_letter_pairs.hpp"
#include "name_skeleton.hpp"

namespace nogood::facts {

std::string_view to_string(NameMatch m) {
  switch (m) {
    case NameMatch::none: return "none";
    case NameMatch::partial: return "partial";
    case NameMatch::full: return "full";
  }
  return "none";
}

namespace {

using detail::ParsedName;
using detail::VowelEvidence;

// ---------------------------------------------------------------------------------------------
// Word-by-word comparison of two skeletons.

enum class Shape {
  same,             // the same words
  longer_form,      // given and family names agree, the longer name adds words in between
  single_word,      // one word against a longer name
  prefix,           // agrees in order, but not with the longer name's last word
  different_given,  // the first words differ
  other,            // no alignment
  empty,            // a name with no letters left
};

struct Alignment {
  NameMatch match = NameMatch::none;
  Shape shape = Shape::other;
  bool swapped = false;        // the second name is the shorter
  bool final_t_or_h = false;   // some aligned words differ by a final t/h
  unsigned letter_pairs = 0;   // LetterPair bits: aligned words matched through letters written two ways
  bool vowels_differ = false;  // two Latin words agreed on consonants only
  std::size_t word = 0;        // single_word: the longer name's word that matched
};

// What each spelling shows of the vowels must not contradict the other (see VowelEvidence).
bool vowels_agree(detail::SkeletonWord const& a, detail::SkeletonWord const& b) {
  using detail::Script;
  auto const& va = a.vowels;
  auto const& vb = b.vowels;
  unsigned common = std::min(a.consonants, b.consonants);
  auto below = [](unsigned bits) { return bits >= 32 ? ~0u : (1u << bits) - 1; };
  std::uint32_t slots = below(common + 1);
  if (a.script == Script::latin && b.script == Script::latin) {
    if ((va.gaps ^ vb.gaps) & below(common == 0 ? 0 : common - 1)) return false;
    // Latin vowel letters vary freely (Ahmad / Ahmed, Mohammed / Muhammad), but ei, ai, ay, ey
    // spell a different vowel from a plain a (Hussein / Hassan).
    return (va.long_i & ~vb.front & slots) == 0 && (vb.long_i & ~va.front & slots) == 0;
  }
  // Unvocalised Arabic writes long vowels only, and a spelling variant may move one (واسم / وسيم)
  // but rarely adds one: compare how many there are.
  if (a.script == Script::arabic && b.script == Script::arabic)
    return std::popcount(va.maters) == std::popcount(vb.maters);
  // Slots whose mater says something: not one that ends the word.
  auto inner = [&](detail::SkeletonWord const& x) {
    return slots & ~(x.vowels.final_mater && x.consonants < 32 ? 1u << x.consonants : 0u);
  };
  auto latin_agrees = [&](VowelEvidence const& latin, detail::SkeletonWord const& other) {
    auto const& o = other.vowels;
    std::uint32_t in = inner(other);
    bool ok = (latin.long_u & ~o.w & slots) == 0 && (latin.long_i & ~o.y & slots) == 0 &&
              (o.y & in & ~latin.front) == 0 && (o.w & in & ~latin.back) == 0;
    // An Arabic alef is a, e or u in Latin (Omar is not عامر), except beside a ya (Mike, مايك).
    if (other.script == Script::arabic) ok = ok && (o.alef & ~o.y & in & ~latin.open) == 0;
    return ok;
  };
  auto semitic = [](Script s) { return s == Script::arabic || s == Script::hebrew; };
  if (a.script == Script::latin && semitic(b.script)) return latin_agrees(va, b);
  if (b.script == Script::latin && semitic(a.script)) return latin_agrees(vb, a);
  // Hebrew writes an Arabic long i or u with its own ya or waw (وسيم / וסימ); its matres also
  // spell short vowels (מוחמד), so only this direction is checked.
  auto hebrew_agrees = [&](detail::SkeletonWord const& arabic, VowelEvidence const& hebrew) {
    std::uint32_t in = inner(arabic);
    return (arabic.vowels.y & in & ~hebrew.y) == 0 && (arabic.vowels.w & in & ~hebrew.w) == 0;
  };
  if (a.script == Script::arabic && b.script == Script::hebrew) return hebrew_agrees(a, vb);
  if (b.script == Script::arabic && a.script == Script::hebrew) return hebrew_agrees(b, va);
  return true;
}

class Aligner {
public:
  Aligner(ParsedName const& shorter, ParsedName const& longer, bool strict)
      : a_(shorter), b_(longer), strict_(strict) {}

  bool eq(std::size_t i, std::size_t j) {
    auto const& wa = a_.words[i];
    auto const& wb = b_.words[j];
    detail::WordMatch m = detail::match_words(a_.word(i), wa.script, b_.word(j), wb.script);
    if (!m.same) return false;
    // After a letter that matched two, the vowel slots of the two words no longer line up.
    if (!m.shifted && !vowels_agree(wa, wb)) {
      vowels_differ_ = true;
      if (strict_) return false;
    }
    final_t_or_h_ |= m.final_t_or_h;
    letter_pairs_ |= m.letter_pairs;
    return true;
  }

  // a[ia, ea) is an in-order subsequence of b[ib, eb).
  bool subsequence(std::size_t ia, std::size_t ea, std::size_t ib, std::size_t eb) {
    for (; ia < ea; ++ia, ++ib) {
      while (ib < eb && !eq(ia, ib)) ++ib;
      if (ib == eb) return false;
    }
    return true;
  }

  Alignment run() {
    Alignment r;
    auto const m = a_.words.size();
    auto const n = b_.words.size();
    if (m == 0 || n == 0) {
      r.shape = Shape::empty;
    } else if (m == n) {
      if (subsequence(0, m, 0, n)) {
        r.match = NameMatch::full;
        r.shape = Shape::same;
      } else {
        r.shape = m > 1 && !eq(0, 0) ? Shape::different_given : Shape::other;
      }
    } else if (m == 1) {
      for (std::size_t j = 0; j < n; ++j)
        if (eq(0, j)) {
          r.match = NameMatch::partial;
          r.shape = Shape::single_word;
          r.word = j;
          break;
        }
    } else if (!eq(0, 0)) {
      r.shape = Shape::different_given;
    } else if (eq(m - 1, n - 1) && subsequence(1, m - 1, 1, n - 1)) {
      r.match = NameMatch::full;
      r.shape = Shape::longer_form;
    } else {
      final_t_or_h_ = false;
      letter_pairs_ = 0;
      eq(0, 0);
      if (subsequence(1, m, 1, n)) {
        r.match = NameMatch::partial;
        r.shape = Shape::prefix;
      }
    }
    r.final_t_or_h = final_t_or_h_ && r.match != NameMatch::none;
    r.letter_pairs = r.match != NameMatch::none ? letter_pairs_ : 0;
    r.vowels_differ = vowels_differ_;
    return r;
  }

private:
  ParsedName const& a_;
  ParsedName const& b_;
  bool strict_;
  bool final_t_or_h_ = false;
  unsigned letter_pairs_ = 0;
  bool vowels_differ_ = false;
};

Alignment align(ParsedName const& a, ParsedName const& b, bool strict) {
  bool swapped = b.words.size() < a.words.size();
  Alignment r = swapped ? Aligner(b, a, strict).run() : Aligner(a, b, strict).run();
  r.swapped = swapped;
  return r;
}

// ---------------------------------------------------------------------------------------------
// Reasons.

// Appends rather than `"x" + std::string`, which trips a false -Wrestrict in GCC 12.
std::string wrap(std::string_view open, std::string_view text, std::string_view close) {
  std::string out;
  out.reserve(open.size() + text.size() + close.size());
  out.append(open).append(text).append(close);
  return out;
}
std::string quoted(std::string_view name) { return wrap("“", name, "”"); }
std::string code(std::string_view s) { return wrap("`", s, "`"); }

std::string steps_phrase(unsigned steps, bool skeleton) {
  std::vector<std::string_view> parts;
  bool cased = steps & detail::folded_case, marks = steps & detail::dropped_marks;
  if (cased && marks) parts.push_back("case and diacritic folding");
  else if (cased) parts.push_back("case folding");
  else if (marks) parts.push_back("diacritic folding");
  if (skeleton) {
    if (steps & detail::ignored_apostrophes) parts.push_back("ignoring apostrophes");
    if (steps & detail::dropped_title) parts.push_back("dropping titles");
    if (steps & detail::dropped_article) parts.push_back("dropping the article");
    if (steps & detail::joined_abd) parts.push_back("reading abd with the next word");
    parts.push_back("mapping letters to one consonant alphabet");
  }
  if (parts.empty()) return {};
  std::string out = " after ";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

std::string words_between(ParsedName const& s, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += s.word(i);
  }
  return out;
}

struct Named {
  std::string_view name;
  ParsedName const& parsed;
  std::string show() const { return quoted(name) + " (" + code(parsed.skeleton) + ")"; }
};

std::string explain(Named const& a, Named const& b, Alignment const& r, bool conflict) {
  auto const& sa = a.parsed;
  auto const& sb = b.parsed;
  Named const& shorter = r.swapped ? b : a;
  Named const& longer = r.swapped ? a : b;
  auto const& ss = shorter.parsed;
  auto const& ls = longer.parsed;
  std::string steps = steps_phrase(a.parsed.steps | b.parsed.steps, true);
  std::string th = r.final_t_or_h ? ", allowing a final t or h (ta marbuta)" : "";
  if (r.letter_pairs) th += ", reading " + detail::describe_letter_pairs(r.letter_pairs);
  if (conflict)
    return a.show() + " and " + b.show() +
           " have the same consonants, but their spellings show different vowels, so they are different names";
  switch (r.shape) {
    case Shape::same:
      if (sa.skeleton == sb.skeleton) return quoted(a.name) + " and " + quoted(b.name) + " both read " + code(sa.skeleton) + steps;
      return a.show() + " and " + b.show() + " agree word by word" + steps + th;
    case Shape::longer_form:
      return shorter.show() + " is a shorter form of " + longer.show() + ": the given name " + code(ss.word(0)) +
             " and the family name " + code(ss.word(ss.words.size() - 1)) + " agree in order" + steps + th +
             "; the longer name adds " + code(words_between(ls, 1, ls.words.size() - 1));
    case Shape::single_word:
      return shorter.show() + " matches only the word " + code(ls.word(r.word)) + " of " + longer.show() + steps +
             th + ": one name alone does not tell who is meant";
    case Shape::prefix:
      return shorter.show() + " agrees in order with part of " + longer.show() + " but not with its last name " +
             code(ls.word(ls.words.size() - 1)) + steps + ": it may be another member of the family";
    case Shape::different_given:
      return a.show() + " and " + b.show() + " begin with different names, " + code(sa.word(0)) + " and " +
             code(sb.word(0));
    case Shape::empty: {
      Named const& empty = sa.words.empty() ? a : b;
      return quoted(empty.name) + " has no letters left to compare" + steps_phrase(empty.parsed.steps, true);
    }
    case Shape::other: break;
  }
  return a.show() + " and " + b.show() + " do not match word by word" + steps;
}

// What says a name is one of the names of its canonical name.
std::string known_by(ParsedName const& p) {
  using detail::KnownSource;
  switch (p.source) {
    case KnownSource::alias: return "the aliases listed at " + std::string(p.origin);
    case KnownSource::cldr: return "CLDR";
    case KnownSource::iso_country: return "ISO 3166-1 (iso-codes)";
    case KnownSource::iso_subdivision: return "ISO 3166-2 (iso-codes)";
    case KnownSource::none: break;
  }
  return {};
}

std::string known_reason(std::string_view a, ParsedName const& pa, std::string_view b, ParsedName const& pb) {
  using detail::KnownSource;
  std::string const canonical = quoted(pa.known);
  if (pa.source == pb.source && pa.origin == pb.origin) {
    switch (pa.source) {
      case KnownSource::alias:
        return quoted(a) + " and " + quoted(b) + " are aliases of " + canonical + " listed at " + std::string(pa.origin);
      case KnownSource::cldr: return quoted(a) + " and " + quoted(b) + " are CLDR's names of one place, " + canonical;
      case KnownSource::iso_country:
        return quoted(a) + " and " + quoted(b) + " are names of one country, " + canonical + ", in ISO 3166-1 (iso-codes)";
      case KnownSource::iso_subdivision:
        return quoted(a) + " and " + quoted(b) + " are names of one region, " + canonical + ", in ISO 3166-2 (iso-codes)";
      case KnownSource::none: break;
    }
  }
  return quoted(a) + " and " + quoted(b) + " both name " + canonical + ": the first in " + known_by(pa) +
         ", the second in " + known_by(pb);
}

}  // namespace

// ---------------------------------------------------------------------------------------------

struct NameMatcher::Impl {
  detail::NameCache cache;

  NameComparison compare(std::string_view a, std::string_view b, bool explained);
};

NameMatcher::NameMatcher() : impl_(std::make_unique<Impl>()) {}
NameMatcher::~NameMatcher() = default;
NameMatcher::NameMatcher(NameMatcher&&) noexcept = default;
NameMatcher& NameMatcher::operator=(NameMatcher&&) noexcept = default;

std::string_view NameMatcher::skeleton(std::string_view name) { return impl_->cache.get(name).skeleton; }
std::string_view NameMatcher::blocking_skeleton(std::string_view name) { return impl_->cache.get(name).block; }
std::string_view NameMatcher::folded(std::string_view name) { return impl_->cache.get(name).folded; }
std::size_t NameMatcher::cached() const { return impl_->cache.size(); }
void NameMatcher::clear() { impl_->cache.clear(); }

std::vector<std::pair<std::size_t, std::string>> NameMatcher::add_aliases(std::vector<std::string> const& names,
                                                                          std::string const& origin) {
  return impl_->cache.add_aliases(names, origin);
}

NameComparison NameMatcher::compare(std::string_view a, std::string_view b) { return impl_->compare(a, b, true); }

NameComparison NameMatcher::compare_unexplained(std::string_view a, std::string_view b) {
  return impl_->compare(a, b, false);
}

NameComparison NameMatcher::Impl::compare(std::string_view a, std::string_view b, bool explained) {
  ParsedName const& pa = cache.get(a);
  ParsedName const& pb = cache.get(b);  // references into the cache survive insertions
  Named na{a, pa}, nb{b, pb};
  NameComparison out;
  if (pa.folded == pb.folded && !pa.words.empty()) {
    out.match = NameMatch::full;
    out.identical = true;
    if (explained)
      out.reason = quoted(a) + " and " + quoted(b) + " are the same name" +
                   (a == b ? std::string() : steps_phrase(pa.steps | pb.steps, false));
    return out;
  }
  if (!pa.known.empty() && pa.known == pb.known) {
    out.match = NameMatch::full;
    if (explained) out.reason = known_reason(a, pa, b, pb);
    return out;
  }
  Alignment r = align(pa, pb, true);
  if (r.match != NameMatch::full && r.vowels_differ) {
    Alignment loose = align(pa, pb, false);
    out.conflict = loose.match > r.match;
  }
  out.match = r.match;
  if (explained) out.reason = explain(na, nb, r, out.conflict);
  return out;
}

}  // namespace nogood::facts
