// Provenance leaves out the body rows it can find again (see Recovery); explanations and
// support must not tell the difference.
#include <catch2/catch.hpp>

#include <numeric>
#include <optional>
#include <utility>
#include <vector>

#include "nogood/engine/evaluate.hpp"
#include "nogood/engine/paged_array.hpp"
#include "run_program.hpp"

using nogood::engine::Recovery;
using testing::facts_json;
using testing::run_program;

namespace {

Recovery const& recovery_of(testing::ProgramRun const& run, std::string const& rule_text) {
  auto const& program = run.session->program();
  for (std::size_t r = 0; r < program.rules.size(); ++r)
    if (program.rules[r].text == rule_text) return run.session->database().recovery[r];
  FAIL("no rule " << rule_text);
  throw;
}

}  // namespace

TEST_CASE("provenance stores only the body rows it cannot find again") {
  std::vector<std::pair<std::string, std::vector<int>>> edges;
  for (int i = 0; i < 6; ++i) edges.push_back({"edge", {i, i + 1}});
  edges.push_back({"mark", {3, 7}});
  testing::RunOptions options;
  options.explain = true;
  auto run = run_program(R"(
pred edge(from: int, to: int).
pred mark(node: int, tag: int).
path(X, Y) :- edge(X, Y).
path(X, Z) :- path(X, Y), edge(Y, Z).
both(X, Y) :- path(X, Y), path(Y, X).
via(X, Z) :- path(X, 3), path(3, Z), mark(3, _).
far(X) :- path(X, Y), Y > 5.
constraint reach "{X} reaches {Z} through 3" :- via(X, Z), path(X, Z).
)",
                         {facts_json("s", edges)}, options);
  INFO(run.errors);
  REQUIRE(run.ok);

  // `edge` gives Y, so `path(X, Y)` is looked up.
  auto const& step = recovery_of(run, "path(X, Z) :- path(X, Y), edge(Y, Z).");
  CHECK(step.stored == std::vector<std::uint32_t>{1});
  REQUIRE(step.found.size() == 1);
  CHECK(step.found[0].slot == 0);
  CHECK(step.found[0].columns[0].from == Recovery::Column::From::head);
  CHECK(step.found[0].columns[1].from == Recovery::Column::From::stored);
  // Every column of both atoms is in the head: nothing is stored.
  CHECK(recovery_of(run, "both(X, Y) :- path(X, Y), path(Y, X).").stored.empty());
  // Constants and the head give both `path` rows; `mark` has a `_` and is a claim: stored.
  auto const& via = recovery_of(run, "via(X, Z) :- path(X, 3), path(3, Z), mark(3, _).");
  CHECK(via.stored == std::vector<std::uint32_t>{2});
  CHECK(via.found.size() == 2);
  // Y is in no head column and no other atom: the row is stored.
  CHECK(recovery_of(run, "far(X) :- path(X, Y), Y > 5.").stored == std::vector<std::uint32_t>{0});
  // A claimed relation is always stored, even when every column is bound.
  CHECK(recovery_of(run, "path(X, Y) :- edge(X, Y).").stored == std::vector<std::uint32_t>{0});

  // The verdicts' proofs go down to the edges through the rows looked up, and re-check.
  CHECK(run.unverified.empty());
  REQUIRE(!run.verdicts.empty());
  for (std::size_t i = 0; i < run.verdicts.size(); ++i) {
    auto shown = testing::proof_statements(run.proofs[i]);
    CHECK(std::count_if(shown.begin(), shown.end(), [](std::string const& s) { return s.rfind("edge(", 0) == 0; }) >= 2);
  }
  // Support reaches the claims too: a via(0, 6) verdict rests on every edge from 0 to 6.
  auto v = std::find_if(run.verdicts.begin(), run.verdicts.end(), [](nogood::Verdict const& v) {
    return nogood::engine::unpack_int(v.bindings()[0].value) == 0 && nogood::engine::unpack_int(v.bindings()[1].value) == 6;
  });
  REQUIRE(v != run.verdicts.end());
  CHECK(v->support().size() >= 6);
}

