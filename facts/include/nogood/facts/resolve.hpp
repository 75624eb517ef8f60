// Entity resolution: which entity mentions (per source, and in entities.json) are one entity.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nogood/diagnostics.hpp"

namespace nogood::facts {

class NameMatcher;

inline constexpr std::uint32_t corpus_source = 0xffffffffu;

struct EntityMention {
  std::string id;
  std::string type;
  std::vector<std::pair<std::string, std::string>> names;  // (language, name)
  std::optional<std::string> ref;
  std::uint32_t source = corpus_source;
  std::string file, pointer;  // where it is written, for diagnostics
};

struct EntityJoin {
  std::uint32_t mention_a = 0, mention_b = 0;
  std::string name_a, name_b;
  std::string why;
};

struct ResolvedEntity {
  std::string id;
  std::string type;
  std::vector<std::uint32_t> mentions;
  std::vector<EntityJoin> joins;
};

struct Ambiguity {
  std::uint32_t mention = 0;
  std::string name;
  std::vector<std::uint32_t> candidates;
};

struct EntityResolution {
  std::vector<std::uint32_t> entity_of_mention;
  std::vector<ResolvedEntity> entities;
  std::vector<Ambiguity> ambiguous;
};

EntityResolution resolve_entities(std::vector<EntityMention> const& mentions,
                                  std::vector<std::pair<std::string, std::string>> const& distinct_pairs,
                                  NameMatcher& matcher, Diagnostics& diags);

}  // namespace nogood::facts
