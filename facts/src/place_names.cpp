#include "place_names.hpp"

#include <memory>
#include <string>
#include <unordered_map>

#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/unistr.h>

#include "name_fold.hpp"

namespace nogood::facts::detail {

namespace {

constexpr char const* languages[] = {"en", "ar", "he"};

class PlaceTable {
public:
  PlaceTable() {
    add_countries();
    add_cities();
  }

  std::string_view find(std::u32string_view folded) const {
    key_.assign(folded);
    auto it = names_.find(key_);
    return it == names_.end() ? std::string_view() : std::string_view(it->second);
  }

private:
  void add(icu::UnicodeString const& name, std::string const& english) {
    if (name.isEmpty() || english.empty()) return;
    std::string utf8;
    name.toUTF8String(utf8);
    std::u32string folded;
    fold_name(utf8, folded);
    auto [it, inserted] = names_.try_emplace(folded, english);
    if (!inserted && it->second != english) it->second.clear();  // two places: neither
  }

  void add_countries() {
    for (char const* const* code = icu::Locale::getISOCountries(); *code; ++code) {
      icu::Locale region("", *code);
      icu::UnicodeString english_name;
      region.getDisplayCountry(icu::Locale("en"), english_name);
      if (english_name == icu::UnicodeString(*code)) continue;  // no name: ICU echoes the code
      std::string english;
      english_name.toUTF8String(english);
      for (char const* lang : languages) {
        icu::UnicodeString name;
        region.getDisplayCountry(icu::Locale(lang), name);
        if (name != icu::UnicodeString(*code)) add(name, english);
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
      std::string english;
      english_name.toUTF8String(english);
      for (auto const& n : names) {
        icu::UnicodeString name;
        n->getExemplarLocationName(*zone, name);
        add(name, english);
      }
    }
  }

  std::unordered_map<std::u32string, std::string> names_;
  static thread_local std::u32string key_;
};

thread_local std::u32string PlaceTable::key_;

}  // namespace

std::string_view known_place(std::u32string_view folded) {
  static PlaceTable const table;
  return table.find(folded);
}

}  // namespace nogood::facts::detail
