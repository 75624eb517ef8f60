// The parts of the HTML page that help a reader through many verdicts: an index with one row per
// verdict, and filters (severity, rule, source, text) run by a small inline script that needs no
// network. Without scripts the page shows everything.
#pragma once

#include <string>
#include <vector>

#include "nogood/session.hpp"
#include "report_summary.hpp"

namespace nogood::report {

// ` data-severity=... data-rule=... data-sources="|a|b|"`: what the filters test.
std::string verdict_data_attributes(Session const& session, Verdict const& v);

// One row per verdict: severity, rule, message (a link to the verdict, or its id when the page
// does not show verdicts in full), sources.
std::string render_html_index(Session const& session, std::vector<Verdict const*> const& verdicts, bool linked, Anchors& anchors);

// The filter form (hidden until the script shows it), and the script, for the end of the page.
std::string render_html_filters(Session const& session, std::vector<Verdict const*> const& verdicts);
std::string html_filter_script();

}  // namespace nogood::report
