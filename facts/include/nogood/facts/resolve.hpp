// Entity resolution: which entity mentions, across the corpus and the sources, are one entity.
//
// Corpus entities (entities.json) are canonical: each is its own entity and two of them never
// merge. A source's entity joins
//   1. the corpus entity its `ref` names (an unknown ref is an error, with a did-you-mean), or the
//      corpus entity that has its id;
//   2. else the one entity, in the corpus or in another source, one of whose names matches one of
//      its names in full (see names.hpp), the same text after folding winning over a skeleton
//      match;
//   3. else it stays its own entity. When only partial matches were found, or full matches with
//      several entities, it is ambiguous: never joined, reported with its candidates (W0350,
//      W0351), so an analyst can add a `ref`. A candidate entity one of whose names conflicts
//      with the mention's (Nasr / Nasser, see names.hpp) is never joined either.
// Entities of incompatible types (a person and a place) never join. Two entities of one source
// never join: the analyst declared them apart. A `distinct` pair never ends up in one entity.
// Every join records why, for explanations ("treated as the same person because ...").
//
// Cost: mentions without names (corpora list tens of thousands by id only) cost a map insertion.
// Names are blocked by skeleton words: a name is compared only with names that share its first
// word and one more (or, for one-word names, that contain its word), each distinct name of an
// entity indexed once: never all pairs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nogood/diagnostics.hpp"
#include "nogood/facts/names.hpp"

namespace nogood::facts {

inline constexpr std::uint32_t corpus_source = 0xffffffffu;

struct EntityMention {
  std::string id;    // corpus id, or the source-local id
  std::string type;  // person, place, organisation, event...; empty matches any type
  std::vector<std::pair<std::string, std::string>> names;  // (language, name)
  std::optional<std::string> ref;                          // a corpus entity id
  std::uint32_t source = corpus_source;                    // index of the source, or corpus_source
  // Where the mention is declared, copied into diagnostics about it (all optional).
  Span span;
  std::string file_name;
  std::string json_pointer;
};

// Why two mentions are one entity.
struct EntityJoin {
  std::uint32_t mention_a = 0;  // the mention that joined
  std::uint32_t mention_b = 0;  // the mention it joined through
  // The names that matched; for a join by ref or id, a name of each (the other's in the same
  // language if it has one), empty when a side has none.
  std::string name_a, name_b;
  std::string why;              // English, e.g. "“Khaled al-Masoud” and “خالد المسعود” both read ..."
};

struct ResolvedEntity {
  std::string id;  // the corpus id if any, else the first mention's local id, made unique ("raid#2")
  std::string type;
  std::vector<std::uint32_t> mentions;  // ascending
  std::vector<EntityJoin> joins;
};

// A mention left on its own because its names fit more than one entity, or only in part.
struct Ambiguity {
  std::uint32_t mention = 0;
  std::string name;                       // the mention's name that matched
  std::vector<std::uint32_t> candidates;  // entity indexes, ascending
  std::vector<std::string> reasons;       // per candidate, how the names compare
};

// An entity that one source names and that joined nothing, close to other entities (W0353).
struct LoneEntity {
  std::uint32_t entity = 0;               // entity index
  std::vector<std::uint32_t> candidates;  // entity indexes, closest first
  std::vector<double> scores;             // per candidate, skeleton similarity in 0..1
  std::vector<std::string> reasons;       // per candidate, the names compared
};

struct EntityResolution {
  std::vector<std::uint32_t> entity_of_mention;
  std::vector<ResolvedEntity> entities;  // ordered by their first mention
  std::vector<Ambiguity> ambiguous;      // ordered by mention
  std::vector<LoneEntity> lonely;        // ordered by entity
};

// Diagnostics: E0310 unknown ref, E0350 ref to an entity of an incompatible type, E0351 one id
// with two refs, W0350 only partial matches, W0351 several full matches, W0352 a local entity with
// a corpus id but an incompatible type (not joined by id). Unknown ids in `distinct_pairs` are
// ignored: the loader reports them.
EntityResolution resolve_entities(std::vector<EntityMention> const& mentions,
                                  std::vector<std::pair<std::string, std::string>> const& distinct_pairs,
                                  NameMatcher& names, Diagnostics& diagnostics);

// Whether entities of these two types may be one entity (synonyms such as organisation /
// organization / group count as one type; an empty type or `entity` fits every type).
bool compatible_types(std::string_view a, std::string_view b);

}  // namespace nogood::facts
