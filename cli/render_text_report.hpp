// The text report of `nogood check`: each verdict with the evidence it rests on, or one line
// per verdict, then a summary. The whole proof of one verdict is `explain`'s (render_verdicts.hpp).
#pragma once

#include <vector>

#include "nogood/session.hpp"
#include "output.hpp"
#include "terminal.hpp"

namespace nogood::cli {

enum class TextLayout {
  evidence,  // each verdict with its claims, quotes and the conditions that carry meaning
  compact,   // one line per verdict: severity, rule, message, sources, id
  summary,   // only the summary (--quiet)
};

void render_text_report(Session const& session, std::vector<Verdict const*> const& verdicts, Style const& style, TextLayout layout,
                        Sink& sink);

// Errors first, then warnings, then info; by rule name within a severity; the engine's order
// (stable across runs) within a rule.
void sort_for_reading(std::vector<Verdict const*>& verdicts);

}  // namespace nogood::cli
