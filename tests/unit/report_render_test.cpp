// The report library's public API: a program that embeds nogood renders the same reports as the
// command line, in every format, into a sink of its own.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "nogood/report/report.hpp"
#include "nogood/session.hpp"

namespace {

struct Checked {
  nogood::Session session;
  std::vector<nogood::Verdict const*> verdicts;
};

void check_example(Checked& c) {
  nogood::Inputs in;
  in.rules_text.emplace_back("r.rules", R"(
pred role(person: entity, role: symbol).
label isis_leader "an ISIS leader".
constraint both "{S} calls {P} both" severity warning :- role(P, informant) @ S, role(P, isis_leader) @ S.
constraint twice "{P} is named twice" severity error :- role(P, informant) @ S, role(P, informant) @ T, S < T.
)");
  auto facts = [](std::string const& id) {
    return R"({"nogood": 1, "source": {"id": ")" + id + R"("}, "entities": [{"id": "k", "names": ["Khaled"]}],
              "facts": [{"pred": "role", "args": ["k", "informant"], "quote": "an informant"},
                        {"pred": "role", "args": ["k", "isis_leader"]}]})";
  };
  in.facts_text.emplace_back("a.json", facts("a"));
  in.facts_text.emplace_back("b.json", facts("b"));
  REQUIRE(c.session.load(in));
  REQUIRE(c.session.evaluate());
  c.session.build_verdicts();
  for (auto const& v : c.session.verdicts()) c.verdicts.push_back(&v);
}

std::string render(Checked const& c, nogood::report::ReportOptions const& options) {
  nogood::report::StringSink sink;
  nogood::report::Manifest manifest{"test", c.session.input_files(), {}, "check", {}, {}};
  nogood::report::render_report(c.session, c.verdicts, manifest, options, sink);
  return sink.text();
}

}  // namespace

TEST_CASE("report: every format renders through the library, errors first") {
  Checked c;
  check_example(c);
  REQUIRE(c.verdicts.size() == 3);
  nogood::report::sort_for_reading(c.verdicts);
  CHECK(c.verdicts.front()->rule() == "twice");

  nogood::report::ReportOptions options;
  auto text = render(c, options);
  CHECK(text.find("error[twice]: Khaled is named twice") == 0);
  CHECK(text.find("claims role(Khaled, an ISIS leader) @ a") != std::string::npos);  // the label
  CHECK(text.find("summary: 3 verdicts (1 error, 2 warnings) from 2 sources") != std::string::npos);

  options.layout = nogood::report::TextLayout::compact;
  auto compact = render(c, options);
  CHECK(std::count(compact.begin(), compact.end(), '\n') > 3);
  CHECK(compact.find("error   twice  Khaled is named twice  [a, b]  twice-") == 0);

  options.format = nogood::report::Format::json;
  auto doc = nlohmann::json::parse(render(c, options));
  CHECK(doc["schema"] == 2);
  CHECK(doc["verdicts"].size() == 3);
  CHECK(doc["verdicts"][0]["rule"] == "twice");

  options.format = nogood::report::Format::markdown;
  CHECK(render(c, options).find("# ") == 0);
  options.format = nogood::report::Format::html;
  auto page = render(c, options);
  CHECK(page.find("<!DOCTYPE html>") == 0);
  CHECK(page.find("<table class=\"index\">") != std::string::npos);
}

TEST_CASE("report: an explanation shows the whole proof") {
  Checked c;
  check_example(c);
  nogood::report::Manifest manifest{"test", {}, {}, "explain", {}, {}};
  auto text = nogood::report::render_explanation(c.session, *c.verdicts.front(), manifest, {});
  CHECK(text.find("  because\n") != std::string::npos);
  CHECK(text.find("id: ") != std::string::npos);
}
