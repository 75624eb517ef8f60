#include "json_file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "json_locate.hpp"

namespace nogood::facts::detail {

std::string kind_of(json const& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "an integer";
    case json::value_t::number_float: return "a number";
    default: return "a value";
  }
}

std::pair<std::string, std::string> date_problem(std::string const& text) {
  bool form = text.size() == 10 && text[4] == '-' && text[7] == '-';
  for (std::size_t i = 0; form && i < text.size(); ++i) form = i == 4 || i == 7 || (text[i] >= '0' && text[i] <= '9');
  if (!form) return {"`" + text + "` is not a date in the form YYYY-MM-DD", "write dates as YYYY-MM-DD, e.g. 2025-11-14"};
  int const y = std::stoi(text.substr(0, 4)), m = std::stoi(text.substr(5, 2));
  std::string const what = "`" + text + "` is not a date that exists";
  if (y == 0) return {what, "years run from 0001 to 9999"};
  if (m < 1 || m > 12) return {what, "there is no month " + text.substr(5, 2)};
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool const leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return {what, text.substr(0, 7) + " has " + std::to_string(days[m - 1] + (m == 2 && leap ? 1 : 0)) + " days"};
}

std::tuple<std::string, std::string, std::string> date_value_problem(std::string const& text, engine::DateProblem problem) {
  static constexpr char forms[] =
      "dates are written 2025-10-19 (a day), 2025-10 (a month), 2025 (a year), 2025-10-19T14:30 (a time) or "
      "2025-10-01/2025-10-15 (an interval)";
  switch (problem) {
    case engine::DateProblem::backwards:
      return {"E0324", "`" + text + "` ends before it starts", "write the earlier end first: START/END"};
    case engine::DateProblem::no_such_time:
      return {"E0307", "`" + text + "` is not a time that exists", "hours run from 00 to 23, minutes from 00 to 59"};
    case engine::DateProblem::table_full:
      return {"E0307", "`" + text + "`: too many distinct dates that are not single days", "give exact days where the sources do"};
    case engine::DateProblem::no_such_day:
      if (text.size() == 10 && text.find('/') == std::string::npos) return std::tuple_cat(std::tuple<std::string>("E0307"), date_problem(text));
      return {"E0307", "`" + text + "` is not a date that exists", "years run from 0001 to 9999, months from 01 to 12, days as the month has them"};
    case engine::DateProblem::none:
    case engine::DateProblem::form: break;
  }
  return {"E0307", "`" + text + "` is not a date", forms};
}

void JsonFile::locate(Diagnostic& d, std::string const& pointer, JsonPart part, std::string label) {
  if (!doc_file_ || d.primary) return;
  auto range = locate_json_pointer(doc_, pointer, part);
  if (!range) return;
  d.with_primary(Span{doc_file_(), doc_offset_ + range->first, doc_offset_ + range->second},
                 label.empty() ? "at " + (pointer.empty() ? std::string("/") : pointer) : std::move(label));
}

void JsonFile::error(std::string code, std::string const& pointer, std::string message, std::string help) {
  Diagnostic d = make_error(std::move(code), std::move(message));
  d.file_name = where();
  d.json_pointer = pointer;
  locate(d, pointer);
  if (!help.empty()) d.with_help(std::move(help));
  diags_.report(std::move(d));
}
void JsonFile::warning(std::string code, std::string const& pointer, std::string message, std::string help) {
  Diagnostic d = make_warning(std::move(code), std::move(message));
  d.file_name = where();
  d.json_pointer = pointer;
  locate(d, pointer);
  if (!help.empty()) d.with_help(std::move(help));
  diags_.report(std::move(d));
}

void JsonFile::report(Diagnostic d, std::string const& pointer) {
  d.file_name = where();
  d.json_pointer = pointer;
  locate(d, pointer);
  diags_.report(std::move(d));
}

bool JsonFile::known_keys(json const& obj, std::string const& ptr, std::vector<std::string_view> const& keys, char const* what) {
  bool ok = true;
  for (auto const& [key, value] : obj.items()) {
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    ok = false;
    std::string list;
    for (auto k : keys) list += (list.empty() ? "`" : ", `") + std::string(k) + "`";
    Diagnostic d = make_error("E0320", "unknown key `" + key + "` in " + what);
    d.file_name = where();
    d.json_pointer = ptr + "/" + key;
    locate(d, d.json_pointer, JsonPart::key, "unknown key");
    auto near = closest_match(key, keys);
    d.with_note("the keys of " + std::string(what) + " are " + list);
    d.with_help(near.empty() ? "remove it, or see " + format_doc_ : "did you mean `" + near + "`?");
    diags_.report(std::move(d));
  }
  return ok;
}

