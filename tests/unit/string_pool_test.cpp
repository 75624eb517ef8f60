#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "nogood/engine/string_pool.hpp"

using nogood::engine::StringPool;

TEST_CASE("a string pool gives each distinct string one dense id, and views that stay valid", "[values]") {
  StringPool pool;
  CHECK_FALSE(pool.find("p1"));
  auto const empty = pool.intern("");
  auto const first = pool.intern("p1");
  CHECK(pool.intern("p1") == first);
  CHECK(pool.find("p1") == first);
  CHECK(pool.find("") == empty);
  CHECK(pool.view(empty).empty());
  auto const before = pool.view(first);

  // Enough strings to grow the table and fill several character blocks, with names in three
  // scripts and one long enough for a block of its own.
  std::vector<std::string> texts;
  for (int i = 0; i < 50000; ++i) texts.push_back((i % 3 == 0 ? "قائد" : i % 3 == 1 ? "מפקד" : "leader") + std::to_string(i));
  texts.push_back(std::string(40000, 'x'));
  std::vector<std::uint32_t> ids;
  for (auto const& t : texts) ids.push_back(pool.intern(t));
  for (std::size_t i = 0; i < texts.size(); ++i) {
    CHECK(ids[i] == i + 2);
    CHECK(pool.view(ids[i]) == texts[i]);
    CHECK(pool.find(texts[i]) == ids[i]);
  }
  CHECK(pool.size() == texts.size() + 2);
  CHECK(before.data() == pool.view(first).data());
  CHECK(before == "p1");
  CHECK_FALSE(pool.find("leader1"));  // 1 % 3 == 1: that one was written in Hebrew
  CHECK(pool.find("מפקד1") == ids[1]);
}
