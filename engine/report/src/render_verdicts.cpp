#include "render_verdicts.hpp"
#include "accepted_line.hpp"
#include "baseline_view.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <map>

#include <nlohmann/json.hpp>

#include "claim_view.hpp"
#include "doubt_view.hpp"
#include "json_writer.hpp"
#include "manifest.hpp"
#include "report_paths.hpp"
#include "render_chunks.hpp"
#include "report_summary.hpp"

namespace nogood::report {

using json = nlohmann::ordered_json;

namespace {

std::string severity_label(engine::VerdictSeverity s) { return std::string(engine::to_string(s)); }

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
      out += pad + style.cyan(n.kind == ProofNode::Kind::background ? "given" : c.negated ? "denies" : "claims") + " " + n.statement + "\n";
      out += pad + "  " + style.dim(claim_origin_line(view_claim(s, n.claim))) + "\n";
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
      if (!n.alternatives.empty()) out += pad + "  " + style.dim(alternatives_line(n.alternatives)) + "\n";
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
      if (!n.alternatives.empty()) out += pad + style.dim(alternatives_line(n.alternatives)) + "\n";
      for (auto const& child : n.children) render_node(out, s, child, style, indent);
      break;
  }
}

void render_verdict(std::string& out, Session const& s, Verdict const& v, Style const& style) {
  out += paint_severity(style, v.severity, severity_label(v.severity) + "[" + std::string(v.rule()) + "]") + style.bold(": " + s.message(v)) + "\n";
  if (auto const* a = s.acceptance(v)) out += "  " + style.bold("accepted") + " " + accepted_line(*a) + "\n";
  // A grouped verdict: every value and claim, then how its first derivation found it.
  if (s.is_grouped(v)) out += "  " + style.bold("groups") + "\n" + groups_text(s, v, style, 4, SIZE_MAX);
  out += "  " + style.bold("because") + "\n";
  auto proof = s.explain(v);
  render_node(out, s, proof, style, 4);
  if (s.source_nogoods_found()) out += nogoods_line(s, v, style, 2);
  out += "  " + style.dim("id: " + v.id()) + "\n\n";
}

void write_proof(JsonWriter& w, ProofNode const& n) {
  static char const* kinds[] = {"claim", "background", "derived", "comparison", "negation", "aggregate", "entity_join", "verdict"};
  w.begin_object().member("kind", kinds[static_cast<int>(n.kind)]).member("statement", n.statement).member("verified", n.verified);
  if (!n.rule.empty()) w.member("rule", n.rule);
  if (!n.certainty.empty()) w.member("certainty", n.certainty);
  if (!n.alternatives.empty()) {
    w.key("alternatives").begin_array();
    for (auto const& a : n.alternatives) w.value(a);
    w.end_array();
  }
  if (n.claim != 0xffffffffu) w.member("claim", n.claim);
  if (!n.children.empty()) {
    w.key("children").begin_array();
    for (auto const& c : n.children) write_proof(w, c);
    w.end_array();
  }
  w.end_object();
}

