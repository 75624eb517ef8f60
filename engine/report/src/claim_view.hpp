// One supporting claim as every report format shows it: who said it, how sure, where, the quote.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "nogood/report/style.hpp"
#include "nogood/session.hpp"

namespace nogood::report {

struct ClaimView {
  bool background = false;   // a fact from the rules, no source
  bool negated = false;      // the source denies it
  std::string source;        // source id
  std::string outlet;
  std::string language;      // BCP 47 code of the source, for `lang`
  std::string claimant;      // "the source itself" when the source speaks in its own voice
  std::string certainty;     // asserted, reported, alleged, uncertain
  std::optional<std::int64_t> at;  // code-point offset of the quote in the article
  std::string location;      // rules file and line, for background facts
  std::string quote;
  std::string dates;         // worded dates and their resolution: `saturday (2025-10-18, from published 2025-10-19)`
};

ClaimView view_claim(Session const& session, std::uint32_t claim);

// "wire (Wire service, en) · family, reported · at 312", the origin line of the text format.
std::string claim_origin_line(ClaimView const& c);

// "alternative taken:" or "alternatives taken:", before the alternatives a derivation took.
std::string_view alternatives_lead(std::size_t count);
// "alternative taken: role(P, informant) @ S", the line of the text format.
std::string alternatives_line(std::vector<std::string> const& taken);

// A group's sources by id, `ap-en, reuters`.
std::string group_sources(Session const& s, ValueGroup const& g);

// A grouped `unique` verdict's groups as the text formats show them: each value with its sources,
// then the origin line and quote of each of its claims, the first `max_claims` of them in all.
std::string groups_text(Session const& s, Verdict const& v, Style const& style, std::size_t indent, std::size_t max_claims);

// `text` in the colour of a severity, for the text formats.
std::string paint_severity(Style const& style, engine::VerdictSeverity s, std::string const& text);

}  // namespace nogood::report
