// Reports of verdicts, in every format the command line writes: text for a terminal, JSON for a
// pipeline, Markdown and HTML for documents. Rendering never prints: it writes to a Sink.
//
//   nogood::report::ReportOptions options;
//   options.format = nogood::report::Format::html;
//   nogood::report::StringSink page;
//   nogood::report::render_report(session, verdicts, manifest, options, page);
#pragma once

#include <string>
#include <vector>

#include "nogood/report/sink.hpp"
#include "nogood/report/style.hpp"
#include "nogood/session.hpp"

namespace nogood::report {

// What produced a report, shown in its run manifest.
struct Manifest {
  std::string version;
  std::vector<std::string> files;    // input files, as Session::input_files() lists them
  std::vector<std::string> options;  // the arguments after the command
  std::string command;               // check, explain
  // check --baseline: the earlier report compared with (listed with the input files), and its
  // verdicts this run no longer finds, as the report shows them (after filters).
  std::string baseline;
  std::vector<engine::SavedVerdict const*> resolved;
};

enum class Format { text, json, markdown, html };

enum class TextLayout {
  evidence,  // each verdict with its claims, quotes and the conditions that carry meaning
  compact,   // one line per verdict: severity, rule, message, sources, id
  summary,   // only the summary
};

struct ReportOptions {
  Format format = Format::text;
  TextLayout layout = TextLayout::evidence;  // text
  bool proofs = true;                        // json: each verdict's proof tree
  Style style;                               // text: colours
};

// Errors first, then warnings, then info; by rule name within a severity; the engine's order
// (stable across runs) within a rule. Reports show verdicts in the order given.
void sort_for_reading(std::vector<Verdict const*>& verdicts);

// The report of `verdicts`, as `nogood check` writes it.
void render_report(Session const& session, std::vector<Verdict const*> const& verdicts, Manifest const& manifest,
                   ReportOptions const& options, Sink& sink);

// The arguments of a run for its manifest: those that name files or folders relative to the corpus
// folder (the corpus folder itself as `.`), so a shared report shows no one's folders.
std::vector<std::string> report_arguments(Session const& session, std::vector<std::string> const& args);
// `arg` with the password of a database URI in it replaced by `***`: reports record the options.
std::string without_password(std::string arg);

// Two saved JSON reports compared by verdict id, as `nogood diff` writes it: the new verdicts, the
// unchanged and the resolved. `manifest.files` holds the two reports' paths, old first. Returns
// whether a new verdict is not accepted (what `--fail-on new` fails on).
bool render_diff(engine::SavedReport const& old, engine::SavedReport const& now, Manifest const& manifest, ReportOptions const& options,
                 Sink& sink);

// One verdict with its whole proof, as `nogood explain` writes it.
std::string render_explanation(Session const& session, Verdict const& verdict, Manifest const& manifest, ReportOptions const& options);

}  // namespace nogood::report
