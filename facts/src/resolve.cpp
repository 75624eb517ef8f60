// Interim resolution by explicit reference only; name matching arrives with names.cpp.
#include "nogood/facts/resolve.hpp"

#include <map>

#include "nogood/facts/names.hpp"

namespace nogood::facts {


EntityResolution resolve_entities(std::vector<EntityMention> const& mentions,
                                  std::vector<std::pair<std::string, std::string>> const&, NameMatcher&, Diagnostics& diags) {
  EntityResolution out;
  std::map<std::string, std::uint32_t> corpus;
  out.entity_of_mention.assign(mentions.size(), 0);
  for (std::uint32_t m = 0; m < mentions.size(); ++m) {
    if (mentions[m].source != corpus_source) continue;
    corpus[mentions[m].id] = static_cast<std::uint32_t>(out.entities.size());
    out.entity_of_mention[m] = static_cast<std::uint32_t>(out.entities.size());
    out.entities.push_back({mentions[m].id, mentions[m].type, {m}, {}});
  }
  for (std::uint32_t m = 0; m < mentions.size(); ++m) {
    if (mentions[m].source == corpus_source) continue;
    if (mentions[m].ref) {
      if (auto it = corpus.find(*mentions[m].ref); it != corpus.end()) {
        out.entity_of_mention[m] = it->second;
        out.entities[it->second].mentions.push_back(m);
        continue;
      }
      std::vector<std::string_view> ids;
      for (auto const& [id, entity] : corpus) ids.push_back(id);
      auto near = closest_match(*mentions[m].ref, ids);
      Diagnostic d = make_error("E0310", "unknown entity reference `" + *mentions[m].ref + "`");
      d.file_name = mentions[m].file;
      d.json_pointer = mentions[m].pointer + "/ref";
      d.with_help(near.empty() ? "`ref` names an entity of the corpus entities.json" : "did you mean `" + near + "`?");
      diags.report(std::move(d));
    }
    out.entity_of_mention[m] = static_cast<std::uint32_t>(out.entities.size());
    out.entities.push_back({mentions[m].id, mentions[m].type, {m}, {}});
  }
  return out;
}

}  // namespace nogood::facts
