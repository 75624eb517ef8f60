#include "claim_view.hpp"

#include "report_paths.hpp"

namespace nogood::report {

ClaimView view_claim(Session const& s, std::uint32_t id) {
  auto const& corpus = s.corpus();
  auto const& c = corpus.claims[id];
  ClaimView v;
  v.negated = c.negated;
  v.quote = corpus.quote(c);
  v.at = corpus.at(c);
  if (c.source == engine::no_source) {
    v.background = true;
    if (auto const origin = corpus.origin(id); origin.valid()) {
      auto lc = s.sources().line_col(origin.file, origin.begin);
      v.location = report_path(s, s.sources().file(origin.file).name) + ":" + std::to_string(lc.line);
    }
    return v;
  }
  auto const& src = corpus.sources[c.source];
  v.source = src.id;
  v.outlet = src.outlet;
  v.language = src.language;
  auto const claimant = corpus.claimant(c);
  v.claimant = corpus.strings.view(claimant).empty() ? std::string("the source itself") : std::string(s.symbol_display(claimant));
  v.certainty = std::string(engine::to_string(c.certainty));
  if (auto it = corpus.written_dates.find(id); it != corpus.written_dates.end()) v.dates = it->second;
  return v;
}

std::string_view alternatives_lead(std::size_t count) {
  return count == 1 ? "alternative taken:" : "alternatives taken:";
}

std::string alternatives_line(std::vector<std::string> const& taken) {
  std::string out(alternatives_lead(taken.size()));
  for (std::size_t i = 0; i < taken.size(); ++i) out += (i ? "; " : " ") + taken[i];
  return out;
}

std::string claim_origin_line(ClaimView const& c) {
  if (c.background) return "background fact" + (c.location.empty() ? std::string() : ", " + c.location);
  std::string out = c.source;
  std::string meta = c.outlet;
  if (!c.language.empty()) meta += (meta.empty() ? "" : ", ") + c.language;
  if (!meta.empty()) out += " (" + meta + ")";
  out += " · " + c.claimant + ", " + c.certainty;
  if (c.at) out += " · at " + std::to_string(*c.at);
  if (!c.dates.empty()) out += " · " + c.dates;
  return out;
}

std::string paint_severity(Style const& style, engine::VerdictSeverity s, std::string const& text) {
  switch (s) {
    case engine::VerdictSeverity::error: return style.red(text);
    case engine::VerdictSeverity::warning: return style.yellow(text);
    case engine::VerdictSeverity::info: return style.blue(text);
  }
  return text;
}

std::string group_sources(Session const& s, ValueGroup const& g) {
  std::string out;
  for (std::size_t i = 0; i < g.sources.size(); ++i) out.append(i ? ", " : "").append(s.corpus().sources[g.sources[i]].id.view());
  return out;
}

std::string groups_text(Session const& s, Verdict const& v, Style const& style, std::size_t indent, std::size_t max_claims) {
  std::string const pad(indent, ' ');
  std::string out;
  auto const type = s.groups_type(v);
  std::size_t shown = 0, total = 0;
  for (auto const& g : s.groups(v)) {
    out += pad + style.cyan("group") + " " + s.display(type, g.value) + " (" + group_sources(s, g) + ")\n";
    for (auto c : g.claims) {
      ++total;
      if (shown == max_claims) continue;
      ++shown;
      auto view = view_claim(s, c);
      out += pad + "  " + style.dim(claim_origin_line(view)) + "\n";
      if (!view.quote.empty() && !view.background) out += pad + "  \u201c\u2068" + view.quote + "\u2069\u201d\n";
    }
  }
  if (total > shown)
    out += pad + style.dim("and " + std::to_string(total - shown) + " more claims: `nogood explain " + v.id() + "` lists them") + "\n";
  return out;
}

}  // namespace nogood::report