TEST_CASE("a paged array keeps its contents as it grows past the size it maps") {
  nogood::engine::PagedArray<std::uint32_t> a;
  CHECK(a.empty());
  std::vector<std::uint32_t> expected;
  // From malloc's sizes into mapped blocks (1 MiB and up) and through several remaps.
  for (std::uint32_t i = 0; i < 3'000'000; ++i) {
    a.push_back(i * 7u);
    if (i % 100'000 == 0) expected.push_back(i * 7u);
  }
  REQUIRE(a.size() == 3'000'000);
  for (std::uint32_t i = 0; i < 3'000'000; i += 100'000) CHECK(a[i] == i * 7u);
  std::uint32_t block[3] = {1, 2, 3};
  a.append(block, block + 3);
  CHECK(a[3'000'002] == 3);
  a.resize(3'000'010, 9);
  CHECK(a[3'000'009] == 9);
  CHECK(a[3'000'000] == 1);

  auto moved = std::move(a);
  CHECK(a.empty());
  CHECK(moved.size() == 3'000'010);
  CHECK(moved[2'900'000] == 2'900'000u * 7u);

  moved.assign(10, 4);  // smaller than held: keeps the block, new contents
  CHECK(moved.size() == 10);
  CHECK(std::accumulate(moved.begin(), moved.end(), 0u) == 40u);
  moved.assign(5'000'000, 1);
  CHECK(moved.size() == 5'000'000);
  CHECK(moved[4'999'999] == 1);
  moved.release();
  CHECK(moved.capacity() == 0);
}

namespace {
// What find() gives for `row`: the rule and its stored rows, or nothing.
std::optional<std::pair<std::uint32_t, std::vector<nogood::engine::RowId>>> derivation_of(nogood::engine::Provenance const& p,
                                                                                           nogood::engine::RowId row) {
  nogood::engine::Derivation d;
  if (!p.find(row, d)) return std::nullopt;
  return std::pair{d.rule, d.rows};
}
}  // namespace

TEST_CASE("provenance keeps each record's rule as rules, rows and gaps come") {
  using nogood::engine::Provenance;
  using nogood::engine::RowId;
  using Rows = std::vector<RowId>;
  Provenance p;
  p.fit(2);
  auto const one = p.enrol(10, {0});      // stores its first body row
  RowId body[3] = {7, 8, 9};
  p.record(100, one, body);               // one rule so far: no rule kept per record
  auto const two = p.enrol(20, {1, 2});   // now each record says which rule
  auto const none = p.enrol(30, {});      // a rule that stores no row
  body[1] = 5;
  p.record(101, two, body);
  p.record(102, none, body);
  p.record(104, one, body);  // 103 has no record
  CHECK(derivation_of(p, 100) == std::pair{10u, Rows{7}});
  CHECK(derivation_of(p, 101) == std::pair{20u, Rows{5, 9}});
  CHECK(derivation_of(p, 102) == std::pair{30u, Rows{}});
  CHECK_FALSE(derivation_of(p, 103));
  CHECK(derivation_of(p, 104) == std::pair{10u, Rows{7}});
  CHECK_FALSE(derivation_of(p, 99));
  CHECK_FALSE(derivation_of(p, 105));

  SECTION("a first row too large to share its bits with the rule") {
    RowId large[3] = {RowId(1) << 30, 1, 2};
    p.record(105, one, large);
    CHECK(derivation_of(p, 105) == std::pair{10u, Rows{RowId(1) << 30}});
    CHECK(derivation_of(p, 101) == std::pair{20u, Rows{5, 9}});
    CHECK(derivation_of(p, 102) == std::pair{30u, Rows{}});
    CHECK_FALSE(derivation_of(p, 103));
  }
  SECTION("more rules than the shared bits number") {
    std::vector<std::uint32_t> locals;
    for (std::uint32_t rule = 40; rule < 60; ++rule) locals.push_back(p.enrol(rule, {0}));
    body[0] = 3;
    p.record(105, locals.back(), body);
    CHECK(derivation_of(p, 105) == std::pair{59u, Rows{3}});
    CHECK(derivation_of(p, 100) == std::pair{10u, Rows{7}});
    CHECK(derivation_of(p, 102) == std::pair{30u, Rows{}});
    CHECK_FALSE(derivation_of(p, 103));
  }
}

TEST_CASE("provenance whose first rule records rows too large to pack keeps rules apart") {
  using nogood::engine::Provenance;
  using nogood::engine::RowId;
  Provenance p;
  p.fit(1);
  auto const one = p.enrol(1, {0});
  RowId large = RowId(1) << 29;
  p.record(0, one, &large);
  auto const two = p.enrol(2, {0});
  RowId small = 4;
  p.record(1, two, &small);
  CHECK(derivation_of(p, 0) == std::pair{1u, std::vector<RowId>{large}});
  CHECK(derivation_of(p, 1) == std::pair{2u, std::vector<RowId>{4}});
}
