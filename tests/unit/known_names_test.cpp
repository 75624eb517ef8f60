// Names from well-kept data (CLDR through ICU, Debian's iso-codes) and the analyst's aliases.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "iso_codes.hpp"
#include "nogood/facts/names.hpp"
#include "place_names.hpp"

using nogood::facts::NameMatch;
using nogood::facts::NameMatcher;
namespace detail = nogood::facts::detail;
namespace fs = std::filesystem;

namespace {

bool have_iso_codes() {
  if (fs::exists(detail::iso_codes_json_dir() / "iso_3166-2.json")) return true;
  WARN("skipped: Debian's iso-codes is not installed (`make deps` installs it)");
  return false;
}

// A gettext catalogue with the given pairs, little-endian, as msgfmt writes it.
std::string mo_file(std::vector<std::pair<std::string, std::string>> const& pairs) {
  std::string out;
  auto put = [&](std::uint32_t v) { out.append(reinterpret_cast<char const*>(&v), 4); };
  auto n = static_cast<std::uint32_t>(pairs.size());
  std::uint32_t const originals = 28, translations = originals + 8 * n, strings = translations + 8 * n;
  put(0x950412de); put(0); put(n); put(originals); put(translations); put(0); put(0);
  std::string text;
  std::vector<std::uint32_t> at;
  for (auto const& [id, _] : pairs) { at.push_back(strings + text.size()); text += id; text.push_back('\0'); }
  for (auto const& [_, str] : pairs) { at.push_back(strings + text.size()); text += str; text.push_back('\0'); }
  for (std::size_t i = 0; i < pairs.size(); ++i) { put(pairs[i].first.size()); put(at[i]); }
  for (std::size_t i = 0; i < pairs.size(); ++i) { put(pairs[i].second.size()); put(at[n + i]); }
  return out + text;
}

fs::path scratch_file(std::string const& name, std::string const& bytes) {
  auto dir = fs::temp_directory_path() / ("nogood-known-names-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << bytes;
  return dir / name;
}

}  // namespace

TEST_CASE("gettext catalogues are read without the process's locale") {
  auto good = scratch_file("good.mo", mo_file({{"", "Content-Type: text/plain\n"}, {"Ḩalab", "חלב"}, {"Idlib", "אדליב"}}));
  auto c = detail::read_mo_catalogue(good);
  CHECK(c.size() == 2);  // not the header
  CHECK(c.at("Ḩalab") == "חלב");

  SECTION("a file cut short or with offsets past its end reads as nothing") {
    std::string bytes = mo_file({{"Idlib", "אדליב"}});
    CHECK(detail::read_mo_catalogue(scratch_file("cut.mo", bytes.substr(0, 30))).empty());
    bytes[36] = '\x7f';  // the first translation's offset, far past the end
    CHECK(detail::read_mo_catalogue(scratch_file("far.mo", bytes)).empty());
    CHECK(detail::read_mo_catalogue(scratch_file("text.mo", "not a catalogue")).empty());
    CHECK(detail::read_mo_catalogue("/nonexistent/nogood.mo").empty());
  }
}

TEST_CASE("iso-codes adds official country names to CLDR's") {
  if (!have_iso_codes()) return;
  NameMatcher m;
  auto [a, b, country] = GENERATE(table<std::string, std::string, std::string>({
      {"Syrian Arab Republic", "Syria", "Syria"},
      {"الجمهورية العربية السورية", "סוריה", "Syria"},
      {"Islamic Republic of Iran", "إيران", "Iran"},
      {"Republic of Iraq", "العراق", "Iraq"},
      {"United States of America", "ארצות הברית", "United States"},
  }));
  CAPTURE(a, b);
  auto c = m.compare(a, b);
  CHECK(c.match == NameMatch::full);
  CHECK_THAT(c.reason, Catch::Contains("both name “" + country + "”") && Catch::Contains("ISO 3166-1 (iso-codes)"));
}

TEST_CASE("governorates join through their ISO 3166-2 names and Hebrew translations") {
  if (!have_iso_codes()) return;
  NameMatcher m;
  auto [a, b] = GENERATE(table<std::string, std::string>({
      {"Al Lādhiqīyah", "לטקיה"},      // Latakia: Hebrew writes t and k where the Arabic has dh and q
      {"לטקיה", "اللاذقية"},
      {"Dayr az Zawr", "דיר א־זור"},
      {"ריף דמשק", "Rif Dimashq"},
      {"Idlib", "אדליב"},
  }));
  CAPTURE(a, b);
  auto c = m.compare(a, b);
  CHECK(c.match == NameMatch::full);
  CHECK(detail::known_place_counts().iso_subdivision > 1000);
}

TEST_CASE("a join through ISO 3166-2 says so") {
  if (!have_iso_codes()) return;
  NameMatcher m;
  auto c = m.compare("Al Lādhiqīyah", "לטקיה");
  CHECK(c.reason == "“Al Lādhiqīyah” and “לטקיה” are names of one region, “Al Lādhiqīyah”, in ISO 3166-2 (iso-codes)");
}

TEST_CASE("known names keep different places, and things named after them, apart") {
  NameMatcher m;
  CHECK(m.compare("Damascus", "Rif Dimashq").match == NameMatch::none);
  CHECK(m.compare("Ḩalab", "Ḩamāh").match == NameMatch::none);
  CHECK(m.compare("Latakia", "Tartus").match == NameMatch::none);
  // A university, a dam or a television channel named after a place is not the place.
  CHECK(m.compare("Damascus", "Damascus University").match != NameMatch::full);
  CHECK(m.compare("Syria", "Syria TV").match != NameMatch::full);
  CHECK(m.compare("Tishreen", "Tishreen Dam").match != NameMatch::full);
  // A name two subdivisions share names neither.
  CHECK(detail::known_place_counts().ambiguous > 0);
}

TEST_CASE("an analyst's aliases join names no data knows") {
  NameMatcher m;
  CHECK(m.compare("ISIS", "داعش").match == NameMatch::none);
  CHECK(m.add_aliases({"ISIS", "Islamic State", "داعش", "דאעש"}, "entities.json:12:5").empty());
  auto c = m.compare("داعش", "דאעש");
  CHECK(c.match == NameMatch::full);
  CHECK(c.reason == "“داعش” and “דאעש” are aliases of “ISIS” listed at entities.json:12:5");
  CHECK(m.compare("the Islamic State", "ISIS").match != NameMatch::full);  // lists are exact, after folding
  CHECK(m.compare("ISLAMIC STATE", "ISIS").match == NameMatch::full);

  SECTION("a list that names a known place meets that place's other names") {
    CHECK(m.add_aliases({"al-Sham", "Damascus"}, "entities.json:13:5").empty());
    auto d = m.compare("al-Sham", "דמשק");
    CHECK(d.match == NameMatch::full);
    CHECK(d.reason == "“al-Sham” and “דמשק” both name “Damascus”: the first in the aliases listed at "
                      "entities.json:13:5, the second in CLDR");
  }
  SECTION("a name already listed stays in its first list") {
    auto again = m.add_aliases({"CENTCOM", "داعش"}, "entities.json:14:5");
    REQUIRE(again.size() == 1);
    CHECK(again[0] == std::pair<std::size_t, std::string>{1, "entities.json:12:5"});
    CHECK(m.compare("CENTCOM", "داعش").match == NameMatch::none);
  }
}
