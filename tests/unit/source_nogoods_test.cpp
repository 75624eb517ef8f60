// A verdict's nogoods over sources: every derivation found again, reduced to its minimal sets of
// sources, with recursion, aggregates, background facts and the search's bounds.
#include <catch2/catch.hpp>

#include "nogood/source_nogoods.hpp"
#include "run_program.hpp"

using testing::facts_json;
using testing::run_program;

namespace {

using Sets = std::vector<std::vector<std::string>>;

// The verdict's nogoods by source id.
Sets named(nogood::Session const& s, nogood::SourceNogoods const& found) {
  Sets out;
  for (auto const& set : found.sets) {
    out.emplace_back();
    for (auto src : set) out.back().push_back(s.corpus().sources[src].id.str());
  }
  return out;
}

nogood::Verdict const& only(testing::ProgramRun const& run, std::string const& rule) {
  nogood::Verdict const* found = nullptr;
  for (auto const& v : run.verdicts)
    if (v.rule() == rule) {
      REQUIRE(found == nullptr);
      found = &v;
    }
  REQUIRE(found != nullptr);
  return *found;
}

}  // namespace

TEST_CASE("every derivation of a verdict gives a nogood, and supersets are dropped") {
  // The head binds only the person: a against b and a against c are two derivations of one verdict.
  // d says both places itself, so every derivation with d holds {d}.
  auto run = run_program(R"(
pred at(person: int, place: int).
constraint place "{P}" :- at(P, _A) @ _S1, at(P, _B) @ _S2, _A < _B.
)",
                         {facts_json("a", {{"at", {1, 1}}}), facts_json("b", {{"at", {1, 2}}}), facts_json("c", {{"at", {1, 2}}}),
                          facts_json("d", {{"at", {2, 1}}, {"at", {2, 3}}}), facts_json("e", {{"at", {2, 3}}})});
  REQUIRE(run.ok);
  REQUIRE(run.verdicts.size() == 2);
  for (auto const& v : run.verdicts) {
    auto found = run.session->source_nogoods(v);
    CHECK(found.complete);
    if (nogood::engine::unpack_int(v.bindings()[0].value) == 1) CHECK(named(*run.session, found) == Sets{{"a", "b"}, {"a", "c"}});
    else CHECK(named(*run.session, found) == Sets{{"d"}});  // {d, e} holds {d}
  }
}

TEST_CASE("nogoods follow recursion, through cycles, and background facts need no source") {
  auto run = run_program(R"(
pred edge(x: int, y: int).
pred blocked(x: int, y: int).
edge(1, 2).
pred reach(x: int, y: int).
reach(X, Y) :- edge(X, Y).
reach(X, Z) :- reach(X, Y), edge(Y, Z).
constraint blocked_path "{X} {Y}" :- reach(X, Y), blocked(X, Y) @ _.
)",
                         {facts_json("a", {{"edge", {2, 3}}}), facts_json("b", {{"edge", {3, 4}}}), facts_json("c", {{"edge", {1, 4}}}),
                          facts_json("cycle", {{"edge", {4, 1}}}), facts_json("d", {{"blocked", {1, 4}}})});
  REQUIRE(run.ok);
  auto const& v = only(run, "blocked_path");
  auto found = run.session->source_nogoods(v);
  CHECK(found.complete);
  // 1 -> 4 directly (c), or 1 -> 2 (background) -> 3 (a) -> 4 (b); the cycle back to 1 adds nothing.
  CHECK(named(*run.session, found) == Sets{{"c", "d"}, {"a", "b", "d"}});
}

TEST_CASE("a verdict of the rules and background facts alone has the empty nogood") {
  auto run = run_program(R"(
pred p(x: int).
p(1).
constraint given "{X}" :- p(X).
)");
  REQUIRE(run.ok);
  auto found = run.session->source_nogoods(only(run, "given"));
  CHECK(found.complete);
  CHECK(named(*run.session, found) == Sets{{}});
}

TEST_CASE("an aggregate rests on every match it counted") {
  auto run = run_program(R"(
pred says(p: int).
constraint many "{P} {N}" :- says(P) @ "a", N = count : { says(P) @ _ }, N >= 3.
)",
                         {facts_json("a", {{"says", {1}}}), facts_json("b", {{"says", {1}}}), facts_json("c", {{"says", {1}}})});
  REQUIRE(run.ok);
  INFO(run.errors);
  auto found = run.session->source_nogoods(only(run, "many"));
  CHECK(found.complete);
  CHECK(named(*run.session, found) == Sets{{"a", "b", "c"}});
}

