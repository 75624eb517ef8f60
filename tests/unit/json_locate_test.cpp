// facts/src/json_locate: where a JSON Pointer lands in the text, for located facts diagnostics.
#include <catch2/catch.hpp>

#include <string>

#include "../../facts/src/json_locate.hpp"

using nogood::facts::detail::JsonPart;
using nogood::facts::detail::locate_json_pointer;

namespace {
std::string at(std::string_view text, std::string_view pointer, JsonPart part = JsonPart::value) {
  auto r = locate_json_pointer(text, pointer, part);
  return r ? std::string(text.substr(r->first, r->second - r->first)) : "<none>";
}
}  // namespace

TEST_CASE("a pointer leads to its value, or to the key naming it") {
  std::string const doc = R"({ "source": {"id": "ap", "title": 3},
  "facts": [ {"pred": "role", "args": ["k", "x\"y"]}, {"a/b": 1, "m~n": [true, null]} ] })";
  CHECK(at(doc, "/source/id") == "\"ap\"");
  CHECK(at(doc, "/source/title") == "3");
  CHECK(at(doc, "/source/title", JsonPart::key) == "\"title\"");
  CHECK(at(doc, "/facts/0/args/1") == "\"x\\\"y\"");
  CHECK(at(doc, "/facts/1/a~1b") == "1");
  CHECK(at(doc, "/facts/1/m~0n/1") == "null");
  CHECK(at(doc, "/source") == "{\"id\": \"ap\", \"title\": 3}");
  // A value over several lines is shown by its first line.
  CHECK(at("{\"a\": [1,\n 2]}", "/a") == "[1,");
  // A value that ends on its own line is shown whole.
  CHECK(at(doc, "/facts") == "[ {\"pred\": \"role\", \"args\": [\"k\", \"x\\\"y\"]}, {\"a/b\": 1, \"m~n\": [true, null]} ]");
}

TEST_CASE("a pointer that leads nowhere locates nothing") {
  std::string const doc = R"({"a": [1, 2], "b": {"c": "d"}})";
  CHECK(at(doc, "/a/2") == "<none>");
  CHECK(at(doc, "/a/x") == "<none>");
  CHECK(at(doc, "/z") == "<none>");
  CHECK(at(doc, "/b/c/d") == "<none>");
  CHECK(at(doc, "a") == "<none>");
  CHECK(at("{\"a\": [1, ", "/a/3") == "<none>");
  CHECK(at("", "") == "<none>");
  CHECK(at("[[[[", "/0/0/0/0") == "<none>");
}
