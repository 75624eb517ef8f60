#include "nogood/report/entities.hpp"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "bidi.hpp"

namespace nogood::report {

using json = nlohmann::ordered_json;

namespace {

constexpr char const* corpus_file = "entities.json";

std::string source_name(engine::Corpus const& c, std::uint32_t s) { return s == engine::no_source ? corpus_file : c.sources[s].id.str(); }

// One name, once, with every source that wrote it.
struct NameRow {
  std::string language, name;
  std::vector<std::uint32_t> sources;
};

std::vector<NameRow> names_of(engine::Entity const& e) {
  std::vector<NameRow> rows;
  for (auto const& n : e.names()) {
    auto it = std::find_if(rows.begin(), rows.end(), [&](NameRow const& r) { return r.language == n.language && r.name == n.name; });
    if (it == rows.end()) rows.push_back({n.language, n.name, {n.source}});
    else if (std::find(it->sources.begin(), it->sources.end(), n.source) == it->sources.end()) it->sources.push_back(n.source);
  }
  // By language; within one, in the order the sources were loaded.
  std::stable_sort(rows.begin(), rows.end(), [](NameRow const& a, NameRow const& b) { return a.language < b.language; });
  return rows;
}

bool involves(engine::Entity const& e, std::uint32_t source) {
  return std::any_of(e.names().begin(), e.names().end(), [&](auto const& n) { return n.source == source; });
}

}  // namespace

EntitySelection select_entities(engine::Corpus const& c, std::vector<std::uint32_t> const& sources) {
  EntitySelection out;
  for (std::uint32_t e = 0; e < c.entities.size(); ++e)
    if (sources.empty() || std::any_of(sources.begin(), sources.end(), [&](auto s) { return involves(c.entities[e], s); })) out.entities.push_back(e);
  for (std::size_t i = 0; i < c.ambiguous.size(); ++i)
    if (sources.empty() || std::find(sources.begin(), sources.end(), c.ambiguous[i].source) != sources.end()) out.ambiguous.push_back(i);
  for (std::size_t i = 0; i < c.lonely.size(); ++i)
    if (sources.empty() || std::find(sources.begin(), sources.end(), c.lonely[i].source) != sources.end()) out.lonely.push_back(i);
  return out;
}

std::string render_entities_text(engine::Corpus const& c, EntitySelection const& selection, Style const& style, bool quiet) {
  auto const& entities = selection.entities;
  auto const& ambiguous = selection.ambiguous;
  std::string out;
  std::size_t joined = 0, joins = 0;
  for (auto e : entities) {
    auto const& entity = c.entities[e];
    joined += entity.joins().empty() ? 0 : 1;
    joins += entity.joins().size();
    if (quiet) continue;
    out += style.bold(entity.id.str()) + (entity.type.empty() ? "" : " (" + entity.type + ")") + "\n";
    auto rows = names_of(entity);
    if (rows.empty()) out += "  " + style.dim("named only in the rules") + "\n";
    for (auto const& r : rows) {
      std::string where;
      for (auto s : r.sources) where += (where.empty() ? "" : ", ") + source_name(c, s);
      out += "  " + style.cyan(r.language.empty() ? "??" : r.language) + "  " + isolate_if_rtl(r.name) + "  " + style.dim(where) + "\n";
    }
    for (auto const& j : entity.joins())
      out += "  " + style.dim("joined") + " \u201c" + isolate_if_rtl(j.name_a) + "\u201d (" + source_name(c, j.source_a) + ") and \u201c" +
             isolate_if_rtl(j.name_b) + "\u201d (" + source_name(c, j.source_b) + "): " + isolate_rtl_runs(j.why) + "\n";
    out += "\n";
  }
  if (!ambiguous.empty() && !quiet) {
    out += style.bold("ambiguous names") + ", never joined:\n";
    for (auto i : ambiguous) {
      auto const& a = c.ambiguous[i];
      out += "  \u201c" + isolate_if_rtl(a.name) + "\u201d in " + source_name(c, a.source) + " could be";
      for (std::size_t k = 0; k < a.candidates.size(); ++k)
        out += std::string(k ? "," : "") + " " + c.entities[a.candidates[k]].id + " (" + isolate_if_rtl(c.display_name(a.candidates[k], selection.language)) + ")";
      out += "\n";
    }
    out += "\n";
  }
  if (!selection.lonely.empty() && !quiet) {
    out += style.bold("named by one source only") + ", with close names elsewhere (not joined):\n";
    for (auto i : selection.lonely) {
      auto const& l = c.lonely[i];
      out += "  " + c.entities[l.entity].id + " (" + isolate_if_rtl(c.display_name(l.entity, selection.language)) + ") in " + source_name(c, l.source) + " is close to";
      for (std::size_t k = 0; k < l.candidates.size(); ++k) {
        char score[16];
        std::snprintf(score, sizeof score, "%.2f", l.scores[k]);
        out += std::string(k ? "," : "") + " " + c.entities[l.candidates[k]].id + " (" + isolate_if_rtl(c.display_name(l.candidates[k], selection.language)) + ", " + score + ")";
      }
      out += "\n";
    }
    out += "\n";
  }
  auto count = [](std::size_t n, char const* one, char const* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
  out += style.bold("summary") + ": " + count(entities.size(), "entity", "entities") + ", " + std::to_string(joined) + " joined from several names (" + count(joins, "join", "joins") + "), " + count(ambiguous.size(), "ambiguous name", "ambiguous names") + (selection.lonely.empty() ? "" : ", " + count(selection.lonely.size(), "entity named by one source only, close to another", "entities named by one source only, close to others")) + "\n";
  return out;
}

std::string render_entities_json(engine::Corpus const& c, EntitySelection const& selection) {
  auto const& entities = selection.entities;
  auto const& ambiguous = selection.ambiguous;
  auto source_json = [&](std::uint32_t s) { return s == engine::no_source ? json(nullptr) : json(c.sources[s].id); };
  json list = json::array();
  std::size_t joined = 0, joins = 0;
  for (auto e : entities) {
    auto const& entity = c.entities[e];
    json names = json::array();
    for (auto const& r : names_of(entity)) {
      json sources = json::array();
      bool corpus = false;
      for (auto s : r.sources) {
        if (s == engine::no_source) corpus = true;
        else sources.push_back(c.sources[s].id);
      }
      names.push_back(json{{"language", r.language}, {"name", r.name}, {"sources", sources}, {"corpus", corpus}});
    }
    json js = json::array();
    for (auto const& j : entity.joins())
      js.push_back(json{{"a", json{{"name", j.name_a}, {"source", source_json(j.source_a)}}},
                        {"b", json{{"name", j.name_b}, {"source", source_json(j.source_b)}}},
                        {"why", j.why}});
    joined += entity.joins().empty() ? 0 : 1;
    joins += entity.joins().size();
    list.push_back(json{{"id", entity.id}, {"type", entity.type}, {"display", std::string(c.display_name(e, selection.language))}, {"names", names}, {"joins", js}});
  }
  json amb = json::array();
  for (auto i : ambiguous) {
    auto const& a = c.ambiguous[i];
    json candidates = json::array();
    for (auto e : a.candidates) candidates.push_back(json{{"id", c.entities[e].id}, {"display", std::string(c.display_name(e, selection.language))}});
    amb.push_back(json{{"name", a.name}, {"source", source_json(a.source)}, {"candidates", candidates}});
  }
  json lone = json::array();
  for (auto i : selection.lonely) {
    auto const& l = c.lonely[i];
    json candidates = json::array();
    for (std::size_t k = 0; k < l.candidates.size(); ++k)
      candidates.push_back(json{{"id", c.entities[l.candidates[k]].id}, {"display", std::string(c.display_name(l.candidates[k], selection.language))},
                                {"similarity", l.scores[k]}, {"why", l.reasons[k]}});
    lone.push_back(json{{"id", c.entities[l.entity].id}, {"source", source_json(l.source)}, {"candidates", candidates}});
  }
  json out{{"entities", list},
           {"ambiguous", amb},
           {"lonely", lone},
           {"summary", json{{"entities", entities.size()}, {"joined", joined}, {"joins", joins}, {"ambiguous", ambiguous.size()},
                            {"lonely", selection.lonely.size()}}}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}


}  // namespace nogood::report
