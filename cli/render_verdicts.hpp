// Verdicts for people (text) and for pipelines (JSON).
#pragma once

#include <string>
#include <vector>

#include "nogood/session.hpp"
#include "terminal.hpp"

namespace nogood::cli {

struct Manifest {
  std::string version;
  std::vector<std::string> files;
  std::vector<std::string> options;
};

std::string render_verdicts_text(Session const& session, std::vector<Verdict const*> const& verdicts, Style const& style, bool quiet);
std::string render_verdicts_json(Session const& session, std::vector<Verdict const*> const& verdicts, Manifest const& manifest);
std::string render_explanation_text(Session const& session, Verdict const& v, Style const& style);

}  // namespace nogood::cli
