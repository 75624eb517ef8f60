// Verdicts as Markdown (CommonMark with GitHub tables), to paste into a report: a summary
// table, then a section per verdict with its claims, quotes in blockquotes. Right-to-left text
// is wrapped in Unicode isolates (U+2068 ... U+2069) so it cannot reorder the English around it.
#pragma once

#include <string>
#include <vector>

#include "nogood/session.hpp"
#include "render_verdicts.hpp"
#include "report_summary.hpp"

namespace nogood::report {

// A whole document: title, summary, verdicts, run manifest.
// Escaped, and each right-to-left run isolated: for English lines that carry names.
std::string md_text(std::string_view text);
std::string render_verdicts_markdown(Session const& session, std::vector<Verdict const*> const& verdicts, Manifest const& manifest);

}  // namespace nogood::report