// A source's claim, or a background fact of the rules: the two are told apart by `kind`, so a
// consumer never takes rule text for an article's words.
// `file_paths`: each facts file as reports name it, worked out once rather than for every claim.
void write_claim(JsonWriter& w, Session const& s, std::vector<std::string> const& file_paths, std::uint32_t id) {
  auto const& corpus = s.corpus();
  auto const& c = corpus.claims[id];
  w.begin_object().member("claim", id);
  if (c.source == engine::no_source) {
    w.member("kind", "background").member("fact", corpus.quote(c));
    if (auto const origin = corpus.origin(id); origin.valid()) {
      auto lc = s.sources().line_col(origin.file, origin.begin);
      w.member("file", report_path(s, s.sources().file(origin.file).name)).member("line", lc.line);
    }
    w.end_object();
    return;
  }
  auto const& src = corpus.sources[c.source];
  w.member("kind", "claim").member("source", src.id).member("outlet", src.outlet).member("language", src.language);
  auto by = corpus.strings.view(corpus.claimant(c));
  w.key("claimant");
  if (by.empty()) w.null();
  else w.value(by);
  w.member("certainty", engine::to_string(c.certainty)).member("negated", c.negated).member("quote", corpus.quote(c));
  w.key("at");
  if (auto const at = corpus.at(c)) w.value(*at);
  else w.null();
  if (auto const where = corpus.location(id); where.file < file_paths.size()) {
    // `line 7` or `/facts/12`, without a string per claim: reports list hundreds of thousands.
    char pointer[32];
    std::string_view const prefix = where.line() ? "line " : "/facts/";
    std::memcpy(pointer, prefix.data(), prefix.size());
    auto const end = std::to_chars(pointer + prefix.size(), pointer + sizeof pointer, where.place).ptr;
    w.member("file", file_paths[where.file]).member("pointer", std::string_view(pointer, static_cast<std::size_t>(end - pointer)));
  }
  if (auto it = corpus.written_dates.find(id); it != corpus.written_dates.end()) w.member("dates", it->second);
  w.end_object();
}

void write_verdict(JsonWriter& w, Session const& s, std::vector<std::string> const& file_paths, Verdict const& v, bool proofs) {
  std::string text;
  s.append_message(text, v);
  w.begin_object().member("id", v.id()).member("rule", v.rule()).member("severity", engine::to_string(v.severity)).member("message", text);
  if (s.baseline()) w.member("baseline", change_word(s, v));
  if (auto const* a = s.acceptance(v))
    w.key("accepted").begin_object().member("reason", a->reason).member("by", a->by).member("date", a->date).end_object();
  w.key("bindings").begin_object();
  for (auto const& b : v.bindings()) {
    w.key(b.name).begin_object().member("type", engine::to_string(b.type));
    // An optional argument left out: no value, and nothing to show.
    if (engine::is_absent(b.type, b.value)) {
      w.key("value").null().member("display", "").end_object();
      continue;
    }
    text.clear();
    s.append_canonical(text, b.type, b.value);
    w.member("value", text);
    text.clear();
    s.append_display(text, b.type, b.value);
    w.member("display", text);
    w.end_object();
  }
  w.end_object().key("sources").begin_array();
  for (auto src : v.sources()) w.value(s.corpus().sources[src].id);
  w.end_array();
  if (s.source_nogoods_found()) {
    w.key("nogoods").begin_array();
    for (auto const& set : v.nogoods()) {
      w.begin_array();
      for (auto src : set) w.value(s.corpus().sources[src].id);
      w.end_array();
    }
    w.end_array().member("nogoods_complete", v.nogoods_complete);
  }
  if (s.is_grouped(v)) {
    // A grouped `unique` verdict: the values its sources give, each with them and its claims.
    auto const type = s.groups_type(v);
    w.key("groups").begin_array();
    for (auto const& g : s.groups(v)) {
      text.clear();
      s.append_canonical(text, type, g.value);
      w.begin_object().member("value", text);
      text.clear();
      s.append_display(text, type, g.value);
      w.member("display", text).key("sources").begin_array();
      for (auto src : g.sources) w.value(s.corpus().sources[src].id);
      w.end_array().key("claims").begin_array();
      for (auto c : g.claims) w.value(c);
      w.end_array().end_object();
    }
    w.end_array();
  }
  w.key("support").begin_array();
  for (auto c : v.support()) write_claim(w, s, file_paths, c);
  w.end_array();
  if (proofs) {
    w.key("proof");
    write_proof(w, s.explain(v));
  }
  w.end_object();
}

