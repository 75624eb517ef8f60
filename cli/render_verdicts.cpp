#include "render_verdicts.hpp"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "manifest.hpp"

namespace nogood::cli {

using json = nlohmann::ordered_json;

namespace {

std::string severity_label(engine::VerdictSeverity s) { return std::string(engine::to_string(s)); }

std::string paint_severity(Style const& style, engine::VerdictSeverity s, std::string const& text) {
  switch (s) {
    case engine::VerdictSeverity::error: return style.red(text);
    case engine::VerdictSeverity::warning: return style.yellow(text);
    case engine::VerdictSeverity::info: return style.blue(text);
  }
  return text;
}

// "ap-en (AP, en) · the family, reported"
std::string claim_origin(Session const& s, engine::Claim const& c) {
  auto const& corpus = s.corpus();
  std::string out;
  if (c.source == engine::no_source) {
    out = "background fact";
  } else {
    auto const& src = corpus.sources[c.source];
    out = src.id;
    std::string meta = src.outlet;
    if (!src.language.empty()) meta += (meta.empty() ? "" : ", ") + src.language;
    if (!meta.empty()) out += " (" + meta + ")";
  }
  auto by = corpus.strings.view(c.claimant);
  if (c.source != engine::no_source) {
    out += " · " + (by.empty() ? std::string("the source itself") : std::string(by));
    out += ", " + std::string(engine::to_string(c.certainty));
  }
  return out;
}

std::string claim_location(Session const& s, engine::Claim const& c) {
  if (c.source == engine::no_source && c.origin.valid()) {
    auto lc = s.sources().line_col(c.origin.file, c.origin.begin);
    return s.sources().file(c.origin.file).name + ":" + std::to_string(lc.line);
  }
  auto const at = s.corpus().at(c);
  std::string out = at ? "at " + std::to_string(*at) : "";
  return out;
}

void render_node(std::string& out, Session const& s, ProofNode const& n, Style const& style, int indent) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  auto const& corpus = s.corpus();
  switch (n.kind) {
    case ProofNode::Kind::claim:
    case ProofNode::Kind::background: {
      if (n.claim == 0xffffffffu) {
        out += pad + style.cyan("fact") + " " + n.statement + "\n";
        break;
      }
      auto const& c = corpus.claims[n.claim];
      out += pad + style.cyan(c.negated ? "denies" : "claims") + " " + n.statement + "\n";
      out += pad + "  " + style.dim(claim_origin(s, c));
      auto loc = claim_location(s, c);
      if (!loc.empty()) out += style.dim(", " + loc);
      out += "\n";
      if (auto quote = corpus.quote(c); !quote.empty() && c.source != engine::no_source) out += pad + "  \u201c\u2068" + std::string(quote) + "\u2069\u201d\n";
      for (auto const& child : n.children) render_node(out, s, child, style, indent + 2);
      break;
    }
    case ProofNode::Kind::entity_join:
      out += pad + style.dim("same entity: " + n.statement) + "\n";
      break;
    case ProofNode::Kind::derived:
      out += pad + style.cyan("derived") + " " + n.statement + (n.verified ? "" : style.red("  [could not be re-checked]")) + "\n";
      out += pad + "  " + style.dim("by " + n.rule) + "\n";
      for (auto const& child : n.children) render_node(out, s, child, style, indent + 4);
      break;
    case ProofNode::Kind::comparison:
      out += pad + style.cyan("where") + " " + n.statement + (n.verified ? "" : style.red("  [does not hold]")) + "\n";
      break;
    case ProofNode::Kind::negation:
      out += pad + style.cyan("and") + " " + n.statement + (n.verified ? "" : style.red("  [a fact was found]")) + "\n";
      break;
    case ProofNode::Kind::aggregate:
      out += pad + style.cyan("counted") + " " + n.statement + (n.verified ? "" : style.red("  [the recount differs]")) + "\n";
      for (auto const& child : n.children) render_node(out, s, child, style, indent + 4);
      break;
    case ProofNode::Kind::verdict:
      for (auto const& child : n.children) render_node(out, s, child, style, indent);
      break;
  }
}

void render_verdict(std::string& out, Session const& s, Verdict const& v, Style const& style) {
  out += paint_severity(style, v.severity, severity_label(v.severity) + "[" + v.rule + "]") + style.bold(": " + v.message) + "\n";
  out += "  " + style.bold("because") + "\n";
  auto proof = s.explain(v);
  render_node(out, s, proof, style, 4);
  out += "  " + style.dim("id: " + v.id) + "\n\n";
}

json proof_json(Session const& s, ProofNode const& n) {
  static char const* kinds[] = {"claim", "background", "derived", "comparison", "negation", "aggregate", "entity_join", "verdict"};
  json j{{"kind", kinds[static_cast<int>(n.kind)]}, {"statement", n.statement}, {"verified", n.verified}};
  if (!n.rule.empty()) j["rule"] = n.rule;
  if (n.claim != 0xffffffffu) j["claim"] = n.claim;
  json children = json::array();
  for (auto const& c : n.children) children.push_back(proof_json(s, c));
  if (!children.empty()) j["children"] = children;
  (void)s;
  return j;
}

json claim_json(Session const& s, std::uint32_t id) {
  auto const& c = s.corpus().claims[id];
  json j{{"claim", id}};
  if (c.source != engine::no_source) {
    auto const& src = s.corpus().sources[c.source];
    j["source"] = src.id;
    j["outlet"] = src.outlet;
    j["language"] = src.language;
  } else {
    j["source"] = nullptr;
  }
  auto by = s.corpus().strings.view(c.claimant);
  j["claimant"] = by.empty() ? json(nullptr) : json(std::string(by));
  j["certainty"] = std::string(engine::to_string(c.certainty));
  j["negated"] = c.negated;
  j["quote"] = std::string(s.corpus().quote(c));
  auto const at = s.corpus().at(c);
  j["at"] = at ? json(*at) : json(nullptr);
  if (c.file < s.corpus().files.size()) {
    j["file"] = s.corpus().files[c.file];
    j["pointer"] = c.pointer();
  }
  return j;
}

}  // namespace

