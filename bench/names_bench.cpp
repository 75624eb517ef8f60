// Name matching throughput, single thread (target in issue 4: >= 300k names/s on first sight, and
// next to nothing for a repeated name).
//
//   nogood_names_bench [--names N] [--runs R]
//
// Generates N distinct names, a third each in Latin, Arabic and Hebrew script, shaped like the
// seed articles' names (given name, article, family name; some harakat, niqqud, maqaf, ة), then
// measures, taking the median of R runs:
//   first sight   skeleton() of every name on a fresh NameMatcher (folding, skeleton, caching)
//   cached        skeleton() of the same names again (one hash lookup each)
//   cached, hot   skeleton() of 1000 names repeated: a corpus naming the same entities again
//   compare       compare() of cached name pairs across scripts, reasons included
//   ICU path      first sight of Latin names with accents, which the hand-coded fold leaves to ICU
//   resolve       resolve_entities() on 40k id-only and 20k named corpus entities and 100k source
//                 mentions with names (half of them the corpus's), fresh NameMatcher each run
//   resolve ids   the same with 200k source mentions by id only, no names (generated corpora)
//   tables        the first name of the process: builds the tables of known names (CLDR's
//                 countries and cities, ISO 3166-1 and 3166-2 from iso-codes) once
//   known         first sight of names those tables know (countries, capitals, governorates in
//                 three scripts), a fresh NameMatcher per round
// Prints one line per measure; exit status 0.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "nogood/facts/names.hpp"
#include "nogood/facts/resolve.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// Digits of i in base `pieces.size()`, each digit a piece: distinct i give distinct words.
std::string word(std::size_t i, std::vector<char const*> const& pieces, int digits) {
  std::string out;
  for (int d = 0; d < digits; ++d) {
    out += pieces[i % pieces.size()];
    i /= pieces.size();
  }
  return out;
}

std::vector<std::string> generate(std::size_t n, bool accents) {
  static const std::vector<char const*> latin{"kha", "led", "ma", "soud", "sha", "raa", "ba", "dri", "na", "sr",
                                              "wa", "ssim", "dum", "ayr", "ham", "mad", "ka", "rim", "tah", "rir",
                                              "jo", "mu", "ghaz", "al"};
  static const std::vector<char const*> latin_accented{"khá", "léd", "mâ", "sóud", "shä", "raà", "bé", "drì"};
  static const std::vector<char const*> arabic{"خا", "لد", "مس", "عو", "د", "شر", "ع", "بد", "ري", "وس",
                                               "يم", "نص", "ضم", "ير", "حم", "كر", "صو", "تح", "فا", "جم",
                                               "عة", "غز", "ال", "أح"};
  static const std::vector<char const*> arabic_marks{"خَا", "لِد", "مَس", "عُو", "دّ", "شَر"};
  static const std::vector<char const*> hebrew{"חא", "לד", "מס", "עו", "ד", "שר", "ע", "בד", "רי", "וס",
                                               "ימ", "נס", "דו", "מי", "יר", "ג׳", "מא", "כר", "ים", "טו",
                                               "ם", "בא", "רק", "אח"};
  std::vector<std::string> names;
  names.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t k = i / 3;
    std::string name;
    if (accents) {
      name = word(k, latin_accented, 4) + " al-" + word(k / 7 + 1, latin, 3);
    } else if (i % 3 == 0) {
      name = word(k, latin, 4) + (k % 2 ? " al-" : " ") + word(k / 5 + 3, latin, 3);
      name[0] = static_cast<char>(name[0] - 'a' + 'A');
    } else if (i % 3 == 1) {
      name = word(k, arabic, 4) + " ال" + word(k / 3 + 1, k % 10 == 0 ? arabic_marks : arabic, 2);
    } else {
      name = word(k, hebrew, 4) + (k % 2 ? " אל־" : " א-") + word(k / 3 + 1, hebrew, 2);
    }
    names.push_back(std::move(name));
  }
  // First sight must mean it: drop the few names two digit strings happen to spell alike.
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::shuffle(names.begin(), names.end(), std::mt19937(42));
  return names;
}

