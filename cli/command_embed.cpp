// nogood embed REPORT [CORPUS]: fills the marked regions of a Markdown or HTML report with the
// current verdicts, in the report's format (see embed_regions.hpp for the markers). Exit codes:
// 0 written (or, with --check, already current), 1 with --check when a region would change,
// 2 bad input: an unreadable report, malformed regions, a region naming an unknown rule or verdict.
// An id region whose verdict went away since it was filled says so, with the date, rather than failing.
// The report is written atomically, and not at all on any error.
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "nogood/report/fragments.hpp"
#include "embed_regions.hpp"
#include "pipeline.hpp"
#include "render_diagnostics.hpp"
#include "verdict_filter.hpp"

namespace nogood::cli {

using namespace nogood::report;

namespace {

std::optional<std::string> read_whole(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return ss.str();
}

std::string format_of(std::string const& path, std::string const& given) {
  if (given == "markdown" || given == "html") return given;
  auto dot = path.rfind('.');
  auto ext = dot == std::string::npos ? std::string() : path.substr(dot);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".md" || ext == ".markdown") return "markdown";
  if (ext == ".html" || ext == ".htm") return "html";
  return {};
}

// What fills a region: blank lines around the content keep Markdown blocks apart from the markers.
std::string region_content(Session const& s, Region const& r, std::vector<Verdict const*> const& shown, bool markdown, Anchors& anchors) {
  std::vector<Verdict const*> chosen;
  for (auto const* v : shown)
    if (r.selector == Region::Selector::all || (r.selector == Region::Selector::rule && v->rule() == r.value) ||
        (r.selector == Region::Selector::id && v->id() == r.value))
      chosen.push_back(v);
  std::string body;
  if (r.selector == Region::Selector::all) {
    body = markdown ? render_markdown_summary(s, chosen) : render_html_summary(s, chosen, anchors);
    if (!chosen.empty()) body += "\n";
  } else if (chosen.empty()) {
    body = markdown ? "No verdicts of rule `" + r.value + "`.\n" : "<p>No verdicts of rule <code>" + html_escape(r.value) + "</code>.</p>\n";
  }
  body += markdown ? render_markdown_verdicts(s, chosen, anchors) : render_html_verdicts(s, chosen, anchors);
  if (!markdown) body = html_fragment(body);
  return "\n" + body + "\n";
}

// A region's old content names its verdict: the verdict was shown there by an earlier run.
bool held_before(std::string_view text, Region const& r) {
  return text.substr(r.content_begin, r.content_end - r.content_begin).find(r.value) != std::string_view::npos;
}

constexpr std::string_view resolved_class = "nogood-resolved";

// What an id region holds once its verdict no longer occurs. A region that already says so keeps
// its text (and its date), so a report stays current until the verdict comes back.
std::string resolved_content(std::string_view text, Region const& r, bool markdown) {
  auto old = text.substr(r.content_begin, r.content_end - r.content_begin);
  if (old.find(resolved_class) != std::string_view::npos) {
    std::string kept(old);
    if (r.newline == "\r\n") std::erase(kept, '\r');
    return kept;
  }
  auto day = run_date();
  if (markdown)
    return "\n<span class=\"" + std::string(resolved_class) + "\">**Resolved:**</span> verdict `" + r.value +
           "` no longer occurs (checked " + day + ").\n\n";
  return "\n<p class=\"" + std::string(resolved_class) + "\"><strong>Resolved:</strong> verdict <code>" +
         html_escape(r.value) + "</code> no longer occurs (checked " + day + ").</p>\n\n";
}

// Regions naming a rule the rules do not define, or a verdict this run did not find (E0007). An id
// region whose verdict went away (its old content names it, and no filter hides it) is resolved.
std::vector<bool> check_selectors(Session const& s, std::string_view text, std::vector<Region> const& regions,
                                  std::vector<Verdict const*> const& shown, Diagnostics& diags) {
  std::vector<std::string> shown_ids, every_id;  // verdict ids are built on demand: kept here
  for (auto const* v : shown) shown_ids.push_back(v->id());
  for (auto const& v : s.verdicts()) every_id.push_back(v.id());
  std::vector<std::string_view> rules, ids(shown_ids.begin(), shown_ids.end()), all_ids(every_id.begin(), every_id.end());
  for (auto const& c : s.program().constraints) rules.push_back(c.name);
  std::vector<bool> resolved(regions.size(), false);
  for (std::size_t i = 0; i < regions.size(); ++i) {
    auto const& r = regions[i];
    if (r.selector == Region::Selector::all) continue;
    auto const& known = r.selector == Region::Selector::rule ? rules : ids;
    if (std::find(known.begin(), known.end(), r.value) != known.end()) continue;
    bool rule = r.selector == Region::Selector::rule;
    bool filtered = !rule && std::find(all_ids.begin(), all_ids.end(), r.value) != all_ids.end();
    if (!rule && !filtered && held_before(text, r)) {
      resolved[i] = true;
      continue;
    }
    auto d = make_error("E0007", rule ? "no constraint is named `" + r.value + "`" : "no verdict has the id `" + r.value + "`");
    auto value = r.argument;
    value.begin += rule ? 5 : 3;  // past `rule=` or `id=`
    d.with_primary(value, rule ? "unknown rule" : filtered ? "hidden by a filter" : "unknown verdict");
    auto near = closest_match(r.value, known);
    if (filtered) d.with_note("the verdict occurs, but --severity, --source or --rule hides it")
                      .with_help("run without the filter that hides it, or remove the region");
    else if (!near.empty()) d.with_help("did you mean `" + near + "`?");
    else if (rule) d.with_help("the constraints are named in the rules: `constraint NAME ...`, `unique ... as NAME`");
    else d.with_note("the region never held this verdict, so it cannot be shown as resolved")
             .with_help("`nogood check` prints each verdict's id on its last line");
    diags.report(std::move(d));
  }
  return resolved;
}

}  // namespace

