// The relation's duplicate check (an open-addressing set of rows) across growth, claims
// appended without the check, and tuples whose hashes share a home slot.
#include <catch2/catch.hpp>

#include <vector>

#include "nogood/engine/relation.hpp"

using nogood::engine::no_row;
using nogood::engine::Relation;
using nogood::engine::RowId;
using nogood::engine::Value;

TEST_CASE("insert keeps one row per tuple across many doublings of the set") {
  Relation rel(2);
  for (Value i = 0; i < 5000; ++i) {
    Value t[2] = {i % 97, i};
    auto [row, fresh] = rel.insert(t);
    REQUIRE(fresh);
    REQUIRE(row == i);
  }
  for (Value i = 0; i < 5000; ++i) {
    Value t[2] = {i % 97, i};
    auto [row, fresh] = rel.insert(t);
    CHECK_FALSE(fresh);
    CHECK(row == i);
  }
  Value absent[2] = {1, 5001};
  CHECK(rel.find(absent) == no_row);
  CHECK(rel.size() == 5000);
}

TEST_CASE("insert with a precomputed hash agrees with insert") {
  Relation rel(3);
  Value t[3] = {7, 8, 9};
  auto h = rel.hash(t);
  rel.prefetch(h);  // before the set has any slot: a no-op
  CHECK(rel.insert(t, h) == std::pair<RowId, bool>{0, true});
  rel.prefetch(h);
  CHECK(rel.insert(t) == std::pair<RowId, bool>{0, false});
}

TEST_CASE("rows appended without the duplicate check are found by later inserts") {
  Relation rel(2);
  for (Value i = 0; i < 100; ++i) {
    Value t[2] = {i, i + 1};
    CHECK(rel.append(t) == i);
  }
  Value again[2] = {42, 43};
  CHECK(rel.insert(again) == std::pair<RowId, bool>{42, false});
  Value fresh[2] = {42, 44};
  CHECK(rel.insert(fresh) == std::pair<RowId, bool>{100, true});
  CHECK(rel.find(fresh) == 100);
}

TEST_CASE("tuples differing in one column stay apart") {
  // Many tuples agree on all but the last column; each must be its own row.
  Relation rel(4);
  std::vector<RowId> rows;
  for (Value i = 0; i < 3000; ++i) {
    Value t[4] = {1, 2, 3, i};
    rows.push_back(rel.insert(t).first);
  }
  for (Value i = 0; i < 3000; ++i) {
    Value t[4] = {1, 2, 3, i};
    CHECK(rel.find(t) == rows[i]);
    CHECK(rel.row(rows[i])[3] == i);
  }
}

TEST_CASE("indexes see rows inserted after they were built") {
  Relation rel(2);
  Value a[2] = {1, 10};
  rel.insert(a);
  auto const& index = rel.index(1);  // column 0
  Value b[2] = {1, 11}, c[2] = {2, 12};
  rel.insert(b);
  rel.insert(c);
  Value key = 1;
  std::vector<RowId> seen;
  for (auto r = index.first(index.hash_key(&key)); r != no_row; r = index.next(r))
    if (nogood::engine::matches_key(rel.row(r), &key, 1, 2)) seen.push_back(r);
  CHECK(seen == std::vector<RowId>{1, 0});  // newest first
}

TEST_CASE("a grouped index lays each key's row ids out together, newest first") {
  Relation rel(3);
  for (Value i = 0; i < 60; ++i) {
    Value t[3] = {i % 4, i, 100 + i % 4};
    rel.append(t);
  }
  auto const* grouped = rel.grouped(0b101);  // columns 0 and 2
  REQUIRE(grouped != nullptr);
  Value key[2] = {2, 102};
  auto group = grouped->find(key, rel);
  REQUIRE(group.count == 15);
  for (std::uint32_t j = 0; j < group.count; ++j) CHECK(group.ids[j] == 58 - 4 * j);
  Value absent[2] = {2, 103};
  CHECK(grouped->find(absent, rel).count == 0);
  CHECK(rel.grouped(0b101) == grouped);  // built once
}

TEST_CASE("a grouped index is rebuilt when the relation grew, and declined for unique keys") {
  Relation rel(2);
  for (Value i = 0; i < 10; ++i) {
    Value t[2] = {i % 2, i};
    rel.insert(t);
  }
  REQUIRE(rel.grouped(1) != nullptr);
  Value more[2] = {1, 10};
  rel.insert(more);
  Value key = 1;
  CHECK(rel.grouped(1)->find(&key, rel).count == 6);
  CHECK(rel.grouped(2) == nullptr);  // column 1 differs on every row
  CHECK(rel.memory() > 0);
}

TEST_CASE("a settled relation finds every row and index key in less memory, and can grow again") {
  Relation rel(3);
  constexpr Value n = 100'000;  // just past a doubling: the growing tables are at their emptiest
  for (Value i = 0; i < n; ++i) {
    Value t[3] = {i % 1000, i / 1000, i};
    REQUIRE(rel.insert(t).second);
  }
  std::uint64_t const by_first = 0b001;
  (void)rel.index(by_first);
  auto const before = rel.memory();
  rel.settle();
  CHECK(rel.memory() < before);
  auto rows_of_key = [&](Value key) {
    std::vector<RowId> rows;
    auto const& index = *rel.find_index(by_first);
    for (auto r = index.first(index.hash_key(&key)); r != no_row; r = index.next(r))
      if (rel.row(r)[0] == key) rows.push_back(r);
    return rows;
  };
  for (Value i = 0; i < n; ++i) {
    Value t[3] = {i % 1000, i / 1000, i};
    REQUIRE(rel.find(t) == i);
  }
  Value absent[3] = {1, 2, n + 5};
  CHECK(rel.find(absent) == no_row);
  auto const seven = rows_of_key(7);
  REQUIRE(seven.size() == n / 1000);
  CHECK(seven.front() == n - 1000 + 7);  // chains still run newest first
  CHECK(seven.back() == 7);
  // Settling twice changes nothing; growing after settling rehashes as before.
  rel.settle();
  for (Value i = n; i < 2 * n; ++i) {
    Value t[3] = {i % 1000, i / 1000, i};
    REQUIRE(rel.insert(t) == std::pair<RowId, bool>{i, true});
  }
  for (Value i = 0; i < 2 * n; ++i) {
    Value t[3] = {i % 1000, i / 1000, i};
    REQUIRE(rel.find(t) == i);
  }
  CHECK(rows_of_key(7).size() == 2 * n / 1000);
}
