// Command-line options shared by the commands.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "terminal.hpp"

namespace nogood::cli {

struct CommonOptions {
  std::vector<std::string> positional;
  std::vector<std::string> rules, facts, texts;
  std::optional<std::string> entities;
  std::string format = "text";
  std::optional<std::string> output;
  ColorMode color = ColorMode::auto_;
  bool quiet = false;
  bool help = false;
  bool count = false;
  bool check = false;  // embed: change nothing, exit 1 when out of date
  // check
  std::vector<std::string> rule_filter, source_filter;
  std::string min_severity = "info";
  std::string fail_on = "error";
  std::optional<std::string> timings;
  bool provenance = true;
  bool proofs = true;  // JSON reports: each verdict's proof tree
  std::optional<unsigned long long> max_facts;
  std::optional<double> max_seconds;
  std::string language = "en";
};

// Parses `args` (after the command name); on error returns a message for the user.
std::optional<std::string> parse_options(std::vector<std::string> const& args, CommonOptions& out);

}  // namespace nogood::cli
