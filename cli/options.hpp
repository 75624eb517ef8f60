// Command-line options shared by the commands.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "terminal.hpp"

namespace nogood::cli {

struct CommonOptions {
  std::vector<std::string> positional;
  std::vector<std::string> rules, facts, texts;
  std::optional<std::string> entities;
  std::string format = "text";
  bool format_given = false;  // --format: else the --output extension decides
  bool compact = false;       // check, text: one line per verdict
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
  std::optional<std::uint64_t> max_memory;  // bytes; 0: no limit
  std::string language = "en";
};

// `4G`, `512M`, `64KiB`, `2000000000` (bytes; K, M, G, T are powers of 1024); `none` or `0`: no limit (0).
std::optional<std::uint64_t> parse_memory_size(std::string_view v);

// Parses `args` (after the command name); on error returns a message for the user.
std::optional<std::string> parse_options(std::vector<std::string> const& args, CommonOptions& out);

}  // namespace nogood::cli
