#include <catch2/catch.hpp>

#include "nogood/engine/corpus.hpp"

using nogood::engine::Claim;
using nogood::engine::Corpus;

TEST_CASE("a claim's claimant, quote and offset are kept in the corpus, and cost nothing when absent") {
  Corpus corpus;
  Claim plain, quoted, placed, both, told;
  auto const own = corpus.own_voice();
  auto const official = corpus.strings.intern("official");
  corpus.set_evidence(plain, own, "", std::nullopt);
  corpus.set_evidence(quoted, own, "خمسة قتلى", std::nullopt);
  corpus.set_evidence(placed, own, "", 0);
  corpus.set_evidence(both, own, "five dead", 42);
  corpus.set_evidence(told, official, "", std::nullopt);
  CHECK(plain.evidence == nogood::engine::no_evidence);
  CHECK(corpus.evidence.size() == 4);
  CHECK(corpus.claimant(plain) == own);
  CHECK(corpus.claimant(both) == own);
  CHECK(corpus.claimant(told) == official);
  CHECK(corpus.quote(told).empty());

  CHECK(corpus.quote(plain).empty());
  CHECK_FALSE(corpus.at(plain));
  CHECK(corpus.quote(quoted) == "خمسة قتلى");
  CHECK_FALSE(corpus.at(quoted));
  CHECK(corpus.quote(placed).empty());
  CHECK(corpus.at(placed) == 0);
  CHECK(corpus.quote(both) == "five dead");
  CHECK(corpus.at(both) == 42);
}

TEST_CASE("where each claim was written, kept once per run of consecutive places") {
  using nogood::engine::ClaimPlace;
  Corpus corpus;
  Claim c;
  // A JSON Lines file: lines 1, 2, 3, then 7 after lines that held no claim; then another file.
  for (std::uint32_t line : {1u, 2u, 3u, 7u}) corpus.add_claim(c, {0, ClaimPlace::line, line});
  for (std::uint32_t index : {0u, 1u}) corpus.add_claim(c, {1, ClaimPlace::index, index});
  corpus.add_background_claim(c, nogood::Span{4, 10, 20});
  corpus.add_claim(c, {0, ClaimPlace::line, 8});

  CHECK(corpus.claims.size() == 8);
  CHECK(corpus.location(0).line() == 1);
  CHECK(corpus.location(2).line() == 3);
  CHECK(corpus.location(3).line() == 7);
  CHECK(corpus.location(3).pointer() == "line 7");
  CHECK(corpus.location(4).file == 1);
  CHECK(corpus.location(5).pointer() == "/facts/1");
  CHECK(corpus.location(5).line() == 0);
  CHECK(corpus.origin(6).begin == 10);
  CHECK(corpus.location(6).file == nogood::engine::no_source);
  CHECK_FALSE(corpus.origin(5).valid());
  CHECK(corpus.location(7).line() == 8);
  CHECK(corpus.location(7).file == 0);
  CHECK(corpus.location(8).placed == ClaimPlace::none);  // no such claim
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
