#include "render_html_index.hpp"

#include <set>

#include "render_html.hpp"

namespace nogood::report {

namespace {

constexpr char const* filter_script = R"js(
(function () {
  var form = document.getElementById("filters");
  if (!form) return;
  form.hidden = false;
  var rank = { info: 0, warning: 1, error: 2 };
  var items = document.querySelectorAll("[data-severity]");
  function apply() {
    var severity = form.elements.severity.value, rule = form.elements.rule.value;
    var source = form.elements.source.value, text = form.elements.text.value.toLowerCase();
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var e = items[i], d = e.dataset;
      var ok = rank[d.severity] >= rank[severity] && (!rule || d.rule === rule) &&
               (!source || d.sources.indexOf("|" + source + "|") >= 0) &&
               (!text || e.textContent.toLowerCase().indexOf(text) >= 0);
      e.hidden = !ok;
      if (ok && e.tagName === "TR") shown++;
    }
    document.getElementById("shown").textContent = shown;
  }
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  function openAll(open) {
    var all = document.querySelectorAll("details.verdict-body");
    for (var i = 0; i < all.length; i++) all[i].open = open;
  }
  document.getElementById("expand").addEventListener("click", function () { openAll(true); });
  document.getElementById("collapse").addEventListener("click", function () { openAll(false); });
  apply();
})();
)js";

}  // namespace

std::string verdict_data_attributes(Session const& s, Verdict const& v) {
  std::string sources = "|";
  for (auto src : v.sources()) sources += s.corpus().sources[src].id + "|";
  return " data-severity=\"" + std::string(engine::to_string(v.severity)) + "\" data-rule=\"" + html_escape(v.rule()) +
         "\" data-sources=\"" + html_escape(sources) + "\"";
}

std::string render_html_index(Session const& s, std::vector<Verdict const*> const& verdicts, bool linked, Anchors& anchors) {
  std::string out = "<table class=\"index\">\n<thead><tr><th>Severity</th><th>Rule</th><th>Verdict</th><th>Sources</th></tr></thead>\n<tbody>\n";
  for (auto const* v : verdicts) {
    auto severity = std::string(engine::to_string(v->severity));
    std::string sources;
    auto const ids = v->sources();
    for (std::size_t i = 0; i < ids.size(); ++i) sources += (i ? ", " : "") + html_isolated(s.corpus().sources[ids[i]].id);
    // A page without the verdicts in full anchors each row, so links to an id still land.
    std::string anchor = !linked && anchors.insert(v->id()).second ? " id=\"" + html_escape(v->id()) + "\"" : "";
    out += "<tr class=\"" + severity + "\"" + anchor + verdict_data_attributes(s, *v) + "><td class=\"severity\">" + severity +
           "</td><td><code>" + html_escape(v->rule()) + "</code></td><td>" + (s.acceptance(*v) ? "<span class=\"accepted-mark\">accepted</span> " : "") +
           (s.baseline() ? "<span class=\"change-mark\">" + std::string(v->in_baseline ? "unchanged" : "new") + "</span> " : "");
    if (linked) out += "<a href=\"#" + html_escape(v->id()) + "\">" + html_isolated(s.message(*v)) + "</a>";
    else out += html_isolated(s.message(*v)) + "<br><code class=\"id\">" + html_escape(v->id()) + "</code>";
    out += "</td><td>" + sources + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string render_html_filters(Session const& s, std::vector<Verdict const*> const& verdicts) {
  std::set<std::string> rules, sources;
  for (auto const* v : verdicts) {
    rules.emplace(v->rule());
    for (auto src : v->sources()) sources.insert(s.corpus().sources[src].id.str());
  }
  std::string out = "<form id=\"filters\" hidden>\n";
  out += "<label>Severity <select name=\"severity\"><option value=\"info\">all</option><option value=\"warning\">warning and above</option>"
         "<option value=\"error\">error</option></select></label>\n";
  out += "<label>Rule <select name=\"rule\"><option value=\"\">all</option>";
  for (auto const& r : rules) out += "<option>" + html_escape(r) + "</option>";
  out += "</select></label>\n<label>Source <select name=\"source\"><option value=\"\">all</option>";
  for (auto const& src : sources) out += "<option>" + html_escape(src) + "</option>";
  out += "</select></label>\n<label>Text <input name=\"text\" type=\"search\" placeholder=\"a name, a word of a quote\"></label>\n";
  out += "<button type=\"button\" id=\"expand\">Expand all</button> <button type=\"button\" id=\"collapse\">Collapse all</button>\n";
  out += "<span class=\"shown\"><span id=\"shown\">" + std::to_string(verdicts.size()) + "</span> of " + std::to_string(verdicts.size()) +
         " verdicts shown</span>\n</form>\n";
  return out;
}

std::string html_filter_script() { return std::string("<script>") + filter_script + "</script>\n"; }

}  // namespace nogood::report
