#include <catch2/catch.hpp>

#include <string>

#include "nogood/facts/id_table.hpp"

using nogood::facts::IdTable;

TEST_CASE("an id table finds what was inserted and nothing else") {
  IdTable t;
  CHECK(t.empty());
  CHECK_FALSE(t.find("p1"));
  REQUIRE(t.insert("p1", 7));
  REQUIRE(t.insert("p10", 8));
  REQUIRE(t.insert("", 9));  // the empty id is a key like any other
  REQUIRE(t.insert("a-rather-long-entity-id-of-more-than-eight-bytes", 10));
  CHECK(t.size() == 4);
  CHECK(t.find("p1") == 7u);
  CHECK(t.find("p10") == 8u);
  CHECK(t.find("") == 9u);
  CHECK(t.find("a-rather-long-entity-id-of-more-than-eight-bytes") == 10u);
  CHECK_FALSE(t.find("p"));
  CHECK_FALSE(t.find("p100"));
  CHECK_FALSE(t.find("a-rather-long-entity-id-of-more-than-eight-byte"));
  CHECK(t.contains("p10"));
  CHECK_FALSE(t.contains("P10"));
}

TEST_CASE("an id table keeps the first value of a key inserted twice") {
  IdTable t;
  REQUIRE(t.insert("s1", 1));
  CHECK_FALSE(t.insert("s1", 2));
  CHECK(t.find("s1") == 1u);
  CHECK(t.size() == 1);
}

TEST_CASE("an id table grows and lists its keys in insertion order") {
  IdTable t;
  std::size_t const n = 50000;
  for (std::size_t i = 0; i < n; ++i) REQUIRE(t.insert("e" + std::to_string(i), static_cast<std::uint32_t>(i)));
  CHECK(t.size() == n);
  for (std::size_t i = 0; i < n; i += 97) CHECK(t.find("e" + std::to_string(i)) == static_cast<std::uint32_t>(i));
  CHECK_FALSE(t.find("e" + std::to_string(n)));
  CHECK_FALSE(t.insert("e123", 0));
  auto keys = t.keys();
  REQUIRE(keys.size() == n);
  CHECK(keys.front() == "e0");
  CHECK(keys[4711] == "e4711");
  CHECK(keys.back() == "e" + std::to_string(n - 1));
}

TEST_CASE("ids differing in one byte hash apart") {
  CHECK(IdTable::hash("p16276") != IdTable::hash("p16277"));
  CHECK(IdTable::hash("abcdefgh1") != IdTable::hash("abcdefgh2"));
  CHECK(IdTable::hash("") != IdTable::hash(std::string_view("\0", 1)));
}
