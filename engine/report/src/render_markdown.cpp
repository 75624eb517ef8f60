#include "render_markdown.hpp"
#include "accepted_line.hpp"
#include "baseline_view.hpp"

#include <algorithm>
#include <string_view>

#include "bidi.hpp"
#include "claim_view.hpp"
#include "doubt_view.hpp"
#include "manifest.hpp"
#include "report_summary.hpp"

namespace nogood::report {

namespace {

constexpr std::size_t max_source_rows = 20;  // a long tail of sources is counted, not listed

// Text as Markdown shows it literally: punctuation that could start markup is escaped, line
// breaks become spaces.
std::string md_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    if (c == '\n' || c == '\r') c = ' ';
    if (std::string_view("\\`*_[]<>|~&").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}


// A line that must not be read as a heading, list item or code block when it starts a block.
std::string md_line(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  auto out = md_escape(text);
  if (!out.empty() && std::string_view("#-+=").find(out.front()) != std::string_view::npos) return "\\" + out;
  std::size_t digits = 0;
  while (digits < out.size() && digits < 9 && out[digits] >= '0' && out[digits] <= '9') ++digits;
  if (digits && digits < out.size() && (out[digits] == '.' || out[digits] == ')')) out.insert(digits, "\\");
  return out;
}

// `text` as a code span, with a fence longer than any backtick run inside.
std::string md_code(std::string_view text) {
  std::string body = isolate_rtl_runs(text);
  std::replace(body.begin(), body.end(), '\n', ' ');
  std::size_t longest = 0, run = 0;
  for (char c : body) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

}  // namespace

std::string md_text(std::string_view text) { return isolate_rtl_runs(md_escape(text)); }

namespace {

// The quote as a blockquote, each of its lines prefixed; a right-to-left line is one isolate.
std::string md_quote(std::string_view quote, std::string const& pad) {
  std::string out;
  std::size_t start = 0;
  while (start <= quote.size()) {
    auto end = quote.find('\n', start);
    if (end == std::string_view::npos) end = quote.size();
    auto line = quote.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out += pad + "> " + (line.empty() ? std::string() : isolate_if_rtl(md_line(line))) + "\n";
    start = end + 1;
  }
  return out;
}

std::string alternatives_markdown(std::vector<std::string> const& taken) {
  std::string out(alternatives_lead(taken.size()));
  for (std::size_t i = 0; i < taken.size(); ++i) out += (i ? ", " : " ") + md_code(taken[i]);
  return out;
}

void render_node(std::string& out, Session const& s, ProofNode const& n, int depth) {
  std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
  std::string item = pad + "- ";
  std::string cont = pad + "  ";
  switch (n.kind) {
    case ProofNode::Kind::claim:
    case ProofNode::Kind::background: {
      if (n.claim == 0xffffffffu) {
        out += item + "**fact** " + md_code(n.statement) + "\n";
        break;
      }
      auto c = view_claim(s, n.claim);
      out += item + (c.background ? "**given** " : c.negated ? "**denies** " : "**claims** ") + md_code(n.statement) + "\\\n";
      out += cont + md_text(claim_origin_line(c)) + "\n";
      if (!c.quote.empty() && !c.background) out += md_quote(c.quote, cont);
      for (auto const& child : n.children) render_node(out, s, child, depth + 1);
      break;
    }
    case ProofNode::Kind::entity_join:
      out += item + "same entity: " + md_text(n.statement) + "\n";
      break;
    case ProofNode::Kind::derived:
      out += item + "**derived** " + md_code(n.statement) + (n.verified ? "" : " **(could not be re-checked)**") + "\\\n";
      out += cont + "by " + md_code(n.rule) + (n.alternatives.empty() ? "" : "\\") + "\n";
      if (!n.alternatives.empty()) out += cont + alternatives_markdown(n.alternatives) + "\n";
      for (auto const& child : n.children) render_node(out, s, child, depth + 1);
      break;
    case ProofNode::Kind::comparison:
      out += item + "**where** " + md_code(n.statement) + (n.verified ? "" : " **(does not hold)**") + "\n";
      break;
    case ProofNode::Kind::negation:
      out += item + "**and** " + md_code(n.statement) + (n.verified ? "" : " **(a fact was found)**") + "\n";
      break;
    case ProofNode::Kind::aggregate:
      out += item + "**counted** " + md_code(n.statement) + "\n";
      break;
    case ProofNode::Kind::verdict:
      if (!n.alternatives.empty()) out += item + alternatives_markdown(n.alternatives) + "\n";
      for (auto const& child : n.children) render_node(out, s, child, depth);
      break;
  }
}

void render_verdict(std::string& out, Session const& s, Verdict const& v, Anchors& anchors) {
  // The anchor lets a report link to a verdict by its id; the id is made of [A-Za-z0-9_-].
  if (anchors.insert(v.id()).second) out += "<a id=\"" + v.id() + "\"></a>\n";
  auto change = change_word(s, v);
  out += "### " + std::string(engine::to_string(v.severity)) + " " + md_code(v.rule()) + (change.empty() ? "" : " (" + change + ")") + ": " +
         md_text(s.message(v)) + "\n\n";
  if (auto const* a = s.acceptance(v)) out += "**Accepted** " + md_text(accepted_line(*a)) + "\n\n";
  if (s.is_grouped(v)) {
    // A grouped `unique` verdict: each value with its sources and the claims that give it.
    out += "Groups:\n\n";
    auto const type = s.groups_type(v);
    for (auto const& g : s.groups(v)) {
      auto const sources = group_sources(s, g);
      out += "- **" + md_text(s.display(type, g.value)) + "** (" + md_text(sources) + ")\n";
      for (auto c : g.claims) {
        auto view = view_claim(s, c);
        out += "  - " + md_text(claim_origin_line(view)) + "\n";
        if (!view.quote.empty() && !view.background) out += md_quote(view.quote, "    ");
      }
    }
    out += "\n";
  }
  out += "Because:\n\n";
  render_node(out, s, s.explain(v), 0);
  if (s.source_nogoods_found()) {
    std::string sets;
    for (auto const& set : v.nogoods()) sets += (sets.empty() ? "" : ", ") + nogood_set_text(s, set);
    out += "\nNogoods (sources whose claims cannot all hold): " + md_text(sets) + (v.nogoods_complete ? "" : " (the search stopped at a bound: there may be more)") + "\n";
  }
  out += "\nVerdict id: " + md_code(v.id()) + "\n";
}

}  // namespace

namespace {

// The sources and pairs of sources in the most verdicts' nogoods, and what doubting one alone settles.
std::string doubt_markdown(Session const& s, std::vector<Verdict const*> const& verdicts) {
  auto const r = rank_sources(s, verdicts);
  if (r.sources.empty()) return {};
  auto const& sources = s.corpus().sources;
  std::string out = "\n**Sources to doubt**: a verdict's nogoods are the smallest sets of sources whose claims cannot all hold; "
                    "*settled* counts the verdicts that doubting the source alone would settle.\n";
  out += "\n| Source to doubt | In nogoods of | Settled |\n| :-- | --: | --: |\n";
  for (std::size_t i = 0; i < r.sources.size() && i < max_source_rows; ++i)
    out += "| " + md_text(sources[r.sources[i].source].id) + " | " + std::to_string(r.sources[i].verdicts) + " | " + std::to_string(r.sources[i].settled) + " |\n";
  if (r.sources.size() > max_source_rows) out += "\nand " + std::to_string(r.sources.size() - max_source_rows) + " more sources.\n";
  if (!r.pairs.empty()) {
    out += "\n| Pair of sources | In nogoods of |\n| :-- | --: |\n";
    for (std::size_t i = 0; i < r.pairs.size() && i < max_source_rows; ++i)
      out += "| " + md_text(sources[r.pairs[i].a].id) + " \u00d7 " + md_text(sources[r.pairs[i].b].id) + " | " + std::to_string(r.pairs[i].verdicts) + " |\n";
    if (r.pairs.size() > max_source_rows) out += "\nand " + std::to_string(r.pairs.size() - max_source_rows) + " more pairs.\n";
  }
  if (auto notes = doubt_notes(r); !notes.empty()) out += "\n" + md_text(notes) + ".\n";
  return out;
}

}  // namespace

std::string render_markdown_summary(Session const& s, std::vector<Verdict const*> const& verdicts) {
  auto r = summarize(s, verdicts);
  std::string out = summary_line(s, r) + ".\n";
  if (verdicts.empty()) return out;
  out += "\n| Severity | Verdicts |\n| :-- | --: |\n";
  if (r.errors) out += "| error | " + std::to_string(r.errors) + " |\n";
  if (r.warnings) out += "| warning | " + std::to_string(r.warnings) + " |\n";
  if (r.infos) out += "| info | " + std::to_string(r.infos) + " |\n";
  if (r.accepted) out += "| accepted | " + std::to_string(r.accepted) + " |\n";
  out += "| **total** | **" + std::to_string(r.total) + "** |\n";
  out += "\n| Rule | Verdicts |\n| :-- | --: |\n";
  for (auto const& [rule, n] : r.by_rule) out += "| " + md_code(rule) + " | " + std::to_string(n) + " |\n";
  out += "\n| Source involved | Outlet | Language | Verdicts |\n| :-- | :-- | :-- | --: |\n";
  for (std::size_t i = 0; i < r.sources.size() && i < max_source_rows; ++i) {
    auto const& src = s.corpus().sources[r.sources[i].first];
    out += "| " + md_text(src.id) + " | " + md_text(src.outlet) + " | " + md_text(src.language) + " | " + std::to_string(r.sources[i].second) + " |\n";
  }
  if (r.sources.size() > max_source_rows) out += "\nand " + std::to_string(r.sources.size() - max_source_rows) + " more sources.\n";
  if (s.source_nogoods_found()) out += doubt_markdown(s, verdicts);
  return out;
}

std::string render_markdown_verdicts(Session const& s, std::vector<Verdict const*> const& verdicts, Anchors& anchors) {
  std::string out;
  for (std::size_t i = 0; i < verdicts.size(); ++i) {
    if (i) out += "\n";
    render_verdict(out, s, *verdicts[i], anchors);
  }
  return out;
}

std::string render_verdicts_markdown(Session const& s, std::vector<Verdict const*> const& verdicts, Manifest const& manifest) {
  Anchors anchors;
  std::string out = "# nogood report\n\n## Summary\n\n" + render_markdown_summary(s, verdicts);
  if (s.baseline()) out += "\n" + md_text(change_line(verdicts, manifest)) + ".\n";
  if (!verdicts.empty()) out += "\n## Verdicts\n\n" + render_markdown_verdicts(s, verdicts, anchors);
  if (!manifest.resolved.empty()) {
    out += "\n## Resolved\n\nIn " + md_text(manifest.baseline) + ", no longer found:\n\n";
    for (auto const* r : manifest.resolved)
      out += "- " + md_text(r->severity) + " " + md_code(r->rule) + ": " + md_text(r->message) + " (" + md_code(r->id) + ")\n";
  }
  out += "\n## Run manifest\n\n";
  out += "- Engine: nogood " + md_text(manifest.version) + "\n";
  out += "- Command: " + md_code(manifest_command_line(manifest)) + "\n\n";
  out += "| Input file | Kind | SHA-256 |\n| :-- | :-- | :-- |\n";
  for (auto const& f : manifest_files(s, manifest))
    out += "| " + md_text(f.path) + " | " + f.kind + " | " + (f.sha256 ? md_code(*f.sha256) : std::string("(unreadable)")) + " |\n";
  return out;
}

}  // namespace nogood::report
