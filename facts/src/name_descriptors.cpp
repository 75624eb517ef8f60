#include "name_descriptors.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "name_fold.hpp"

namespace nogood::facts::detail {

namespace {

// Offices, ranks and occupations, as written; folded once like every name. Titles that are
// also given names (Amir, Emir, Sheikh) and words that begin names of organisations (General)
// are left out: dropping them would join different names.
constexpr std::string_view roles[]{
    "mr", "mrs", "ms", "dr", "prof", "professor", "president", "minister", "envoy", "ambassador",
    "spokesman", "spokeswoman", "spokesperson", "analyst", "researcher", "journalist", "reporter",
    "correspondent", "commander", "colonel", "lieutenant", "brigadier", "secretary", "senator",
    "expert", "official", "leader", "director",
    // Arabic, with and without the article.
    "الرئيس", "رئيس", "الوزير", "وزير", "المبعوث", "مبعوث", "السفير", "سفير", "المتحدث", "متحدث",
    "الناطق", "ناطق", "المحلل", "محلل", "الباحث", "باحث", "الصحفي", "الصحافي", "صحفي", "المراسل",
    "القائد", "قائد", "العقيد", "عقيد", "اللواء", "العميد", "عميد", "الدكتور", "دكتور", "الخبير",
    "خبير", "المسؤول", "مسؤول",
    // Hebrew, with and without the article; ד"ר reads דר once its gershayim are dropped.
    "הנשיא", "נשיא", "השר", "שר", "השליח", "שליח", "השגריר", "שגריר", "הדובר", "דובר", "הפרשן",
    "פרשן", "החוקר", "חוקר", "העיתונאי", "עיתונאי", "הכתב", "המפקד", "ד\"ר"};

// Words that go with a role: articles, nationalities, portfolios, "special", "to Syria".
constexpr std::string_view qualifiers[]{
    "the", "a", "us", "u", "s", "usa", "american", "syrian", "israeli", "special", "interim",
    "foreign", "defence", "defense", "interior", "deputy", "prime", "former", "senior", "chief",
    "to", "of", "for", "syria", "state", "affairs", "un",
    "الأمريكي", "الأميركي", "الخاص", "السوري", "السورية", "الإسرائيلي", "إلى", "في", "سوريا",
    "لسوريا", "الخارجية", "الدفاع", "الداخلية", "المؤقت", "الانتقالي", "السابق", "الأممي",
    "ארצות", "הברית", "האמריקאי", "האמריקני", "המיוחד", "לסוריה", "סוריה", "הסורי", "הישראלי",
    "של", "לשעבר", "החוץ", "הביטחון"};

struct Folded {
  std::vector<std::u32string> roles, qualifiers;
};

template <std::size_t N>
std::vector<std::u32string> fold_all(std::string_view const (&words)[N]) {
  std::vector<std::u32string> out(N);
  for (std::size_t i = 0; i < N; ++i) {
    fold_name(words[i], out[i]);
    std::erase(out[i], U'"');  // gershayim: ד"ר is read דר
  }
  return out;
}

Folded const& folded() {
  static Folded const lists{fold_all(roles), fold_all(qualifiers)};
  return lists;
}

bool listed(std::vector<std::u32string> const& list, std::u32string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace

Descriptor descriptor_of(std::u32string_view word) {
  if (listed(folded().roles, word)) return Descriptor::role;
  if (listed(folded().qualifiers, word)) return Descriptor::qualifier;
  return Descriptor::none;
}

}  // namespace nogood::facts::detail
