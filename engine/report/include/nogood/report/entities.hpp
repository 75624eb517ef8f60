// The entity resolution table (`nogood entities`) for people (text) and programs (JSON): each
// entity's names by language with the sources that wrote them, why names were joined, and the
// names left unjoined because they fit several entities.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nogood/engine/corpus.hpp"
#include "nogood/report/style.hpp"

namespace nogood::report {

struct EntitySelection {
  std::vector<std::uint32_t> entities;  // indexes into Corpus::entities
  std::vector<std::size_t> ambiguous;   // indexes into Corpus::ambiguous
  std::vector<std::size_t> lonely;      // indexes into Corpus::lonely
  std::string language = "en";          // of the names shown for entities (`display`)
};

// Everything, or (when `sources` is not empty) the entities those sources name and their ambiguous names.
EntitySelection select_entities(engine::Corpus const& corpus, std::vector<std::uint32_t> const& sources);

std::string render_entities_text(engine::Corpus const& corpus, EntitySelection const& selection, Style const& style, bool quiet);
std::string render_entities_json(engine::Corpus const& corpus, EntitySelection const& selection);

}  // namespace nogood::report
