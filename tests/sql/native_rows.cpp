// native_rows: every relation's rows as the native engine derives them, one a line, in the form
// results.sql prints them on a database (`table|value|...`, ids decoded to names, `-` for a claim
// of no source), for tests/sql/postgres-check to compare. Exit 0, or 2 when the input has errors.
//
// usage: native_rows CORPUS | native_rows (--rules FILE | --facts FILE)...
#include <iostream>
#include <string>
#include <vector>

#include "nogood/session.hpp"
#include "nogood/sql/compile.hpp"

namespace {

std::string decoded(nogood::engine::Corpus const& corpus, nogood::engine::ValueType t, nogood::engine::Value v) {
  using nogood::engine::ValueType;
  switch (t) {
    case ValueType::entity: return v < corpus.entities.size() ? corpus.entities[v].id.str() : "-";
    case ValueType::symbol:
    case ValueType::string: return v < corpus.strings.size() ? std::string(corpus.strings.view(v)) : "-";
    case ValueType::source: return v < corpus.sources.size() ? corpus.sources[v].id.str() : "-";
    case ValueType::integer:
    case ValueType::date: return std::to_string(nogood::engine::unpack_int(v));
    case ValueType::certainty: return std::to_string(v);
  }
  return "?";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  nogood::Session session;
  nogood::Inputs inputs;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "--rules" || args[i] == "--facts") && i + 1 < args.size()) {
      (args[i] == "--rules" ? inputs.rules : inputs.facts).emplace_back(args[i + 1]);
      ++i;
    } else if (auto found = nogood::discover_corpus(args[i], session.diagnostics())) {
      inputs = std::move(*found);
    } else {
      std::cerr << "native_rows: cannot read the corpus `" << args[i] << "`\n";
      return 2;
    }
  }
  if (!session.load(inputs) || !session.evaluate()) {
    for (auto const& d : session.diagnostics().all())
      if (d.severity == nogood::Severity::error) std::cerr << d.code << ": " << d.message << "\n";
    return 2;
  }
  auto const& program = session.program();
  auto const& db = session.database();
  auto const names = nogood::sql::table_names(program);
  std::string line;
  for (std::size_t r = 0; r < program.relations.size(); ++r) {
    auto const& types = program.relations[r].columns;
    auto const& rel = db.relations[r];
    for (nogood::engine::RowId row = 0; row < rel.size(); ++row) {
      line = names[r];
      for (std::size_t c = 0; c < types.size(); ++c) line += "|" + decoded(session.corpus(), types[c], rel.row(row)[c]);
      std::cout << line << "\n";
    }
  }
  return 0;
}
