// The commands; each returns the process exit code: 0 clean, 1 findings, 2 bad input or usage.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "nogood/session.hpp"
#include "options.hpp"
#include "output.hpp"

namespace nogood::cli {

int run_check(std::vector<std::string> const& args);
int run_explain(std::vector<std::string> const& args);
int run_lint(std::vector<std::string> const& args);
int run_query(std::vector<std::string> const& args);
int run_entities(std::vector<std::string> const& args);  // command_entities.cpp
int run_embed(std::vector<std::string> const& args);     // command_embed.cpp
int run_accept(std::vector<std::string> const& args);    // command_accept.cpp
int print_accept_help();
int run_diff(std::vector<std::string> const& args);      // command_diff.cpp
int print_diff_help();
int print_entities_help();
int print_embed_help();
int run_fix(std::vector<std::string> const& args);    // command_fix.cpp
int print_fix_help();
int run_quote(std::vector<std::string> const& args);  // command_quote.cpp
int print_quote_help();
int run_compile(std::vector<std::string> const& args);  // command_compile.cpp
int print_compile_help();
int print_help(std::string const& command);
// The lines of every command's --help that describe where its inputs come from.
extern char const* const corpus_inputs_help;

int usage_error(std::string const& command, std::string const& message);
// The options a command uses: any other is refused rather than ignored.
std::vector<std::string_view> applicable_options(std::string_view command);

// Shared by the commands.
void print_diagnostics(Session& session, CommonOptions const& o);
// The inputs named by the corpus folder at o.positional[corpus_arg] (if any) and the options.
std::optional<Inputs> gather_inputs(CommonOptions const& o, std::size_t corpus_arg, Session& session);
Options session_options(CommonOptions const& o);
// A session that lives until the process exits, where main() leaves without destroying it:
// tearing down the millions of small objects of a large corpus takes a noticeable part of a run.
Session& keep_until_exit(Options options);
// E0005 for an id no verdict of this run has, with the closest id; the exit code (2).
int unknown_verdict(Session const& session, std::string const& id, CommonOptions const& o);
// Prints `content`, or writes it atomically to --output; the exit code (2 when it cannot).
int emit(CommonOptions const& o, std::string const& content);
// Renders into stdout or, with --output, into the file atomically (E0004 when it cannot be written).
int emit(CommonOptions const& o, std::function<void(Sink&)> const& render);

}  // namespace nogood::cli