int print_embed_help() {
  std::cout << "nogood embed: fill the marked regions of a Markdown or HTML report with current verdicts\n\n"
               "usage: nogood embed REPORT.md|REPORT.html [CORPUS] [--rules FILE]... [--facts FILE]... [--check] [options]\n\n"
               "  a region is a pair of lines, filled with the report's own format:\n"
               "    <!-- nogood:begin all -->          a summary and every verdict\n"
               "    <!-- nogood:begin rule=NAME -->    the verdicts of one constraint\n"
               "    <!-- nogood:begin id=VERDICT_ID --> one verdict\n"
               "    <!-- nogood:end -->\n"
               "  text outside the regions is never changed; running it twice changes nothing more\n\n"
               << corpus_inputs_help <<
               "  --check              change nothing; exit 1 when a region is out of date\n"
               "  --output FILE        write the filled report there (- for standard output) instead of in place\n"
               "  --format FORMAT      markdown or html, when the extension does not say\n"
               "  --severity LEVEL     only verdicts at or above: error, warning, info (default info)\n"
               "  --rule NAME          only verdicts of this constraint (repeatable)\n"
               "  --source ID          only verdicts involving this source (repeatable)\n"
               "  --color WHEN         auto, always or never (NO_COLOR is honoured)\n"
               "  --lang CODE          language of entity names in messages (default en)\n"
               "  --quiet              say nothing when all is well\n"
               "  --max-facts N, --max-seconds S, --max-memory SIZE, --threads N   limits, as for check\n"
               "  --engine URI         evaluate on PostgreSQL, as for check\n\n"
               "exit: 0 written or current, 1 out of date (--check), 2 bad input or usage\n"
               "example: nogood embed report.md examples/syria-raid --check\n";
  return 0;
}

