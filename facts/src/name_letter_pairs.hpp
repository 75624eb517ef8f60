// Letters one script writes two ways, which a single skeleton cannot hold: the skeleton keeps
// what the spelling shows, and two words are compared with these pairs allowed.
//   C  Latin ch, Hebrew צ׳ and Arabic چ: sh (French Chaker, شاكر) or tsh (Charles, تشارلز)
//   P  Hebrew פ: p (Putin, פוטין; Latin p reads b, as Arabic writes it) or f (Fadi, פאדי)
//   V  a Latin v that starts a word: Arabic ف (Vladimir, فلاديمير), Hebrew ו or ב, Latin w;
//      and a Hebrew ו that starts a word, Arabic ف (ולדימיר, فلاديمير)
//   a word-final s read as z by another script (Charles, تشارلز; צ׳ארלס, تشارلز; Jones, جونز)
//   ng before a consonant, which Arabic writes as n (Washington, واشنطن)
// Pairs apply only between two scripts: within one, different letters are different spellings.
// Blocking (which names are compared at all) must put every such pair together: block_text maps
// each group onto one letter.
#pragma once

#include <string>
#include <string_view>

#include "name_skeleton.hpp"

namespace nogood::facts::detail {

// Which of the pairs above a match used, so that a reason names only those.
enum LetterPair : unsigned {
  pair_ch = 1u << 0,
  pair_p = 1u << 1,
  pair_v = 1u << 2,
  pair_final_s = 1u << 3,
  pair_ng = 1u << 4,
};

struct WordMatch {
  bool same = false;          // the words match
  bool final_t_or_h = false;  // one has a final t or h more (ة written -a, -ah, -at or not at all)
  unsigned letter_pairs = 0;  // LetterPair bits used
  bool shifted = false;       // a letter matched two (ch, تش): consonant slots no longer line up
};

WordMatch match_words(std::string_view a, Script script_a, std::string_view b, Script script_b);

// The skeleton as blocking sees it: each group of letters the pairs join written as one letter.
// Words stay separated by one space.
void block_text(std::string_view skeleton, std::string& out);

// "ch read as sh or tsh, v as w": the pairs in `pairs`, for a reason.
std::string describe_letter_pairs(unsigned pairs);

}  // namespace nogood::facts::detail