// Names the tables of known places hold, as news writes them.
std::vector<char const*> const known_places{
    "Syria", "سوريا", "סוריה", "Damascus", "دمشق", "דמשק", "Egypt", "مصر", "מצרים", "Jordan", "الأردن",
    "ירדן", "Lebanon", "لبنان", "לבנון", "Beirut", "بيروت", "ביירות", "Iraq", "العراق", "עיראק",
    "Baghdad", "بغداد", "בגדאד", "Turkey", "تركيا", "טורקיה", "Russia", "روسيا", "רוסיה", "United States",
    "الولايات المتحدة", "ארצות הברית", "Iran", "إيران", "איראן", "Tehran", "طهران", "טהרן", "Israel",
    "إسرائيل", "ישראל", "Jerusalem", "القدس", "ירושלים", "Saudi Arabia", "السعودية", "ערב הסעודית",
    "Riyadh", "الرياض", "ריאד", "Qatar", "قطر", "קטר", "Yemen", "اليمن", "תימן", "Idlib", "Aleppo",
    "Homs", "Hama", "Latakia", "Deir ez-Zor", "Raqqa", "Quneitra", "Daraa", "Tartus", "Suwayda",
    "Rif Dimashq", "Al Hasakah", "France", "فرنسا", "צרפת", "Paris", "باريس", "פריז", "Germany", "ألمانيا",
    "גרמניה", "Berlin", "برلين", "ברלין", "China", "الصين", "סין", "Japan", "اليابان", "יפן", "Kuwait",
    "الكويت", "כווית", "Oman", "عمان", "עומאן", "Libya", "ليبيا", "לוב", "Tunisia", "تونس", "תוניסיה",
    "Morocco", "المغرب", "מרוקו", "Algeria", "الجزائر", "אלג'יריה", "Sudan", "السودان", "סודן",
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Figures {
  double median, low, high;
};

Figures summarise(std::vector<double> rates) {
  std::sort(rates.begin(), rates.end());
  return {rates[rates.size() / 2], rates.front(), rates.back()};
}

void print(char const* what, char const* unit, std::size_t items, Figures f) {
  std::printf("%-12s %9zu %-6s median %12.0f %s/s   (min %12.0f, max %12.0f)\n", what, items, unit, f.median, unit,
              f.low, f.high);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t n = 300000;
  int runs = 7;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--names")) n = std::strtoul(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[i + 1]);
  }
  if (n < 3 || runs < 1) {
    std::fprintf(stderr, "usage: nogood_names_bench [--names N>=3] [--runs R>=1]\n");
    return 2;
  }
  // Before anything else: the first name of the process builds the tables of known names.
  auto const tables_start = Clock::now();
  std::size_t checksum = nogood::facts::NameMatcher().skeleton("Damascus").size();
  double const tables_ms = seconds_since(tables_start) * 1000;

  auto names = generate(n, false);
  auto accented = generate(n / 3, true);

  std::vector<double> first, cached, hot, compared, icu, known;
  for (int r = 0; r < runs; ++r) {
    nogood::facts::NameMatcher matcher;
    auto start = Clock::now();
    for (auto const& name : names) checksum += matcher.skeleton(name).size();
    first.push_back(names.size() / seconds_since(start));

    start = Clock::now();
    for (auto const& name : names) checksum += matcher.skeleton(name).size();
    cached.push_back(names.size() / seconds_since(start));

    std::size_t const few = std::min<std::size_t>(1000, names.size());
    start = Clock::now();
    for (std::size_t i = 0; i < names.size(); ++i) checksum += matcher.skeleton(names[i % few]).size();
    hot.push_back(names.size() / seconds_since(start));

    // Pairs across scripts: Latin with Arabic, Arabic with Hebrew.
    start = Clock::now();
    std::size_t pairs = 0;
    for (std::size_t i = 0; i + 1 < names.size(); i += 2, ++pairs)
      checksum += static_cast<std::size_t>(matcher.compare(names[i], names[i + 1]).match);
    compared.push_back(pairs / seconds_since(start));

    nogood::facts::NameMatcher fresh;
    start = Clock::now();
    for (auto const& name : accented) checksum += fresh.skeleton(name).size();
    icu.push_back(accented.size() / seconds_since(start));

    int const rounds = 2000;
    start = Clock::now();
    for (int k = 0; k < rounds; ++k) {
      nogood::facts::NameMatcher round;
      for (char const* place : known_places) checksum += round.skeleton(place).size();
    }
    known.push_back(rounds * known_places.size() / seconds_since(start));
  }

  // Entity resolution, to show that blocking keeps it far from all pairs.
  std::vector<nogood::facts::EntityMention> mentions;
  for (std::size_t i = 0; i < 40000; ++i) {
    mentions.emplace_back();
    mentions.back().id = "id" + std::to_string(i);
    mentions.back().type = "person";
  }
  std::size_t const named = std::min<std::size_t>(20000, names.size() / 4);
  for (std::size_t i = 0; i < named; ++i) {
    mentions.emplace_back();
    mentions.back().id = "named" + std::to_string(i);
    mentions.back().type = "person";
    mentions.back().names = {{"", names[i]}};
  }
  std::mt19937 pick(7);
  for (std::size_t i = 0; i < 100000; ++i) {
    mentions.emplace_back();
    mentions.back().id = "m" + std::to_string(i);
    mentions.back().type = "person";
    mentions.back().source = static_cast<std::uint32_t>(i % 500);
    mentions.back().names = {{"", names[pick() % (2 * named)]}};
  }
  // Corpora of generated facts list entities by id only: that path must cost next to nothing.
  std::vector<nogood::facts::EntityMention> ids_only(mentions.begin(), mentions.begin() + 40000);
  for (std::size_t i = 0; i < 200000; ++i) {
    ids_only.emplace_back();
    ids_only.back().id = "id" + std::to_string(i % 60000);  // two in three name a corpus entity
    ids_only.back().type = "person";
    ids_only.back().source = static_cast<std::uint32_t>(i / 60000);
  }
  std::vector<double> resolved_ids;
  for (int r = 0; r < runs; ++r) {
    nogood::facts::NameMatcher matcher;
    nogood::Diagnostics diags;
    auto start = Clock::now();
    auto result = nogood::facts::resolve_entities(ids_only, {}, matcher, diags);
    resolved_ids.push_back(ids_only.size() / seconds_since(start));
    checksum += result.entities.size();
  }

  std::vector<double> resolved;
  std::size_t joined = 0, ambiguous = 0, lonely = 0;
  for (int r = 0; r < runs; ++r) {
    nogood::facts::NameMatcher matcher;
    nogood::Diagnostics diags;
    auto start = Clock::now();
    auto result = nogood::facts::resolve_entities(mentions, {}, matcher, diags);
    resolved.push_back(mentions.size() / seconds_since(start));
    checksum += result.entities.size();
    joined = mentions.size() - result.entities.size();
    ambiguous = result.ambiguous.size();
    lonely = result.lonely.size();
  }

  std::printf("name matching, single thread, %d runs, %zu distinct names (Latin, Arabic, Hebrew)\n", runs,
              names.size());
  print("first sight", "names", names.size(), summarise(first));
  print("cached", "names", names.size(), summarise(cached));
  print("cached, hot", "names", names.size(), summarise(hot));
  print("compare", "pairs", names.size() / 2, summarise(compared));
  print("ICU path", "names", accented.size(), summarise(icu));
  print("known", "names", known_places.size(), summarise(known));
  std::printf("%-12s %9s %-6s %.1f ms\n", "tables", "", "", tables_ms);
  print("resolve", "ments", mentions.size(), summarise(resolved));
  std::printf("             (%zu mentions joined another, %zu ambiguous, %zu named once close to another)\n", joined, ambiguous,
              lonely);
  print("resolve ids", "ments", ids_only.size(), summarise(resolved_ids));
  std::printf("examples: %s -> %s | %s -> %s | %s -> %s\n", names[0].c_str(),
              std::string(nogood::facts::NameMatcher().skeleton(names[0])).c_str(), names[1].c_str(),
              std::string(nogood::facts::NameMatcher().skeleton(names[1])).c_str(), names[2].c_str(),
              std::string(nogood::facts::NameMatcher().skeleton(names[2])).c_str());
  std::printf("checksum %zu\n", checksum);
  return 0;
}
