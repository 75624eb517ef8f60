// Verdicts for pipelines (JSON), and one verdict's whole proof for people (`explain`).
#pragma once

#include <string>
#include <vector>

#include "nogood/session.hpp"
#include "output.hpp"
#include "terminal.hpp"

namespace nogood::cli {

// What produced a report; see manifest.hpp.
struct Manifest {
  std::string version;
  std::vector<std::string> files;    // input files, as Session::input_files() lists them
  std::vector<std::string> options;  // the arguments after the command
  std::string command;               // check, explain
};

struct JsonReportOptions {
  bool proofs = true;  // each verdict's proof tree; the support (the claims) is always there
};
void render_verdicts_json(Session const& session, std::vector<Verdict const*> const& verdicts, Manifest const& manifest,
                          JsonReportOptions const& options, Sink& sink);
std::string render_verdicts_json(Session const& session, std::vector<Verdict const*> const& verdicts, Manifest const& manifest,
                                 JsonReportOptions const& options = {});
std::string render_explanation_text(Session const& session, Verdict const& v, Style const& style);

}  // namespace nogood::cli