TEST_CASE("a search that reaches its bounds says so") {
  std::vector<std::string> facts;
  for (int i = 0; i < 12; ++i) facts.push_back(facts_json("s" + std::to_string(i), {{"at", {1, i}}}));
  auto run = run_program(R"(
pred at(person: int, place: int).
constraint place "{P}" :- at(P, _A) @ _S1, at(P, _B) @ _S2, _A < _B.
)",
                         facts);
  REQUIRE(run.ok);
  auto const& v = only(run, "place");
  nogood::NogoodLimits room;
  room.sets = 100;
  auto all = run.session->source_nogoods(v, room);
  CHECK(all.complete);
  CHECK(all.sets.size() == 66);  // every pair of the 12 places
  CHECK_FALSE(run.session->source_nogoods(v).complete);  // more than the 32 kept by default
  nogood::NogoodLimits few_sets;
  few_sets.sets = 10;
  auto capped = run.session->source_nogoods(v, few_sets);
  CHECK_FALSE(capped.complete);
  CHECK(capped.sets.size() == 10);
  nogood::NogoodLimits few_matches;
  few_matches.matches = 5;
  auto stopped = run.session->source_nogoods(v, few_matches);
  CHECK_FALSE(stopped.complete);
}

TEST_CASE("sources and pairs are ranked by the verdicts whose nogoods hold them") {
  auto run = run_program(R"(
pred at(person: int, place: int).
constraint place "{P}" :- at(P, _A) @ _S1, at(P, _B) @ _S2, _A < _B.
)",
                         {facts_json("a", {{"at", {1, 1}}, {"at", {2, 1}}}), facts_json("b", {{"at", {1, 2}}, {"at", {2, 2}}}),
                          facts_json("c", {{"at", {1, 2}}})});
  REQUIRE(run.ok);
  run.session->find_source_nogoods();
  std::vector<nogood::Verdict const*> verdicts;
  for (auto const& v : run.session->verdicts()) verdicts.push_back(&v);
  auto r = nogood::rank_sources(*run.session, verdicts);
  auto id = [&](std::uint32_t s) { return run.session->corpus().sources[s].id; };
  REQUIRE(r.sources.size() == 3);
  CHECK(id(r.sources[0].source) == "a");
  CHECK(r.sources[0].verdicts == 2);
  CHECK(r.sources[0].settled == 2);  // doubting a alone settles both
  CHECK(id(r.sources[1].source) == "b");
  CHECK(r.sources[1].verdicts == 2);
  CHECK(r.sources[1].settled == 1);  // person 1 stands on c as well as b
  CHECK(id(r.sources[2].source) == "c");
  REQUIRE(r.pairs.size() == 2);
  CHECK((id(r.pairs[0].a) == "a" && id(r.pairs[0].b) == "b" && r.pairs[0].verdicts == 2));
  CHECK((id(r.pairs[1].a) == "a" && id(r.pairs[1].b) == "c" && r.pairs[1].verdicts == 1));
}

TEST_CASE("the nogoods of one verdict alone are those the search of every verdict gives it") {
  auto run = run_program(R"(
pred at(person: int, place: int).
constraint place "{P}" :- at(P, _A) @ _S1, at(P, _B) @ _S2, _A < _B.
)",
                         {facts_json("a", {{"at", {1, 1}}}), facts_json("b", {{"at", {1, 2}}}), facts_json("c", {{"at", {2, 1}}, {"at", {2, 3}}})});
  REQUIRE(run.ok);
  auto& session = *run.session;
  REQUIRE(session.verdicts().size() == 2);
  session.find_source_nogoods();
  auto kept = [&](nogood::Verdict const& v) {
    nogood::SourceNogoods found;
    for (auto set : v.nogoods()) found.sets.emplace_back(set.begin(), set.end());
    return named(session, found);
  };
  std::vector<Sets> every;
  for (auto const& v : session.verdicts()) every.push_back(kept(v));
  for (std::size_t i = 0; i < session.verdicts().size(); ++i) {
    session.find_source_nogoods_of(session.verdicts()[i]);
    auto const& v = session.verdicts()[i];
    CHECK(kept(v) == every[i]);
    CHECK_FALSE(every[i].empty());
    CHECK(session.verdicts()[1 - i].nogoods().empty());  // the other one was not searched
  }
}
