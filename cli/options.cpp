#include "options.hpp"

#include <algorithm>
#include <charconv>

#include "nogood/diagnostics.hpp"
#include "nogood/sql/postgres.hpp"

namespace nogood::cli {

std::optional<std::uint64_t> parse_memory_size(std::string_view v) {
  if (v == "none" || v == "0") return 0;
  std::uint64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end == v.data() || n == 0) return std::nullopt;
  std::string_view unit(end, static_cast<std::size_t>(v.data() + v.size() - end));
  if (unit.ends_with("iB")) unit.remove_suffix(2);
  else if (unit.size() == 2 && unit.back() == 'B') unit.remove_suffix(1);
  int shift = unit.empty() ? 0 : unit == "K" || unit == "k" ? 10 : unit == "M" ? 20 : unit == "G" ? 30 : unit == "T" ? 40 : -1;
  if (shift < 0 || n > (~0ull >> shift)) return std::nullopt;
  return n << shift;
}

std::optional<std::string> parse_options(std::vector<std::string> const& args, CommonOptions& o) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    std::string value;
    bool has_inline = false;
    if (a.rfind("--", 0) == 0 && a.find('=') != std::string::npos) {
      value = a.substr(a.find('=') + 1);
      a = a.substr(0, a.find('='));
      has_inline = true;
    }
    auto take = [&](std::string& dst) -> std::optional<std::string> {
      if (has_inline) {
        dst = value;
        return std::nullopt;
      }
      if (i + 1 >= args.size()) return "option `" + a + "` needs a value";
      dst = args[++i];
      return std::nullopt;
    };
    std::string v;
    if (a.size() > 1 && a[0] == '-') {
      static constexpr std::pair<std::string_view, std::string_view> shorts[] = {
          {"-h", "--help"}, {"-q", "--quiet"}, {"-o", "--output"}, {"-f", "--format"}, {"-e", "--pattern"}};
      std::string name = a;
      for (auto [s, l] : shorts)
        if (a == s) name = l;
      o.given.push_back(name);
    }
    if (a == "--help" || a == "-h") o.help = true;
    else if (a == "--quiet" || a == "-q") o.quiet = true;
    else if (a == "--no-provenance") o.provenance = false;
    else if (a == "--no-proofs") o.proofs = false;
    else if (a == "--count") o.count = true;
    else if (a == "--check") o.check = true;
    else if (a == "--dry-run") o.dry_run = true;
    else if (a == "--keep-going") o.keep_going = true;
    else if (a == "--fix") o.fix = true;
    else if (a == "--compact") o.compact = true;
    else if (a == "--rules" || a == "--facts" || a == "--texts" || a == "--rule" || a == "--source" || a == "--pattern" || a == "-e") {
      if (auto e = take(v)) return e;
      (a == "--rules" ? o.rules : a == "--facts" ? o.facts : a == "--texts" ? o.texts : a == "--rule" ? o.rule_filter
                                                        : a == "--source" ? o.source_filter : o.patterns).push_back(v);
    } else if (a == "--entities" || a == "--output" || a == "-o" || a == "--timings" || a == "--reason" || a == "--by" ||
               a == "--accepted" || a == "--baseline" || a == "--to" || a == "--dialect") {
      if (auto e = take(v)) return e;
      (a == "--to" ? o.to : a == "--dialect" ? o.dialect : a == "--entities" ? o.entities : a == "--accepted" ? o.accepted : a == "--baseline" ? o.baseline : a == "--timings" ? o.timings : a == "--reason" ? o.reason : a == "--by" ? o.by : o.output) = v;
    } else if (a == "--format" || a == "-f") {
      if (auto e = take(v)) return e;
      if (v == "md") v = "markdown";
      if (v != "text" && v != "json" && v != "markdown" && v != "html") return "unknown format `" + v + "`; formats are text, json, markdown and html";
      o.format = v;
      o.format_given = true;
    } else if (a == "--fail-on" && (has_inline ? value == "never" || value == "new"
                                               : i + 1 < args.size() && (args[i + 1] == "never" || args[i + 1] == "new"))) {
      o.fail_on = has_inline ? value : args[++i];
    } else if (a == "--severity" || a == "--fail-on") {
      if (auto e = take(v)) return e;
      if (v != "error" && v != "warning" && v != "info") return "unknown severity `" + v + "`; severities are error, warning and info" + std::string(a == "--fail-on" ? " (and `new` or `never` for --fail-on)" : "");
      (a == "--severity" ? o.min_severity : o.fail_on) = v;
    } else if (a == "--color") {
      if (auto e = take(v)) return e;
      if (v == "auto") o.color = ColorMode::auto_;
      else if (v == "always") o.color = ColorMode::always;
      else if (v == "never") o.color = ColorMode::never;
      else return "unknown color mode `" + v + "`; use auto, always or never";
    } else if (a == "--lang") {
      if (auto e = take(v)) return e;
      o.language = v;
    } else if (a == "--max-facts" || a == "--max-seconds") {
      if (auto e = take(v)) return e;
      char* end = nullptr;
      double d = std::strtod(v.c_str(), &end);
      if (v.empty() || *end != '\0' || d <= 0) return "option `" + a + "` needs a positive number, not `" + v + "`";
      if (a == "--max-facts") o.max_facts = static_cast<unsigned long long>(d);
      else o.max_seconds = d;
    } else if (a == "--threads") {
      if (auto e = take(v)) return e;
      char* end = nullptr;
      long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n < 1 || n > 1024)
        return "option `--threads` needs a whole number of threads from 1 to 1024, not `" + v + "`";
      o.threads = static_cast<unsigned>(n);
    } else if (a == "--engine") {
      if (auto e = take(v)) return e;
      if (v != "native" && !sql::is_postgres_uri(v))
        return "option `--engine` needs `native` or a PostgreSQL URI such as postgresql://localhost/nogood, not `" + v + "`";
      if (v != "native") o.engine = v;
    } else if (a == "--max-memory") {
      if (auto e = take(v)) return e;
      auto bytes = parse_memory_size(v);
      if (!bytes) return "option `--max-memory` needs a size such as 4G, 512M or 2000000000 (bytes), or `none`, not `" + v + "`";
      o.max_memory = *bytes;
    } else if (a.size() > 1 && a[0] == '-') {
      auto near = closest_match(a, {"--help", "--quiet", "--no-provenance", "--no-proofs", "--count", "--check", "--dry-run", "--keep-going", "--fix", "--compact",
                                    "--rules", "--facts", "--texts", "--rule", "--source", "--pattern", "--entities", "--accepted", "--baseline", "--output",
                                    "--timings", "--format", "--severity", "--fail-on", "--color", "--lang",
                                    "--max-facts", "--max-seconds", "--max-memory", "--threads", "--engine", "--reason", "--by", "--to", "--dialect"});
      return "unknown option `" + a + "`" + (near.empty() ? "" : "; did you mean `" + near + "`?");
    } else {
      o.positional.push_back(a);
    }
  }
  return std::nullopt;
}

std::optional<std::string> reject_inapplicable(CommonOptions const& o, std::string_view command,
                                               std::vector<std::string_view> const& allowed) {
  for (auto const& name : o.given) {
    if (name == "--help" || std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    return "`" + name + "` does not apply to `nogood " + std::string(command) + "`";
  }
  return std::nullopt;
}

void take_format_from_output(CommonOptions& o, std::vector<std::string_view> const& formats) {
  if (o.format_given || !o.output || *o.output == "-") return;
  std::string_view path = *o.output;
  auto dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return;
  std::string ext;
  for (char c : path.substr(dot + 1)) ext += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  std::string_view format = ext == "json"                      ? "json"
                            : ext == "md" || ext == "markdown" ? "markdown"
                            : ext == "html" || ext == "htm"    ? "html"
                            : ext == "txt"                     ? "text"
                                                               : "";
  if (!format.empty() && std::find(formats.begin(), formats.end(), format) != formats.end()) o.format = std::string(format);
}

}  // namespace nogood::cli
