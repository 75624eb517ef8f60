#include <catch2/catch.hpp>

#include "../../facts/src/jsonl_record.hpp"

using nogood::facts::detail::FactLine;
using nogood::facts::detail::FlatValue;
using nogood::facts::detail::read_fact_line;

TEST_CASE("plain fact lines are read without a JSON parser") {
  FactLine f;
  REQUIRE(read_fact_line(R"({"pred": "role", "source": "s17", "args": ["p12", "informant"]})", f));
  CHECK(f.pred == "role");
  REQUIRE(f.source);
  CHECK(*f.source == "s17");
  REQUIRE(f.args.size() == 2);
  CHECK(f.args[0].kind == FlatValue::Kind::string);
  CHECK(f.args[1].text == "informant");

  REQUIRE(read_fact_line(R"({"pred":"casualties","source":null,"args":["e1",-12,0],"by":"ministry","certainty":"alleged","quote":"خمسة","at":42,"negated":true})", f));
  CHECK_FALSE(f.source);
  CHECK(f.args[1].kind == FlatValue::Kind::integer);
  CHECK(f.args[1].number == -12);
  CHECK(f.args[2].number == 0);
  CHECK(f.by == "ministry");
  CHECK(f.has_certainty);
  CHECK(f.quote == "خمسة");
  CHECK(f.at == 42);
  CHECK(f.negated);

  REQUIRE(read_fact_line(R"(  { "pred" : "edge" , "args" : [ 1 , 2 ] }  )", f));
  CHECK(f.args.size() == 2);
}

TEST_CASE("anything but a plain fact line goes to the full loader") {
  FactLine f;
  char const* const cases[] = {
      R"({"source": {"id": "s1"}})",                          // a source record
      R"({"entity": {"id": "p1"}})",                          // an entity record
      R"({"pred": "role", "args": ["a\"b"]})",                // an escape
      R"({"pred": "age", "args": [1.5]})",                    // not an int
      R"({"pred": "age", "args": [1e3]})",
      R"({"pred": "age", "args": [01]})",                     // not JSON
      R"({"pred": "role", "args": [["nested"]]})",
      R"({"pred": "role", "args": ["a"], "extra": 1})",       // an unknown field
      R"({"pred": "role", "args": ["a"]} trailing)",
      R"({"pred": "role", "args": ["a"])",                    // cut short
      R"({"args": ["a"]})",                                   // no predicate
      R"({"pred": "role", "negated": "yes"})",
      "[1, 2]",
      "",
  };
  for (auto const* line : cases) {
    INFO(line);
    CHECK_FALSE(read_fact_line(line, f));
  }
}
