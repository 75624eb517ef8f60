// A verdict's sources, support and nogoods are kept in the session's shared arrays, built by
// threads that each take a share of the verdicts: the lists must not depend on the threads.
#include <catch2/catch.hpp>

#include <memory>

#include "nogood/session.hpp"
#include "run_program.hpp"

namespace {

using List = std::vector<std::uint32_t>;

struct Lists {
  std::vector<std::string> ids;
  std::vector<List> sources, support;
  std::vector<std::vector<List>> nogoods;
};

// Enough verdicts (over 4,096) for each stage to share them out; persons whose sources disagree
// on the place in more or fewer ways, so that the lists differ in length.
Lists run_on(std::size_t threads) {
  constexpr int persons = 8000;
  std::vector<std::string> facts;
  for (int s = 0; s < 4; ++s) {
    std::vector<std::pair<std::string, testing::Tuple>> at;
    for (int p = 0; p < persons; ++p) at.push_back({"at", {p, (p % (s + 2)) * (p % 3)}});
    facts.push_back(testing::facts_json("s" + std::to_string(s), at));
  }
  nogood::Inputs in;
  in.rules_text.emplace_back("test.rules", R"(
pred at(person: int, place: int).
constraint place "{P}" :- at(P, _A) @ _S1, at(P, _B) @ _S2, _A < _B.
)");
  for (std::size_t i = 0; i < facts.size(); ++i) in.facts_text.emplace_back("f" + std::to_string(i + 1) + ".json", facts[i]);
  nogood::Options options;
  options.eval.threads = threads;
  auto session = std::make_unique<nogood::Session>(options);
  REQUIRE(session->load(in));
  REQUIRE(session->evaluate());
  session->build_verdicts();
  session->find_source_nogoods();
  Lists out;
  for (auto const& v : session->verdicts()) {
    out.ids.push_back(v.id());
    out.sources.emplace_back(v.sources().begin(), v.sources().end());
    out.support.emplace_back(v.support().begin(), v.support().end());
    auto& sets = out.nogoods.emplace_back();
    for (auto const& set : v.nogoods()) sets.emplace_back(set.begin(), set.end());
  }
  return out;
}

}  // namespace

TEST_CASE("verdict lists built on two threads are those built on one") {
  auto const one = run_on(1), two = run_on(2);
  REQUIRE(one.ids.size() > 4096);
  CHECK(one.ids == two.ids);
  CHECK(one.sources == two.sources);
  CHECK(one.support == two.support);
  CHECK(one.nogoods == two.nogoods);
  // Not all alike: some verdicts have more nogoods than others.
  auto const [fewest, most] = std::minmax_element(one.nogoods.begin(), one.nogoods.end(), [](auto const& a, auto const& b) { return a.size() < b.size(); });
  CHECK(fewest->size() < most->size());
}
