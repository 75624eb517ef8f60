#include "nogood/facts/saved_report.hpp"

#include "json_file.hpp"
#include "nogood/facts/load.hpp"

namespace nogood::facts {

using detail::json;

std::optional<SavedReport> load_saved_report(std::filesystem::path const& path, SourceManager& sources, Diagnostics& diags) {
  auto text = detail::read_file(path, diags);
  if (!text) return std::nullopt;
  return load_saved_report_text(path.string(), std::move(*text), sources, diags);
}

std::optional<SavedReport> load_saved_report_text(std::string name, std::string text, SourceManager& sources, Diagnostics& diags) {
  auto const file = sources.add(name, std::move(text));
  std::string_view const doc = sources.file(file).text;
  if (std::size_t bad; !valid_utf8(doc, bad)) {
    diags.report(make_error("E0317", "invalid UTF-8 at byte " + std::to_string(bad))
                     .with_primary(Span{file, static_cast<std::uint32_t>(bad), static_cast<std::uint32_t>(bad + 1)}, "not UTF-8")
                     .with_help("give a report written by `nogood check --format json`"));
    return std::nullopt;
  }
  auto const errors = diags.error_count();
  detail::JsonFile reader(diags, name, "docs/verdicts-json.md",
                          "fix the JSON syntax, or write the report again with `nogood check --format json --output FILE`");
  reader.set_document(doc, 0, [file] { return file; });
  auto parsed = reader.parse(doc, file, 0);
  if (!parsed) return std::nullopt;
  auto const not_a_report = [&](std::string const& pointer, std::string const& why) {
    reader.error("E0012", pointer, "`" + name + "` is not a nogood JSON report: " + why,
                 "give a report written by `nogood check --format json` (schema 2)");
    return std::nullopt;
  };
  if (!parsed->is_object()) return not_a_report("", "it is " + detail::kind_of(*parsed) + ", not an object");
  auto const schema = parsed->find("schema");
  if (schema == parsed->end() || !parsed->contains("verdicts")) return not_a_report("", "it has no `schema` and `verdicts`");
  if (!schema->is_number_integer() || schema->get<int>() != 2) return not_a_report("/schema", "schema " + schema->dump() + " is not 2");
  SavedReport out{name, {}};
  if (auto const* list = reader.field(*parsed, "", "verdicts", json::value_t::array, true)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::string const ptr = "/verdicts/" + std::to_string(i);
      auto const& v = (*list)[i];
      if (!v.is_object()) {
        reader.error("E0303", ptr, "a verdict must be an object, not " + detail::kind_of(v));
        continue;
      }
      SavedVerdict s;
      s.id = reader.string_field(v, ptr, "id", true);
      s.rule = reader.string_field(v, ptr, "rule", true);
      s.severity = reader.string_field(v, ptr, "severity", true);
      s.message = reader.string_field(v, ptr, "message", true);
      if (auto const* srcs = reader.field(v, ptr, "sources", json::value_t::array, false))
        for (auto const& src : *srcs)
          if (src.is_string()) s.sources.push_back(src.get<std::string>());
      s.accepted = v.contains("accepted");
      out.verdicts.push_back(std::move(s));
    }
  }
  if (diags.error_count() > errors) return std::nullopt;
  return out;
}

}  // namespace nogood::facts
