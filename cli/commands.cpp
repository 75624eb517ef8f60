#include "nogood/engine/memory.hpp"
#include "commands.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "nogood/report/report.hpp"
#include "nogood/session.hpp"
#include "nogood/sql/postgres.hpp"
#include "options.hpp"
#include "pipeline.hpp"
#include "render_diagnostics.hpp"
#include "verdict_filter.hpp"

#ifndef NOGOOD_VERSION
#define NOGOOD_VERSION "0.0.0"
#endif

namespace nogood::cli {


void print_diagnostics(Session& session, CommonOptions const& o) {
  auto const& diags = session.diagnostics();
  if (diags.all().empty()) return;
  if (o.format == "json") std::cerr << render_diagnostics_json(diags, session.sources());
  else std::cerr << render_diagnostics_text(diags, session.sources(), make_style(o.color, 2));
}

std::optional<Inputs> gather_inputs(CommonOptions const& o, std::size_t corpus_arg, Session& session) {
  Inputs in;
  // Run inside a corpus folder, `nogood check` needs no argument.
  std::error_code ec;
  bool const here = o.positional.size() <= corpus_arg && o.rules.empty() && std::filesystem::is_directory("rules", ec);
  if (o.positional.size() > corpus_arg || here) {
    auto found = discover_corpus(here ? std::string(".") : o.positional[corpus_arg], session.diagnostics());
    if (!found) return std::nullopt;
    in = std::move(*found);
  }
  for (auto const& r : o.rules) {
    if (r == "-") {
      std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      in.rules_text.emplace_back("<stdin>", std::move(text));
    } else {
      in.rules.emplace_back(r);
    }
  }
  for (auto const& f : o.facts) {
    if (f == "-") {
      std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      in.facts_text.emplace_back("<stdin>.json", std::move(text));
    } else {
      in.facts.emplace_back(f);
    }
  }
  if (o.entities) in.entities = *o.entities;
  if (o.accepted) in.accepted = *o.accepted;
  for (auto const& t : o.texts) in.text_dirs.emplace_back(t);
  if (in.rules.empty() && in.rules_text.empty()) {
    Diagnostic d = make_error("E0003", "no rules given");
    session.diagnostics().report(
        std::move(d.with_help("pass a corpus folder, run in one (a folder with rules/), or give --rules FILE")));
    return std::nullopt;
  }
  return in;
}

Options session_options(CommonOptions const& o) {
  Options opts;
  opts.eval.provenance = o.provenance;
  if (o.max_facts) opts.eval.max_derived = *o.max_facts;
  if (o.max_seconds) opts.eval.max_seconds = *o.max_seconds;
  if (o.max_memory) opts.eval.max_memory = *o.max_memory;
  if (o.threads) opts.eval.threads = *o.threads;
  if (o.engine)
    opts.evaluator = [uri = *o.engine](engine::Program const& program, engine::Corpus& corpus, engine::Database& db,
                                       engine::EvalOptions const& eval, Diagnostics& diags) {
      return sql::evaluate_on_postgres(uri, program, corpus, db, eval, diags);
    };
  opts.language = o.language;
  return opts;
}

Session& keep_until_exit(Options options) {
  static std::vector<std::unique_ptr<Session>> sessions;
  return *sessions.emplace_back(std::make_unique<Session>(std::move(options)));
}

int emit(CommonOptions const& o, std::function<void(Sink&)> const& render) {
  if (!o.output || *o.output == "-") {
    StdoutSink out;
    render(out);
    return 0;
  }
  AtomicFileSink file(*o.output);
  render(file);
  auto err = file.commit();
  if (!err.empty()) {
    std::error_code ec;
    bool const folder = std::filesystem::is_directory(*o.output, ec);
    std::cerr << make_style(o.color, 2).red("error[E0004]") << ": " << err << "\n   = note: nothing was written\n   = help: "
              << (folder ? "`--output` names the file to write, not a folder" : "check that the folder exists and is writable") << "\n";
    return 2;
  }
  return 0;
}

int emit(CommonOptions const& o, std::string const& content) {
  return emit(o, [&](Sink& out) { out.write(content); });
}

namespace {

// `--timings FILE`: seconds per stage and the evaluated database's size, for benchmarks.
std::string write_timings(Session const& session, CommonOptions const& o, double render, StagePeaks const& peaks) {
  if (!o.timings) return {};
  auto const& t = session.timings();
  nlohmann::ordered_json j{{"load", t.load}, {"resolve", t.resolve}, {"evaluate", t.evaluate}, {"verdicts", t.verdicts}, {"nogoods", t.nogoods}, {"render", render},
                           {"memory_bytes", peaks.database},
                           {"peak_bytes_load", peaks.load}, {"peak_bytes_evaluate", peaks.evaluate},
                           {"peak_bytes_verdicts", peaks.verdicts}, {"peak_bytes_nogoods", peaks.nogoods}, {"peak_bytes", peak_memory_bytes()},
                           {"resident_bytes_load", peaks.resident_load}, {"resident_bytes_evaluate", peaks.resident_evaluate},
                           {"resident_bytes_verdicts", peaks.resident_verdicts}, {"resident_bytes_nogoods", peaks.resident_nogoods}};
  return write_atomically(*o.timings, j.dump(2) + "\n");
}

}  // namespace


namespace {
// Options every command that reads a corpus takes.
std::vector<std::string_view> with_inputs(std::initializer_list<std::string_view> more) {
  std::vector<std::string_view> out{"--rules", "--facts", "--entities", "--accepted", "--texts", "--color"};
  out.insert(out.end(), more);
  return out;
}
constexpr std::string_view limits[] = {"--max-facts", "--max-seconds", "--max-memory", "--threads", "--engine"};
std::vector<std::string_view> with_limits(std::vector<std::string_view> v) {
  v.insert(v.end(), std::begin(limits), std::end(limits));
  return v;
}
}  // namespace

std::vector<std::string_view> applicable_options(std::string_view command) {
  if (command == "check")
    return with_limits(with_inputs({"--rule", "--source", "--severity", "--fail-on", "--baseline", "--format", "--compact", "--no-proofs", "--output",
                                    "--quiet", "--lang", "--timings", "--no-provenance", "--keep-going"}));
  if (command == "explain") return with_limits(with_inputs({"--format", "--output", "--no-proofs", "--lang"}));
  if (command == "lint") return with_inputs({"--fail-on", "--format", "--quiet", "--fix", "--dry-run", "--check"});
  if (command == "fix") return {"--facts", "--texts", "--dry-run", "--check", "--quiet", "--color", "--format"};
  if (command == "quote") return {"--format", "--color"};
  if (command == "compile") return with_inputs({"--to", "--dialect", "--output", "--quiet"});
  if (command == "query") return with_limits(with_inputs({"--pattern", "--count", "--format", "--output", "--lang", "--timings", "--no-provenance"}));
  if (command == "entities") return with_inputs({"--source", "--format", "--output", "--quiet", "--lang"});
  if (command == "diff") return {"--format", "--output", "--fail-on", "--color"};
  if (command == "accept") return with_limits({"--reason", "--by", "--accepted", "--texts", "--color", "--quiet", "--lang"});
  if (command == "embed")
    return with_limits(with_inputs({"--check", "--output", "--format", "--severity", "--source", "--rule", "--quiet", "--lang"}));
  return {};
}

namespace {
report::ReportOptions report_options(CommonOptions const& o) {
  report::ReportOptions r;
  r.format = o.format == "json" ? report::Format::json : o.format == "markdown" ? report::Format::markdown
             : o.format == "html" ? report::Format::html : report::Format::text;
  r.proofs = o.proofs;
  r.style = make_style(o.color, o.output ? -1 : 1);
  return r;
}
}  // namespace

char const* const corpus_inputs_help =
    "  CORPUS               a folder with rules/*.rules, facts/*.json|*.jsonl, entities.json\n"
    "                       (default: the current folder, when it has rules/)\n"
    "  --rules FILE         a rules file (repeatable; - reads standard input)\n"
    "  --facts FILE         a facts file, .json per source or .jsonl bulk (repeatable)\n"
    "  --entities FILE      the corpus entities.json\n"
    "  --accepted FILE      the verdicts accepted as understood (default: the corpus accepted.json)\n"
    "  --texts DIR          where article texts are found, to check quotes (repeatable)\n";

int usage_error(std::string const& command, std::string const& message) {
  std::cerr << "error: " << message << "\n\nrun `nogood " << (command.empty() ? "" : command + " ") << "--help` for usage\n";
  return 2;
}

int print_help(std::string const& command) {
  if (command == "check") {
    std::cout << "nogood check: evaluate the rules over the facts and print every contradiction\n\n"
                 "usage: nogood check [CORPUS] [--rules FILE]... [--facts FILE]... [options]\n\n"
                 << corpus_inputs_help <<
                 "  --rule NAME          only verdicts of this constraint (repeatable)\n"
                 "  --source ID          only verdicts involving this source (repeatable)\n"
                 "  --severity LEVEL     only verdicts at or above: error, warning, info (default info)\n"
                 "  --fail-on LEVEL      exit 1 when a verdict at or above this level remains, not accepted\n"
                 "                       (default error; never: exit 0; new: when a verdict is new since --baseline)\n"
                 "  --baseline OLD.json  an earlier `--format json` report: mark each verdict new or unchanged,\n"
                 "                       and list the resolved ones\n"
                 "  --format FORMAT      text, json, markdown or html (default: from --output's extension, else text)\n"
                 "  --compact            text: one line per verdict (severity, rule, message, sources, id)\n"
                 "  --no-proofs          json: each verdict with its support (the claims), without its proof tree;\n"
                 "                       text reports never print proof trees (`nogood explain ID` does)\n"
                 "  --output FILE        write there instead of standard output (atomically)\n"
                 "  --color WHEN         auto, always or never (NO_COLOR is honoured)\n"
                 "  --quiet              only the summary\n"
                 "  --lang CODE          language of entity names in messages (default en)\n"
                 "  --timings FILE       write the time of each stage as JSON\n"
                 "  --keep-going         quotes not found where `at` says, or not at all, are reported (each with\n"
                 "                       its file, line and column) and the run goes on; the exit code is then 2\n"
                 "  --no-provenance      do not remember how derived facts were derived\n"
                 "  --max-facts N        stop when more facts were derived (default 100000000)\n"
                 "  --max-seconds S      stop when evaluation takes longer (default 600)\n"
                 "  --max-memory SIZE    stop when the process holds more memory, e.g. 4G, 512M, none\n"
                 "                       (default 40% of the machine's memory, or of its cgroup's limit)\n"
                 "  --threads N          threads that evaluate, build verdicts and render (default: one per core)\n"
                 "  --engine URI         evaluate on PostgreSQL, e.g. postgresql://localhost/nogood, in temporary\n"
                 "                       tables (default: native, in this process); see docs/scale-out.md\n\n"
                 "exit: 0 no verdict at or above --fail-on, 1 there are, 2 bad input or usage (with --keep-going,\n"
                 "      after the report, when a quote was not found)\n"
                 "example: nogood check examples/syria-raid --texts ../shared/seeds\n";
    return 0;
  }
  if (command == "explain") {
    std::cout << "nogood explain: the full proof tree of one verdict, down to the quoted claims, and its nogoods\n\n"
                 "usage: nogood explain VERDICT_ID [CORPUS] [--rules FILE]... [--facts FILE]... [options]\n\n"
                 "  VERDICT_ID           as `nogood check` prints it on each verdict's last line\n"
                 << corpus_inputs_help <<
                 "  --format FORMAT      text, json, markdown or html (default: from --output's extension, else text)\n"
                 "  --no-proofs          json: the verdict with its support (the claims), without its proof tree\n"
                 "  --output FILE        write there instead of standard output (atomically)\n"
                 "  --color WHEN         auto, always or never (NO_COLOR is honoured)\n"
                 "  --lang CODE          language of entity names in messages (default en)\n"
                 "  --max-facts N, --max-seconds S, --max-memory SIZE, --threads N   limits, as for check\n"
                 "  --engine URI         evaluate on PostgreSQL, as for check\n\n"
                 "exit: 0 explained, 2 no such verdict, bad input or usage\n"
                 "example: nogood explain informant_vs_leader-1a2b3c4d5e6f examples/syria-raid\n";
    return 0;
  }
  if (command == "query") {
    std::cout << "nogood query: the facts, claimed or derived, that match a pattern\n\n"
                 "usage: nogood query 'PATTERN' [CORPUS] [--rules FILE]... [--facts FILE]... [options]\n"
                 "       nogood query -e 'PATTERN' -e 'PATTERN'... [CORPUS] [options]\n\n"
                 "  PATTERN              a rule body: atoms with variables, comparisons, `not`, e.g. 'captured_at(P, A) @ S'\n"
                 "  -e, --pattern PATTERN  a pattern (repeatable): each is answered from one evaluation\n"
                 "  CORPUS               a folder with rules/*.rules, facts/*.json|*.jsonl, entities.json\n"
                 "                       (default: the current folder, when it has rules/)\n"
                 "  --rules FILE         a rules file (repeatable; - reads standard input)\n"
                 "  --facts FILE         a facts file, .json per source or .jsonl bulk (repeatable)\n"
                 "  --entities FILE      the corpus entities.json\n"
                 "  --count              print only how many distinct bindings match\n"
                 "  --format FORMAT      text or json (default: from --output's extension, else text)\n"
                 "  --output FILE        write there instead of standard output (atomically)\n"
                 "  --color WHEN         auto, always or never (NO_COLOR is honoured)\n"
                 "  --lang CODE          language of entity names (default en)\n"
                 "  --timings FILE       write the time of each stage as JSON\n"
                 "  --no-provenance      do not remember how derived facts were derived (the matches are the same)\n"
                 "  --max-facts N, --max-seconds S, --max-memory SIZE, --threads N   limits, as for check\n"
                 "  --engine URI         evaluate on PostgreSQL, as for check\n\n"
                 "exit: 0 printed (matches or not), 2 bad input or usage\n"
                 "example: nogood query 'role(P, R) @ S, R != civilian' examples/syria-raid\n";
    return 0;
  }
  if (command == "entities") return print_entities_help();
  if (command == "embed") return print_embed_help();
  if (command == "accept") return print_accept_help();
  if (command == "diff") return print_diff_help();
  if (command == "fix") return print_fix_help();
  if (command == "quote") return print_quote_help();
  if (command == "compile") return print_compile_help();
  if (command == "lint") {
    std::cout << "nogood lint: check rules (and facts) without evaluating anything\n\n"
                 "usage: nogood lint [CORPUS | FILE.rules...] [--rules FILE]... [--facts FILE]... [options]\n\n"
                 << corpus_inputs_help <<
                 "  --fail-on LEVEL      warning: exit 1 when there are warnings (default error: warnings pass)\n"
                 "  --format FORMAT      text or json (the diagnostics as JSON, on standard output)\n"
                 "  --color WHEN         auto, always or never (NO_COLOR is honoured)\n"
                 "  --quiet              no `ok` line\n"
                 "  --fix                run `nogood fix` on the facts instead (with --dry-run or --check)\n\n"
                 "exit: 0 clean, 1 warnings with --fail-on warning, 2 errors, bad input or usage\n"
                 "example: nogood lint --rules my.rules --fail-on warning\n";
    return 0;
  }
  std::cout << "nogood " NOGOOD_VERSION ": find and explain contradictions between what sources claim\n\n"
               "usage: nogood <command> [arguments]\n\n"
               "commands:\n"
               "  check     evaluate rules over facts and print the contradictions\n"
               "            nogood check examples/syria-raid\n"
               "  explain   the proof tree of one verdict, down to the quotes\n"
               "            nogood explain VERDICT_ID examples/syria-raid\n"
               "  lint      check rules and facts without evaluating\n"
               "            nogood lint --rules my.rules\n"
               "  query     the facts matching a pattern, with where each came from\n"
               "            nogood query 'captured_at(P, A) @ S' examples/syria-raid\n"
               "  entities  how names in each source were resolved to entities, and the ambiguous ones\n"
               "            nogood entities examples/syria-raid\n"
               "  embed     fill the marked regions of a Markdown or HTML report with current verdicts\n"
               "            nogood embed report.md examples/syria-raid\n"
               "  accept    record that a verdict was reviewed and is understood, in the corpus's accepted.json\n"
               "            nogood accept VERDICT_ID --reason \"...\" examples/syria-raid\n"
               "  diff      compare two saved JSON reports: new, unchanged and resolved verdicts\n"
               "            nogood diff last-week.json today.json\n"
               "  fix       fill in or correct every quote's `at` (and near-miss quotes) from the articles, in place\n"
               "            nogood fix examples/syria-raid --texts ../shared/seeds --dry-run\n"
               "  quote     where a passage is in an article: offset, line and column\n"
               "            nogood quote 'was killed in the raid' wire.txt\n"
               "  compile   the rules and claims as SQL scripts for PostgreSQL, DuckDB or Spark SQL\n"
               "            nogood compile --to sql --dialect postgres examples/syria-raid --output sql/\n"
               "\n"
               "options: --help, --version; `nogood <command> --help` for the options of a command\n";
  return 0;
}

int run_lint(std::vector<std::string> const& args) {
  CommonOptions o;
  if (auto err = parse_options(args, o)) return usage_error("lint", *err);
  if (o.help) return print_help("lint");
  if (auto err = reject_inapplicable(o, "lint", applicable_options("lint"))) return usage_error("lint", *err);
  if (o.fix) {
    std::vector<std::string> rest;
    for (auto const& a : args)
      if (a != "--fix") rest.push_back(a);
    return run_fix(rest);
  }
  if (o.dry_run || o.check) return usage_error("lint", "`--dry-run` and `--check` go with `--fix`");
  if (o.format != "text" && o.format != "json") return usage_error("lint", "lint prints text or json, not " + o.format);
  if (o.fail_on == "new") return usage_error("lint", "`--fail-on new` is for `check --baseline`; lint takes error or warning");
  for (std::size_t i = 1; i < o.positional.size(); ++i) o.rules.push_back(o.positional[i]);
  if (!o.positional.empty() && o.positional[0].ends_with(".rules")) {
    o.rules.insert(o.rules.begin(), o.positional[0]);
    o.positional.clear();
  } else if (o.positional.size() > 1) {
    o.positional.resize(1);
  }
  Session& session = keep_until_exit(session_options(o));
  auto inputs = gather_inputs(o, 0, session);
  bool ok = inputs && session.load(*inputs);
  if (o.format == "json") {
    std::cout << render_diagnostics_json(session.diagnostics(), session.sources());
  } else {
    std::cerr << render_diagnostics_text(session.diagnostics(), session.sources(), make_style(o.color, 2));
    auto const warnings = session.diagnostics().warning_count();
    if (ok && !o.quiet)
      std::cout << "ok: no errors" << (warnings ? ", " + std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings") : "") << "\n";
  }
  // As in every command: 2 for input that cannot be used, 1 for findings at or above --fail-on
  // (lint's findings are warnings; errors make the input unusable).
  if (!ok) return 2;
  bool const failing = severity_rank(o.fail_on) <= severity_rank("warning") && session.diagnostics().warning_count() > 0;
  return failing ? 1 : 0;
}

int run_check(std::vector<std::string> const& args) {
  CommonOptions o;
  if (auto err = parse_options(args, o)) return usage_error("check", *err);
  if (o.help) return print_help("check");
  if (auto err = reject_inapplicable(o, "check", applicable_options("check"))) return usage_error("check", *err);
  take_format_from_output(o, {"text", "json", "markdown", "html"});
  if (o.positional.size() > 1) return usage_error("check", "check takes one corpus folder, got " + std::to_string(o.positional.size()));
  if (!o.proofs && o.format != "json" && o.format != "text")
    return usage_error("check", "`--no-proofs` shapes JSON reports; " + o.format + " reports explain each verdict in full");
  if (o.compact && o.format != "text") return usage_error("check", "`--compact` lists verdicts in text; " + o.format + " reports show each in full");
  if (o.fail_on == "new" && !o.baseline) return usage_error("check", "`--fail-on new` needs `--baseline OLD.json`: new since which run?");
  auto options = session_options(o);
  options.keep_going = o.keep_going;
  Session& session = keep_until_exit(std::move(options));
  auto inputs = gather_inputs(o, 0, session);
  StagePeaks peaks;
  if (!inputs || !run_stages(session, *inputs, o, Until::verdicts, &peaks)) {
    print_diagnostics(session, o);
    return 2;
  }
  if (o.baseline) {
    auto saved = load_saved_report(*o.baseline, session.sources(), session.diagnostics());
    if (!saved) {
      print_diagnostics(session, o);
      return 2;
    }
    session.compare_with(std::move(*saved));
  }
  print_diagnostics(session, o);  // warnings
  // A misspelt filter would silently hide every verdict.
  if (auto err = unknown_filter(session, o)) return usage_error("check", *err);
  // A JSON report without proofs reads the verdicts' rows and lists alone: what only proofs and
  // the nogoods search read goes as soon as they are done with (news-20k: 9 MB, then 14).
  bool const rows_only = o.format == "json" && !o.proofs;
  if (rows_only) session.drop_derivations();
  session.find_source_nogoods();
  if (rows_only) session.drop_indexes();
  peaks.nogoods = peak_memory_bytes();
  peaks.resident_nogoods = engine::resident_memory();
  auto shown = select_verdicts(session, o);
  report::sort_for_reading(shown);
  auto started = std::chrono::steady_clock::now();
  report::Manifest m{NOGOOD_VERSION, session.input_files(), report::report_arguments(session, args), "check", {}, {}};
  if (o.baseline) {
    m.baseline = *o.baseline;
    m.resolved = select_resolved(session, o);
  }
  auto layout = report_options(o);
  layout.layout = o.quiet ? report::TextLayout::summary : o.compact ? report::TextLayout::compact : report::TextLayout::evidence;
  int rc = emit(o, [&](Sink& out) { report::render_report(session, shown, m, layout, out); });
  double render = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (rc) return rc;
  if (auto err = write_timings(session, o, render, peaks); !err.empty()) return usage_error("check", err);
  // An accepted verdict is reported, and fails nothing; with --fail-on new, neither does one the
  // baseline already had.
  bool failing = std::any_of(shown.begin(), shown.end(), [&](Verdict const* v) {
    if (session.acceptance(*v)) return false;
    if (o.fail_on == "new") return session.is_new(*v);
    return severity_rank(v->severity) >= severity_rank(o.fail_on);
  });
  // --keep-going ran over quote errors: the input is still wrong, whatever the verdicts.
  if (session.diagnostics().has_errors()) return 2;
  return failing ? 1 : 0;
}

int unknown_verdict(Session const& session, std::string const& id, CommonOptions const& o) {
  std::vector<std::string> owned;
  for (auto const& v : session.verdicts()) owned.push_back(v.id());
  std::vector<std::string_view> ids(owned.begin(), owned.end());
  auto near = closest_match(id, ids);
  std::cerr << make_style(o.color, 2).red("error[E0005]") << ": no verdict has the id `" << id << "`\n";
  if (!near.empty()) std::cerr << "   = help: did you mean `" << near << "`?\n";
  else std::cerr << "   = help: `nogood check` prints each verdict's id on its last line\n";
  return 2;
}

int run_explain(std::vector<std::string> const& args) {
  CommonOptions o;
  if (auto err = parse_options(args, o)) return usage_error("explain", *err);
  if (o.help) return print_help("explain");
  if (auto err = reject_inapplicable(o, "explain", applicable_options("explain"))) return usage_error("explain", *err);
  take_format_from_output(o, {"text", "json", "markdown", "html"});
  if (o.positional.empty()) return usage_error("explain", "which verdict? give its id, as `nogood check` prints it");
  std::string id = o.positional[0];
  Session& session = keep_until_exit(session_options(o));
  auto inputs = gather_inputs(o, 1, session);
  if (!inputs || !run_stages(session, *inputs, o, Until::verdicts)) {
    print_diagnostics(session, o);
    return 2;
  }
  auto const* v = session.find_verdict(id);
  if (!v) return unknown_verdict(session, id, o);
  session.find_source_nogoods_of(*v);
  report::Manifest m{NOGOOD_VERSION, session.input_files(), report::report_arguments(session, args), "explain", {}, {}};
  return emit(o, report::render_explanation(session, *v, m, report_options(o)));
}

namespace {

// The relation whose rows are a query's answers: the query's own, or the one its single rule
// copies whole, which that rule is then left out of evaluation not to copy.
std::optional<engine::RelationId> count_relation(Session& session, std::string const& name) {
  auto const& program = session.program();
  for (std::uint32_t c = 0; c < program.constraints.size(); ++c) {
    auto const& info = program.constraints[c];
    if (info.name != name || info.origin != "constraint") continue;
    std::vector<std::uint32_t> rules;
    for (std::uint32_t r = 0; r < program.rules.size(); ++r)
      if (program.rules[r].constraint == static_cast<std::int32_t>(c)) rules.push_back(r);
    if (rules.size() == 1)
      if (auto copied = engine::copied_relation(program.rules[rules[0]])) {
        session.skip_rule(rules[0]);
        return copied;
      }
    return info.relation;
  }
  return std::nullopt;
}

// A pattern as the body of a constraint whose bindings are its answers; the message names every
// variable, so none is reported as used only once.
std::string query_constraint(std::string const& name, std::string const& pattern) {
  std::string message;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    bool start = (pattern[i] >= 'A' && pattern[i] <= 'Z') && (i == 0 || !(std::isalnum(static_cast<unsigned char>(pattern[i - 1])) || pattern[i - 1] == '_'));
    if (!start) continue;
    std::size_t j = i;
    while (j < pattern.size() && (std::isalnum(static_cast<unsigned char>(pattern[j])) || pattern[j] == '_')) ++j;
    message += "{" + pattern.substr(i, j - i) + "} ";
    i = j;
  }
  // The pattern on a line of its own, so diagnostics show it as the user wrote it.
  return "constraint " + name + " \"" + message + "\" severity info :-\n" + pattern + "\n.";
}

struct Query {
  std::string name;     // of its constraint: `query`, or `query_1`, `query_2`, ... for several
  std::string pattern;  // as given, without a final `.`
  std::optional<engine::RelationId> counted;
  std::vector<Verdict const*> rows;
};

nlohmann::ordered_json query_json(Session const& session, Query const& q) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (auto const* v : q.rows) {
    nlohmann::ordered_json b = nlohmann::ordered_json::object();
    for (auto const& x : v->bindings()) {
      if (engine::is_absent(x.type, x.value)) b[x.name] = nullptr;  // an optional argument left out
      else b[x.name] = session.canonical(x.type, x.value);
    }
    list.push_back(b);
  }
  return nlohmann::ordered_json{{"pattern", q.pattern}, {"count", q.rows.size()}, {"rows", list}};
}

std::string query_text(Session const& session, Query const& q, Style const& style) {
  std::string content;
  for (auto const* v : q.rows) {
    std::string line;
    for (auto const& x : v->bindings())
      line.append(line.empty() ? "" : ", ").append(x.name).append(" = ").append(engine::is_absent(x.type, x.value) ? "absent" : session.display(x.type, x.value));
    content += line + "\n";
    auto proof = session.explain(*v);
    for (auto const& child : proof.children)
      if (!child.statement.empty()) content += "    " + style.dim("from " + child.statement) + "\n";
  }
  return content + std::to_string(q.rows.size()) + " match" + (q.rows.size() == 1 ? "" : "es") + "\n";
}

}  // namespace

