// nogood compile --to sql --dialect D CORPUS --output DIR: the rules and the loaded claims as SQL
// scripts (load.sql, evaluate.sql, results.sql) and manifest.json, for running on a database
// engine. Exit codes: 0 written, 2 bad input or usage.
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "nogood/sql/compile.hpp"
#include "pipeline.hpp"

namespace nogood::cli {

int print_compile_help() {
  std::cout << "nogood compile: the rules and the claims as SQL scripts for a database engine\n\n"
               "usage: nogood compile --to sql --dialect DIALECT [CORPUS] --output DIR [options]\n\n"
            << corpus_inputs_help <<
               "  --to sql             what to compile to (sql is the only target)\n"
               "  --dialect DIALECT    postgres, duckdb or spark\n"
               "  --output DIR         the folder to write load.sql, evaluate.sql, results.sql and\n"
               "                       manifest.json into (created when missing)\n"
               "  --color WHEN         auto, always or never (NO_COLOR is honoured)\n"
               "  --quiet              no line naming the files written\n\n"
               "  load.sql creates the tables and loads the claims and the dictionary of names; evaluate.sql\n"
               "  derives every relation (on postgres, recursive strata loop in DO blocks: `psql -f` runs it\n"
               "  all); results.sql lists every relation's rows with names decoded; manifest.json lists the\n"
               "  tables and each stratum's statements, and which loop until which tables stay empty; on\n"
               "  postgres, citus.sql distributes each table on Citus by the column its rules join on\n\n"
               "exit: 0 written, 2 bad input or usage\n"
               "example: nogood compile --to sql --dialect postgres examples/syria-raid --output sql/\n";
  return 0;
}

int run_compile(std::vector<std::string> const& args) {
  CommonOptions o;
  if (auto err = parse_options(args, o)) return usage_error("compile", *err);
  if (o.help) return print_compile_help();
  if (auto err = reject_inapplicable(o, "compile", applicable_options("compile"))) return usage_error("compile", *err);
  if (!o.to) return usage_error("compile", "compile to what? give --to sql");
  if (*o.to != "sql") return usage_error("compile", "unknown target `" + *o.to + "`; the only target is sql");
  if (!o.dialect) return usage_error("compile", "which SQL? give --dialect postgres, duckdb or spark");
  auto dialect = sql::parse_dialect(*o.dialect);
  if (!dialect) return usage_error("compile", "unknown dialect `" + *o.dialect + "`; dialects are postgres, duckdb and spark");
  if (!o.output || *o.output == "-") return usage_error("compile", "where to? give --output DIR, a folder for the scripts");
  if (o.positional.size() > 1) return usage_error("compile", "compile takes one corpus folder, got " + std::to_string(o.positional.size()));

  Session& session = keep_until_exit(session_options(o));
  auto inputs = gather_inputs(o, 0, session);
  // Loaded, not evaluated: evaluation moves the claims out of the corpus into the engine.
  bool const loaded = inputs && run_stages(session, *inputs, o, Until::load);
  print_diagnostics(session, o);
  if (!loaded) return 2;

  if (auto problems = sql::check_supported(session.program(), session.corpus(), *dialect); !problems.empty()) {
    for (auto& d : problems) session.diagnostics().report(std::move(d));
    print_diagnostics(session, o);
    return 2;
  }
  auto const scripts = sql::compile(session.program(), session.corpus(), *dialect);
  std::filesystem::path const dir(*o.output);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::pair<char const*, std::string const*> const files[] = {
      {"load.sql", &scripts.load}, {"evaluate.sql", &scripts.evaluate}, {"results.sql", &scripts.results}, {"manifest.json", &scripts.manifest},
      {"citus.sql", &scripts.citus}};
  for (auto const& [name, text] : files) {
    if (text->empty()) continue;  // citus.sql: PostgreSQL only
    auto err = write_atomically((dir / name).string(), *text);
    if (!err.empty()) {
      std::cerr << make_style(o.color, 2).red("error[E0004]") << ": " << err << "\n   = help: check that `" << dir.string()
                << "` is a folder that can be written\n";
      return 2;
    }
  }
  if (!o.quiet)
    std::cerr << "wrote load.sql, evaluate.sql, results.sql" << (scripts.citus.empty() ? "" : ", citus.sql") << " and manifest.json ("
              << sql::to_string(*dialect) << ") to " << dir.string() << "\n";
  return 0;
}

}  // namespace nogood::cli
