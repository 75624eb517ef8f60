// nogood entities [CORPUS]: the entity resolution table. Each entity with its names by language
// and the sources that wrote them, why names were taken for one entity, and the names that were
// not joined because they match more than one entity. Exit codes: 0 printed, 2 bad input or usage.
#include <algorithm>
#include <iostream>

#include "commands.hpp"
#include "pipeline.hpp"
#include "nogood/report/entities.hpp"

namespace nogood::cli {

using report::EntitySelection;
using report::render_entities_json;
using report::render_entities_text;
using report::select_entities;

int print_entities_help() {
  std::cout << "nogood entities: how the names in each source were resolved to entities\n\n"
               "usage: nogood entities [CORPUS] [--rules FILE]... [--facts FILE]... [--entities FILE] [options]\n\n"
               "  prints each entity with its names by language and the sources that wrote them, why names\n"
               "  were taken for one entity, and the names left unjoined because they fit several entities\n\n"
               << corpus_inputs_help <<
               "  --source ID          only entities (and ambiguous names) of this source (repeatable)\n"
               "  --format FORMAT      text or json (default: from --output's extension, else text)\n"
               "  --output FILE        write there instead of standard output (atomically)\n"
               "  --color WHEN         auto, always or never (NO_COLOR is honoured)\n"
               "  --lang CODE          language of entity names (default en)\n"
               "  --quiet              only the summary\n\n"
               "exit: 0 printed, 2 bad input or usage\n"
               "example: nogood entities examples/syria-raid --source he-report\n";
  return 0;
}

int run_entities(std::vector<std::string> const& args) {
  CommonOptions o;
  if (auto err = parse_options(args, o)) return usage_error("entities", *err);
  if (o.help) return print_entities_help();
  if (auto err = reject_inapplicable(o, "entities", applicable_options("entities"))) return usage_error("entities", *err);
  take_format_from_output(o, {"text", "json"});
  if (o.format != "text" && o.format != "json") return usage_error("entities", "entities prints text or json, not " + o.format);
  if (o.positional.size() > 1) return usage_error("entities", "entities takes one corpus folder, got " + std::to_string(o.positional.size()));
  Session& session = keep_until_exit(session_options(o));
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
  auto selection = select_entities(c, sources);
  selection.language = o.language;
  auto content = o.format == "json" ? render_entities_json(c, selection) : render_entities_text(c, selection, make_style(o.color, o.output ? -1 : 1), o.quiet);
  return emit(o, content);
}

}  // namespace nogood::cli
