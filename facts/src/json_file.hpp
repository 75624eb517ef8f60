// A JSON corpus file being read, with the diagnostics every such file gives: each located at
// file:line:column through its JSON Pointer, unknown keys with the nearest known one, wrong types
// and missing fields by name, syntax errors at the character. The facts files, entities.json and
// accepted.json all read through it, so their messages look alike.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "json_locate.hpp"
#include "nogood/diagnostics.hpp"
#include "nogood/engine/dates.hpp"

namespace nogood::facts::detail {

using json = nlohmann::json;

// `an object`, `a string`, ... for messages.
std::string kind_of(json const& j);
// Why a string that parse_date rejects is not a date: its form, or a month or day that does not
// exist; (message, help).
std::pair<std::string, std::string> date_problem(std::string const& text);
// Why an argument date did not parse: its code (E0307, E0324), message and help.
std::tuple<std::string, std::string, std::string> date_value_problem(std::string const& text, engine::DateProblem problem);

// The bytes of a file; E0001 when it cannot be read (a folder, no such file, no permission).
std::optional<std::string> read_file(std::filesystem::path const& path, Diagnostics& diags);

class JsonFile {
public:
  // `format_doc` is the page that describes the format, named when a key is unknown;
  // `syntax_help` is the help line of a syntax error.
  JsonFile(Diagnostics& diags, std::string name, std::string format_doc = "docs/facts-format.md",
           std::string syntax_help = "fix the JSON syntax; every fact file is one JSON object (or one object per line in .jsonl)")
      : diags_(diags), name_(std::move(name)), format_doc_(std::move(format_doc)), syntax_help_(std::move(syntax_help)) {}

  // The file, with the line in JSON Lines, where pointers start.
  std::string where() const { return line_ ? name_ + ":" + std::to_string(line_) : name_; }

  // The JSON text pointers lead into: the document, or the current line of a bulk file, which
  // starts at byte `offset` of the file (registered with the sources only when needed).
  void set_document(std::string_view text, std::uint32_t offset, std::function<FileId()> file) {
    doc_ = text;
    doc_offset_ = offset;
    doc_file_ = std::move(file);
  }

  // Points the diagnostic at the place the pointer leads to, so it shows file:line:column.
  void locate(Diagnostic& d, std::string const& pointer, JsonPart part = JsonPart::value, std::string label = {});
  void error(std::string code, std::string const& pointer, std::string message, std::string help = {});
  void warning(std::string code, std::string const& pointer, std::string message, std::string help = {});
  // A diagnostic made elsewhere (with its notes), located at the pointer.
  void report(Diagnostic d, std::string const& pointer);
  // Keys the format does not define are errors, with the nearest known key: a misspelt
  // `certainity` would otherwise be ignored and the claim read as `reported`.
  bool known_keys(json const& obj, std::string const& ptr, std::vector<std::string_view> const& keys, char const* what);
  // Parses the text registered as `file` (from byte `offset`); syntax errors point at line and column.
  std::optional<json> parse(std::string_view text, FileId file, std::uint32_t offset);
  // The field `key` of `obj` when it has `type`; else nullptr, with E0302 (missing, when
  // required) or E0303 (another type).
  json const* field(json const& obj, std::string const& pointer, char const* key, json::value_t type, bool required);
  std::string string_field(json const& obj, std::string const& pointer, char const* key, bool required);

protected:
  Diagnostics& diags_;
  std::string name_;
  std::size_t line_ = 0;  // in JSON Lines, the line being loaded
  std::string format_doc_, syntax_help_;
  std::string_view doc_;
  std::uint32_t doc_offset_ = 0;
  std::function<FileId()> doc_file_;
};

}  // namespace nogood::facts::detail
