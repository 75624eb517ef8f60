#include "nogood/facts/accepted.hpp"

#include <unordered_map>

#include "json_file.hpp"
#include "nogood/engine/values.hpp"
#include "nogood/facts/load.hpp"

namespace nogood::facts {

namespace {

using detail::json;

// Reads one entry; false when it has errors (reported).
bool read_entry(detail::JsonFile& file, json const& e, std::string const& ptr, engine::Acceptance& out) {
  if (!e.is_object()) {
    file.error("E0303", ptr, "an accepted verdict must be an object, not " + detail::kind_of(e),
               "write each entry as {\"id\": ..., \"reason\": ..., \"by\": ..., \"date\": ...}");
    return false;
  }
  bool ok = file.known_keys(e, ptr, {"id", "reason", "by", "date"}, "an accepted verdict");
  static constexpr std::pair<char const*, char const*> fields[] = {
      {"id", "the verdict's id, as `nogood check` prints it"},
      {"reason", "say why the verdict is understood"},
      {"by", "name who accepted it"},
      {"date", "the day it was accepted, e.g. 2026-01-31"}};
  for (auto [key, help] : fields) {
    auto const* f = file.field(e, ptr, key, json::value_t::string, true);
    if (!f) {
      ok = false;
      continue;
    }
    auto const& text = f->get_ref<std::string const&>();
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      file.error("E0340", ptr + "/" + key, "`" + std::string(key) + "` is empty", help);
      ok = false;
      continue;
    }
    std::string_view k = key;
    (k == "id" ? out.id : k == "reason" ? out.reason : k == "by" ? out.by : out.date) = text;
  }
  if (!out.date.empty() && !engine::parse_date(out.date)) {
    auto [message, help] = detail::date_problem(out.date);
    file.error("E0307", ptr + "/date", message, help);
    ok = false;
  }
  return ok;
}

}  // namespace

std::optional<std::vector<engine::Acceptance>> load_accepted(std::filesystem::path const& path, SourceManager& sources,
                                                             Diagnostics& diags) {
  auto text = detail::read_file(path, diags);
  if (!text) return std::nullopt;
  return load_accepted_text(path.string(), std::move(*text), sources, diags);
}

std::optional<std::vector<engine::Acceptance>> load_accepted_text(std::string name, std::string text, SourceManager& sources,
                                                                  Diagnostics& diags) {
  auto const file = sources.add(name, std::move(text));
  std::string_view const doc = sources.file(file).text;
  if (doc.starts_with("\xEF\xBB\xBF")) {
    diags.report(make_error("E0318", "the file starts with a byte order mark")
                     .with_primary(Span{file, 0, 3}, "BOM")
                     .with_help("save the file as UTF-8 without BOM"));
    return std::nullopt;
  }
  if (std::size_t bad; !valid_utf8(doc, bad)) {
    diags.report(make_error("E0317", "invalid UTF-8 at byte " + std::to_string(bad))
                     .with_primary(Span{file, static_cast<std::uint32_t>(bad), static_cast<std::uint32_t>(bad + 1)}, "not UTF-8")
                     .with_help("save the file as UTF-8"));
    return std::nullopt;
  }
  auto const errors = diags.error_count();
  detail::JsonFile reader(diags, name, "docs/accepted.md",
                          "fix the JSON syntax; accepted.json is one JSON object, see docs/accepted.md");
  reader.set_document(doc, 0, [file] { return file; });
  auto parsed = reader.parse(doc, file, 0);
  if (!parsed) return std::nullopt;
  if (!parsed->is_object()) {
    reader.error("E0303", "", "accepted.json must be a JSON object, not " + detail::kind_of(*parsed),
                 "see docs/accepted.md: {\"nogood\": 1, \"accepted\": [...]}");
    return std::nullopt;
  }
  if (auto v = parsed->find("nogood"); v == parsed->end() || !v->is_number_integer() || v->get<int>() != 1)
    reader.error("E0304", v == parsed->end() ? "" : "/nogood", v == parsed->end() ? "missing format version `\"nogood\": 1`" : "unsupported format version `" + v->dump() + "`",
                 "this version of nogood reads `\"nogood\": 1`");
  reader.known_keys(*parsed, "", {"nogood", "accepted"}, "accepted.json");
  std::vector<engine::Acceptance> out;
  std::unordered_map<std::string, std::size_t> seen;  // id -> entry
  if (auto const* list = reader.field(*parsed, "", "accepted", json::value_t::array, true)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::string const ptr = "/accepted/" + std::to_string(i);
      engine::Acceptance a;
      if (!read_entry(reader, (*list)[i], ptr, a)) continue;
      if (auto range = detail::locate_json_pointer(doc, ptr + "/id")) a.span = Span{file, range->first, range->second};
      if (auto [it, fresh] = seen.try_emplace(a.id, out.size()); !fresh) {
        Diagnostic d = make_error("E0306", "verdict `" + a.id + "` is accepted twice");
        d.file_name = name;
        d.json_pointer = ptr + "/id";
        if (a.span.valid()) d.with_primary(a.span, "accepted again");
        if (auto const& first = out[it->second].span; first.valid()) d.with_secondary(first, "first accepted here");
        diags.report(std::move(d.with_help("keep one entry per verdict: remove this one, or merge the two reasons")));
        continue;
      }
      out.push_back(std::move(a));
    }
  }
  if (diags.error_count() > errors) return std::nullopt;
  return out;
}

std::string accepted_text(std::vector<engine::Acceptance> const& entries) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (auto const& a : entries) list.push_back({{"id", a.id}, {"reason", a.reason}, {"by", a.by}, {"date", a.date}});
  return nlohmann::ordered_json{{"nogood", 1}, {"accepted", std::move(list)}}.dump(2) + "\n";
}

}  // namespace nogood::facts
