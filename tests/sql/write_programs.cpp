// write_programs: the differential test's generated programs as corpus folders on disk
// (DIR/gen-SEED/rules/program.rules, DIR/gen-SEED/facts/s1.json ...), for tests/sql/postgres-check;
// each with `unique ... across sources` statements over its claimed predicates, in the pair form
// and the grouped one, so that both back ends derive and explain them; and DATE_COUNT of its date
// programs (days, months, years, intervals and times compared in every
// way) as DIR/date-SEED.
//
// usage: write_programs DIR FIRST_SEED COUNT [DATE_COUNT]
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "difftest/dates.hpp"
#include "difftest/generate.hpp"

namespace {

// For up to two claimed predicates of two or more arguments, chosen by the seed: the value
// (the last argument) unique per key (the first, or all but the last), two by two and grouped.
std::string unique_statements(difftest::Program const& program, std::uint64_t seed) {
  std::string out;
  int written = 0;
  for (std::size_t k = 0; k < program.preds.size() && written < 2; ++k) {
    auto const& pred = program.preds[(k + seed) % program.preds.size()];
    if (!pred.base || pred.arity < 2) continue;
    std::string keys = "a0";
    if ((seed + k) % 2 == 1)
      for (int i = 1; i + 1 < pred.arity; ++i) keys += ", a" + std::to_string(i);
    std::string const head = "unique " + pred.name + "(" + keys + " -> a" + std::to_string(pred.arity - 1) + ") across sources";
    std::string const n = std::to_string(++written);
    out += head + " as gen_unique_" + n + ".\n";
    out += head + " grouped as gen_grouped_" + n + ".\n";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::cerr << "usage: write_programs DIR FIRST_SEED COUNT [DATE_COUNT]\n";
    return 2;
  }
  std::filesystem::path const dir(argv[1]);
  std::uint64_t const first = std::strtoull(argv[2], nullptr, 10);
  std::uint64_t const count = std::strtoull(argv[3], nullptr, 10);
  for (std::uint64_t seed = first; seed < first + count; ++seed) {
    auto program = difftest::Generator(seed, difftest::Sizes{}).run();
    auto const root = dir / ("gen-" + std::to_string(seed));
    std::filesystem::create_directories(root / "rules");
    std::filesystem::create_directories(root / "facts");
    std::ofstream(root / "rules" / "program.rules") << difftest::rules_text(program) << unique_statements(program, seed);
    for (int s = 0; s < difftest::source_count; ++s)
      std::ofstream(root / "facts" / ("s" + std::to_string(s + 1) + ".json")) << difftest::facts_text(program, s);
  }
  std::uint64_t const dates = argc == 5 ? std::strtoull(argv[4], nullptr, 10) : 0;
  for (std::uint64_t seed = first; seed < first + dates; ++seed) {
    auto const program = difftest::dates::generate(seed);
    auto const root = dir / ("date-" + std::to_string(seed));
    std::filesystem::create_directories(root / "rules");
    std::filesystem::create_directories(root / "facts");
    std::ofstream(root / "rules" / "program.rules") << difftest::dates::rules_text(program);
    for (int s = 0; s < difftest::source_count; ++s)
      std::ofstream(root / "facts" / ("s" + std::to_string(s + 1) + ".json")) << difftest::dates::facts_text(program, s);
  }
  return 0;
}
