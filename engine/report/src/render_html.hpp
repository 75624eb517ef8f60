// Verdicts as HTML: a standalone page (inline CSS, no external resources, printable) with a
// summary, a source x source table of conflicts linking to the verdicts, every verdict with its
// claims, and the run manifest. Every quote sits in an element with `dir="auto"` and the
// source's `lang`, isolated from the text around it, so Arabic and Hebrew keep their direction
// without reordering the English; right-to-left names inside English lines are in <bdi>.
#pragma once

#include <string>
#include <vector>

#include "nogood/session.hpp"
#include "render_verdicts.hpp"
#include "report_summary.hpp"

namespace nogood::report {

std::string render_verdicts_html(Session const& session, std::vector<Verdict const*> const& verdicts, Manifest const& manifest);

// Escaped, each right-to-left run in <bdi>: for English lines that carry Arabic or Hebrew names.
std::string html_isolated(std::string_view text);

}  // namespace nogood::report
