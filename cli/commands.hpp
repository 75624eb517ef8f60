// The commands; each returns the process exit code: 0 clean, 1 findings, 2 bad input or usage.
#pragma once

#include <string>
#include <vector>

namespace nogood::cli {

int run_check(std::vector<std::string> const& args);
int run_explain(std::vector<std::string> const& args);
int run_lint(std::vector<std::string> const& args);
int run_query(std::vector<std::string> const& args);
int print_help(std::string const& command);
int usage_error(std::string const& command, std::string const& message);

}  // namespace nogood::cli
