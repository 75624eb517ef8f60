// What the sources say: sources, the entities they name, and their claims. Filled by
// the facts library, read by the engine and by renderers.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nogood/diagnostics.hpp"
#include "nogood/engine/compact_string.hpp"
#include "nogood/engine/schema.hpp"
#include "nogood/engine/values.hpp"

namespace nogood::engine {

inline constexpr std::uint32_t no_source = 0xffffffffu;

// A corpus holds tens of thousands of sources, most giving only an id, an outlet and a language:
// each field is a CompactString, so an absent one, or one of up to seven bytes (an id, a language),
// costs its 8 bytes and no more.
struct SourceInfo {
  CompactString id;
  CompactString title;
  CompactString outlet;
  CompactString language;
  CompactString published;  // ISO date or empty
  CompactString url;
  CompactString reliability;  // Admiralty grade A-F or empty
  CompactString text;         // article text file as given
  std::uint32_t facts_file = no_source;  // where it was loaded from: an index into Corpus::source_files
  bool quotes_checked = false;
};
static_assert(sizeof(SourceInfo) == 72, "tens of thousands of sources: keep SourceInfo small");

// One name of an entity, as one source (or entities.json) wrote it.
struct EntityName {
  std::string language;
  std::string name;
  std::uint32_t source = no_source;
};

// Why two names were taken for one entity.
struct EntityJoin {
  std::string name_a, name_b;
  std::uint32_t source_a = no_source, source_b = no_source;
  std::string why;
};

// A corpus holds tens of thousands of entities; most have a short id, a type from a handful and
// neither names nor joins. So the id and type are CompactStrings and the names and joins are kept
// out of line, behind a pointer that is null for an entity with neither.
class Entity {
public:
  CompactString id;  // corpus id, or a source-local id made unique
  CompactString type;

  Entity() = default;
  Entity(CompactString id, CompactString type, std::vector<EntityName> names = {}, std::vector<EntityJoin> joins = {});
  Entity(Entity const& other);
  Entity(Entity&&) noexcept = default;
  Entity& operator=(Entity const& other);
  Entity& operator=(Entity&&) noexcept = default;
  ~Entity() = default;

  std::span<EntityName const> names() const { return names_and_joins_ ? std::span<EntityName const>(names_and_joins_->names) : std::span<EntityName const>(); }
  std::span<EntityJoin const> joins() const { return names_and_joins_ ? std::span<EntityJoin const>(names_and_joins_->joins) : std::span<EntityJoin const>(); }
  void add_name(EntityName name);
  void add_join(EntityJoin join);

private:
  struct NamesAndJoins {
    std::vector<EntityName> names;
    std::vector<EntityJoin> joins;
  };
  std::unique_ptr<NamesAndJoins> names_and_joins_;  // null: no names and no joins

  NamesAndJoins& names_and_joins();
};
static_assert(sizeof(Entity) == 24, "tens of thousands of entities: keep Entity small");

struct AmbiguousName {
  std::string name;
  std::uint32_t source = no_source;
  std::vector<std::uint32_t> candidates;  // entity ids
};

// An entity one source names, joined with nothing, whose name is close to other entities'.
struct LoneEntity {
  std::uint32_t entity = 0;
  std::uint32_t source = no_source;
  std::vector<std::uint32_t> candidates;  // entity ids, closest first
  std::vector<double> scores;
  std::vector<std::string> reasons;
};

inline constexpr std::uint32_t no_evidence = 0xffffffffu;

// Where a claim was written: what kind of place it records, and the place.
enum class ClaimPlace : std::uint8_t {
  none,     // built by hand (tests, embedders)
  line,     // JSON Lines: the 1-based line it is on
  index,    // per-source files: its position in `facts`
  origins,  // a background fact in a rules file: its index in Corpus::origins
};

struct ClaimLocation {
  std::uint32_t file = no_source;  // index into Corpus::files, for claims from facts files
  ClaimPlace placed = ClaimPlace::none;
  std::uint32_t place = 0;

