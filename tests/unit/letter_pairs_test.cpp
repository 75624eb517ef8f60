// Letters one script writes two ways (facts/src/name_letter_pairs.hpp): ch read as sh or tsh,
// Hebrew פ as p, b or f, a word-initial v as w, f or b, a final Latin s as z. Each join must
// name the pair it used, and names those pairs could confuse must stay apart.
#include <catch2/catch.hpp>

#include <string>

#include "nogood/facts/names.hpp"

using namespace nogood::facts;

TEST_CASE("names whose letters one script writes two ways join across scripts") {
  NameMatcher m;
  auto [a, b, pair] = GENERATE(table<std::string, std::string, std::string>({
      {"Charles Lister", "تشارلز ليستر", "ch as sh or tsh, a final s as z"},
      {"צ׳ארלס ליסטר", "تشارلز ليستر", "ch as sh or tsh, a final s as z"},
      {"Richard", "ريتشارد", "ch as sh or tsh"},
      {"Mitchell", "ميتشل", "ch as sh or tsh"},
      {"Chaker", "شاكر", "ch as sh or tsh"},
      {"Putin", "פוטין", "Hebrew p as p, b or f"},
      {"بوتين", "פוטין", "Hebrew p as p, b or f"},
      {"Fadi", "פאדי", "Hebrew p as p, b or f"},
      {"Vladimir", "فلاديمير", "v as w, f or b"},
      {"Vladimir", "ולדימיר", "v as w, f or b"},
      {"Vladimir Putin", "فلاديمير بوتين", "v as w, f or b"},
      {"ולדימיר", "فلاديمير", "v as w, f or b"},
      {"Jones", "جونز", "a final s as z"},
      {"Washington", "واشنطن", "ng before a consonant as n"},
  }));
  CAPTURE(a, b);
  auto c = m.compare(a, b);
  CHECK(c.match == NameMatch::full);
  CHECK_THAT(c.reason, Catch::Contains("reading " + pair));
  // The pair that joined them is the only one the reason names.
  for (auto other : {"ch as sh", "Hebrew p as", "v as w", "final s as z", "ng before"})
    if (pair.find(other) == std::string::npos) CHECK_THAT(c.reason, !Catch::Contains(other));
  // Blocking puts them together, or resolution would never compare them.
  CHECK(m.blocking_skeleton(a) == m.blocking_skeleton(b));
}

TEST_CASE("a reason names every pair a join used") {
  NameMatcher m;
  auto c = m.compare("Charles", "تشارلز");
  CHECK(c.match == NameMatch::full);
  CHECK_THAT(c.reason, Catch::Contains("reading ch as sh or tsh, a final s as z"));
  // Hebrew writes ch with a geresh as Latin writes it: nothing to pair.
  auto hebrew = m.compare("Charles Lister", "צ׳ארלס ליסטר");
  CHECK(hebrew.match == NameMatch::full);
  CHECK_THAT(hebrew.reason, !Catch::Contains("reading"));
}

TEST_CASE("the letter pairs keep look-alikes apart") {
  NameMatcher m;
  auto [a, b] = GENERATE(table<std::string, std::string>({
      {"Tishreen", "Shireen"},   // a t before sh is a letter of its own, not part of ch
      {"تشرين", "شيرين"},
      {"Fadi", "Badi"},          // Latin and Arabic f and b are different letters
      {"Fadi", "Vadi"},          // v is only read as f in Arabic
      {"فادي", "بادي"},
      {"Wassim", "Bassim"},
      {"Chaker", "Shaker"},      // Latin to Latin: both spellings show their letters
      {"Vladimir", "Wladimir"},
      {"Vladimir", "Wladimir Klitschko"},
      {"Sami", "Zami"},          // z and s only pair at the end of a word, across scripts
      {"Singh", "سن"},           // a final ng is not dropped
      {"Washington", "Washinton"},
  }));
  CAPTURE(a, b);
  CHECK(m.compare(a, b).match != NameMatch::full);
}

TEST_CASE("vowels still tell names apart where the pairs do not apply") {
  NameMatcher m;
  auto c = m.compare("Nasr", "Nasser");
  CHECK(c.match == NameMatch::none);
  CHECK(c.conflict);
  CHECK(m.compare("Hassan", "Hussein").match == NameMatch::none);
}
