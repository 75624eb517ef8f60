// Verdicts for pipelines (JSON), and one verdict's whole proof for people (`explain`).
#pragma once

#include <string>
#include <vector>

#include "nogood/report/report.hpp"
#include "nogood/session.hpp"
#include "nogood/report/sink.hpp"
#include "nogood/report/style.hpp"

namespace nogood::report {

struct JsonReportOptions {
  bool proofs = true;  // each verdict's proof tree; the support (the claims) is always there
};
void render_verdicts_json(Session const& session, std::vector<Verdict const*> const& verdicts, Manifest const& manifest,
                          JsonReportOptions const& options, Sink& sink);
std::string render_verdicts_json(Session const& session, std::vector<Verdict const*> const& verdicts, Manifest const& manifest,
                                 JsonReportOptions const& options = {});
std::string render_explanation_text(Session const& session, Verdict const& v, Style const& style);

}  // namespace nogood::report
