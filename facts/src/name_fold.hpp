// Step 1 of name matching: the text of a name as code points, with case and compatibility forms
// folded and every nonspacing mark and the tatweel removed.
#pragma once

#include <string>
#include <string_view>

namespace nogood::facts::detail {

// What folding changed, so an explanation can say which normalisation a match relied on.
enum FoldStep : unsigned {
  folded_case = 1u << 0,    // NFKC_Casefold changed something (case, presentation forms)
  dropped_marks = 1u << 1,  // harakat, shadda, niqqud, accents, hamza on a seat, tatweel
};

// Common text (ASCII, the basic Arabic and Hebrew letters and their marks) is folded by hand;
// anything else goes through ICU. Both give the same result. Returns FoldStep bits.
unsigned fold_name(std::string_view utf8, std::u32string& out);

// The ICU path alone: NFKC_Casefold, then NFD, then nonspacing marks and tatweel removed.
unsigned fold_name_icu(std::string_view utf8, std::u32string& out);

}  // namespace nogood::facts::detail