std::optional<json> JsonFile::parse(std::string_view text, FileId file, std::uint32_t offset) {
  try {
    return json::parse(text);
  } catch (json::parse_error const& e) {
    std::string what = e.what();
    if (auto p = what.find("syntax error while parsing"); p != std::string::npos) what = what.substr(p);
    // nlohmann quotes the bytes it last read, which may end inside a character: the snippet
    // below shows the place whole.
    if (auto p = what.find("; last read: '"); p != std::string::npos) {
      auto q = what.find("'; ", p + 14);
      what.erase(p, q == std::string::npos ? std::string::npos : q + 1 - p);
    }
    auto at = static_cast<std::size_t>(e.byte > 0 ? e.byte - 1 : 0);
    if (at > text.size()) at = text.size();
    auto continuation = [&](std::size_t i) { return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
    while (at > 0 && continuation(at)) --at;  // the whole character, never half of one
    auto end = at < text.size() ? at + 1 : at;
    while (continuation(end)) ++end;
    Diagnostic d = make_error("E0301", "malformed JSON: " + what);
    d.with_primary(Span{file, offset + static_cast<std::uint32_t>(at), offset + static_cast<std::uint32_t>(end)}, "here");
    d.with_help(syntax_help_);
    diags_.report(std::move(d));
    return std::nullopt;
  } catch (json::out_of_range const& e) {
    // A number no double holds (1e400): nlohmann names it, so point at its first occurrence.
    std::string what = e.what();
    std::string literal;
    if (auto p = what.find("parsing '"); p != std::string::npos)
      literal = what.substr(p + 9, what.find('\'', p + 9) == std::string::npos ? 0 : what.find('\'', p + 9) - p - 9);
    Diagnostic d = make_error("E0303", "the number `" + literal + "` is out of range");
    if (auto at = literal.empty() ? std::string_view::npos : text.find(literal); at != std::string_view::npos)
      d.with_primary(Span{file, offset + static_cast<std::uint32_t>(at), offset + static_cast<std::uint32_t>(at + literal.size())},
                     "too large for a number");
    else
      d.file_name = where();
    d.with_help("ints are 32-bit, from -2147483648 to 2147483647; write other numbers as strings");
    diags_.report(std::move(d));
    return std::nullopt;
  }
}

json const* JsonFile::field(json const& obj, std::string const& pointer, char const* key, json::value_t type, bool required) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) error("E0302", pointer, "missing field `" + std::string(key) + "`", "add `\"" + std::string(key) + "\"` to the object at " + (pointer.empty() ? "/" : pointer));
    return nullptr;
  }
  bool ok = it->type() == type || (type == json::value_t::number_integer && it->is_number_integer());
  if (!ok) {
    static std::map<json::value_t, std::string> names{{json::value_t::string, "a string"}, {json::value_t::object, "an object"},
                                                      {json::value_t::array, "an array"}, {json::value_t::boolean, "a boolean"},
                                                      {json::value_t::number_integer, "an integer"}};
    static std::map<json::value_t, std::string> forms{{json::value_t::string, "\"...\""}, {json::value_t::object, "{...}"},
                                                      {json::value_t::array, "[...]"}, {json::value_t::boolean, "true or false"},
                                                      {json::value_t::number_integer, "a whole number, without quotes"}};
    error("E0303", pointer + "/" + key, "`" + std::string(key) + "` must be " + names[type] + ", not " + kind_of(*it),
          "write it as " + forms[type]);
    return nullptr;
  }
  return &*it;
}

std::string JsonFile::string_field(json const& obj, std::string const& pointer, char const* key, bool required) {
  auto f = field(obj, pointer, key, json::value_t::string, required);
  return f ? f->get<std::string>() : std::string();
}

std::optional<std::string> read_file(std::filesystem::path const& path, Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || std::filesystem::is_directory(path, ec)) {
    bool const directory = std::filesystem::is_directory(path, ec);
    Diagnostic d = make_error("E0001", directory ? "`" + path.string() + "` is a directory, not a file"
                                                 : "cannot read `" + path.string() + "`: " + (std::filesystem::exists(path, ec) ? "permission denied" : "no such file"));
    d.file_name = path.string();
    diags.report(std::move(d.with_help(directory ? "name a file, or pass the folder as the corpus" : "check the path; relative paths start from the current directory")));
    return std::nullopt;
  }
  // One read into a string of the file's size: a stream buffer would hold a second copy of a bulk file.
  in.seekg(0, std::ios::end);
  auto const size = static_cast<std::streamoff>(in.tellg());
  in.seekg(0, std::ios::beg);
  std::string text;
  if (size > 0) {
    text.resize(static_cast<std::size_t>(size));
    in.read(text.data(), size);
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  return text;
}

}  // namespace nogood::facts::detail
