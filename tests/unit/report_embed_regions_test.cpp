// cli/embed_regions: finding the regions `nogood embed` fills, and refusing malformed ones.
#include <catch2/catch.hpp>

#include "embed_regions.hpp"

using namespace nogood;
using namespace nogood::cli;

namespace {

struct Found {
  std::vector<Region> regions;
  Diagnostics diags;
  SourceManager sources;
};

std::unique_ptr<Found> scan(std::string text, bool markdown = true) {
  auto f = std::make_unique<Found>();
  auto file = f->sources.add("report.md", std::move(text));
  f->regions = find_regions(f->sources, file, markdown, f->diags);
  return f;
}

std::string first_message(Found const& f) { return f.diags.all().empty() ? "" : f.diags.all().front().message; }
std::uint32_t first_line(Found const& f) {
  auto const& d = f.diags.all().front();
  return f.sources.line_col(d.primary->span.file, d.primary->span.begin).line;
}

}  // namespace

TEST_CASE("the three selectors, and what lies between the markers") {
  std::string text =
      "# Report\n"
      "<!-- nogood:begin all -->\n"
      "old\n"
      "<!-- nogood:end -->\n"
      "  <!--nogood:begin rule=capture_place-->  \n"
      "<!-- nogood:end -->\n"
      "<!-- nogood:begin id=informant_vs_leader-d800fe362066 -->\r\n"
      "x\r\n"
      "<!-- nogood:end -->\r\n"
      "tail";
  auto f = scan(text);
  REQUIRE_FALSE(f->diags.has_errors());
  REQUIRE(f->regions.size() == 3);
  CHECK(f->regions[0].selector == Region::Selector::all);
  CHECK(f->regions[0].line == 2);
  CHECK(text.substr(f->regions[0].content_begin, f->regions[0].content_end - f->regions[0].content_begin) == "old\n");
  CHECK(f->regions[1].selector == Region::Selector::rule);
  CHECK(f->regions[1].value == "capture_place");
  CHECK(f->regions[1].content_begin == f->regions[1].content_end);
  CHECK(f->regions[2].selector == Region::Selector::id);
  CHECK(f->regions[2].value == "informant_vs_leader-d800fe362066");
  CHECK(f->regions[2].newline == "\r\n");
  CHECK(describe(f->regions[1]) == "rule=capture_place");

  SECTION("filling changes only the regions, in the report's line endings, and again gives the same") {
    std::vector<std::string> contents{"A\n", "B\n", "C\nD\n"};
    auto once = fill_regions(text, f->regions, contents);
    CHECK(once ==
          "# Report\n<!-- nogood:begin all -->\nA\n<!-- nogood:end -->\n  <!--nogood:begin rule=capture_place-->  \nB\n<!-- nogood:end -->\n"
          "<!-- nogood:begin id=informant_vs_leader-d800fe362066 -->\r\nC\r\nD\r\n<!-- nogood:end -->\r\ntail");
    auto again = scan(once);
    CHECK(fill_regions(once, again->regions, contents) == once);
  }
}

TEST_CASE("markers inside Markdown code fences are text; other comments are ignored") {
  auto f = scan("```markdown\n<!-- nogood:begin all -->\n```\n~~~~\n<!-- nogood:end -->\n```\n~~~~\n<!-- a comment -->\n");
  CHECK_FALSE(f->diags.has_errors());
  CHECK(f->regions.empty());
  SECTION("but not in HTML, where there are no fences") {
    auto h = scan("```\n<!-- nogood:begin all -->\n```\n", false);
    CHECK(h->diags.has_errors());
  }
}

TEST_CASE("malformed regions are errors with the line they are on") {
  auto c = GENERATE(table<std::string, std::string, std::uint32_t>({
      {"a\n<!-- nogood:begin all -->\nb\n", "the region has no end", 2},
      {"<!-- nogood:end -->\n", "`<!-- nogood:end -->` without a region to end", 1},
      {"<!-- nogood:begin all -->\n<!-- nogood:begin rule=x -->\n<!-- nogood:end -->\n", "a region cannot begin inside another", 2},
      {"\n\n<!-- nogood:begin everything -->\n<!-- nogood:end -->\n", "unknown region selector `everything`", 3},
      {"<!-- nogood:begin rule= -->\n<!-- nogood:end -->\n", "unknown region selector `rule=`", 1},
      {"<!-- nogood:begin -->\n<!-- nogood:end -->\n", "the region says nothing of what it holds", 1},
      {"<!-- nogood:begin id=a id=b -->\n<!-- nogood:end -->\n", "one selector per region", 1},
      {"<!-- nogood:begn all -->\n", "unknown marker `nogood:begn`", 1},
      {"x <!-- nogood:begin all -->\n<!-- nogood:end -->\n", "a `nogood` marker must be a line of its own", 1},
      {"<!-- nogood:begin all\n", "the `nogood` marker is not closed", 1},
      {"<!-- nogood:begin all -->\n<!-- nogood:end all -->\n", "`nogood:end` takes no selector", 2},
  }));
  auto f = scan(std::get<0>(c));
  REQUIRE(f->diags.has_errors());
  CHECK(f->diags.all().front().code == "E0006");
  CHECK(first_message(*f) == std::get<1>(c));
  CHECK(first_line(*f) == std::get<2>(c));
}

TEST_CASE("a bad selector still pairs with its end, so one mistake is one error") {
  auto f = scan("<!-- nogood:begin nonsense -->\n<!-- nogood:end -->\n");
  CHECK(f->diags.error_count() == 1);
}

TEST_CASE("text inside a region cannot form a marker") {
  SECTION("Markdown's escaped `\\<!--` is text, inside a region and outside") {
    auto f = scan("\\<!-- nogood:begin all --\\>\n<!-- nogood:begin all -->\n  > \\<!-- nogood:end --\\>\n<!-- nogood:end -->\n");
    CHECK(f->diags.all().empty());
    REQUIRE(f->regions.size() == 1);
    CHECK(f->regions[0].line == 2);
  }
  SECTION("inside a region, a marker that does not start its line is content") {
    auto f = scan("<!-- nogood:begin all -->\n| outlet | <!-- nogood:end --> |\n<!-- nogood:end -->\n");
    CHECK(f->diags.all().empty());
    REQUIRE(f->regions.size() == 1);
    CHECK(f->regions[0].content_end == std::string("<!-- nogood:begin all -->\n| outlet | <!-- nogood:end --> |\n").size());
  }
  SECTION("outside regions, the same is still refused") {
    auto f = scan("text <!-- nogood:begin all -->\n");
    CHECK(first_message(*f) == "a `nogood` marker must be a line of its own");
  }
  SECTION("defuse_markers writes `<!--` as `&lt;!--`, except where Markdown escaped it") {
    CHECK(defuse_markers("<!-- nogood:end -->\n") == "&lt;!-- nogood:end -->\n");
    CHECK(defuse_markers("a <!--x<!--\n") == "a &lt;!--x&lt;!--\n");
    CHECK(defuse_markers("\\<!-- nogood:end --\\>") == "\\<!-- nogood:end --\\>");
    CHECK(defuse_markers("no comment") == "no comment");
    auto defused = defuse_markers("<!-- nogood:end -->\n");
    CHECK(scan("<!-- nogood:begin all -->\n" + defused + "<!-- nogood:end -->\n")->regions.size() == 1);
  }
}
