#include "render_text_report.hpp"
#include "accepted_line.hpp"
#include "baseline_view.hpp"

#include <algorithm>
#include <set>

#include "claim_view.hpp"
#include "doubt_view.hpp"
#include "render_chunks.hpp"
#include "report_summary.hpp"

namespace nogood::report {

namespace {

// Claims shown per verdict; an aggregate over thousands of claims is `explain`'s to list.
constexpr std::size_t max_claims_shown = 8;

// What a verdict rests on, gathered from its proof: the derived steps in between are left out.
struct Evidence {
  std::vector<ProofNode const*> claims;  // sourced claims, in proof order, each once
  std::vector<std::string> given;     // background facts, each once
  struct Condition {
    std::string word;  // where, and, counted
    std::string text;
    bool holds = true;
  };
  std::vector<Condition> conditions;  // over numbers and dates, absences, counts
  std::vector<std::string> joins;     // why two names were taken for one entity, each once
  bool unverified = false;
};

void collect(ProofNode const& n, Evidence& e, std::set<std::uint32_t>& seen_claims) {
  if (!n.verified && n.kind == ProofNode::Kind::derived) e.unverified = true;
  switch (n.kind) {
    case ProofNode::Kind::claim:
      if (seen_claims.insert(n.claim).second) e.claims.push_back(&n);
      break;
    case ProofNode::Kind::background:
      // A `source(...)` fact repeats what each claim's origin line says.
      if (n.claim == 0xffffffffu) break;
      if (std::find(e.given.begin(), e.given.end(), n.statement) == e.given.end()) e.given.push_back(n.statement);
      break;
    case ProofNode::Kind::entity_join:
      if (std::find(e.joins.begin(), e.joins.end(), n.statement) == e.joins.end()) e.joins.push_back(n.statement);
      return;
    case ProofNode::Kind::comparison:
      if (!n.detail) e.conditions.push_back({"where", n.statement, n.verified});
      return;
    case ProofNode::Kind::negation: e.conditions.push_back({"and", n.statement, n.verified}); return;
    case ProofNode::Kind::aggregate: e.conditions.push_back({"counted", n.statement, n.verified}); break;
    case ProofNode::Kind::verdict:
      // Which of the constraint's alternatives held; a derived fact's is left to `explain`.
      if (!n.alternatives.empty()) {
        std::string taken;
        for (auto const& a : n.alternatives) taken += (taken.empty() ? "" : "; ") + a;
        e.conditions.push_back({"taking", taken, true});
      }
      break;
    case ProofNode::Kind::derived: break;
  }
  for (auto const& c : n.children) collect(c, e, seen_claims);
}

void render_evidence(std::string& out, Session const& s, Verdict const& v, Style const& style) {
  out += paint_severity(style, v.severity, std::string(engine::to_string(v.severity)) + "[" + std::string(v.rule()) + "]") + style.bold(": " + s.message(v)) + "\n";
  if (auto const* a = s.acceptance(v)) out += "    " + style.bold("accepted") + " " + accepted_line(*a) + "\n";
  if (s.is_grouped(v)) {
    out += groups_text(s, v, style, 4, max_claims_shown);
    if (s.source_nogoods_found()) out += nogoods_line(s, v, style, 4);
    auto change = change_word(s, v);
    out += "  " + style.dim("id: " + v.id()) + (change.empty() ? "" : " (" + (change == "new" ? style.bold(change) : change) + ")") + "\n\n";
    return;
  }
  auto proof = s.explain(v);
  Evidence e;
  std::set<std::uint32_t> seen;
  collect(proof, e, seen);
  std::size_t shown = 0;
  for (auto const* claim : e.claims) {
    if (shown == max_claims_shown) break;
    ++shown;
    auto view = view_claim(s, claim->claim);
    out += "    " + style.cyan(view.negated ? "denies" : "claims") + " " + claim->statement + "\n";
    out += "      " + style.dim(claim_origin_line(view)) + "\n";
    if (!view.quote.empty()) out += "      \u201c\u2068" + view.quote + "\u2069\u201d\n";
  }
  if (e.claims.size() > shown)
    out += "    " + style.dim("and " + std::to_string(e.claims.size() - shown) + " more claims: `nogood explain " + v.id() + "` lists them") + "\n";
  if (!e.given.empty()) {
    std::string given;
    for (auto const& g : e.given) given += (given.empty() ? "" : ", ") + g;
    out += "    " + style.cyan("given") + " " + given + "\n";
  }
  for (auto const& c : e.conditions)
    out += "    " + style.cyan(c.word) + " " + c.text + (c.holds ? "" : style.red("  [does not re-check]")) + "\n";
  for (auto const& j : e.joins) out += "    " + style.dim("same entity: " + j) + "\n";
  if (e.unverified) out += "    " + style.red("part of this proof could not be re-checked: see `nogood explain " + v.id() + "`") + "\n";
  if (s.source_nogoods_found()) out += nogoods_line(s, v, style, 4);
  auto change = change_word(s, v);
  out += "  " + style.dim("id: " + v.id()) + (change.empty() ? "" : " (" + (change == "new" ? style.bold(change) : change) + ")") + "\n\n";
}

// The sources a verdict rests on: its nogood when it has one, its nogoods in braces when it has
// several, else (no search was run) the sources of its recorded proof.
std::string sources_of(Session const& s, Verdict const& v) {
  constexpr std::size_t listed = 3;
  auto list = [&](std::span<std::uint32_t const> ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size() && i < listed; ++i) out += (i ? ", " : "") + s.corpus().sources[ids[i]].id;
    if (ids.size() > listed) out += " +" + std::to_string(ids.size() - listed);
    return out.empty() ? std::string("background") : out;
  };
  auto const nogoods = v.nogoods();
  if (nogoods.empty()) return list(v.sources());
  if (nogoods.size() == 1) return list(nogoods[0]);
  std::string out;
  for (std::size_t i = 0; i < nogoods.size() && i < listed; ++i) out += (i ? ", {" : "{") + list(nogoods[i]) + "}";
  if (nogoods.size() > listed) out += " +" + std::to_string(nogoods.size() - listed) + " sets";
  return out;
}

void render_compact(std::string& out, Session const& s, Verdict const& v, Style const& style, std::size_t rule_width) {
  auto severity = std::string(engine::to_string(v.severity));
  out += paint_severity(style, v.severity, severity) + std::string(8 - severity.size(), ' ');
  out += std::string(v.rule()) + std::string(rule_width > v.rule().size() ? rule_width - v.rule().size() : 0, ' ') + "  ";
  s.append_message(out, v);
  out += "  " + style.dim("[" + sources_of(s, v) + "]") + "  " + style.dim(v.id()) + (s.acceptance(v) ? "  accepted" : "") +
         (s.baseline() ? "  " + change_word(s, v) : "") + "\n";
}

// The baseline's verdicts that no longer occur, one line each.
std::string resolved_text(Manifest const& m, Style const& style) {
  if (m.resolved.empty()) return {};
  std::string out = style.bold("resolved") + ": in " + m.baseline + ", no longer found\n";
  for (auto const* v : m.resolved) out += "  " + v->severity + "[" + v->rule + "]: " + v->message + "  " + style.dim(v->id) + "\n";
  return out + "\n";
}

// The sources whose doubt would settle the most: ranked by the verdicts whose nogoods hold them.
std::string doubt_text(Session const& s, std::vector<Verdict const*> const& verdicts, Style const& style) {
  auto const r = rank_sources(s, verdicts);
  if (r.sources.empty() && r.background == 0) return {};
  auto const& sources = s.corpus().sources;
  std::string out = style.bold("sources to doubt") + ": in how many verdicts' nogoods each is, and how many doubting it alone settles\n";
  std::size_t width = 0;
  for (std::size_t i = 0; i < r.sources.size() && i < max_doubted_sources; ++i) width = std::max(width, sources[r.sources[i].source].id.size());
  for (std::size_t i = 0; i < r.sources.size() && i < max_doubted_sources; ++i) {
    auto const& src = r.sources[i];
    auto const& id = sources[src.source].id;
    out += "  " + id + std::string(width - id.size(), ' ') + "  in " + std::to_string(src.verdicts) + ", settles " + std::to_string(src.settled) + "\n";
  }
  if (r.sources.size() > max_doubted_sources) out += "  and " + std::to_string(r.sources.size() - max_doubted_sources) + " more\n";
  if (!r.pairs.empty()) {
    out += "  pairs:";
    for (std::size_t i = 0; i < r.pairs.size() && i < max_doubted_pairs; ++i)
      out += std::string(i ? "," : "") + " " + sources[r.pairs[i].a].id + " \u00d7 " + sources[r.pairs[i].b].id + " (" +
             std::to_string(r.pairs[i].verdicts) + ")";
    if (r.pairs.size() > max_doubted_pairs) out += " and " + std::to_string(r.pairs.size() - max_doubted_pairs) + " more";
    out += "\n";
  }
  if (auto notes = doubt_notes(r); !notes.empty()) out += "  " + style.dim(notes) + "\n";
  return out;
}

std::string summary_text(Session const& s, std::vector<Verdict const*> const& verdicts, Manifest const& m, Style const& style) {
  auto const summary = summarize(s, verdicts);
  std::string out = style.bold("summary") + ": " + summary_line(s, summary) + "\n";
  if (s.baseline()) out += "  " + change_line(verdicts, m) + "\n";
  for (auto const& [rule, n] : summary.by_rule) out += "  " + rule + ": " + std::to_string(n) + "\n";
  if (s.source_nogoods_found()) return out + doubt_text(s, verdicts, style);  // which supersedes the lines below
  constexpr std::size_t listed = 10;
  if (!summary.sources.empty()) {
    out += "  sources involved:";
    for (std::size_t i = 0; i < summary.sources.size() && i < listed; ++i)
      out += " " + s.corpus().sources[summary.sources[i].first].id + " (" + std::to_string(summary.sources[i].second) + ")";
    if (summary.sources.size() > listed) out += " and " + std::to_string(summary.sources.size() - listed) + " more";
    out += "\n";
  }
  // Which sources disagree most with each other: the pairs behind the most verdicts.
  std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, std::size_t>> pairs;
  for (auto const& [pair, list] : summary.pairs)
    if (pair.first != pair.second) pairs.emplace_back(pair, list.size());
  std::stable_sort(pairs.begin(), pairs.end(), [](auto const& a, auto const& b) { return a.second > b.second; });
  constexpr std::size_t top_pairs = 5;
  if (!pairs.empty()) {
    out += "  most conflicting pairs:";
    for (std::size_t i = 0; i < pairs.size() && i < top_pairs; ++i) {
      auto const& [pair, n] = pairs[i];
      out += std::string(i ? "," : "") + " " + s.corpus().sources[pair.first].id + " \u00d7 " + s.corpus().sources[pair.second].id + " (" +
             std::to_string(n) + ")";
    }
    if (pairs.size() > top_pairs) out += " and " + std::to_string(pairs.size() - top_pairs) + " more";
    out += "\n";
  }
  return out;
}

}  // namespace

