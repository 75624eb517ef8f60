// `nogood diff OLD.json NEW.json`: two saved reports compared by verdict id, in every format.
// Ids are stable across runs, so a verdict is new, unchanged or resolved by its id alone; the
// saved reports hold no proofs, so each verdict is shown by its line (severity, rule, message,
// sources, id), and `nogood explain ID` on the corpus gives the rest.
#include <algorithm>
#include <array>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "json_writer.hpp"
#include "nogood/report/fragments.hpp"
#include "nogood/report/report.hpp"
#include "render_html.hpp"
#include "render_markdown.hpp"
#include "sha256.hpp"

namespace nogood::report {

namespace {

using engine::SavedVerdict;

struct Groups {
  std::vector<SavedVerdict const*> fresh, unchanged, resolved;
};

Groups compare(engine::SavedReport const& old, engine::SavedReport const& now) {
  std::unordered_set<std::string_view> before, after;
  for (auto const& v : old.verdicts) before.insert(v.id);
  for (auto const& v : now.verdicts) after.insert(v.id);
  Groups g;
  for (auto const& v : now.verdicts) (before.contains(v.id) ? g.unchanged : g.fresh).push_back(&v);
  for (auto const& v : old.verdicts)
    if (!after.contains(v.id)) g.resolved.push_back(&v);
  return g;
}

std::string counts_line(Groups const& g) {
  return std::to_string(g.fresh.size()) + " new, " + std::to_string(g.unchanged.size()) + " unchanged, " +
         std::to_string(g.resolved.size()) + " resolved";
}

// The sources involved, each once (a verdict lists a source once per binding and claim).
std::string sources_list(SavedVerdict const& v) {
  std::vector<std::string_view> seen;
  std::string out;
  for (auto const& s : v.sources) {
    if (std::find(seen.begin(), seen.end(), s) != seen.end()) continue;
    seen.push_back(s);
    out += (out.empty() ? "" : ", ") + s;
  }
  return out;
}

// (path, kind, SHA-256) of the two reports, old first.
std::vector<std::array<std::string, 3>> report_files(Manifest const& m) {
  std::vector<std::array<std::string, 3>> out;
  for (std::size_t i = 0; i < m.files.size(); ++i) out.push_back({m.files[i], i == 0 ? "old" : "new", sha256_file_hex(m.files[i]).value_or("")});
  return out;
}

struct Section {
  char const* word;
  std::vector<SavedVerdict const*> const* list;
};

void text(std::string& out, Groups const& g, Manifest const& m, Style const& style) {
  std::size_t width = 0;
  for (auto const& group : {g.fresh, g.unchanged, g.resolved})
    for (auto const* v : group) width = std::max(width, v->rule.size() + v->severity.size() + 2);
  for (Section s : {Section{"new", &g.fresh}, Section{"unchanged", &g.unchanged}, Section{"resolved", &g.resolved}})
    for (auto const* v : *s.list) {
      std::string word = s.word;
      out += (word == "new" ? style.bold(word) : word) + std::string(10 - word.size(), ' ');
      std::string head = v->severity + "[" + v->rule + "]";
      out += head + std::string(width > head.size() ? width - head.size() : 0, ' ') + "  " + v->message + "  " +
             style.dim("[" + sources_list(*v) + "]") + "  " + style.dim(v->id) + (v->accepted ? "  accepted" : "") + "\n";
    }
  if (!g.fresh.empty() || !g.unchanged.empty() || !g.resolved.empty()) out += "\n";
  out += style.bold("summary") + ": " + m.files[0] + " -> " + m.files[1] + ": " + counts_line(g) + "\n";
}

void json_list(JsonWriter& w, char const* key, std::vector<SavedVerdict const*> const& list) {
  w.key(key).begin_array();
  for (auto const* v : list) {
    w.begin_object().member("id", v->id).member("rule", v->rule).member("severity", v->severity).member("message", v->message);
    w.key("sources").begin_array();
    for (auto const& s : v->sources) w.value(s);
    w.end_array().member("accepted", v->accepted).end_object();
  }
  w.end_array();
}

void json(std::string& out, Groups const& g, Manifest const& m) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (auto const& [path, kind, sha] : report_files(m))
    files.push_back({{"path", path}, {"kind", kind}, {"sha256", sha.empty() ? nullptr : nlohmann::ordered_json(sha)}});
  nlohmann::ordered_json head{{"version", m.version}, {"command", m.command}, {"files", files}, {"options", m.options}};
  JsonWriter w(out);
  w.begin_object().member("nogood", m.version).member("schema", 2).key("manifest").raw(head.dump(2));
  json_list(w, "new", g.fresh);
  json_list(w, "unchanged", g.unchanged);
  json_list(w, "resolved", g.resolved);
  w.key("summary").begin_object().member("new", g.fresh.size()).member("unchanged", g.unchanged.size()).member("resolved", g.resolved.size());
  w.end_object().end_object();
  out += '\n';
}

void markdown(std::string& out, Groups const& g, Manifest const& m) {
  out += "# nogood diff\n\n" + md_text(m.files[0]) + " \u2192 " + md_text(m.files[1]) + ": " + counts_line(g) + ".\n";
  for (Section s : {Section{"New", &g.fresh}, Section{"Unchanged", &g.unchanged}, Section{"Resolved", &g.resolved}}) {
    if (s.list->empty()) continue;
    out += "\n## " + std::string(s.word) + "\n\n";
    for (auto const* v : *s.list)
      out += "- " + md_text(v->severity) + " `" + v->rule + "`: " + md_text(v->message) + " (" + md_text(sources_list(*v)) + ") `" + v->id + "`" +
             (v->accepted ? " **accepted**" : "") + "\n";
  }
  out += "\n## Run manifest\n\n- Engine: nogood " + md_text(m.version) + "\n- Command: `" + manifest_command_line(m) + "`\n\n";
  out += "| Report | Kind | SHA-256 |\n| :-- | :-- | :-- |\n";
  for (auto const& [path, kind, sha] : report_files(m)) out += "| " + md_text(path) + " | " + kind + " | `" + sha + "` |\n";
}

void html(std::string& out, Groups const& g, Manifest const& m) {
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"nogood " + html_escape(m.version) +
         "\">\n<title>nogood diff: " + html_escape(counts_line(g)) + "</title>\n<style>\n"
         "body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }\n"
         "table { border-collapse: collapse; } td, th { padding: .2rem .6rem; border-bottom: 1px solid #ddd; text-align: start; vertical-align: top; }\n"
         ".severity { text-transform: uppercase; font-size: .8em; font-weight: 700; }\n"
         ".error .severity { color: #b3261e; } .warning .severity { color: #b26a00; } .info .severity { color: #0b57d0; }\n"
         "code.id { font-size: .85em; color: #555; }\n</style>\n</head>\n<body>\n<h1>nogood diff</h1>\n<p>" + html_isolated(m.files[0]) +
         " \u2192 " + html_isolated(m.files[1]) + ": " + html_escape(counts_line(g)) + "</p>\n";
  for (Section s : {Section{"New", &g.fresh}, Section{"Unchanged", &g.unchanged}, Section{"Resolved", &g.resolved}}) {
    if (s.list->empty()) continue;
    out += "<h2>" + std::string(s.word) + "</h2>\n<table>\n";
    for (auto const* v : *s.list)
      out += "<tr class=\"" + html_escape(v->severity) + "\"><td class=\"severity\">" + html_escape(v->severity) + "</td><td><code>" +
             html_escape(v->rule) + "</code></td><td>" + html_isolated(v->message) + (v->accepted ? " <strong>accepted</strong>" : "") +
             "<br><code class=\"id\">" + html_escape(v->id) + "</code></td><td>" + html_isolated(sources_list(*v)) + "</td></tr>\n";
    out += "</table>\n";
  }
  out += "<h2>Run manifest</h2>\n<table>\n<tr><th>Engine</th><td>nogood " + html_escape(m.version) + "</td></tr>\n<tr><th>Command</th><td><code>" +
         html_escape(manifest_command_line(m)) + "</code></td></tr>\n</table>\n<table>\n<tr><th>Report</th><th>Kind</th><th>SHA-256</th></tr>\n";
  for (auto const& [path, kind, sha] : report_files(m))
    out += "<tr><td>" + html_isolated(path) + "</td><td>" + kind + "</td><td><code>" + sha + "</code></td></tr>\n";
  out += "</table>\n</body>\n</html>\n";
}

}  // namespace

bool render_diff(engine::SavedReport const& old, engine::SavedReport const& now, Manifest const& manifest, ReportOptions const& options,
                 Sink& sink) {
  auto const g = compare(old, now);
  std::string out;
  switch (options.format) {
    case Format::text: text(out, g, manifest, options.style); break;
    case Format::json: json(out, g, manifest); break;
    case Format::markdown: markdown(out, g, manifest); break;
    case Format::html: html(out, g, manifest); break;
  }
  sink.write(out);
  return std::any_of(g.fresh.begin(), g.fresh.end(), [](SavedVerdict const* v) { return !v->accepted; });
}

}  // namespace nogood::report
