// Parse speed: generates 10,000 rules (about 1 MB) in the shapes real rule files use, parses
// them repeatedly and prints the median time. Built with the project, run by hand:
//   ./build/bench/nogood_parse_bench [rules] [runs]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "nogood/rules/parse.hpp"

namespace {

std::string generate(int rules) {
  std::string out;
  out.reserve(static_cast<std::size_t>(rules) * 110);
  out += "import \"common.rules\".\n";
  for (int i = 0; i < rules; ++i) {
    std::string n = std::to_string(i);
    switch (i % 8) {
      case 0:
        out += "pred claim_" + n + "(person: entity, place: entity, day: date, count: int).\n";
        break;
      case 1:
        out += "in_group_" + n + "(P, G) @ S :- member_of(P, G) @ S, part_of(G, parent_" + n + "), not banned(P).\n";
        break;
      case 2:
        out += "constraint place_" + n + " \"{S1} says {P} was captured in {A}; {S2} says in {B}\" severity warning\n"
               "  :- captured_at(P, A) @ S1 by C certainty K, captured_at(P, B) @ S2, S1 < S2, A != B.\n";
        break;
      case 3:
        out += "constraint toll_" + n + " :- casualties(E, N1) @ S1, casualties(E, N2) @ S2, abs(N1 - N2) * 5 > N1 + " +
               n + ".\n";
        break;
      case 4:
        out += "busy_" + n + "(S) :- source(S, _, _, _), N = count : { role(_, _) @ S }, N > " + n + ".\n";
        break;
      case 5:
        out += "role(\"خالد المسعود\", leader_" + n + "). part_of(unit_" + n + ", army). day(2025-10-19).\n";
        break;
      case 6:
        out += "unique claim_" + n + "(person, day -> place) across sources within 20% as u_" + n + ".\n";
        break;
      default:
        out += "silent_" + n + "(P) :- commented(P, E) @ S1, -commented(P, E) @ S2, D = 2025-10-19 - 2025-01-01, D >= 3. # " +
               n + "\n";
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int const rules = argc > 1 ? std::atoi(argv[1]) : 10000;
  int const runs = argc > 2 ? std::atoi(argv[2]) : 15;
  nogood::SourceManager sources;
  auto const file = sources.add("bench.rules", generate(rules));
  std::size_t const bytes = sources.file(file).text.size();

  std::vector<double> times;
  std::size_t statements = 0;
  for (int r = 0; r < runs; ++r) {
    nogood::Diagnostics diags;
    auto const start = std::chrono::steady_clock::now();
    auto program = nogood::rules::parse(sources, file, diags);
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    if (!program) {
      std::fprintf(stderr, "the generated rules did not parse: %s\n", diags.all().front().message.c_str());
      return 1;
    }
    statements = program->statements.size();
  }
  std::sort(times.begin(), times.end());
  double const median = times[times.size() / 2];
  std::printf("parse: %d generated rules, %zu statements, %.2f MB: median %.1f ms over %d runs (min %.1f, max %.1f), "
              "%.0f MB/s\n",
              rules, statements, static_cast<double>(bytes) / 1e6, median, runs, times.front(), times.back(),
              static_cast<double>(bytes) / 1e3 / median);
  return 0;
}