// Which sources to doubt: every source and pair in a nogood, ranked.
void write_doubt(JsonWriter& w, BufferedWriter& out, Session const& s, SourceRanking const& r) {
  auto const& sources = s.corpus().sources;
  w.key("doubt").begin_object().member("verdicts", r.verdicts).member("accepted", r.accepted).member("background", r.background)
      .member("incomplete", r.incomplete);
  w.key("sources").begin_array();
  for (auto const& src : r.sources) {
    w.begin_object().member("source", sources[src.source].id).member("verdicts", src.verdicts).member("settled", src.settled).end_object();
    out.maybe_flush();  // tens of thousands of sources and pairs on a large corpus
  }
  w.end_array().key("pairs").begin_array();
  for (auto const& p : r.pairs) {
    w.begin_object().key("sources").begin_array().value(sources[p.a].id).value(sources[p.b].id).end_array();
    w.member("verdicts", p.verdicts).end_object();
    out.maybe_flush();
  }
  w.end_array().end_object();
}

}  // namespace

// Written in chunks of verdicts, rendered in parallel, passed to the sink in order: a document of
// every verdict with its proof tree built first would take gigabytes on large corpora.
void render_verdicts_json(Session const& s, std::vector<Verdict const*> const& verdicts, Manifest const& manifest,
                          JsonReportOptions const& options, Sink& sink) {
  json files = json::array();
  for (auto const& f : manifest_files(s, manifest))
    files.push_back(json{{"path", f.path}, {"kind", f.kind}, {"sha256", f.sha256 ? json(*f.sha256) : json(nullptr)}});
  auto corpus = corpus_name(s);
  json head{{"version", manifest.version}, {"command", manifest.command}, {"corpus", corpus.empty() ? json(nullptr) : json(corpus)},
            {"files", files}, {"options", manifest.options}};
  BufferedWriter out(sink);
  JsonWriter w(out.buffer());
  w.begin_object().member("nogood", manifest.version).member("schema", 2).key("manifest").raw(head.dump(2));
  w.key("verdicts").begin_array();
  out.flush();
  std::vector<std::string> file_paths;
  for (auto const& f : s.corpus().files) file_paths.push_back(report_path(s, f));
  render_chunks(
      verdicts.size(), s.threads(),
      [&](std::size_t begin, std::size_t end, std::string& text) {
        for (std::size_t i = begin; i < end; ++i) {
          text += i ? ",\n    " : "\n    ";
          JsonWriter one(text, 2);
          write_verdict(one, s, file_paths, *verdicts[i], options.proofs);
        }
      },
      sink, [&](std::size_t i) { return 1 + verdicts[i]->support().size(); });
  if (!verdicts.empty()) w.filled();
  auto const counts = count_verdicts(s, verdicts);
  w.end_array();
  if (s.baseline()) {
    w.key("resolved").begin_array();
    for (auto const* r : manifest.resolved) {
      w.begin_object().member("id", r->id).member("rule", r->rule).member("severity", r->severity).member("message", r->message);
      w.key("sources").begin_array();
      for (auto const& src : r->sources) w.value(src);
      w.end_array().end_object();
    }
    w.end_array();
  }
  if (s.source_nogoods_found()) write_doubt(w, out, s, rank_sources(s, verdicts));
  w.key("summary").begin_object().member("total", verdicts.size());
  w.key("by_severity").begin_object();  // keys in alphabetical order, as before
  for (auto [name, n] : {std::pair{"error", counts.errors}, std::pair{"info", counts.infos}, std::pair{"warning", counts.warnings}})
    if (n) w.member(name, n);
  w.end_object().member("accepted", counts.accepted).key("by_rule").begin_object();
  for (auto const& [name, n] : counts.by_rule) w.member(name, n);
  w.end_object();
  if (s.baseline()) {
    auto c = count_changes(verdicts, manifest);
    w.key("baseline").begin_object().member("new", c.fresh).member("unchanged", c.unchanged).member("resolved", c.resolved).end_object();
  }
  w.end_object().end_object();
  out.buffer() += '\n';
}

std::string render_verdicts_json(Session const& s, std::vector<Verdict const*> const& verdicts, Manifest const& manifest,
                                 JsonReportOptions const& options) {
  StringSink sink;
  render_verdicts_json(s, verdicts, manifest, options, sink);
  return std::move(sink.text());
}

std::string render_explanation_text(Session const& s, Verdict const& v, Style const& style) {
  std::string out;
  render_verdict(out, s, v, style);
  return out;
}

}  // namespace nogood::report
