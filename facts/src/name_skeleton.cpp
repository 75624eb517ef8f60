#include "name_skeleton.hpp"

#include "name_descriptors.hpp"

#include <array>
#include <optional>
#include <span>

#include <unicode/uchar.h>

namespace nogood::facts::detail {

namespace {

using Letter = SkeletonScratch::Letter;
using RawWord = SkeletonScratch::Word;
using Letters = std::span<Letter const>;

bool is_hebrew_letter(char32_t c) { return c >= 0x05D0 && c <= 0x05EA; }
bool is_ascii_letter(char32_t c) { return c >= 'a' && c <= 'z'; }
bool is_latin_letter(char32_t c) {
  return is_ascii_letter(c) || (c >= 0xDF && c < 0x250 && c != 0xF7);
}
bool is_latin_vowel(char32_t c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// ---------------------------------------------------------------------------------------------
// Step 2: words.

enum class CharKind { letter, apostrophe, quote, hyphen, space };

CharKind char_kind(char32_t c) {
  if (c < 0x80) {
    if (is_ascii_letter(c) || (c >= '0' && c <= '9')) return CharKind::letter;
    if (c == '\'' || c == '`') return CharKind::apostrophe;
    if (c == '"') return CharKind::quote;
    if (c == '-') return CharKind::hyphen;
    return CharKind::space;
  }
  if ((c >= 0x0621 && c <= 0x064A) || is_hebrew_letter(c)) return CharKind::letter;
  switch (c) {
    case 0x00B4: case 0x2018: case 0x2019: case 0x201B: case 0x2032:
    case 0x02BB: case 0x02BC: case 0x02BE: case 0x02BF: case 0x05F3:
      return CharKind::apostrophe;
    case 0x05F4: return CharKind::quote;  // gershayim, used as quotation marks around names
    default: break;
  }
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER: case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: case U_NON_SPACING_MARK: case U_COMBINING_SPACING_MARK: case U_ENCLOSING_MARK:
    case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
      return CharKind::letter;
    case U_DASH_PUNCTUATION: return CharKind::hyphen;  // includes the maqaf U+05BE
    case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION: return CharKind::quote;
    default: return CharKind::space;
  }
}

unsigned split_words(std::u32string_view text, SkeletonScratch& s) {
  s.letters.clear();
  s.words.clear();
  unsigned steps = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    switch (char_kind(c)) {
      case CharKind::letter:
        if (!in_word) {
          auto at = static_cast<std::uint32_t>(s.letters.size());
          s.words.push_back({at, at, false});
          in_word = true;
        }
        s.letters.push_back({c, false});
        s.words.back().end = static_cast<std::uint32_t>(s.letters.size());
        break;
      case CharKind::apostrophe:
        // After a Hebrew letter an apostrophe is a geresh: ג' is j, ע' is gh.
        if (in_word && is_hebrew_letter(s.letters.back().cp)) {
          s.letters.back().geresh = true;
          break;
        }
        steps |= ignored_apostrophes;
        // A Latin possessive ("al-Masoud’s") is not part of the name.
        if (in_word && is_latin_letter(s.letters.back().cp) && i + 1 < text.size() && text[i + 1] == 's' &&
            (i + 2 == text.size() || char_kind(text[i + 2]) != CharKind::letter))
          ++i;
        break;  // the word goes on: "Hay’at" is one word
      case CharKind::quote: break;
      case CharKind::hyphen:
        if (!s.words.empty()) s.words.back().hyphen_after = true;
        in_word = false;
        break;
      case CharKind::space: in_word = false; break;
    }
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Step 3: articles, titles, abd.

Letters letters_of(SkeletonScratch const& s, RawWord w) {
  return Letters(s.letters).subspan(w.begin, w.end - w.begin);
}

bool spells(Letters w, std::u32string_view text) {
  if (w.size() != text.size()) return false;
  for (std::size_t i = 0; i < w.size(); ++i)
    if (w[i].cp != text[i]) return false;
  return true;
}

bool starts_with(Letters w, std::u32string_view text) {
  return w.size() >= text.size() && spells(w.first(text.size()), text);
}

// ad-, ash-, ar-, an-...: the article assimilated to a sun letter, which the next word repeats.
bool is_sun_article(Letters w, Letters next) {
  if (w.size() < 2 || w.size() > 3) return false;
  if (is_hebrew_letter(w[0].cp)) return w.size() == 2 && w[0].cp == U'א' && !next.empty() && next[0].cp == w[1].cp;
  if (w[0].cp != 'a' && w[0].cp != 'e' && w[0].cp != 'u') return false;
  std::u32string_view sound;
  static constexpr std::array<std::u32string_view, 9> sun{U"d", U"dh", U"n", U"r", U"s", U"sh", U"t", U"th", U"z"};
  for (auto s : sun)
    if (spells(w.subspan(1), s)) sound = s;
  return !sound.empty() && starts_with(next, sound);
}

bool is_title(Letters w) { return spells(w, U"mr") || spells(w, U"mrs") || spells(w, U"ms") || spells(w, U"dr"); }

Descriptor descriptor_of(Letters w) {
  std::array<char32_t, 24> text;
  if (w.size() > text.size()) return Descriptor::none;
  for (std::size_t i = 0; i < w.size(); ++i) text[i] = w[i].cp;
  return detail::descriptor_of(std::u32string_view(text.data(), w.size()));
}

// How many words at the start describe the person rather than name them: a run of roles and
// qualifiers with at least one role ("US special envoy to Syria", "the researcher",
// "المبعوث الأمريكي إلى سوريا"). The last word is never one of them.
std::size_t leading_descriptors(SkeletonScratch const& s) {
  std::size_t run = 0;
  bool role = false;
  for (std::size_t k = 0; k + 1 < s.words.size(); ++k) {
    auto d = descriptor_of(letters_of(s, s.words[k]));
    if (d == Descriptor::none) break;
    role |= d == Descriptor::role;
    if (role) run = k + 1;
  }
  return run;
}

// Drops descriptions, articles and titles in place; the last word is never dropped.
unsigned drop_articles(SkeletonScratch& s) {
  unsigned steps = 0;
  std::size_t kept = 0;
  auto const n = s.words.size();
  std::size_t const described = leading_descriptors(s);
  if (described) steps |= dropped_title;
  for (std::size_t k = described; k < n; ++k) {
    RawWord w = s.words[k];
    Letters letters = letters_of(s, w);
    bool last = k + 1 == n;
    if (!last) {
      Letters next = letters_of(s, s.words[k + 1]);
      if (spells(letters, U"al") || spells(letters, U"el") || spells(letters, U"ال") || spells(letters, U"אל") ||
          spells(letters, U"א") || (w.hyphen_after && is_sun_article(letters, next))) {
        steps |= dropped_article;
        continue;
      }
      if (is_title(letters)) {
        steps |= dropped_title;
        continue;
      }
    }
    // A leading ال (al-Dumayr written الضمير); a shorter word would lose its root.
    if (letters.size() >= 4 && starts_with(letters, U"ال")) {
      w.begin += 2;
      steps |= dropped_article;
    }
    s.words[kept++] = w;
  }
  s.words.resize(kept);
  return steps;
}

bool is_abd_word(Letters w) {
  static constexpr std::array<std::u32string_view, 12> forms{U"abd",   U"abdul", U"abdel", U"abdal",
                                                             U"abdol", U"abdil", U"abdu",  U"abdou",
                                                             U"عبد",   U"עבד",   U"עבדול", U"עבדאל"};
  for (auto f : forms)
    if (spells(w, f)) return true;
  return false;
}

// The part after abd- in a name written as one word (Abdulkarim, عبدالله, עבדאללה), or empty.
Letters glued_abd_rest(Letters w) {
  if (w.size() < 5) return {};
  if (starts_with(w, U"abd")) {
    Letters rest = w.subspan(3);
    for (auto const& l : rest)
      if (!is_ascii_letter(l.cp)) return {};
    if (rest.size() >= 4 && is_latin_vowel(rest[0].cp)) {
      if (rest[1].cp == 'l')
        rest = rest.subspan(2);  // Abd-ul-karim, Abd-al-lah
      else if (rest[1].cp == rest[2].cp && !is_latin_vowel(rest[1].cp))
        rest = rest.subspan(2);  // Abd-ur-rahman
      else
        rest = rest.subspan(1);  // Abd-u-rahman
    }
    return rest.size() >= 2 ? rest : Letters{};
  }
  for (std::u32string_view abd : {std::u32string_view(U"عبد"), std::u32string_view(U"עבד")}) {
    if (!starts_with(w, abd)) continue;
    Letters rest = w.subspan(3);
    if (rest.size() >= 4 && (starts_with(rest, U"ال") || starts_with(rest, U"אל"))) rest = rest.subspan(2);
    return rest;
  }
  return {};
}

// The word after a separate abd: "Allah" and "אללה" carry the article in front of lah.
Letters separate_abd_rest(Letters w) {
  if (w.size() >= 4 && (starts_with(w, U"all") || starts_with(w, U"אלל"))) return w.subspan(2);
  return w;
}

// ---------------------------------------------------------------------------------------------
// Step 4: one consonant alphabet.

// What a letter becomes: a consonant, or one of these.
enum : char {
  vowel = 'V',     // a mater lectionis: dropped; at the start of a word it becomes the marker `a`
  ayin = 'E',      // ayin and hamza: like a vowel, but not a long vowel
  w_glide = 'W',   // w at the start of a word, else a vowel
  y_glide = 'Y',   // y at the start of a word, else a vowel
  silent = 'T',    // ta marbuta: dropped, not even a marker
  h_or_end = 'H',  // Hebrew ה: h, but nothing at the end of a word
  other = '?',     // no mapping: kept as written
};

// U+0621..U+064A.
constexpr std::string_view arabic_map =
    "EVVWVYVbTttghhddrzsSsdtzEg??????"  // ء آ أ ؤ إ ئ ا ب ة ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ, ػ..ـ
    "fkklmnhWVY";                       // ف ق ك ل م ن ه و ى ي

// U+05D0..U+05EA, without and with a geresh.
constexpr std::string_view hebrew_map = "VbgdHWzhtYkklmmnnsEfPsskrSt";
constexpr std::string_view hebrew_geresh_map = "VbgdHWzhzYkklmmnnsgffCCkrSt";
static_assert(arabic_map.size() == 0x064A - 0x0621 + 1);
static_assert(hebrew_map.size() == 0x05EA - 0x05D0 + 1 && hebrew_geresh_map.size() == hebrew_map.size());

char arabic_extra(char32_t c) {
  switch (c) {
    case 0x0671: return vowel;    // ٱ alef wasla
    case 0x067E: return 'b';      // پ
    case 0x0686: return 'C';      // چ
    case 0x0698: return 'z';      // ژ
    case 0x06A4: return w_glide;  // ڤ (v)
    case 0x06A9: return 'k';      // ک
    case 0x06AF: return 'g';      // گ
    case 0x06CC: return y_glide;  // ی
    default: return other;
  }
}

class Emitter {
public:
  explicit Emitter(std::string& out) : out_(out) {}

  void consonant(char c) {
    if (c == last_ && !apart_) return;  // a doubled letter
    if (consonants_ > 0 && vowel_since_ && consonants_ <= 32) vowels_.gaps |= 1u << (consonants_ - 1);
    out_.push_back(c);
    last_ = c;
    apart_ = false;
    vowel_since_ = false;
    ++consonants_;
  }
  void vowel() {
    apart_ = true;
    vowel_since_ = true;
  }
  void silent() { apart_ = true; }
  void marker() {
    out_.push_back('a');
    apart_ = true;
  }
  void raw(char32_t c) {
    if (c < 0x80) {
      out_.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out_.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out_.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out_.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out_.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out_.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out_.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out_.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out_.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out_.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
    last_ = 0;
    apart_ = false;
    vowel_since_ = false;
    ++consonants_;
  }

  // Records what is written in the current slot: the place after the last consonant.
  void mark(std::uint32_t VowelEvidence::*field) {
    if (consonants_ < 32) vowels_.*field |= 1u << consonants_;
  }
  void ends_in_mater() { vowels_.final_mater = true; }

  unsigned consonants() const { return consonants_; }
  VowelEvidence const& vowels() const { return vowels_; }

private:
  std::string& out_;
  char last_ = 0;
  bool apart_ = true;
  bool vowel_since_ = false;
  unsigned consonants_ = 0;
  VowelEvidence vowels_;
};

// Latin letters at w[i...]; returns how many letters were used.
std::size_t map_latin(Letters w, std::size_t i, bool initial, Emitter& e) {
  char32_t c = w[i].cp;
  char32_t next = i + 1 < w.size() ? w[i + 1].cp : 0;
  char32_t after = i + 2 < w.size() ? w[i + 2].cp : 0;
  switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u':
      if (initial) e.marker(); else e.vowel();
      if (c == 'e' || c == 'i') e.mark(&VowelEvidence::front);
      if (c == 'o' || c == 'u') e.mark(&VowelEvidence::back);
      if (c == 'a' || c == 'e' || c == 'u') e.mark(&VowelEvidence::open);
      // Digraphs that spell a long vowel. Not aa: it stands for an ayin as often (Sharaa).
      if (c == 'o' && (next == 'u' || next == 'o')) e.mark(&VowelEvidence::long_u);
      if ((c == 'e' && (next == 'e' || next == 'i' || next == 'y')) || (c == 'a' && (next == 'i' || next == 'y')))
        e.mark(&VowelEvidence::long_i);
      return 1;
    case 'y':
      if (initial) { e.consonant('y'); return 1; }
      e.vowel();
      e.mark(&VowelEvidence::front);
      return 1;
    case 'w': case 'v':
      if (initial) { e.consonant(c == 'v' ? 'V' : 'w'); return 1; }
      e.vowel();
      e.mark(&VowelEvidence::back);
      return 1;
    case 'k': if (next == 'h') { e.consonant('h'); return 2; } e.consonant('k'); return 1;
    case 'g': e.consonant('g'); return next == 'h' ? 2 : 1;
    case 's':
      if (next == 'h') { e.consonant('S'); return 2; }
      if (next == 'c' && after == 'h') { e.consonant('S'); return 3; }
      e.consonant('s');
      return 1;
    case 'c':
      if (next == 'h') { e.consonant('C'); return 2; }
      if (next == 'k') { e.consonant('k'); return 2; }
      e.consonant(next == 'e' || next == 'i' || next == 'y' ? 's' : 'k');
      return 1;
    case 't':
      if (next == 'h') { e.consonant('t'); return 2; }
      if (next == 'z') { e.consonant('s'); return 2; }
      e.consonant('t');
      return 1;
    case 'd': e.consonant('d'); return next == 'h' ? 2 : 1;
    case 'z': e.consonant('z'); return next == 'h' ? 2 : 1;
    case 'p': if (next == 'h') { e.consonant('f'); return 2; } e.consonant('b'); return 1;
    case 'q': e.consonant('k'); return 1;
    case 'j': e.consonant('g'); return 1;
    case 'x': e.consonant('k'); e.consonant('s'); return 1;
    case 0xF8: case 0xE6: case 0x153: case 0x131: case 0x259:  // ø æ œ ı ə
      if (initial) e.marker(); else e.vowel();
      return 1;
    case 0x142: e.consonant('l'); return 1;             // ł
    case 0x111: case 0xF0: e.consonant('d'); return 1;  // đ ð
    case 0xFE: e.consonant('t'); return 1;              // þ
    case 0xDF: e.consonant('s'); return 1;              // ß (casefolding makes it ss first)
    default:
      if (is_ascii_letter(c)) e.consonant(static_cast<char>(c));
      else e.raw(c);
      return 1;
  }
}

void mater(std::uint32_t VowelEvidence::*kind, bool last, Emitter& e) {
  e.vowel();
  e.mark(&VowelEvidence::maters);
  e.mark(kind);
  if (last) e.ends_in_mater();
}

void map_class(char m, bool initial, bool last, Emitter& e) {
  switch (m) {
    case vowel: if (initial) e.marker(); else mater(&VowelEvidence::alef, last, e); break;
    case ayin: if (initial) e.marker(); else e.vowel(); break;
    case w_glide: if (initial) e.consonant('w'); else mater(&VowelEvidence::w, last, e); break;
    case y_glide: if (initial) e.consonant('y'); else mater(&VowelEvidence::y, last, e); break;
    case silent: e.silent(); break;
    case h_or_end: if (last && !initial) e.silent(); else e.consonant('h'); break;
    default: e.consonant(m); break;
  }
}

// Appends the skeleton of the letters; returns their script.
Script map_letters(Letters w, Emitter& e) {
  std::optional<Script> script;
  auto saw = [&](Script s) { script = !script || *script == s ? s : Script::none; };
  for (std::size_t i = 0; i < w.size();) {
    char32_t c = w[i].cp;
    bool initial = i == 0;
    if (is_latin_letter(c)) {
      saw(Script::latin);
      i += map_latin(w, i, initial, e);
      continue;
    }
    saw(c >= 0x0600 && c <= 0x06FF ? Script::arabic : is_hebrew_letter(c) ? Script::hebrew : Script::none);
    bool last = i + 1 == w.size();
    if (c >= 0x0621 && c <= 0x064A) {
      char m = arabic_map[c - 0x0621];
      if (m == other) e.raw(c); else map_class(m, initial, last, e);
    } else if (is_hebrew_letter(c)) {
      map_class((w[i].geresh ? hebrew_geresh_map : hebrew_map)[c - 0x05D0], initial, last, e);
    } else if (c >= 0x0660 && c <= 0x0669) {
      e.raw(U'0' + (c - 0x0660));
    } else {
      char m = arabic_extra(c);
      if (m == other) e.raw(c); else map_class(m, initial, last, e);
    }
    ++i;
  }
  return script.value_or(Script::none);
}

void add_word(Skeleton& out, Letters prefix_abd, Letters w) {
  auto start = out.text.size();
  if (start) out.text.push_back(' ');
  auto begin = out.text.size();
  Emitter e(out.text);
  Script script = Script::none;  // vowels of a compound are not compared
  if (!prefix_abd.empty()) {
    out.text += "abd";  // abd-, عبد, עבד read alike: the ayin makes the marker
    Emitter rest(out.text);
    map_letters(w, rest);
  } else {
    script = map_letters(w, e);
  }
  auto size = out.text.size() - begin;
  if (size == 0 || begin > 0xFFFF || size > 0xFFFF) {
    out.text.resize(start);
    return;
  }
  SkeletonWord word;
  word.begin = static_cast<std::uint16_t>(begin);
  word.size = static_cast<std::uint16_t>(size);
  word.consonants = static_cast<std::uint8_t>(e.consonants() > 255 ? 255 : e.consonants());
  word.script = script;
  if (script != Script::none) word.vowels = e.vowels();
  out.words.push_back(word);
}

}  // namespace

void build_skeleton(std::u32string_view folded, Skeleton& out, SkeletonScratch& s) {
  out.text.clear();
  out.words.clear();
  out.steps = split_words(folded, s);
  out.steps |= drop_articles(s);
  auto const n = s.words.size();
  for (std::size_t k = 0; k < n; ++k) {
    Letters w = letters_of(s, s.words[k]);
    if (k + 1 < n && is_abd_word(w)) {
      add_word(out, w, separate_abd_rest(letters_of(s, s.words[k + 1])));
      out.steps |= joined_abd;
      ++k;
    } else if (Letters rest = glued_abd_rest(w); !rest.empty()) {
      add_word(out, w, rest);
      out.steps |= joined_abd;
    } else {
      add_word(out, {}, w);
    }
  }
}

}  // namespace nogood::facts::detail
