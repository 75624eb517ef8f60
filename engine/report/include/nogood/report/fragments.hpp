// Pieces of the Markdown and HTML reports, for documents that hold verdicts among their own text
// (`nogood embed`): the summary and the verdicts, without the page around them.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "nogood/report/report.hpp"
#include "nogood/session.hpp"

namespace nogood::report {

// Element ids a page already holds: a verdict shown twice (in two regions of a report) gets its
// anchor once, so the page stays valid and links go to the first.
using Anchors = std::set<std::string>;

std::string render_markdown_summary(Session const& session, std::vector<Verdict const*> const& verdicts);
std::string render_markdown_verdicts(Session const& session, std::vector<Verdict const*> const& verdicts, Anchors& anchors);

// The HTML summary with its source x source table, and the verdicts; they rely on no style sheet
// of the page: html_fragment() wraps them with their own, scoped to them.
std::string render_html_summary(Session const& session, std::vector<Verdict const*> const& verdicts, Anchors& anchors);
std::string render_html_verdicts(Session const& session, std::vector<Verdict const*> const& verdicts, Anchors& anchors);
std::string html_fragment(std::string const& body);

// `text` with & < > " ' escaped, for element content and attribute values alike.
std::string html_escape(std::string_view text);

// The command line as a shell would take it back: `nogood check examples/tour --format html`.
std::string manifest_command_line(Manifest const& manifest);

// The day of this run, UTC, as YYYY-MM-DD: SOURCE_DATE_EPOCH when set, so reports can be
// reproduced byte for byte.
std::string run_date();

}  // namespace nogood::report
