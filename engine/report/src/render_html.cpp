#include "render_html.hpp"
#include "accepted_line.hpp"
#include "baseline_view.hpp"

#include <algorithm>
#include <string_view>

#include "bidi.hpp"
#include "claim_view.hpp"
#include "doubt_view.hpp"
#include "manifest.hpp"
#include "render_html_index.hpp"
#include "report_paths.hpp"
#include "report_summary.hpp"
#include "nogood/report/fragments.hpp"

namespace nogood::report {

namespace {

constexpr std::size_t max_matrix_sources = 25;  // beyond that the table stops being readable
constexpr std::size_t max_pairs_listed = 50;     // pairs listed when the table cannot show them all
constexpr std::size_t max_links_per_pair = 20;
// Beyond this many verdicts the page lists them in its index and leaves each proof to `explain`:
// a page of every proof of 100,000 verdicts is hundreds of megabytes no browser lays out.
constexpr std::size_t max_verdicts_in_full = 1000;
// And beyond this many, the index lists the first ones (errors first): 160,000 rows are 60 MB that
// no one reads; the JSON report holds them all.
constexpr std::size_t max_index_rows = 5000;

// The page's only style sheet. Quotes and anything with `dir` are isolated (the HTML rendering
// rules do so too; this keeps it true under author style sheets that reset them).
constexpr char const* style_sheet = R"css(
:root { color-scheme: light; }
body { font: 15px/1.55 system-ui, "Segoe UI", "Noto Sans", "DejaVu Sans", "Noto Sans Arabic", "Noto Sans Hebrew", sans-serif;
       color: #1c1c1c; background: #fff; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
p.lead { font-size: 1.1rem; margin: 0 0 .5rem; }
nav a { margin-inline-end: 1rem; }
a { color: #0b57d0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: .88em; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
table.counts { display: inline-table; vertical-align: top; margin-inline-end: 1.5rem; }
th, td { border: 1px solid #d0d0d0; padding: .2rem .55rem; text-align: start; vertical-align: top; }
th { background: #f3f3f3; font-weight: 600; }
td.n, th.n { text-align: end; font-variant-numeric: tabular-nums; }
table.matrix td { text-align: center; min-width: 2.2rem; }
table.matrix td.none { color: #b8b8b8; }
table.matrix td.self { background: #fafafa; }
.verdict { border: 1px solid #ddd; border-inline-start: 4px solid #888; border-radius: 4px; padding: .75rem 1rem; margin: 0 0 1rem; }
.verdict.error { border-inline-start-color: #b3261e; }
.verdict.warning { border-inline-start-color: #b26a00; }
.verdict.info { border-inline-start-color: #0b57d0; }
.severity { text-transform: uppercase; font-size: .8em; letter-spacing: .04em; font-weight: 700; }
.error .severity { color: #b3261e; }
.warning .severity { color: #b26a00; }
.info .severity { color: #0b57d0; }
.verdict.accepted { border-inline-start-color: #2e7d32; }
.accepted-mark { font-size: .8em; font-weight: 600; color: #2e7d32; border: 1px solid #2e7d32; border-radius: 3px; padding: 0 .3em; }
p.accepted { margin: .25rem 0; color: #2e7d32; }
.change-mark { font-size: .8em; font-weight: 600; color: #555; border: 1px solid #999; border-radius: 3px; padding: 0 .3em; }
.because { margin: .25rem 0; font-weight: 600; }
ul.proof, ul.proof ul { list-style: none; margin: 0; padding-inline-start: 1.2rem; }
ul.proof > li { margin: .35rem 0; }
.step { font-weight: 600; color: #37474f; margin-inline-end: .35rem; }
.origin, .by { color: #555; font-size: .92em; }
.unverified { color: #b3261e; font-weight: 600; }
blockquote.quote { margin: .25rem 0 .4rem; padding: .3rem .8rem; border-inline-start: 3px solid #9e9e9e;
                   background: #f6f6f6; white-space: pre-line; unicode-bidi: isolate; }
[dir], bdi { unicode-bidi: isolate; }
[lang="ar"], [lang="fa"], [lang="ur"] { font-size: 1.08em; }
.id { color: #555; font-size: .9em; margin: .5rem 0 0; }
p.nogoods { margin: .5rem 0 0; }
.manifest td code { word-break: break-all; }
details.verdict-body > summary { cursor: pointer; list-style-position: outside; }
details.verdict-body > summary h3 { display: inline; }
table.index { width: 100%; }
table.index td.severity { text-transform: uppercase; font-size: .8em; font-weight: 700; }
table.index tr.error td.severity { color: #b3261e; }
table.index tr.warning td.severity { color: #b26a00; }
table.index tr.info td.severity { color: #0b57d0; }
#filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: .5rem 0 1rem; }
#filters[hidden] { display: none; }
#filters .shown { color: #555; }
@media print {
  body { max-width: none; margin: 0; font-size: 10.5pt; }
  nav, #filters { display: none; }
  a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, li.claim, blockquote.quote { break-inside: avoid; }
  details.verdict-body > summary { list-style: none; }
  blockquote.quote { background: none; }
}
)css";

// Escaped text with each right-to-left run in <bdi>, for English lines that carry names.
std::string html_text(std::string_view text) {
  std::string out;
  for (auto const& run : split_rtl_runs(text)) {
    if (run.rtl) out += "<bdi>" + html_escape(run.text) + "</bdi>";
    else out += html_escape(run.text);
  }
  return out;
}

std::string lang_attribute(std::string const& language) { return language.empty() ? "" : " lang=\"" + html_escape(language) + "\""; }

std::string quote_html(ClaimView const& c) {
  return "<blockquote class=\"quote\" dir=\"auto\"" + lang_attribute(c.language) + ">" + html_escape(c.quote) + "</blockquote>\n";
}

std::string alternatives_html(std::vector<std::string> const& taken) {
  std::string out = "<div class=\"by\">" + std::string(alternatives_lead(taken.size()));
  for (std::size_t i = 0; i < taken.size(); ++i) out += (i ? ", <code>" : " <code>") + html_text(taken[i]) + "</code>";
  return out + "</div>\n";
}

void render_node(std::string& out, Session const& s, ProofNode const& n) {
  auto unverified = [](char const* why) { return std::string(" <span class=\"unverified\">(") + why + ")</span>"; };
  switch (n.kind) {
    case ProofNode::Kind::claim:
    case ProofNode::Kind::background: {
      if (n.claim == 0xffffffffu) {
        out += "<li class=\"fact\"><span class=\"step\">fact</span><code>" + html_text(n.statement) + "</code></li>\n";
        break;
      }
      auto c = view_claim(s, n.claim);
      out += std::string("<li class=\"claim\"><span class=\"step\">") + (c.background ? "given" : c.negated ? "denies" : "claims") + "</span><code>" +
             html_text(n.statement) + "</code>\n";
      out += "<div class=\"origin\">" + html_text(claim_origin_line(c)) + "</div>\n";
      if (!c.quote.empty() && !c.background) out += quote_html(c);
      if (!n.children.empty()) {
        out += "<ul>\n";
        for (auto const& child : n.children) render_node(out, s, child);
        out += "</ul>\n";
      }
      out += "</li>\n";
      break;
    }
    case ProofNode::Kind::entity_join:
      out += "<li class=\"join\"><span class=\"step\">same entity</span>" + html_text(n.statement) + "</li>\n";
      break;
    case ProofNode::Kind::derived:
      out += "<li class=\"derived\"><span class=\"step\">derived</span><code>" + html_text(n.statement) + "</code>" +
             (n.verified ? "" : unverified("could not be re-checked")) + "\n";
      out += "<div class=\"by\">by <code>" + html_text(n.rule) + "</code></div>\n";
      if (!n.alternatives.empty()) out += alternatives_html(n.alternatives);
      out += "<ul>\n";
      for (auto const& child : n.children) render_node(out, s, child);
      out += "</ul></li>\n";
      break;
    case ProofNode::Kind::comparison:
      out += "<li class=\"comparison\"><span class=\"step\">where</span><code>" + html_text(n.statement) + "</code>" +
             (n.verified ? "" : unverified("does not hold")) + "</li>\n";
      break;
    case ProofNode::Kind::negation:
      out += "<li class=\"negation\"><span class=\"step\">and</span><code>" + html_text(n.statement) + "</code>" +
             (n.verified ? "" : unverified("a fact was found")) + "</li>\n";
      break;
    case ProofNode::Kind::aggregate:
      out += "<li class=\"aggregate\"><span class=\"step\">counted</span><code>" + html_text(n.statement) + "</code></li>\n";
      break;
    case ProofNode::Kind::verdict:
      if (!n.alternatives.empty()) out += "<li class=\"alternative\">" + alternatives_html(n.alternatives) + "</li>\n";
      for (auto const& child : n.children) render_node(out, s, child);
      break;
  }
}

// ` id="..."` the first time a page uses `id`, nothing after.
std::string id_attribute(Anchors& anchors, std::string const& id) {
  return anchors.insert(id).second ? " id=\"" + html_escape(id) + "\"" : std::string();
}

// A verdict, open; its proof folds away under the heading.
void render_verdict(std::string& out, Session const& s, Verdict const& v, Anchors& anchors) {
  auto severity = std::string(engine::to_string(v.severity));
  auto id = html_escape(v.id());
  auto const* accepted = s.acceptance(v);
  out += "<article class=\"verdict " + severity + (accepted ? " accepted" : "") + "\"" + id_attribute(anchors, v.id()) + verdict_data_attributes(s, v) + ">\n";
  out += "<details class=\"verdict-body\" open>\n<summary><h3><span class=\"severity\">" + severity + "</span> <code class=\"rule\">" +
         html_escape(v.rule()) + "</code> " + (accepted ? "<span class=\"accepted-mark\">accepted</span> " : "") +
         (s.baseline() ? "<span class=\"change-mark\">" + change_word(s, v) + "</span> " : "") + html_text(s.message(v)) +
         "</h3></summary>\n";
  if (accepted) out += "<p class=\"accepted\"><strong>Accepted</strong> " + html_text(accepted_line(*accepted)) + "</p>\n";
  if (s.is_grouped(v)) {
    // A grouped `unique` verdict: each value with its sources and the claims that give it.
    out += "<p class=\"because\">groups</p>\n<ul class=\"proof\">\n";
    auto const type = s.groups_type(v);
    for (auto const& g : s.groups(v)) {
      auto const sources = group_sources(s, g);
      out += "<li class=\"group\"><span class=\"step\">group</span>" + html_text(s.display(type, g.value)) + " (" + html_text(sources) + ")\n<ul>\n";
      for (auto c : g.claims) {
        auto view = view_claim(s, c);
        out += "<li class=\"claim\"><div class=\"origin\">" + html_text(claim_origin_line(view)) + "</div>\n";
        if (!view.quote.empty() && !view.background) out += quote_html(view);
        out += "</li>\n";
      }
      out += "</ul></li>\n";
    }
    out += "</ul>\n";
  }
  out += "<p class=\"because\">because</p>\n<ul class=\"proof\">\n";
  render_node(out, s, s.explain(v));
  out += "</ul>\n";
  if (s.source_nogoods_found()) {
    std::string sets;
    for (auto const& set : v.nogoods()) sets += (sets.empty() ? "" : ", ") + nogood_set_text(s, set);
    out += "<p class=\"nogoods\"><span class=\"step\">nogoods</span>" + html_text(sets) +
           (v.nogoods_complete ? "" : " <span class=\"unverified\">(the search stopped at a bound: there may be more)</span>") + "</p>\n";
  }
  out += "</details>\n<p class=\"id\">id: <a href=\"#" + id + "\"><code>" + id + "</code></a></p>\n</article>\n";
}

std::string pair_anchor(std::uint32_t a, std::uint32_t b) { return "pair-" + std::to_string(a) + "-" + std::to_string(b); }

std::string source_cell(Session const& s, std::uint32_t src) {
  auto const& info = s.corpus().sources[src];
  std::string title = info.outlet + (info.language.empty() ? "" : (info.outlet.empty() ? "" : ", ") + info.language);
  return "<th scope=\"row\"" + (title.empty() ? std::string() : " title=\"" + html_escape(title) + "\"") + ">" + html_text(info.id) + "</th>";
}

// Which sources conflict with which: a cell counts the verdicts involving both (the diagonal,
// those resting on one source alone) and links to them.
// Beyond the table's size, the pairs behind the most verdicts, each with links to them.
void render_top_pairs(std::string& out, Session const& s, ReportSummary const& r, std::vector<Verdict const*> const& verdicts) {
  std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::size_t> const*>> ranked;
  for (auto const& [key, list] : r.pairs) ranked.emplace_back(key, &list);
  std::stable_sort(ranked.begin(), ranked.end(), [](auto const& a, auto const& b) { return a.second->size() > b.second->size(); });
  out += "<p>" + std::to_string(r.sources.size()) + " sources are involved, too many for a table; the " +
         std::to_string(std::min(ranked.size(), max_pairs_listed)) + " pairs of sources (or single sources) behind the most verdicts:</p>\n";
  out += "<table class=\"pairs\">\n<thead><tr><th>Sources</th><th class=\"n\">Verdicts</th><th>Verdicts</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < ranked.size() && i < max_pairs_listed; ++i) {
    auto const& [key, list] = ranked[i];
    out += "<tr><td>" + html_text(s.corpus().sources[key.first].id) +
           (key.first == key.second ? "" : " &times; " + html_text(s.corpus().sources[key.second].id)) + "</td><td class=\"n\">" +
           std::to_string(list->size()) + "</td><td>";
    for (std::size_t k = 0; k < list->size() && k < max_links_per_pair; ++k)
      out += std::string(k ? ", " : "") + "<a href=\"#" + html_escape(verdicts[(*list)[k]]->id()) + "\">" + html_escape(verdicts[(*list)[k]]->rule()) + "</a>";
    if (list->size() > max_links_per_pair) out += " and " + std::to_string(list->size() - max_links_per_pair) + " more";
    out += "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

void render_matrix(std::string& out, Session const& s, ReportSummary const& r, std::vector<Verdict const*> const& verdicts, Anchors& anchors) {
  if (r.sources.empty()) return;
  if (r.sources.size() > max_matrix_sources) return render_top_pairs(out, s, r, verdicts);
  std::vector<std::uint32_t> shown;
  for (std::size_t i = 0; i < r.sources.size() && i < max_matrix_sources; ++i) shown.push_back(r.sources[i].first);
  out += "<table class=\"matrix\">\n<caption>Verdicts involving both sources; on the diagonal, verdicts within one source</caption>\n<tr><td></td>";
  for (auto src : shown) out += "<th scope=\"col\">" + html_text(s.corpus().sources[src].id) + "</th>";
  out += "</tr>\n";
  for (auto row : shown) {
    out += "<tr>" + source_cell(s, row);
    for (auto col : shown) {
      auto key = std::make_pair(std::min(row, col), std::max(row, col));
      auto it = r.pairs.find(key);
      std::string cls = row == col ? " self" : "";
      if (it == r.pairs.end()) {
        out += "<td class=\"none" + cls + "\">&middot;</td>";
        continue;
      }
      auto const& list = it->second;
      auto href = list.size() == 1 ? html_escape(verdicts[list.front()]->id()) : pair_anchor(key.first, key.second);
      out += "<td class=\"n" + cls + "\"><a href=\"#" + href + "\">" + std::to_string(list.size()) + "</a></td>";
    }
    out += "</tr>\n";
  }
  out += "</table>\n";
  out += "<ul class=\"pairs\">\n";
  for (auto const& [key, list] : r.pairs) {
    auto const& a = s.corpus().sources[key.first].id;
    auto const& b = s.corpus().sources[key.second].id;
    out += "<li" + id_attribute(anchors, pair_anchor(key.first, key.second)) + ">" + html_text(a) + (key.first == key.second ? "" : " &times; " + html_text(b)) + ": ";
    for (std::size_t i = 0; i < list.size(); ++i)
      out += std::string(i ? ", " : "") + "<a href=\"#" + html_escape(verdicts[list[i]]->id()) + "\">" + html_escape(verdicts[list[i]]->rule()) + "</a>";
    out += "</li>\n";
  }
  out += "</ul>\n";
}

// The sources and pairs of sources in the most verdicts' nogoods, and what doubting one alone settles.
std::string doubt_html(Session const& s, std::vector<Verdict const*> const& verdicts) {
  auto const r = rank_sources(s, verdicts);
  if (r.sources.empty()) return {};
  constexpr std::size_t listed = 100;
  std::string out = "<h3>Sources to doubt</h3>\n<p>A verdict's nogoods are the smallest sets of sources whose claims cannot all hold; "
                    "<em>settled</em> counts the verdicts that doubting the source alone would settle.</p>\n";
  out += "<table class=\"doubt\">\n<thead><tr><th>Source</th><th class=\"n\">In nogoods of</th><th class=\"n\">Settled</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < r.sources.size() && i < listed; ++i)
    out += "<tr>" + source_cell(s, r.sources[i].source) + "<td class=\"n\">" + std::to_string(r.sources[i].verdicts) + "</td><td class=\"n\">" +
           std::to_string(r.sources[i].settled) + "</td></tr>\n";
  if (r.sources.size() > listed) out += "<tr><td colspan=\"3\">and " + std::to_string(r.sources.size() - listed) + " more sources</td></tr>\n";
  out += "</tbody>\n</table>\n";
  if (!r.pairs.empty()) {
    out += "<table class=\"doubt-pairs\">\n<thead><tr><th>Pair of sources</th><th class=\"n\">In nogoods of</th></tr></thead>\n<tbody>\n";
    auto const& sources = s.corpus().sources;
    for (std::size_t i = 0; i < r.pairs.size() && i < max_pairs_listed; ++i)
      out += "<tr><td>" + html_text(sources[r.pairs[i].a].id) + " &times; " + html_text(sources[r.pairs[i].b].id) + "</td><td class=\"n\">" +
             std::to_string(r.pairs[i].verdicts) + "</td></tr>\n";
    if (r.pairs.size() > max_pairs_listed)
      out += "<tr><td colspan=\"2\">and " + std::to_string(r.pairs.size() - max_pairs_listed) + " more pairs</td></tr>\n";
    out += "</tbody>\n</table>\n";
  }
  if (auto notes = doubt_notes(r); !notes.empty()) out += "<p>" + html_escape(notes) + ".</p>\n";
  return out;
}

// The rules a fragment needs inside someone else's page, scoped to it so the page keeps its own.
constexpr char const* fragment_style = R"css(
.nogood-embed .verdict { border: 1px solid #ddd; border-inline-start: 4px solid #888; border-radius: 4px; padding: .75rem 1rem; margin: 0 0 1rem; }
.nogood-embed .verdict.error { border-inline-start-color: #b3261e; }
.nogood-embed .verdict.warning { border-inline-start-color: #b26a00; }
.nogood-embed .verdict.info { border-inline-start-color: #0b57d0; }
.nogood-embed .severity { text-transform: uppercase; font-size: .8em; letter-spacing: .04em; font-weight: 700; }
.nogood-embed .error .severity { color: #b3261e; }
.nogood-embed .verdict.accepted { border-inline-start-color: #2e7d32; }
.nogood-embed .accepted-mark { font-size: .8em; font-weight: 600; color: #2e7d32; border: 1px solid #2e7d32; border-radius: 3px; padding: 0 .3em; }
.nogood-embed p.accepted { margin: .25rem 0; color: #2e7d32; }
.nogood-embed .warning .severity { color: #b26a00; }
.nogood-embed .info .severity { color: #0b57d0; }
.nogood-embed details.verdict-body > summary h3 { display: inline; }
.nogood-embed ul.proof, .nogood-embed ul.proof ul { list-style: none; margin: 0; padding-inline-start: 1.2rem; }
.nogood-embed .step { font-weight: 600; color: #37474f; margin-inline-end: .35rem; }
.nogood-embed .origin, .nogood-embed .by, .nogood-embed .id { color: #555; font-size: .92em; }
.nogood-embed .unverified { color: #b3261e; font-weight: 600; }
.nogood-embed blockquote.quote { margin: .25rem 0 .4rem; padding: .3rem .8rem; border-inline-start: 3px solid #9e9e9e;
                                 background: #f6f6f6; white-space: pre-line; unicode-bidi: isolate; }
.nogood-embed [dir], .nogood-embed bdi { unicode-bidi: isolate; }
.nogood-embed table { border-collapse: collapse; }
.nogood-embed th, .nogood-embed td { border: 1px solid #d0d0d0; padding: .2rem .55rem; text-align: start; vertical-align: top; }
@media print { .nogood-embed thead { display: table-header-group; } .nogood-embed li.claim, .nogood-embed tr { break-inside: avoid; } }
)css";

}  // namespace

std::string html_fragment(std::string const& body) {
  return std::string("<div class=\"nogood-embed\">\n<style>") + fragment_style + "</style>\n" + body + "</div>\n";
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string html_isolated(std::string_view text) { return html_text(text); }

std::string render_html_summary(Session const& s, std::vector<Verdict const*> const& verdicts, Anchors& anchors) {
  auto r = summarize(s, verdicts);
  std::string out = "<p class=\"lead\">" + html_escape(summary_line(s, r)) + "</p>\n";
  if (verdicts.empty()) return out;
  out += "<table class=\"counts\">\n<tr><th>Severity</th><th class=\"n\">Verdicts</th></tr>\n";
  if (r.errors) out += "<tr><td>error</td><td class=\"n\">" + std::to_string(r.errors) + "</td></tr>\n";
  if (r.warnings) out += "<tr><td>warning</td><td class=\"n\">" + std::to_string(r.warnings) + "</td></tr>\n";
  if (r.infos) out += "<tr><td>info</td><td class=\"n\">" + std::to_string(r.infos) + "</td></tr>\n";
  if (r.accepted) out += "<tr><td>accepted</td><td class=\"n\">" + std::to_string(r.accepted) + "</td></tr>\n";
  out += "</table>\n<table class=\"counts\">\n<tr><th>Rule</th><th class=\"n\">Verdicts</th></tr>\n";
  for (auto const& [rule, n] : r.by_rule) out += "<tr><td><code>" + html_escape(rule) + "</code></td><td class=\"n\">" + std::to_string(n) + "</td></tr>\n";
  out += "</table>\n<table class=\"sources\">\n<thead><tr><th>Source</th><th>Outlet</th><th>Language</th><th class=\"n\">Verdicts</th></tr></thead>\n";
  constexpr std::size_t max_sources_listed = 100;
  for (std::size_t i = 0; i < r.sources.size() && i < max_sources_listed; ++i) {
    auto const& [src, n] = r.sources[i];
    auto const& info = s.corpus().sources[src];
    out += "<tr><td>" + html_text(info.id) + "</td><td>" + html_text(info.outlet) + "</td><td>" + html_escape(info.language) +
           "</td><td class=\"n\">" + std::to_string(n) + "</td></tr>\n";
  }
  if (r.sources.size() > max_sources_listed)
    out += "<tr><td colspan=\"4\">and " + std::to_string(r.sources.size() - max_sources_listed) + " more sources</td></tr>\n";
  out += "</table>\n<h3>Which sources conflict with which</h3>\n";
  render_matrix(out, s, r, verdicts, anchors);
  if (s.source_nogoods_found()) out += doubt_html(s, verdicts);
  return out;
}

std::string render_html_verdicts(Session const& s, std::vector<Verdict const*> const& verdicts, Anchors& anchors) {
  std::string out;
  for (auto const* v : verdicts) render_verdict(out, s, *v, anchors);
  return out;
}

std::string render_verdicts_html(Session const& s, std::vector<Verdict const*> const& verdicts, Manifest const& manifest) {
  auto line = summary_line(s, summarize(s, verdicts));
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"nogood " + html_escape(manifest.version) + "\">\n"
                    "<title>nogood report: " + html_escape(line) + "</title>\n<style>" + style_sheet + "</style>\n</head>\n<body>\n";
  auto corpus = corpus_name(s);
  bool const in_full = verdicts.size() <= max_verdicts_in_full;
  out += "<header>\n<h1>nogood report" + (corpus.empty() ? std::string() : ": " + html_text(corpus)) + "</h1>\n<p>" + html_escape(run_date()) +
         "</p>\n<nav><a href=\"#summary\">Summary</a><a href=\"#index\">Index</a>" + (in_full ? "<a href=\"#verdicts\">Verdicts</a>" : "") +
         "<a href=\"#manifest\">Run manifest</a></nav>\n</header>\n<main>\n";
  Anchors anchors{"summary", "index", "verdicts", "resolved", "manifest", "filters", "shown", "expand", "collapse"};
  out += "<section id=\"summary\">\n<h2>Summary</h2>\n" + render_html_summary(s, verdicts, anchors);
  if (s.baseline()) out += "<p class=\"baseline\">" + html_text(change_line(verdicts, manifest)) + "</p>\n";
  out += "</section>\n";
  out += "<section id=\"index\">\n<h2>Index of verdicts</h2>\n";
  if (verdicts.empty()) {
    out += "<p>No verdicts.</p>\n</section>\n";
  } else {
    out += render_html_filters(s, verdicts);
    std::vector<Verdict const*> listed(verdicts.begin(), verdicts.begin() + std::min(verdicts.size(), max_index_rows));
    if (listed.size() < verdicts.size())
      out += "<p>" + std::to_string(verdicts.size()) + " verdicts: the first " + std::to_string(listed.size()) +
             " (errors first) are listed with their ids. Narrow the report with <code>--severity</code>, <code>--rule</code> or "
             "<code>--source</code>, or take every verdict from <code>--format json</code>; <code>nogood explain ID</code> prints "
             "a verdict's claims and proof.</p>\n";
    else if (!in_full)
      out += "<p>" + std::to_string(verdicts.size()) + " verdicts: each is listed with its id; <code>nogood explain ID</code> prints its claims and proof.</p>\n";
    out += render_html_index(s, listed, in_full, anchors) + "</section>\n";
    if (in_full) out += "<section id=\"verdicts\">\n<h2>Verdicts</h2>\n" + render_html_verdicts(s, verdicts, anchors) + "</section>\n";
  }
  if (!manifest.resolved.empty()) {
    out += "<section id=\"resolved\">\n<h2>Resolved</h2>\n<p>In " + html_text(manifest.baseline) + ", no longer found:</p>\n<ul>\n";
    for (auto const* r : manifest.resolved)
      out += "<li><span class=\"severity\">" + html_escape(r->severity) + "</span> <code>" + html_escape(r->rule) + "</code> " +
             html_text(r->message) + " <code class=\"id\">" + html_escape(r->id) + "</code></li>\n";
    out += "</ul>\n</section>\n";
  }
  out += "<section id=\"manifest\" class=\"manifest\">\n<h2>Run manifest</h2>\n<table>\n";
  out += "<tr><th>Engine</th><td>nogood " + html_escape(manifest.version) + "</td></tr>\n";
  out += "<tr><th>Date</th><td>" + html_escape(run_date()) + "</td></tr>\n";
  if (!corpus.empty()) out += "<tr><th>Corpus</th><td>" + html_text(corpus) + "</td></tr>\n";
  out += "<tr><th>Command</th><td><code>" + html_text(manifest_command_line(manifest)) + "</code></td></tr>\n</table>\n";
  out += "<table>\n<thead><tr><th>Input file</th><th>Kind</th><th>SHA-256</th></tr></thead>\n";
  for (auto const& f : manifest_files(s, manifest))
    out += "<tr><td>" + html_text(f.path) + "</td><td>" + f.kind + "</td><td>" + (f.sha256 ? "<code>" + *f.sha256 + "</code>" : std::string("(unreadable)")) + "</td></tr>\n";
  out += "</table>\n</section>\n</main>\n" + (verdicts.empty() ? std::string() : html_filter_script()) + "</body>\n</html>\n";
  return out;
}

}  // namespace nogood::report
