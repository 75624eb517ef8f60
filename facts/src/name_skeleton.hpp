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

enum class Script : std::uint8_t { none, latin, arabic, hebrew };  // none: mixed, or an abd- compound

// Consonants are what all three scripts share. Vowels are written differently in each, but what
// one spelling does show can tell names apart that share their consonants: Nasr / Nasser,
// محمد / محمود (Muhammad / Mahmud), Hassan / حسين (Husayn). Slot k is the place after the k-th
// consonant (slot 0: before the first one).
struct SkeletonWord {
  std::uint16_t begin = 0;  // in Skeleton::text
  std::uint16_t size = 0;
  std::uint8_t consonants = 0;  // letters after the optional leading `a` marker
  Script script = Script::none;
  // Latin: bit k-1 set when a vowel is written between consonants k-1 and k. Only Latin shows
  // short vowels, so this is compared between two Latin words only (Nasr 0b01, Nasser 0b11).
  std::uint32_t gaps = 0;
  // Latin: slots holding a long-vowel digraph (ou oo ee ei ai ay ey): Mahmoud, Hussein.
  std::uint32_t long_vowels = 0;
  // Arabic and Hebrew: slots holding a mater lectionis (ا و ي ى, א ו י), a long vowel.
  std::uint32_t maters = 0;
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
