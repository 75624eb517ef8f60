#include <catch2/catch.hpp>

#include "nogood/engine/corpus.hpp"

using nogood::engine::Claim;
using nogood::engine::Corpus;

TEST_CASE("a claim's quote and offset are kept in the corpus, and cost nothing when absent") {
  Corpus corpus;
  Claim plain, quoted, placed, both;
  corpus.set_evidence(plain, "", std::nullopt);
  corpus.set_evidence(quoted, "خمسة قتلى", std::nullopt);
  corpus.set_evidence(placed, "", 0);
  corpus.set_evidence(both, "five dead", 42);
  CHECK(plain.evidence == nogood::engine::no_evidence);
  CHECK(corpus.evidence.size() == 3);

  CHECK(corpus.quote(plain).empty());
  CHECK_FALSE(corpus.at(plain));
  CHECK(corpus.quote(quoted) == "خمسة قتلى");
  CHECK_FALSE(corpus.at(quoted));
  CHECK(corpus.quote(placed).empty());
  CHECK(corpus.at(placed) == 0);
  CHECK(corpus.quote(both) == "five dead");
  CHECK(corpus.at(both) == 42);
}
