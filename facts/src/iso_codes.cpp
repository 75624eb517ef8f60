#include "iso_codes.hpp"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#ifndef NOGOOD_ISO_CODES_JSON_DIR
#define NOGOOD_ISO_CODES_JSON_DIR "/usr/share/iso-codes/json"
#endif
#ifndef NOGOOD_ISO_CODES_LOCALE_DIR
#define NOGOOD_ISO_CODES_LOCALE_DIR "/usr/share/locale"
#endif

namespace nogood::facts::detail {

namespace fs = std::filesystem;

fs::path iso_codes_json_dir() { return NOGOOD_ISO_CODES_JSON_DIR; }
fs::path iso_codes_locale_dir() { return NOGOOD_ISO_CODES_LOCALE_DIR; }

namespace {

std::string read_all(fs::path const& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

std::unordered_map<std::string, std::string> read_mo_catalogue(fs::path const& path) {
  std::unordered_map<std::string, std::string> out;
  std::string const data = read_all(path);
  auto word = [&](std::size_t at, bool swap, std::uint32_t& v) {
    if (at > data.size() || data.size() - at < 4) return false;
    std::memcpy(&v, data.data() + at, 4);
    if (swap) v = __builtin_bswap32(v);
    return true;
  };
  std::uint32_t magic = 0, count = 0, originals = 0, translations = 0;
  if (!word(0, false, magic)) return out;
  bool const swap = magic == 0xde120495u;
  if (!swap && magic != 0x950412deu) return out;
  if (!word(8, swap, count) || !word(12, swap, originals) || !word(16, swap, translations)) return {};
  auto string_at = [&](std::uint32_t table, std::uint32_t i, std::string_view& s) {
    std::uint32_t length = 0, offset = 0;
    std::size_t entry = std::size_t(table) + std::size_t(i) * 8;
    if (!word(entry, swap, length) || !word(entry + 4, swap, offset)) return false;
    if (offset > data.size() || data.size() - offset < length) return false;
    s = std::string_view(data).substr(offset, length);
    return true;
  };
  for (std::uint32_t i = 0; i < count; ++i) {
    std::string_view id, text;
    if (!string_at(originals, i, id) || !string_at(translations, i, text)) return {};
    // The header has an empty msgid; plural entries and contexts hold a NUL or EOT in theirs.
    if (id.empty() || text.empty() || id.find('\0') != id.npos || id.find('\x04') != id.npos) continue;
    out.emplace(id, text);
  }
  return out;
}

std::vector<IsoEntry> read_iso_3166(std::string_view part, std::vector<std::string> const& languages) {
  std::vector<IsoEntry> out;
  std::string const domain = "iso_" + std::string(part);
  auto doc = nlohmann::json::parse(read_all(iso_codes_json_dir() / (domain + ".json")), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return out;
  auto list = doc.find(std::string(part));
  if (list == doc.end() || !list->is_array()) return out;

  std::vector<std::unordered_map<std::string, std::string>> catalogues;
  for (auto const& lang : languages)
    catalogues.push_back(read_mo_catalogue(iso_codes_locale_dir() / lang / "LC_MESSAGES" / (domain + ".mo")));

  auto text = [](nlohmann::json const& o, char const* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  for (auto const& item : *list) {
    if (!item.is_object()) continue;
    IsoEntry e;
    e.code = text(item, part == "3166-1" ? "alpha_2" : "code");
    e.name = text(item, "name");
    if (e.code.empty() || e.name.empty()) continue;
    for (char const* key : {"name", "official_name", "common_name"}) {
      std::string english = text(item, key);
      if (english.empty()) continue;
      if (english != e.name) e.names.push_back(english);
      for (auto const& catalogue : catalogues)
        if (auto it = catalogue.find(english); it != catalogue.end() && it->second != english)
          e.names.push_back(it->second);
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace nogood::facts::detail
