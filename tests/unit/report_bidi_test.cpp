// cli/bidi: where right-to-left runs are, so reports can isolate them.
#include <catch2/catch.hpp>

#include "bidi.hpp"

using namespace nogood::report;

namespace {
std::string joined(std::vector<TextRun> const& runs) {
  std::string out;
  for (auto const& r : runs) out += (r.rtl ? "[" : "") + std::string(r.text) + (r.rtl ? "]" : "");
  return out;
}
}  // namespace

TEST_CASE("right-to-left runs span the words between strong right-to-left letters") {
  auto text = GENERATE(table<std::string, std::string>({
      {"role(خالد المسعود, informant) @ ap-ar", "role([خالد المسعود], informant) @ ap-ar"},
      {"חאלד אל-מסעוד היה", "[חאלד אל-מסעוד היה]"},
      {"قتل 3 أشخاص in the raid", "[قتل 3 أشخاص] in the raid"},
      {"plain English only", "plain English only"},
      {"", ""},
      {"a دمشق b תל אביב c", "a [دمشق] b [תל אביב] c"},
  }));
  CHECK(joined(split_rtl_runs(std::get<0>(text))) == std::get<1>(text));
}

TEST_CASE("runs put together give the text back, invalid UTF-8 included") {
  std::string text = "x \xff خالد \xc3 y";
  std::string back;
  for (auto const& r : split_rtl_runs(text)) back += r.text;
  CHECK(back == text);
}

TEST_CASE("isolates wrap right-to-left runs and only them") {
  CHECK(has_rtl("אל־מסעוד"));
  CHECK(has_rtl("x خ"));
  CHECK_FALSE(has_rtl("Khaled al-Masoud 12"));
  CHECK(isolate_rtl_runs("P = خالد.") == "P = \u2068خالد\u2069.");
  CHECK(isolate_if_rtl("Khaled") == "Khaled");
  CHECK(isolate_if_rtl("خالد") == "\u2068خالد\u2069");
  CHECK(first_strong_isolate("abc") == "\u2068abc\u2069");
}
