// nogood entities [CORPUS]: the entity resolution table. Each entity with its names by language
// and the sources that wrote them, why names were taken for one entity, and the names that were
// not joined because they match more than one entity. Exit codes: 0 printed, 2 bad input or usage.
#include <algorithm>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "bidi.hpp"
#include "commands.hpp"
#include "pipeline.hpp"

namespace nogood::cli {

namespace {

using json = nlohmann::ordered_json;
constexpr char const* corpus_file = "entities.json";

std::string source_name(engine::Corpus const& c, std::uint32_t s) { return s == engine::no_source ? corpus_file : c.sources[s].id; }

// One name, once, with every source that wrote it.
struct NameRow {
  std::string language, name;
  std::vector<std::uint32_t> sources;
};

std::vector<NameRow> names_of(engine::Entity const& e) {
  std::vector<NameRow> rows;
  for (auto const& n : e.names) {
    auto it = std::find_if(rows.begin(), rows.end(), [&](NameRow const& r) { return r.language == n.language && r.name == n.name; });
    if (it == rows.end()) rows.push_back({n.language, n.name, {n.source}});
    else if (std::find(it->sources.begin(), it->sources.end(), n.source) == it->sources.end()) it->sources.push_back(n.source);
  }
  // By language; within one, in the order the sources were loaded.
  std::stable_sort(rows.begin(), rows.end(), [](NameRow const& a, NameRow const& b) { return a.language < b.language; });
  return rows;
}

bool involves(engine::Entity const& e, std::uint32_t source) {
  return std::any_of(e.names.begin(), e.names.end(), [&](auto const& n) { return n.source == source; });
}

std::string text_table(engine::Corpus const& c, std::vector<std::uint32_t> const& entities, std::vector<std::size_t> const& ambiguous,
                       Style const& style, bool quiet) {
  std::string out;
  std::size_t joined = 0, joins = 0;
  for (auto e : entities) {
    auto const& entity = c.entities[e];
    joined += entity.joins.empty() ? 0 : 1;
    joins += entity.joins.size();
    if (quiet) continue;
    out += style.bold(entity.id) + (entity.type.empty() ? "" : " (" + entity.type + ")") + "\n";
    auto rows = names_of(entity);
    if (rows.empty()) out += "  " + style.dim("named only in the rules") + "\n";
    for (auto const& r : rows) {
      std::string where;
      for (auto s : r.sources) where += (where.empty() ? "" : ", ") + source_name(c, s);
      out += "  " + style.cyan(r.language.empty() ? "??" : r.language) + "  " + isolate_if_rtl(r.name) + "  " + style.dim(where) + "\n";
    }
    for (auto const& j : entity.joins)
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
        out += std::string(k ? "," : "") + " " + c.entities[a.candidates[k]].id + " (" + isolate_if_rtl(c.display_name(a.candidates[k], "en")) + ")";
      out += "\n";
    }
    out += "\n";
  }
  auto count = [](std::size_t n, char const* one, char const* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
  out += style.bold("summary") + ": " + count(entities.size(), "entity", "entities") + ", " + std::to_string(joined) + " joined from several names (" + count(joins, "join", "joins") + "), " + count(ambiguous.size(), "ambiguous name", "ambiguous names") + "\n";
  return out;
}

std::string json_table(engine::Corpus const& c, std::vector<std::uint32_t> const& entities, std::vector<std::size_t> const& ambiguous) {
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
    for (auto const& j : entity.joins)
      js.push_back(json{{"a", json{{"name", j.name_a}, {"source", source_json(j.source_a)}}},
                        {"b", json{{"name", j.name_b}, {"source", source_json(j.source_b)}}},
                        {"why", j.why}});
    joined += entity.joins.empty() ? 0 : 1;
    joins += entity.joins.size();
    list.push_back(json{{"id", entity.id}, {"type", entity.type}, {"display", std::string(c.display_name(e, "en"))}, {"names", names}, {"joins", js}});
  }
  json amb = json::array();
  for (auto i : ambiguous) {
    auto const& a = c.ambiguous[i];
    json candidates = json::array();
    for (auto e : a.candidates) candidates.push_back(json{{"id", c.entities[e].id}, {"display", std::string(c.display_name(e, "en"))}});
    amb.push_back(json{{"name", a.name}, {"source", source_json(a.source)}, {"candidates", candidates}});
  }
  json out{{"entities", list},
           {"ambiguous", amb},
           {"summary", json{{"entities", entities.size()}, {"joined", joined}, {"joins", joins}, {"ambiguous", ambiguous.size()}}}};
  return out.dump(2) + "\n";
}

}  // namespace

int print_entities_help() {
  std::cout << "nogood entities: how the names in each source were resolved to entities\n\n"
               "usage: nogood entities [CORPUS] [--rules FILE]... [--facts FILE]... [--entities FILE] [options]\n\n"
               "  prints each entity with its names by language and the sources that wrote them, why names\n"
               "  were taken for one entity, and the names left unjoined because they fit several entities\n\n"
               "  --source ID          only entities (and ambiguous names) of this source (repeatable)\n"
               "  --format FORMAT      text or json\n"
               "  --output FILE        write there instead of standard output (atomically)\n"
               "  --quiet              only the summary\n\n"
               "exit: 0 printed, 2 bad input or usage\n"
               "example: nogood entities examples/syria-raid --source he-report\n";
  return 0;
}

int run_entities(std::vector<std::string> const& args) {
  CommonOptions o;
  if (auto err = parse_options(args, o)) return usage_error("entities", *err);
  if (o.help) return print_entities_help();
  if (o.format != "text" && o.format != "json") return usage_error("entities", "entities prints text or json, not " + o.format);
  if (o.positional.size() > 1) return usage_error("entities", "entities takes one corpus folder, got " + std::to_string(o.positional.size()));
  Session session(session_options(o));
  auto inputs = gather_inputs(o, 0, session);
  if (!inputs || !run_stages(session, *inputs, o, Until::load)) {
    print_diagnostics(session, o);
    return 2;
  }
  print_diagnostics(session, o);  // warnings
  auto const& c = session.corpus();
  std::vector<std::uint32_t> sources;
  for (auto const& id : o.source_filter) {
    auto s = c.find_source(id);
    if (!s) {
      std::vector<std::string_view> ids;
      for (auto const& src : c.sources) ids.push_back(src.id);
      auto near = closest_match(id, ids);
      std::string hint;
      if (!near.empty()) hint = "; did you mean `" + near + "`?";
      else if (!ids.empty() && ids.size() <= 10)
        for (std::size_t i = 0; i < ids.size(); ++i) hint += (i ? ", " : "; the sources are ") + std::string(ids[i]);
      return usage_error("entities", "no source has the id `" + id + "`" + hint);
    }
    sources.push_back(*s);
  }
  std::vector<std::uint32_t> entities;
  for (std::uint32_t e = 0; e < c.entities.size(); ++e)
    if (sources.empty() || std::any_of(sources.begin(), sources.end(), [&](auto s) { return involves(c.entities[e], s); })) entities.push_back(e);
  std::vector<std::size_t> ambiguous;
  for (std::size_t i = 0; i < c.ambiguous.size(); ++i)
    if (sources.empty() || std::find(sources.begin(), sources.end(), c.ambiguous[i].source) != sources.end()) ambiguous.push_back(i);
  auto content = o.format == "json" ? json_table(c, entities, ambiguous) : text_table(c, entities, ambiguous, make_style(o.color, o.output ? -1 : 1), o.quiet);
  return emit(o, content);
}

}  // namespace nogood::cli
