#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "nogood/engine/compact_string.hpp"
#include "nogood/engine/corpus.hpp"

using nogood::engine::CompactString;

TEST_CASE("a compact string holds short and long text, and empty") {
  CompactString none;
  CHECK(none.empty());
  CHECK(none.view() == "");
  CompactString short_id("p7325"), seven("1234567"), eight("12345678"), outlet("Outlet 12345");
  CHECK(short_id == "p7325");
  CHECK(seven.size() == 7);
  CHECK(eight == std::string("12345678"));
  CHECK(outlet.view() == "Outlet 12345");
  CHECK(std::string("a ") + outlet == "a Outlet 12345");
  CHECK("`" + short_id + "`" == "`p7325`");
  CHECK(outlet < short_id);  // byte order, as std::string compares
  CHECK(short_id != outlet);
}

TEST_CASE("a compact string copies, moves and reassigns, itself included") {
  CompactString a("a title longer than seven");
  CompactString b = a;
  CHECK(b == a);
  CompactString c = std::move(a);
  CHECK(c == "a title longer than seven");
  CHECK(a.empty());
  c = c.view().substr(2);
  CHECK(c == "title longer than seven");
  c = "x";
  CHECK(c == "x");
  std::vector<CompactString> many(100, b);
  many.resize(1000);
  CHECK(many[99] == b);
  CHECK(many[999].empty());
}

TEST_CASE("an entity without names or joins keeps none, one with them copies them") {
  nogood::engine::Entity bare{"o12", "organisation"};
  CHECK(bare.names().empty());
  CHECK(bare.joins().empty());
  bare.add_name({"en", "Twelve", 0});
  auto copy = bare;
  REQUIRE(copy.names().size() == 1);
  CHECK(copy.names().front().name == "Twelve");
  CHECK(copy.type == "organisation");
}
