#include <catch2/catch.hpp>

#include "nogood/diagnostics.hpp"

using namespace nogood;

TEST_CASE("line and column count characters, not bytes") {
  SourceManager sm;
  auto id = sm.add("a.rules", "pred p(x: entity).\nrole(\"خالد المسعود\", X).\n");
  auto lc = sm.line_col(id, 0);
  CHECK(lc.line == 1);
  CHECK(lc.column == 1);
  auto const& text = sm.file(id).text;
  auto x = text.find("X)");
  lc = sm.line_col(id, static_cast<std::uint32_t>(x));
  CHECK(lc.line == 2);
  CHECK(lc.column == 22);  // `role("` is 6, the name 12, `", ` 3
  CHECK(sm.line_text(id, 2) == "role(\"خالد المسعود\", X).");
}

TEST_CASE("combining marks share the column of their base letter") {
  SourceManager sm;
  auto id = sm.add("h", "שָׁלוֹם x");  // niqqud are combining marks
  auto x = sm.file(id).text.find('x');
  CHECK(sm.line_col(id, static_cast<std::uint32_t>(x)).column == 6);
}

TEST_CASE("the sink keeps up to its limit and counts the rest") {
  Diagnostics diags(2);
  for (int i = 0; i < 5; ++i) diags.report(make_error("E0001", "boom"));
  diags.report(make_warning("W0001", "hm"));
  CHECK(diags.all().size() == 2);
  CHECK(diags.error_count() == 5);
  CHECK(diags.warning_count() == 1);
  CHECK(diags.dropped() == 4);
  CHECK(diags.has_errors());
}

TEST_CASE("the same finding at the same place is one diagnostic") {
  Diagnostics diags;
  Span at{0, 3, 7};
  for (int i = 0; i < 3; ++i) diags.report(make_error("E0209", "unsafe variable `X`").with_primary(at, "here"));
  diags.report(make_error("E0209", "unsafe variable `X`").with_primary(Span{0, 9, 10}, "elsewhere"));
  diags.report(make_error("E0209", "unsafe variable `Y`").with_primary(at, "another finding"));
  diags.report(make_error("E0001", "no place"));
  diags.report(make_error("E0001", "no place"));
  CHECK(diags.all().size() == 5);
  CHECK(diags.error_count() == 5);
}

TEST_CASE("closest_match suggests near names only") {
  std::vector<std::string_view> names{"role", "captured_at", "member_of"};
  CHECK(closest_match("rol", names) == "role");
  CHECK(closest_match("captured_in", names) == "captured_at");
  CHECK(closest_match("zzz", names).empty());
}

TEST_CASE("closest_match counts a swap of two neighbours as one edit") {
  CHECK(closest_match("chekc", {"check", "explain", "lint"}) == "check");
  CHECK(closest_match("qoute", {"quote", "pred", "args"}) == "quote");
  CHECK(closest_match("wrie", {"daily", "wire"}) == "wire");
  CHECK(closest_match("ab", {"ba"}) == "ba");
  CHECK(closest_match("abcd", {"dcba"}).empty());
}