std::string render_verdicts_text(Session const& s, std::vector<Verdict const*> const& verdicts, Style const& style, bool quiet) {
  std::string out;
  if (!quiet)
    for (auto const* v : verdicts) render_verdict(out, s, *v, style);
  std::map<std::string, std::size_t> by_rule;
  std::map<engine::VerdictSeverity, std::size_t> by_severity;
  std::map<std::string, std::size_t> sources;
  for (auto const* v : verdicts) {
    ++by_rule[v->rule];
    ++by_severity[v->severity];
    for (auto src : v->sources) ++sources[s.corpus().sources[src].id];
  }
  out += style.bold("summary") + ": " + std::to_string(verdicts.size()) + " verdict" + (verdicts.size() == 1 ? "" : "s");
  if (!verdicts.empty()) {
    std::string parts;
    for (auto sev : {engine::VerdictSeverity::error, engine::VerdictSeverity::warning, engine::VerdictSeverity::info})
      if (by_severity[sev]) parts += (parts.empty() ? "" : ", ") + std::to_string(by_severity[sev]) + " " + severity_label(sev);
    out += " (" + parts + ")";
  }
  out += " from " + std::to_string(s.corpus().sources.size()) + " source" + (s.corpus().sources.size() == 1 ? "" : "s") + "\n";
  for (auto const& [rule, n] : by_rule) out += "  " + rule + ": " + std::to_string(n) + "\n";
  if (!sources.empty()) {
    // The sources most involved first; a long tail is counted, not listed.
    std::vector<std::pair<std::string, std::size_t>> ranked(sources.begin(), sources.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](auto const& a, auto const& b) { return a.second > b.second; });
    out += "  sources involved:";
    for (std::size_t i = 0; i < ranked.size() && i < 10; ++i) out += " " + ranked[i].first + " (" + std::to_string(ranked[i].second) + ")";
    if (ranked.size() > 10) out += " and " + std::to_string(ranked.size() - 10) + " more";
    out += "\n";
  }
  return out;
}

namespace {
// `text` (a dump with indent 2) indented `by` more spaces after each line break, to nest it.
void append_indented(std::string& out, std::string const& text, std::size_t by) {
  std::string const pad(by, ' ');
  std::size_t at = 0;
  for (auto nl = text.find('\n'); nl != std::string::npos; at = nl + 1, nl = text.find('\n', at)) {
    out.append(text, at, nl + 1 - at);
    out += pad;
  }
  out.append(text, at, std::string::npos);
}
}  // namespace

// Written one verdict at a time: a document of every verdict with its proof tree as one DOM
// takes gigabytes on large corpora. The layout is what dump(2) of the whole would give.
std::string render_verdicts_json(Session const& s, std::vector<Verdict const*> const& verdicts, Manifest const& manifest) {
  std::map<std::string, std::size_t> by_rule, by_severity;
  json files = json::array();
  for (auto const& f : manifest_files(s, manifest))
    files.push_back(json{{"path", f.path}, {"kind", f.kind}, {"sha256", f.sha256 ? json(*f.sha256) : json(nullptr)}});
  json head{{"version", manifest.version}, {"command", manifest.command}, {"files", files}, {"options", manifest.options}};
  std::string out = "{\n  \"nogood\": " + json(manifest.version).dump() + ",\n  \"schema\": 1,\n  \"manifest\": ";
  append_indented(out, head.dump(2), 2);
  out += ",\n  \"verdicts\": [";
  for (std::size_t i = 0; i < verdicts.size(); ++i) {
    auto const* v = verdicts[i];
    json bindings = json::object();
    for (auto const& b : v->bindings)
      bindings[b.name] = json{{"type", std::string(engine::to_string(b.type))}, {"value", b.canonical}, {"display", b.display}};
    json sources = json::array();
    for (auto src : v->sources) sources.push_back(s.corpus().sources[src].id);
    json support = json::array();
    for (auto c : v->support) support.push_back(claim_json(s, c));
    json one{{"id", v->id}, {"rule", v->rule}, {"severity", severity_label(v->severity)}, {"message", v->message},
             {"bindings", bindings}, {"sources", sources}, {"support", support}, {"proof", proof_json(s, s.explain(*v))}};
    out += i ? ",\n    " : "\n    ";
    append_indented(out, one.dump(2), 4);
    ++by_rule[v->rule];
    ++by_severity[severity_label(v->severity)];
  }
  out += verdicts.empty() ? "],\n  \"summary\": " : "\n  ],\n  \"summary\": ";
  append_indented(out, json{{"total", verdicts.size()}, {"by_severity", by_severity}, {"by_rule", by_rule}}.dump(2), 2);
  out += "\n}\n";
  return out;
}

std::string render_explanation_text(Session const& s, Verdict const& v, Style const& style) {
  std::string out;
  render_verdict(out, s, v, style);
  return out;
}

}  // namespace nogood::cli