int run_embed(std::vector<std::string> const& args) {
  CommonOptions o;
  if (auto err = parse_options(args, o)) return usage_error("embed", *err);
  if (o.help) return print_embed_help();
  if (auto err = reject_inapplicable(o, "embed", applicable_options("embed"))) return usage_error("embed", *err);
  if (o.positional.empty()) return usage_error("embed", "which report? give a .md or .html file with `<!-- nogood:begin all -->` regions");
  if (o.positional.size() > 2) return usage_error("embed", "embed takes a report and one corpus folder, got " + std::to_string(o.positional.size()) + " arguments");
  if (o.check && o.output) return usage_error("embed", "--check changes nothing, so it takes no --output");
  auto const report = o.positional[0];
  auto format = format_of(report, o.format);
  if (format.empty())
    return usage_error("embed", "cannot tell the format of `" + report + "` from its extension; name it .md or .html, or pass --format markdown|html");
  bool markdown = format == "markdown";
  auto style = make_style(o.color, 2);

  auto text = read_whole(report);
  if (!text) {
    std::cerr << style.red("error[E0008]") << ": cannot read the report `" << report << "`: " << std::strerror(errno) << "\n";
    return 2;
  }
  // Region errors first: they need no evaluation, and nothing is written when there are any.
  SourceManager files;
  Diagnostics diags;
  auto file = files.add(report, *text);
  auto regions = find_regions(files, file, markdown, diags);
  if (diags.has_errors()) {
    std::cerr << render_diagnostics_text(diags, files, style);
    return 2;
  }

  Session& session = keep_until_exit(session_options(o));
  auto inputs = gather_inputs(o, 1, session);
  if (!inputs || !run_stages(session, *inputs, o, Until::verdicts)) {
    print_diagnostics(session, o);
    return 2;
  }
  print_diagnostics(session, o);  // warnings
  if (auto err = unknown_filter(session, o)) return usage_error("embed", *err);
  session.find_source_nogoods();
  auto shown = select_verdicts(session, o);
  auto resolved = check_selectors(session, *text, regions, shown, diags);
  if (diags.has_errors()) {
    std::cerr << render_diagnostics_text(diags, files, style);
    return 2;
  }

  std::vector<std::string> contents;
  std::vector<std::size_t> changed;
  Anchors anchors;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    contents.push_back(resolved[i] ? resolved_content(*text, regions[i], markdown)
                                   : defuse_markers(region_content(session, regions[i], shown, markdown, anchors)));
    auto const& r = regions[i];
    auto old = std::string_view(*text).substr(r.content_begin, r.content_end - r.content_begin);
    if (region_text(r, contents.back()) != old) changed.push_back(i);
  }
  auto filled = fill_regions(*text, regions, contents);
  auto count = [](std::size_t n, char const* what) { return std::to_string(n) + " " + what + (n == 1 ? "" : "s"); };

  if (regions.empty() && !o.quiet)
    std::cerr << style.yellow("warning") << ": `" << report << "` has no regions to fill\n   = help: mark one with a line `<!-- nogood:begin all -->` and a line `<!-- nogood:end -->`\n";
  if (o.check) {
    if (changed.empty()) {
      if (!o.quiet) std::cout << report << ": up to date (" << count(regions.size(), "region") << ")\n";
      return 0;
    }
    std::cerr << style.red("out of date") << ": `" << report << "`: " << changed.size() << " of " << count(regions.size(), "region") << " would change\n";
    for (auto i : changed) std::cerr << "  " << report << ":" << regions[i].line << ": <!-- nogood:begin " << describe(regions[i]) << " -->\n";
    std::vector<std::string> rerun;
    for (auto const& a : args)
      if (a != "--check") rerun.push_back(a);
    std::cerr << "   = help: to update it, run `" << manifest_command_line(Manifest{"", {}, rerun, "embed", {}, {}}) << "`\n";
    return 1;
  }
  if (o.output && *o.output == "-") {
    std::cout << filled;
    return 0;
  }
  auto target = o.output ? *o.output : report;
  if (target != report || filled != *text) {
    if (auto err = write_atomically(target, filled); !err.empty()) {
      std::cerr << style.red("error[E0004]") << ": " << err << "\n   = help: check that the folder exists and is writable\n";
      return 2;
    }
  }
  if (!o.quiet) {
    auto gone = static_cast<std::size_t>(std::count(resolved.begin(), resolved.end(), true));
    std::cout << target << ": " << count(regions.size(), "region") << ", " << changed.size() << " changed, " << count(shown.size(), "verdict");
    if (gone) std::cout << ", " << gone << " resolved";
    std::cout << "\n";
  }
  return 0;
}

}  // namespace nogood::cli