int run_query(std::vector<std::string> const& args) {
  CommonOptions o;
  if (auto err = parse_options(args, o)) return usage_error("query", *err);
  if (o.help) return print_help("query");
  if (auto err = reject_inapplicable(o, "query", applicable_options("query"))) return usage_error("query", *err);
  take_format_from_output(o, {"text", "json"});
  if (o.format != "text" && o.format != "json") return usage_error("query", "query prints text or json, not " + o.format);
  // Patterns come from -e, or else the first argument is the one pattern.
  bool const from_options = !o.patterns.empty();
  std::vector<std::string> patterns = from_options ? o.patterns : std::vector<std::string>{};
  if (from_options && o.positional.size() > 1)
    return usage_error("query", "give the patterns with -e only, or one pattern as the first argument; `" + o.positional[0] +
                                    "` is neither the corpus nor a -e pattern");
  if (!from_options) {
    if (o.positional.empty()) return usage_error("query", "which facts? give a pattern such as 'role(P, R) @ S'");
    patterns.push_back(o.positional[0]);
  }
  std::vector<Query> queries;
  for (auto pattern : patterns) {
    // A pattern written like a rule body may end with the body's `.`; the constraint adds its own.
    while (!pattern.empty() && (pattern.back() == '.' || std::isspace(static_cast<unsigned char>(pattern.back())))) pattern.pop_back();
    if (pattern.find_first_not_of(" \t\n") == std::string::npos)
      return usage_error("query", std::string(patterns.size() == 1 ? "the" : "a") + " pattern is empty; give one such as 'role(P, R) @ S'");
    auto name = patterns.size() == 1 ? std::string("query") : "query_" + std::to_string(queries.size() + 1);
    queries.push_back({std::move(name), std::move(pattern), std::nullopt, {}});
  }
  Session& session = keep_until_exit(session_options(o));
  auto inputs = gather_inputs(o, from_options ? 0 : 1, session);
  if (!inputs) {
    print_diagnostics(session, o);
    return 2;
  }
  for (auto const& q : queries) inputs->rules_text.emplace_back("<" + q.name + ">", query_constraint(q.name, q.pattern));
  StagePeaks peaks;
  if (!run_stages(session, *inputs, o, Until::load, &peaks)) {
    print_diagnostics(session, o);
    return 2;
  }
  // Counting needs no verdict objects: the answers are the rows of the query's relation, or of
  // the relation the query copies whole (`path(X, Y)`), which then need not be copied.
  if (o.count)
    for (auto& q : queries) q.counted = count_relation(session, q.name);
  if (!run_stages_after_load(session, o, Until::evaluate, &peaks)) {
    print_diagnostics(session, o);
    return 2;
  }
  bool const all_counted = std::all_of(queries.begin(), queries.end(), [](Query const& q) { return q.counted.has_value(); });
  if (!all_counted || !o.count) {
    session.build_verdicts();
    for (auto const& v : session.verdicts())
      for (auto& q : queries)
        if (v.rule() == q.name && session.program().constraints[v.constraint].origin == "constraint") q.rows.push_back(&v);
  }
  std::string content;
  if (o.count) {
    for (auto const& q : queries) {
      auto n = q.counted ? session.database().relations[*q.counted].size() : q.rows.size();
      content += std::to_string(n) + (queries.size() == 1 ? "" : "  " + q.pattern) + "\n";
    }
  } else if (o.format == "json") {
    if (queries.size() == 1) {
      content = query_json(session, queries.front()).dump(2) + "\n";
    } else {
      nlohmann::ordered_json all = nlohmann::ordered_json::array();
      for (auto const& q : queries) all.push_back(query_json(session, q));
      content = nlohmann::ordered_json{{"queries", all}}.dump(2) + "\n";
    }
  } else {
    auto style = make_style(o.color, 1);
    for (std::size_t i = 0; i < queries.size(); ++i) {
      if (queries.size() > 1) content += (i ? "\n" : "") + style.bold(queries[i].pattern) + "\n";
      content += query_text(session, queries[i], style);
    }
  }
  if (int rc = emit(o, content)) return rc;
  if (auto err = write_timings(session, o, 0, peaks); !err.empty()) return usage_error("query", err);
  return 0;
}

}  // namespace nogood::cli
