// nogood: the command line over the nogood libraries. Exit codes: 0 clean, 1 findings
// (verdicts at or above the failing severity, or lint errors), 2 bad input or usage.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "nogood/diagnostics.hpp"

namespace {

int run(int argc, char** argv) {
  using namespace nogood::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return print_help(""), 2;
  auto command = args.front();
  std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    if (command == "--help" || command == "-h" || command == "help") return print_help(rest.empty() ? "" : rest.front());
    if (command == "--version" || command == "-V") return std::cout << "nogood " NOGOOD_VERSION "\n", 0;
    if (command == "check") return run_check(rest);
    if (command == "explain") return run_explain(rest);
    if (command == "lint") return run_lint(rest);
    if (command == "query") return run_query(rest);
    if (command == "entities") return run_entities(rest);
    if (command == "embed") return run_embed(rest);
    if (command == "accept") return run_accept(rest);
    if (command == "diff") return run_diff(rest);
    if (command == "fix") return run_fix(rest);
    if (command == "quote") return run_quote(rest);
    if (command == "compile") return run_compile(rest);
    if (command.rfind('-', 0) == 0) return usage_error("", "unknown option `" + command + "`");
    auto near = nogood::closest_match(command, {"check", "explain", "lint", "query", "entities", "embed", "accept", "diff", "fix", "quote", "compile", "help"});
    return usage_error("", "unknown command `" + command + "`" + (near.empty() ? "" : "; did you mean `" + near + "`?"));
  } catch (std::exception const& e) {
    std::cerr << "error: internal error: " << e.what() << "\n   = note: this is a bug in nogood; please report it with the input that caused it\n";
    return 3;
  }
}

}  // namespace

int main(int argc, char** argv) {
  int const code = run(argc, argv);
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
#ifndef NOGOOD_SANITIZE
  // Sessions live until here (see keep_until_exit): leaving without destroying them lets the
  // operating system take their memory back at once. Sanitizer builds exit normally, so that
  // the leak checker still sees everything freed.
  std::_Exit(code);
#endif
  return code;
}
