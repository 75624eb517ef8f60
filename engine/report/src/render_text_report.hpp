// The text report of `nogood check`: each verdict with the evidence it rests on, or one line
// per verdict, then a summary. The whole proof of one verdict is `explain`'s (render_verdicts.hpp).
#pragma once

#include <vector>

#include "nogood/report/report.hpp"
#include "nogood/session.hpp"
#include "nogood/report/sink.hpp"
#include "nogood/report/style.hpp"

namespace nogood::report {

void render_text_report(Session const& session, std::vector<Verdict const*> const& verdicts, Manifest const& manifest, Style const& style,
                        TextLayout layout,
                        Sink& sink);


}  // namespace nogood::report
