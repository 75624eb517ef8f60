// Steps 2-4 of name matching (see nogood/facts/names.hpp): folded code points -> words of the
// cross-script consonant skeleton.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nogood::facts::detail {

// What the skeleton dropped or joined, for explanations (continues FoldStep's bits).
enum SkeletonStep : unsigned {
  ignored_apostrophes = 1u << 2,
  dropped_article = 1u << 3,
  dropped_title = 1u << 4,
  joined_abd = 1u << 5,
};

// Consonants are what all three scripts share. Vowels are written differently in each, but what
// one spelling does show can tell names apart that share their consonants: Nasr / Nasser,
// محمد / محمود (Muhammad / Mahmud), Hassan / حسين (Husayn). Bit k of each mask is slot k, the
// place after the k-th consonant (slot 0: before the first one).
struct VowelEvidence {
  // Latin. gaps: bit k-1 when a vowel is written between consonants k-1 and k; only Latin shows
  // short vowels, so only two Latin words compare it (Nasr 0b01, Nasser 0b11).
  std::uint32_t gaps = 0;
  std::uint32_t front = 0;   // e, i, y
  std::uint32_t back = 0;    // o, u, w, v
  std::uint32_t open = 0;    // a, e, u: what an Arabic alef can sound like (Trump is ترامب)
  std::uint32_t long_u = 0;  // ou, oo: Mahmoud
  std::uint32_t long_i = 0;  // ee, ei, ai, ay, ey: Hussein
  // Arabic and Hebrew: matres lectionis (long vowels), all and by kind.
  std::uint32_t maters = 0;
  std::uint32_t alef = 0;  // ا ى, א
  std::uint32_t y = 0;     // ي, י
  std::uint32_t w = 0;     // و, ו
  // The word ends in one: a final ي may be alef maqsura (مصطفي), a final waw silent (عمرو).
  bool final_mater = false;
};

enum class Script : std::uint8_t { none, latin, arabic, hebrew };  // none: mixed, or an abd- compound

struct SkeletonWord {
  std::uint16_t begin = 0;  // in Skeleton::text
  std::uint16_t size = 0;
  std::uint8_t consonants = 0;  // letters after the optional leading `a` marker
  Script script = Script::none;
  VowelEvidence vowels;  // empty for Script::none: vowels of a compound are not compared
};

struct Skeleton {
  std::string text;  // words separated by one space
  std::vector<SkeletonWord> words;
  unsigned steps = 0;

  std::string_view word(std::size_t i) const { return std::string_view(text).substr(words[i].begin, words[i].size); }
};

// Reused buffers, so that building a skeleton allocates only for its result.
struct SkeletonScratch {
  struct Letter {
    char32_t cp;
    bool geresh;
  };
  struct Word {
    std::uint32_t begin, end;  // in letters
    bool hyphen_after;
  };
  std::vector<Letter> letters;
  std::vector<Word> words;
};

void build_skeleton(std::u32string_view folded, Skeleton& out, SkeletonScratch& scratch);

}  // namespace nogood::facts::detail