void sort_for_reading(std::vector<Verdict const*>& verdicts) {
  std::stable_sort(verdicts.begin(), verdicts.end(), [](Verdict const* a, Verdict const* b) {
    if (a->severity != b->severity) return static_cast<int>(a->severity) > static_cast<int>(b->severity);
    return a->rule() < b->rule();
  });
}

void render_text_report(Session const& s, std::vector<Verdict const*> const& verdicts, Manifest const& m, Style const& style, TextLayout layout,
                        Sink& sink) {
  if (layout == TextLayout::evidence) {
    render_chunks(
        verdicts.size(), s.threads(),
        [&](std::size_t begin, std::size_t end, std::string& text) {
          for (std::size_t i = begin; i < end; ++i) render_evidence(text, s, *verdicts[i], style);
        },
        sink, [&](std::size_t i) { return 1 + verdicts[i]->support().size(); });
  } else if (layout == TextLayout::compact) {
    std::size_t width = 0;
    for (auto const* v : verdicts) width = std::max(width, v->rule().size());
    width = std::min<std::size_t>(width, 32);
    render_chunks(
        verdicts.size(), s.threads(),
        [&](std::size_t begin, std::size_t end, std::string& text) {
          for (std::size_t i = begin; i < end; ++i) render_compact(text, s, *verdicts[i], style, width);
        },
        sink);
    if (!verdicts.empty()) sink.write("\n");
  }
  std::string out = (layout == TextLayout::summary ? std::string() : resolved_text(m, style)) + summary_text(s, verdicts, m, style);
  if (!verdicts.empty() && layout != TextLayout::summary)
    out += style.dim("the whole proof of a verdict: nogood explain ID") + "\n";
  sink.write(out);
}

}  // namespace nogood::report
