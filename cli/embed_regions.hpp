// The regions of a report that `nogood embed` fills:
//
//   <!-- nogood:begin all -->            every verdict, after a summary
//   <!-- nogood:begin rule=NAME -->      the verdicts of one constraint
//   <!-- nogood:begin id=VERDICT_ID -->  one verdict
//   ...                                  replaced on each run
//   <!-- nogood:end -->
//
// A marker is a line of its own. Only the lines between a region's two markers change; every
// other byte of the report, the markers included, stays as it was. In Markdown, markers inside
// fenced code blocks are text, not markers (a report may show how to write one), and so is
// Markdown's escaped `\<!--`; inside a region, only a marker at the start of a line counts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nogood/diagnostics.hpp"

namespace nogood::cli {

struct Region {
  enum class Selector { all, rule, id } selector = Selector::all;
  std::string value;              // the rule name or verdict id
  Span marker;                    // the begin marker, for diagnostics
  Span argument;                  // `rule=NAME` or `id=ID` within it
  std::uint32_t line = 0;         // 1-based line of the begin marker
  std::size_t content_begin = 0;  // bytes replaced: from after the begin marker's line
  std::size_t content_end = 0;    // to the start of the end marker's line
  std::string newline = "\n";     // the line ending the report uses there
};

// The regions of `file`, in order. Malformed markers (a begin without end, an end without begin,
// a region inside another, an unknown selector) are reported as E0006 into `diags`.
std::vector<Region> find_regions(SourceManager const& sources, FileId file, bool markdown, Diagnostics& diags);

// `content` with every `<!--` written `&lt;!--` (the same text once rendered, in HTML and Markdown),
// except Markdown's escaped `\<!--`: nothing a source says can form a marker inside a region.
std::string defuse_markers(std::string content);

// `content` (lines ending in \n) as it goes into the region: with the report's line endings.
std::string region_text(Region const& region, std::string const& content);

// `text` with the content of each region replaced by `contents[i]` (which ends with a newline).
std::string fill_regions(std::string_view text, std::vector<Region> const& regions, std::vector<std::string> const& contents);

// "all", "rule=NAME", "id=ID": how a region names what it holds.
std::string describe(Region const& region);

}  // namespace nogood::cli
