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

TEST_CASE("an entity's display name: its language's, else one in that language's script") {
  Corpus corpus;
  nogood::engine::Entity damascus{"damascus", "place", {{"ar", "دمشق", nogood::engine::no_source}, {"fr", "Damas", nogood::engine::no_source}}, {}};
  corpus.entities.push_back(damascus);
  CHECK(corpus.display_name(0, "ar") == "دمشق");
  CHECK(corpus.display_name(0, "fr") == "Damas");
  CHECK(corpus.display_name(0, "en") == "Damas");  // Latin script before Arabic
  CHECK(corpus.display_name(0, "he") == "دمشق");   // no Hebrew name: the first
  nogood::engine::Entity nameless{"raid_2023", "event", {}, {}};
  corpus.entities.push_back(nameless);
  CHECK(corpus.display_name(1, "en") == "raid_2023");
}
