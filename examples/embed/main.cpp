// Embedding nogood: load a corpus, run the checks, list the verdicts and explain the first.
#include <iostream>

#include "nogood/session.hpp"

namespace {
void print_proof(nogood::ProofNode const& node, int depth) {
  std::cout << std::string(static_cast<std::size_t>(depth) * 2, ' ') << node.statement << "\n";
  for (auto const& child : node.children) print_proof(child, depth + 1);
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: embed CORPUS_FOLDER\n";
    return 2;
  }
  nogood::Session session;
  auto inputs = nogood::discover_corpus(argv[1], session.diagnostics());
  if (!inputs || !session.load(*inputs) || !session.evaluate()) {
    for (auto const& d : session.diagnostics().all()) std::cerr << d.code << ": " << d.message << "\n";
    return 2;
  }
  session.build_verdicts();
  for (auto const& v : session.verdicts()) std::cout << v.id << ": " << v.message << "\n";
  if (!session.verdicts().empty()) print_proof(session.explain(session.verdicts().front()), 0);
  return 0;
}
