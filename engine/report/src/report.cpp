// The public entry points: one per command, dispatching on the format.
#include "nogood/report/report.hpp"

#include "render_html.hpp"
#include "render_markdown.hpp"
#include "render_text_report.hpp"
#include "render_verdicts.hpp"

namespace nogood::report {

void render_report(Session const& s, std::vector<Verdict const*> const& verdicts, Manifest const& manifest, ReportOptions const& o,
                   Sink& sink) {
  switch (o.format) {
    case Format::json: render_verdicts_json(s, verdicts, manifest, {o.proofs}, sink); return;
    case Format::markdown: sink.write(render_verdicts_markdown(s, verdicts, manifest)); return;
    case Format::html: sink.write(render_verdicts_html(s, verdicts, manifest)); return;
    case Format::text: render_text_report(s, verdicts, manifest, o.style, o.layout, sink); return;
  }
}

std::string render_explanation(Session const& s, Verdict const& v, Manifest const& manifest, ReportOptions const& o) {
  switch (o.format) {
    case Format::json: return render_verdicts_json(s, {&v}, manifest, {o.proofs});
    case Format::markdown: return render_verdicts_markdown(s, {&v}, manifest);
    case Format::html: return render_verdicts_html(s, {&v}, manifest);
    case Format::text: break;
  }
  return render_explanation_text(s, v, o.style);
}

}  // namespace nogood::report
