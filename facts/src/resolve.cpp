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
      diags.report(make_error("E0310", "unknown entity reference `" + *mentions[m].ref + "`"));
    }
    out.entity_of_mention[m] = static_cast<std::uint32_t>(out.entities.size());
    out.entities.push_back({mentions[m].id, mentions[m].type, {m}, {}});
  }
  return out;
}

}  // namespace nogood::facts
