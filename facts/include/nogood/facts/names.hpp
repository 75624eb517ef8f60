// Matching personal, place and organisation names across Arabic, Hebrew and Latin script.
//
// ICU alone joins almost none of the spellings a name takes in news text ("Khaled al-Masoud",
// "خالد المسعود", "חאלד אל-מסעוד"): each script transliterates on its own conventions and unvocalised
// text keeps no vowels. So every name is reduced to a cross-script consonant skeleton, word by word:
//
//   1. fold case and compatibility forms (NFKC_Casefold), drop every nonspacing mark (harakat,
//      shadda, niqqud, accents, the hamza of أ إ ؤ ئ) and the tatweel;
//   2. cut into words at spaces, hyphens and the maqaf; apostrophes (’ ‘ ʿ ʼ ') count as nothing,
//      except after a Hebrew letter where they are a geresh (ג׳ is j, ע׳ is gh);
//   3. drop articles (al-, el-, ad-, ash-..., a leading ال, Hebrew אל־ and א-) and the titles
//      Mr/Mrs/Ms/Dr, and read abd/عبد/עבד with the next word (Abdul Karim is one name);
//   4. map the three scripts onto one consonant alphabet, written in ASCII:
//        b  ب ב b p          t  ت ط ث ט ת t th      d  د ذ ض ד d dh ד׳       z  ز ظ ז z zh ט׳
//        s  س ص ס צ s tz     S  ش ש sh              k  ق ك ק כ k q c ck      g  ج غ ג g j gh ע׳
//        h  ح خ ه ח ה h kh   f  ف ף f ph            l m n r as written
//        w  و ו w and y  ي י y, kept only at the start of a word (elsewhere they are vowels);
//      letters a script writes two ways keep a letter of their own, matched with either reading
//      (name_letter_pairs.hpp): C  ch צ׳ چ (sh or tsh), P  Hebrew פ (p or f), V  a Latin v that
//      starts a word (w, or Arabic ف, or Hebrew ב);
//      drop vowels, alef, ayin, hamza, ta marbuta and a word-final Hebrew ה; a word that starts
//      with a vowel, alef or ayin starts with the marker `a` (Ahmad `ahmd`, Hamad `hmd`);
//      collapse a doubled letter (Barrack `brk`, Massoud `msd`).
//
// "Khaled al-Masoud" -> `hld msd`, "טום בארק" -> `tm brk`, "الضمير" -> `dmr`.
//
// Two names are compared word by word, the shorter against the longer, in order:
//   full     same words; or a longer form of the same name: the given names (first words) and the
//            family names (last words) agree and the shorter name's other words appear in order
//            ("Khaled al-Masoud" and "خالد عبد العزيز المسعود", the latter adding his father's name);
//   partial  one word against a longer name ("אל־מסעוד" alone: the victim or the raid's target,
//            who share that family name), or a name that agrees in order but not to its end:
//            such a match is ambiguous and must never join two entities by itself;
//   none     anything else, in particular different given names.
// Words may differ by a final t or h (ة is written -a, -ah, -at or not at all), and a word-final
// Latin s may be an Arabic or Hebrew z (Charles, تشارلز).
//
// Vowels are written differently in each script, but what a spelling does show must not
// contradict the other spelling; when it does, the names are different (NameComparison::conflict):
//   two Latin words     vowels fall between the same consonants: Nasr / Nasser, Mohammed / Mahmoud;
//   two Arabic words    as many long vowels (ا و ي): محمد / محمود, حسن / حسين, سعد / سعيد, but
//                       واسم / وسيم (a long vowel moved, as the seed articles spell Wassim) agree;
//   Latin and Arabic or Hebrew  a Latin long-vowel digraph (ou oo ee ei ai ay ey) needs a long
//                       vowel letter at the same place: Hussein / حسن, Mahmoud / محمد.
// Known limits: a plain Latin vowel says nothing about length (Mohammed / محمود still match), nor
// do Hassan / Hussein in Latin; Hebrew ה- and Arabic و ب ل prefixes attached to a word are not
// removed (extraction should); translations ("Free Syrian Army" / "الجيش السوري الحر") need the
// corpus's names and `distinct` pairs, not a skeleton.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nogood::facts {

enum class NameMatch { none, partial, full };
std::string_view to_string(NameMatch);

struct NameComparison {
  NameMatch match = NameMatch::none;
  // In English, for explanations: "“Khaled al-Masoud” and “خالد المسعود” both read `hld msd` after
  // case and diacritic folding, dropping the article and mapping letters to one consonant alphabet".
  std::string reason;
  // The two names are the same text after case and diacritic folding, before any skeleton.
  bool identical = false;
  // The skeletons agree but what one spelling shows of the vowels contradicts the other (Nasr /
  // Nasser, محمد / محمود): evidence that two different people or places are meant.
  bool conflict = false;
};

// Not thread-safe: it keeps a memo cache, so a name seen before costs one hash lookup. Create one
// per thread. Views it returns stay valid until clear() or destruction.
class NameMatcher {
public:
  NameMatcher();
  ~NameMatcher();
  NameMatcher(NameMatcher&&) noexcept;
  NameMatcher& operator=(NameMatcher&&) noexcept;

  // The skeleton's words separated by one space, e.g. "hld msd"; empty when no letter is left.
  std::string_view skeleton(std::string_view name);
  // The skeleton with the letters a script writes two ways (ch: sh or tsh; Hebrew פ: p or f; ...)
  // written one way: names that may match share its words. For blocking, not for display.
  std::string_view blocking_skeleton(std::string_view name);
  // The name after case and diacritic folding only (UTF-8), e.g. "خالد المسعود" for "خالِد المَسْعود".
  std::string_view folded(std::string_view name);
  NameComparison compare(std::string_view a, std::string_view b);
  // The same without writing the reason, for callers that compare many names and explain few.
  NameComparison compare_unexplained(std::string_view a, std::string_view b);

  // Names an analyst lists as one (the `aliases` of entities.json: "ISIS", "داعش", "דאעש"): they
  // match in full, and the reason names `origin` ("entities.json:14"). A group that contains a
  // place CLDR or iso-codes knows joins that place's other names too. Returns, for each name
  // already listed in an earlier group (where it stays), its index and that group's origin.
  std::vector<std::pair<std::size_t, std::string>> add_aliases(std::vector<std::string> const& names,
                                                               std::string const& origin);

  std::size_t cached() const;
  // Forgets the memo; aliases stay.
  void clear();

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nogood::facts