  // JSON Lines: the line the claim is on; 0 otherwise.
  std::uint32_t line() const { return placed == ClaimPlace::line ? place : 0; }
  // Where the claim is in its file: `/facts/12` or `line 7`.
  std::string pointer() const { return line() ? "line " + std::to_string(place) : "/facts/" + std::to_string(place); }
};

// One claim: a fact a source states (or denies). A corpus holds a million of them, so the claim is
// small and fixed in size; what most claims lack (a quote and offset, a rules-file span) is kept in
// the corpus (Corpus::quote, Corpus::at, Corpus::origin), and so is where it was written: claims
// come in runs from one file with consecutive places, which the corpus records once per run.
struct Claim {
  std::uint32_t source = no_source;  // no_source: background knowledge
  // Index into Corpus::evidence, when the claim has a claimant other than the source itself, a
  // quote or an offset; most claims of a bulk file have none of them.
  std::uint32_t evidence = no_evidence;
  PredicateId predicate : 29 = 0;  // Schema::add keeps ids below max_predicates
  bool negated : 1 = false;
  Certainty certainty : 2 = Certainty::asserted;
};
static_assert(sizeof(Claim) == 12, "a million claims: keep Claim small");

// A claim's claimant, its quote (as a range of Corpus::quotes) and the offset it gives.
struct Evidence {
  std::size_t quote_begin = 0;
  std::uint32_t quote_size = 0;
  Value claimant = 0;    // symbol; the empty symbol is the source's own voice
  std::int64_t at = -1;  // code-point offset of the quote in the article; -1: not given
};

// Claims with their arguments, stored flat per (predicate, polarity) for the engine.
struct ClaimRows {
  std::vector<Value> values;          // arity values per claim
  std::vector<std::uint32_t> claims;  // claim index per row
};

struct Corpus {
  StringPool strings;  // symbols and strings
  std::vector<SourceInfo> sources;
  std::vector<Entity> entities;
  std::vector<AmbiguousName> ambiguous;
  std::vector<LoneEntity> lonely;
  std::vector<Claim> claims;  // appended by add_claim()
  std::vector<Evidence> evidence;  // of the claims that name a claimant or give a quote or an offset
  std::string quotes;              // their quotes, back to back
  std::vector<std::string> files;  // facts files claims came from
  std::vector<std::string> source_files;  // facts files sources came from, each named once
  std::vector<Span> origins;       // where background facts in rules files were written
  // Claims that worded a date (`saturday`), by claim index: the words and what they resolved to,
  // `saturday (2025-10-18, from published 2025-10-19)`. Few claims have one, so not a Claim field.
  std::unordered_map<std::uint32_t, std::string> written_dates;
  // Until evaluate() moves them into the claimed relations:
  std::vector<ClaimRows> positive;  // indexed by predicate
  std::vector<ClaimRows> negative;  // `negated: true` claims, indexed by predicate

  std::optional<std::uint32_t> find_source(std::string_view id) const;
  std::optional<std::uint32_t> find_entity(std::string_view id) const;
  // The name to show: the corpus name in `language` when one exists, else the first name a source wrote, else the id.
  std::string_view display_name(std::uint32_t entity, std::string_view language) const;
  void reserve_predicates(std::size_t n);

  // The claimant of the source's own voice: the empty symbol, interned on first use.
  Value own_voice();
  // Who the claim says said it (a symbol; own_voice() for the source itself), its quote (empty
  // when none was given) and the code-point offset it gives, if any.
  Value claimant(Claim const& c) const;
  std::string_view quote(Claim const& c) const;
  std::optional<std::int64_t> at(Claim const& c) const;
  // Records the claimant, quote and offset of `c`; a claim in its source's own voice with neither
  // quote nor offset costs nothing.
  void set_evidence(Claim& c, Value claimant, std::string_view quote, std::optional<std::int64_t> at);
  // Appends `c`, written at `where`; returns its index.
  std::uint32_t add_claim(Claim const& c, ClaimLocation where);
  // Appends a background fact written at `where` in a rules file; returns its index.
  std::uint32_t add_background_claim(Claim const& c, Span where);
  // Where claim `claim` was written.
  ClaimLocation location(std::uint32_t claim) const;
  // Where a background fact was written in its rules file; an invalid span for other claims.
  Span origin(std::uint32_t claim) const;

private:
  // A run of claims from `first` on, written in one file at consecutive places from `place`.
  struct PlaceRun {
    std::uint32_t first;
    std::uint32_t file;
    std::uint32_t place;
    ClaimPlace placed;
  };
  std::vector<PlaceRun> place_runs_;
  std::optional<Value> own_voice_;
};

}  // namespace nogood::engine
