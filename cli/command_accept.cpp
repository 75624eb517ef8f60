// nogood accept ID --reason TEXT [CORPUS]: records in the corpus's accepted.json that a verdict
// was reviewed and is understood. Later runs still show it, marked accepted, and it fails
// nothing. Exit codes: 0 recorded, 2 no such verdict, already accepted, bad input or usage.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "nogood/report/fragments.hpp"
#include "pipeline.hpp"
#include "render_diagnostics.hpp"
#include "terminal.hpp"

namespace nogood::cli {

int print_accept_help() {
  std::cout << "nogood accept: record that a verdict was reviewed and is understood\n\n"
               "usage: nogood accept VERDICT_ID --reason TEXT [--by NAME] [CORPUS]\n\n"
               "  adds the verdict to the corpus's accepted.json (written atomically; other entries are kept);\n"
               "  `check` then shows it as accepted, counts it apart, and does not fail on it\n\n"
               "  VERDICT_ID           as `nogood check` prints it on each verdict's last line\n"
               "  CORPUS               the corpus folder (default: the current folder, when it has rules/)\n"
               "  --reason TEXT        why the verdict is understood (required)\n"
               "  --by NAME            who accepts it (default: $USER, else $LOGNAME)\n"
               "  --accepted FILE      the file to add to, in place of the corpus accepted.json\n"
               "  --texts DIR          where article texts are found, to check quotes (repeatable)\n"
               "  --color WHEN         auto, always or never (NO_COLOR is honoured)\n"
               "  --quiet              no line saying what was recorded\n"
               "  --max-facts N, --max-seconds S, --max-memory SIZE, --threads N   limits, as for check\n"
               "  --engine URI         evaluate on PostgreSQL, as for check\n\n"
               "the date is today's (UTC), or SOURCE_DATE_EPOCH's when set\n"
               "exit: 0 recorded, 2 no such verdict, already accepted, bad input or usage\n"
               "example: nogood accept capture_place-4c615ea0a9ff --reason \"two raids, a day apart\" examples/tour\n";
  return 0;
}

namespace {

bool blank(std::string const& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Who accepts, when --by does not say: the login name the environment gives.
std::optional<std::string> default_by() {
  for (char const* name : {"USER", "LOGNAME"})
    if (char const* v = std::getenv(name); v && !blank(v)) return std::string(v);
  return std::nullopt;
}

}  // namespace

int run_accept(std::vector<std::string> const& args) {
  CommonOptions o;
  if (auto err = parse_options(args, o)) return usage_error("accept", *err);
  if (o.help) return print_accept_help();
  if (auto err = reject_inapplicable(o, "accept", applicable_options("accept"))) return usage_error("accept", *err);
  if (o.positional.empty()) return usage_error("accept", "which verdict? give its id, as `nogood check` prints it");
  if (o.positional.size() > 2) return usage_error("accept", "accept takes a verdict id and one corpus folder, got " + std::to_string(o.positional.size()) + " arguments");
  if (!o.reason || blank(*o.reason)) return usage_error("accept", "say why the verdict is understood: --reason \"...\"");
  if (o.by && blank(*o.by)) return usage_error("accept", "`--by` needs a name");
  auto by = o.by ? o.by : default_by();
  if (!by) return usage_error("accept", "who accepts it? give --by NAME (neither USER nor LOGNAME is set)");
  std::string const id = o.positional[0];

  Session& session = keep_until_exit(session_options(o));
  auto inputs = gather_inputs(o, 1, session);
  std::string path;
  if (inputs) {
    path = inputs->accepted ? inputs->accepted->string() : (*inputs->corpus / "accepted.json").string();
    std::error_code ec;
    if (inputs->accepted && !std::filesystem::exists(*inputs->accepted, ec)) inputs->accepted.reset();  // accept creates it
  }
  if (!inputs || !run_stages(session, *inputs, o, Until::verdicts)) {
    print_diagnostics(session, o);
    return 2;
  }
  auto const* v = session.find_verdict(id);
  if (!v) {
    print_diagnostics(session, o);
    return unknown_verdict(session, id, o);
  }
  if (auto const* a = session.acceptance(*v)) {
    Diagnostic d = make_error("E0011", "verdict `" + id + "` is already accepted");
    d.file_name = session.accepted_file();
    if (a->span.valid()) d.with_primary(a->span, "accepted here");
    d.with_note("accepted by " + a->by + " on " + a->date + ": " + a->reason);
    d.with_help("to change the reason or who accepted it, edit its entry in accepted.json");
    session.diagnostics().report(std::move(d));
    print_diagnostics(session, o);
    return 2;
  }
  print_diagnostics(session, o);  // warnings, such as stale acceptances
  auto entries = session.accepted();
  entries.push_back({id, *o.reason, *by, report::run_date(), {}});
  if (auto err = write_atomically(path, accepted_file_text(entries)); !err.empty()) {
    std::cerr << make_style(o.color, 2).red("error[E0004]") << ": " << err
              << "\n   = note: nothing was written\n   = help: check that the corpus folder is writable\n";
    return 2;
  }
  if (!o.quiet)
    std::cout << path << ": accepted `" << id << "` by " << *by << " on " << entries.back().date << "; " << entries.size()
              << (entries.size() == 1 ? " verdict" : " verdicts") << " accepted\n";
  return 0;
}

}  // namespace nogood::cli
