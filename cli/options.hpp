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
  std::vector<std::string> given;  // the options given, by their long names, in order
  std::vector<std::string> rules, facts, texts;
  std::vector<std::string> patterns;  // query --pattern, repeatable
  std::optional<std::string> entities, accepted;
  std::optional<std::string> baseline;  // check: an earlier JSON report to compare with
  std::string format = "text";
  bool format_given = false;  // --format: else the --output extension decides
  bool compact = false;       // check, text: one line per verdict
  std::optional<std::string> output;
  ColorMode color = ColorMode::auto_;
  bool quiet = false;
  bool help = false;
  bool count = false;
  bool check = false;  // embed, fix: change nothing, exit 1 when out of date
  bool dry_run = false;     // fix: as --check, and show what would change
  bool keep_going = false;  // check: quote errors do not stop the run
  bool fix = false;         // lint --fix: run `nogood fix`
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
  std::optional<unsigned> threads;
  std::optional<std::string> engine;  // a PostgreSQL URI to evaluate on; unset or `native`: in this process
  std::string language = "en";
  // compile
  std::optional<std::string> to, dialect;
  // accept
  std::optional<std::string> reason, by;
};

// `4G`, `512M`, `64KiB`, `2000000000` (bytes; K, M, G, T are powers of 1024); `none` or `0`: no limit (0).
std::optional<std::uint64_t> parse_memory_size(std::string_view v);

// Parses `args` (after the command name); on error returns a message for the user.
std::optional<std::string> parse_options(std::vector<std::string> const& args, CommonOptions& out);

// The first option given that `allowed` does not list, as a message: an option a command does not
// use must not pass without a word.
std::optional<std::string> reject_inapplicable(CommonOptions const& o, std::string_view command,
                                               std::vector<std::string_view> const& allowed);

// Without `--format`, `--output report.html` (.json, .md, .markdown, .html, .htm, .txt) chooses the
// format, when the command writes it: `--output x.html` must not hold text.
void take_format_from_output(CommonOptions& o, std::vector<std::string_view> const& formats);

}  // namespace nogood::cli
