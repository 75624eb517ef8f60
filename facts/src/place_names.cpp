#include "place_names.hpp"

#include <bitset>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/unistr.h>

#include "iso_codes.hpp"
#include "name_fold.hpp"

namespace nogood::facts::detail {

namespace {

constexpr char const* languages[] = {"en", "ar", "he"};

std::string utf8(icu::UnicodeString const& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// The English CLDR name of a country, or empty when ICU has none (it echoes the code).
std::string cldr_country(char const* code) {
  icu::UnicodeString name;
  icu::Locale("", code).getDisplayCountry(icu::Locale("en"), name);
  return name == icu::UnicodeString(code) ? std::string() : utf8(name);
}

class PlaceTable {
public:
  PlaceTable() {
    add_countries();
    add_cities();
    add_iso_countries();
    add_iso_subdivisions();
    for (auto const& entry : names_) filter_.set(filter_hash(entry.first));
  }

  KnownName find(std::u32string_view folded) const {
    if (!filter_.test(filter_hash(folded))) return {};  // most names are no place: answer them from 8 KiB
    key_.assign(folded);
    auto it = names_.find(key_);
    if (it == names_.end() || it->second.canonical.empty()) return {};
    return {it->second.canonical, it->second.source};
  }

  KnownPlaceCounts counts() const {
    KnownPlaceCounts c;
    for (auto const& [name, e] : names_) {
      if (e.canonical.empty()) ++c.ambiguous;
      else if (e.source == KnownSource::cldr) ++c.cldr;
      else if (e.source == KnownSource::iso_country) ++c.iso_country;
      else ++c.iso_subdivision;
    }
    return c;
  }

private:
  struct Entry {
    std::string canonical;  // empty: two places share the name
    KnownSource source;
  };
  using Names = std::unordered_map<std::u32string, Entry>;

  static std::u32string folded(std::string const& name) {
    std::u32string out;
    fold_name(name, out);
    return out;
  }

  // Within one source a name two places share names neither.
  static void add_shared(Names& names, std::string const& name, std::string const& canonical, KnownSource source) {
    if (name.empty() || canonical.empty()) return;
    auto [it, inserted] = names.try_emplace(folded(name), Entry{canonical, source});
    if (!inserted && it->second.canonical != canonical) it->second.canonical.clear();
  }

  // A later source only adds names the earlier ones do not know (nor know as ambiguous).
  void add_unknown(Names const& more) {
    for (auto const& [name, e] : more) names_.try_emplace(name, e);
  }

  void add_countries() {
    for (char const* const* code = icu::Locale::getISOCountries(); *code; ++code) {
      std::string english = cldr_country(*code);
      if (english.empty()) continue;
      icu::Locale region("", *code);
      for (char const* lang : languages) {
        icu::UnicodeString name;
        region.getDisplayCountry(icu::Locale(lang), name);
        if (name != icu::UnicodeString(*code)) add_shared(names_, utf8(name), english, KnownSource::cldr);
      }
    }
  }

  void add_cities() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::TimeZoneNames> names[3];
    for (int i = 0; i < 3; ++i) {
      names[i].reset(icu::TimeZoneNames::createInstance(icu::Locale(languages[i]), status));
      if (U_FAILURE(status)) return;
    }
    std::unique_ptr<icu::StringEnumeration> zones(
        icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
    if (U_FAILURE(status) || !zones) return;
    while (icu::UnicodeString const* zone = zones->snext(status)) {
      if (U_FAILURE(status)) return;
      icu::UnicodeString english_name;
      names[0]->getExemplarLocationName(*zone, english_name);
      if (english_name.isEmpty()) continue;
      std::string english = utf8(english_name);
      for (auto const& n : names) {
        icu::UnicodeString name;
        n->getExemplarLocationName(*zone, name);
        add_shared(names_, utf8(name), english, KnownSource::cldr);
      }
    }
  }

  // Inverted forms ("Iran, Islamic Republic of") are catalogue order, not how text names a place.
  static bool written_in_text(std::string const& name) { return name.find(',') == std::string::npos; }

  void add_iso_countries() {
    Names more;
    for (auto const& e : read_iso_3166("3166-1", {"ar", "he"})) {
      std::string canonical = cldr_country(e.code.c_str());
      if (canonical.empty()) canonical = e.name;
      if (written_in_text(e.name)) add_shared(more, e.name, canonical, KnownSource::iso_country);
      for (auto const& name : e.names)
        if (written_in_text(name)) add_shared(more, name, canonical, KnownSource::iso_country);
    }
    add_unknown(more);
  }

  void add_iso_subdivisions() {
    Names more;
    for (auto const& e : read_iso_3166("3166-2", {"ar", "he"})) {
      add_shared(more, e.name, e.name, KnownSource::iso_subdivision);
      for (auto const& name : e.names)
        if (written_in_text(name)) add_shared(more, name, e.name, KnownSource::iso_subdivision);
    }
    add_unknown(more);
  }

  static std::size_t filter_hash(std::u32string_view s) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a: cheap, and good enough to spread the bits
    for (char32_t c : s) h = (h ^ c) * 1099511628211ull;
    return static_cast<std::size_t>((h ^ (h >> 29)) & 0xffff);
  }

  Names names_;
  std::bitset<0x10000> filter_;
  static thread_local std::u32string key_;
};

thread_local std::u32string PlaceTable::key_;

PlaceTable const& table() {
  static PlaceTable const t;
  return t;
}

}  // namespace

KnownName known_place(std::u32string_view folded) { return table().find(folded); }
KnownPlaceCounts known_place_counts() { return table().counts(); }

}  // namespace nogood::facts::detail
