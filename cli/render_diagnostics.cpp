#include "render_diagnostics.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace nogood::cli {

namespace {

std::string location(SourceManager const& sources, Span s) {
  auto lc = sources.line_col(s.file, s.begin);
  return sources.file(s.file).name + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

// The line with each byte that is not UTF-8 shown as U+FFFD (one column, as line_col counts it),
// so a diagnostic about a bad byte does not send that byte to the terminal.
std::string printable(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    auto c = static_cast<unsigned char>(line[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 && c >= 0xc2 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 && c <= 0xf4 ? 4 : 0;
    bool ok = n > 0 && i + n <= line.size();
    for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(line[i + k]) >> 6) == 2;
    if (ok && n == 3) {
      auto c1 = static_cast<unsigned char>(line[i + 1]);
      ok = !(c == 0xe0 && c1 < 0xa0) && !(c == 0xed && c1 >= 0xa0);  // overlong, surrogate
    }
    if (ok && n == 4) {
      auto c1 = static_cast<unsigned char>(line[i + 1]);
      ok = !(c == 0xf0 && c1 < 0x90) && !(c == 0xf4 && c1 >= 0x90);  // overlong, beyond U+10FFFF
    }
    if (!ok) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(line.substr(i, n));
    i += n;
  }
  return out;
}

// The source line with markers under the span; columns count characters, not bytes.
void snippet(std::string& out, SourceManager const& sources, Span s, std::string const& label, char mark, Style const& style) {
  auto start = sources.line_col(s.file, s.begin);
  auto line = sources.line_text(s.file, start.line);
  std::string_view text = sources.file(s.file).text;
  auto newline = text.substr(0, s.begin).rfind('\n');
  std::size_t line_begin = newline == std::string_view::npos ? 0 : newline + 1;
  std::size_t end = std::min<std::size_t>(s.end, line_begin + line.size());
  auto number = std::to_string(start.line);
  std::string gutter(number.size(), ' ');
  std::size_t width = end > s.begin ? display_width(text.substr(s.begin, end - s.begin)) : 1;
  if (width == 0) width = 1;
  out += style.blue(gutter + " |") + "\n";
  out += style.blue(number + " |") + " " + printable(line) + "\n";
  std::string marks(width, mark);
  out += style.blue(gutter + " |") + " " + std::string(start.column - 1, ' ') +
         (mark == '^' ? style.red(marks + (label.empty() ? "" : " " + label)) : style.blue(marks + (label.empty() ? "" : " " + label))) + "\n";
}

}  // namespace

std::string render_diagnostics_text(Diagnostics const& diags, SourceManager const& sources, Style const& style) {
  std::string out;
  for (auto const& d : diags.all()) {
    auto sev = std::string(to_string(d.severity));
    auto head = sev + "[" + d.code + "]";
    out += (d.severity == Severity::error ? style.red(head) : style.yellow(head)) + style.bold(": " + d.message) + "\n";
    if (d.primary && d.primary->span.valid()) {
      out += "  " + style.blue("-->") + " " + location(sources, d.primary->span) + "\n";
      snippet(out, sources, d.primary->span, d.primary->message, '^', style);
    } else if (!d.file_name.empty()) {
      out += "  " + style.blue("-->") + " " + d.file_name + (d.json_pointer.empty() ? "" : " at " + d.json_pointer) + "\n";
    }
    for (auto const& s : d.secondary) {
      if (!s.span.valid()) continue;
      out += "  " + style.blue("::: ") + location(sources, s.span) + "\n";
      snippet(out, sources, s.span, s.message, '-', style);
    }
    for (auto const& n : d.notes) out += "   " + style.blue("=") + " " + style.bold("note") + ": " + n + "\n";
    if (d.help) out += "   " + style.blue("=") + " " + style.bold("help") + ": " + *d.help + "\n";
    out += "\n";
  }
  if (diags.dropped() > 0) out += "... and " + std::to_string(diags.dropped()) + " more diagnostics not shown\n";
  if (diags.error_count() > 0)
    out += style.red("error") + style.bold(": " + std::to_string(diags.error_count()) + " error" + (diags.error_count() == 1 ? "" : "s") +
                                           (diags.warning_count() ? ", " + std::to_string(diags.warning_count()) + " warning" + (diags.warning_count() == 1 ? "" : "s") : "")) + "\n";
  return out;
}

std::string render_diagnostics_json(Diagnostics const& diags, SourceManager const& sources) {
  using json = nlohmann::ordered_json;
  auto span_json = [&](Span s) {
    auto a = sources.line_col(s.file, s.begin), b = sources.line_col(s.file, s.end);
    return json{{"file", sources.file(s.file).name}, {"line", a.line}, {"column", a.column}, {"end_line", b.line},
                {"end_column", b.column}, {"byte_begin", s.begin}, {"byte_end", s.end}};
  };
  json list = json::array();
  for (auto const& d : diags.all()) {
    json j{{"severity", std::string(to_string(d.severity))}, {"code", d.code}, {"message", d.message}};
    if (d.primary && d.primary->span.valid()) {
      j["primary"] = span_json(d.primary->span);
      j["primary"]["label"] = d.primary->message;
      if (!d.json_pointer.empty()) j["pointer"] = d.json_pointer;
    } else if (!d.file_name.empty()) {
      j["file"] = d.file_name;
      if (!d.json_pointer.empty()) j["pointer"] = d.json_pointer;
    }
    json secondary = json::array();
    for (auto const& s : d.secondary)
      if (s.span.valid()) {
        auto sj = span_json(s.span);
        sj["label"] = s.message;
        secondary.push_back(sj);
      }
    j["secondary"] = secondary;
    j["notes"] = d.notes;
    if (d.help) j["help"] = *d.help;
    list.push_back(std::move(j));
  }
  json out{{"diagnostics", list}, {"errors", diags.error_count()}, {"warnings", diags.warning_count()}, {"dropped", diags.dropped()}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";  // never throws on a half character
}

}  // namespace nogood::cli
