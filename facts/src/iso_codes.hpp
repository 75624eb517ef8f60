// Debian's iso-codes: ISO 3166-1 (countries) and ISO 3166-2 (their subdivisions: governorates,
// provinces, states) with their names translated into Arabic and Hebrew where translators gave
// them. The data lives in the package's JSON files and gettext catalogues (.mo), read here
// without going through the process's locale.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace nogood::facts::detail {

struct IsoEntry {
  std::string code;                // "SY" or "SY-LA"
  std::string name;                // the ISO name in English (romanised for subdivisions)
  std::vector<std::string> names;  // every other name: official and common names, translations
};

// Where the package installs its files (set at build time, see facts/CMakeLists.txt).
std::filesystem::path iso_codes_json_dir();
std::filesystem::path iso_codes_locale_dir();

// The entries of iso_3166-1.json or iso_3166-2.json, each with its names translated into the
// given languages. Empty when the package is not installed or a file cannot be read: these are
// an optional source of knowledge, never an input the user gave.
std::vector<IsoEntry> read_iso_3166(std::string_view part, std::vector<std::string> const& languages);

// A gettext catalogue: msgid -> msgstr, without plural forms and the header entry. Empty when the
// file is missing or not a well-formed .mo file (every offset is checked against the file's size).
std::unordered_map<std::string, std::string> read_mo_catalogue(std::filesystem::path const& path);

}  // namespace nogood::facts::detail
