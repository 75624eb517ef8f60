#include "doubt_view.hpp"

namespace nogood::report {

std::string nogood_set_text(Session const& s, std::span<std::uint32_t const> set) {
  std::string out = "{";
  for (std::size_t i = 0; i < set.size(); ++i) out += (i ? ", " : "") + s.corpus().sources[set[i]].id;
  return out + "}";
}

std::string nogoods_line(Session const& s, Verdict const& v, Style const& style, std::size_t indent) {
  std::string sets;
  auto const nogoods = v.nogoods();
  for (auto const& set : nogoods) sets += (sets.empty() ? "" : ", ") + nogood_set_text(s, set);
  bool const background = !nogoods.empty() && nogoods.front().empty();
  return std::string(indent, ' ') + style.cyan("nogoods:") + " " + sets + (background ? style.dim("  (the rules and background facts alone)") : "") +
         (v.nogoods_complete ? "" : style.dim("  (the search stopped at a bound: there may be more)")) + "\n";
}

std::string doubt_notes(SourceRanking const& r) {
  std::string out;
  auto add = [&](std::size_t n, std::string const& one, std::string const& many) {
    if (n) out += (out.empty() ? "" : "; ") + std::to_string(n) + " " + (n == 1 ? one : many);
  };
  add(r.accepted, "accepted verdict is left out", "accepted verdicts are left out");
  add(r.background, "verdict follows from the rules and background facts alone", "verdicts follow from the rules and background facts alone");
  add(r.incomplete, "verdict's search stopped at a bound: its sources may be undercounted",
      "verdicts' searches stopped at a bound: their sources may be undercounted");
  return out;
}

}  // namespace nogood::report
