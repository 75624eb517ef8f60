// nogood diff OLD.json NEW.json: two saved JSON reports compared by verdict id: the verdicts new
// in NEW, those in both, and those of OLD that NEW no longer has. Exit codes: 0 compared (1 with
// --fail-on new when a new verdict is not accepted), 2 bad input or usage.
#include <iostream>

#include "commands.hpp"
#include "nogood/report/report.hpp"
#include "render_diagnostics.hpp"

namespace nogood::cli {

int print_diff_help() {
  std::cout << "nogood diff: compare two saved JSON reports: new, unchanged and resolved verdicts\n\n"
               "usage: nogood diff OLD.json NEW.json [options]\n\n"
               "  OLD.json, NEW.json   reports written by `nogood check --format json`\n"
               "  --format FORMAT      text, json, markdown or html (default: from --output's extension, else text)\n"
               "  --output FILE        write there instead of standard output (atomically)\n"
               "  --fail-on WHEN       new: exit 1 when NEW has a verdict OLD has not, and it is not accepted\n"
               "                       (default never)\n"
               "  --color WHEN         auto, always or never (NO_COLOR is honoured)\n\n"
               "exit: 0 compared, 1 new verdicts with --fail-on new, 2 bad input or usage\n"
               "example: nogood diff last-week.json today.json --fail-on new\n";
  return 0;
}

int run_diff(std::vector<std::string> const& args) {
  CommonOptions o;
  o.fail_on = "never";
  if (auto err = parse_options(args, o)) return usage_error("diff", *err);
  if (o.help) return print_diff_help();
  if (auto err = reject_inapplicable(o, "diff", applicable_options("diff"))) return usage_error("diff", *err);
  take_format_from_output(o, {"text", "json", "markdown", "html"});
  if (o.positional.size() != 2) return usage_error("diff", "diff compares two reports: nogood diff OLD.json NEW.json");
  if (o.fail_on != "new" && o.fail_on != "never") return usage_error("diff", "diff fails on `new` verdicts or `never`, not on a severity");
  SourceManager sources;
  Diagnostics diags;
  auto old = load_saved_report(o.positional[0], sources, diags);
  auto now = load_saved_report(o.positional[1], sources, diags);
  if (!old || !now) {
    if (o.format == "json") std::cerr << render_diagnostics_json(diags, sources);
    else std::cerr << render_diagnostics_text(diags, sources, make_style(o.color, 2));
    return 2;
  }
  report::Manifest m{NOGOOD_VERSION, {o.positional[0], o.positional[1]}, args, "diff", {}, {}};
  report::ReportOptions options;
  options.format = o.format == "json" ? report::Format::json : o.format == "markdown" ? report::Format::markdown
                   : o.format == "html" ? report::Format::html : report::Format::text;
  options.style = make_style(o.color, o.output ? -1 : 1);
  bool fresh = false;
  if (int rc = emit(o, [&](Sink& out) { fresh = report::render_diff(*old, *now, m, options, out); })) return rc;
  return o.fail_on == "new" && fresh ? 1 : 0;
}

}  // namespace nogood::cli
