// Embedding nogood: load a corpus, run the checks, list the verdicts, walk the proof of the
// first, and render the report the command line would print (or Markdown, or HTML).
#include <iostream>

#include "nogood/report/report.hpp"
#include "nogood/session.hpp"

namespace {
void print_proof(nogood::ProofNode const& node, int depth) {
  std::cout << std::string(static_cast<std::size_t>(depth) * 2, ' ') << node.statement << "\n";
  for (auto const& child : node.children) print_proof(child, depth + 1);
}

class StdoutSink final : public nogood::report::Sink {
public:
  void write(std::string_view text) override { std::cout << text; }
};
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
  std::vector<nogood::Verdict const*> verdicts;
  for (auto const& v : session.verdicts()) {
    std::cout << v.id() << ": " << session.message(v) << "\n";
    verdicts.push_back(&v);
  }
  if (!verdicts.empty()) print_proof(session.explain(*verdicts.front()), 0);

  // The report, as `nogood check --compact` prints it.
  nogood::report::sort_for_reading(verdicts);
  nogood::report::ReportOptions options;
  options.layout = nogood::report::TextLayout::compact;
  nogood::report::Manifest manifest{"embedded", session.input_files(), {argv[1]}, "check"};
  StdoutSink out;
  nogood::report::render_report(session, verdicts, manifest, options, out);
  return 0;
}
