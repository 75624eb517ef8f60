// Loose quote matching: what is normalised, where a loose match lies in the original text, and
// the differences shown.
#include <catch2/catch.hpp>

#include "nogood/facts/quotes.hpp"
#include "quote_normalise.hpp"

using namespace nogood::facts;

TEST_CASE("loose characters") {
  using detail::loose_char;
  auto [c, expected] = GENERATE(table<char32_t, char32_t>({{U'’', U'\''}, {U'״', U'"'}, {U'—', U'-'}, {U'־', U'-'}, {0xA0, U' '},
                                                           {0x064E, U'\0'}, {0x0640, U'\0'}, {0x05B7, U'\0'}, {0x200F, U'\0'},
                                                           {0x05C3, 0x05C3}, {U'ب', U'ب'}, {U'a', U'a'}}));
  CHECK(loose_char(c) == expected);
}

TEST_CASE("a loose match maps back to the original characters, marks included") {
  auto l = detail::loosen(U"كَتَبَ  في");
  CHECK(l.text == U"كتب في");
  CHECK(l.begin[0] == 0);
  CHECK(l.end[2] == 6);  // the last fatha belongs to the ب
  CHECK(l.end[3] == 8);  // two spaces are one
}

TEST_CASE("search: exact, loose, nearest, none") {
  Article a("He didn’t know — the raid began at dawn; the raid began at dawn.\nسطر ثانٍ");
  SECTION("every verbatim occurrence") {
    auto s = a.search("the raid began");
    CHECK(s.kind == QuoteSearch::Kind::exact);
    REQUIRE(s.passages.size() == 2);
    CHECK(nearest_to(s.passages, 40).at == s.passages[1].at);
    CHECK(nearest_to(s.passages, -1).at == s.passages[0].at);
  }
  SECTION("loose, with its differences by code point") {
    auto s = a.search("He didn't know - the");
    REQUIRE(s.kind == QuoteSearch::Kind::loose);
    CHECK(a.passage(s.passages[0]) == "He didn’t know — the");
    auto d = a.differences("He didn't know - the", s.passages[0]);
    REQUIRE(d.size() == 2);
    CHECK(d[0].quote == "'");
    CHECK(d[0].article == "’");
    CHECK(d[0].word == "didn’t");
    CHECK(describe_characters(d[0].article) == "’ (U+2019 RIGHT SINGLE QUOTATION MARK)");
  }
  SECTION("a missing word: the nearest passage") {
    auto s = a.search("He didn’t know the raid");
    CHECK(s.kind == QuoteSearch::Kind::nearest);
    CHECK(s.edits == 2);
  }
  SECTION("nothing close") { CHECK(a.search("xyzzy plugh frobozz").kind == QuoteSearch::Kind::none); }
  SECTION("lines and columns count code points") {
    auto s = a.search("ثانٍ");
    REQUIRE(s.kind == QuoteSearch::Kind::exact);
    CHECK(a.place(s.passages[0].at).line == 2);
    CHECK(a.place(s.passages[0].at).column == 5);
  }
}
