#include "nogood/engine/corpus.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>
#include <vector>

#include "nogood/diagnostics.hpp"

namespace nogood::engine {

PredicateId Schema::add(Predicate p) {
  // A rules file that declares half a billion predicates cannot be read in the memory it takes,
  // so reaching this is a bug rather than input to report.
  if (predicates.size() >= max_predicates) throw std::length_error("too many predicates for a claim's 29 bits");
  auto id = static_cast<PredicateId>(predicates.size());
  if (p.kind != PredicateKind::constraint) by_name_.try_emplace(p.name, id);
  predicates.push_back(std::move(p));
  return id;
}

std::optional<PredicateId> Schema::find(std::string_view name) const {
  auto it = by_name_.find(name);
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string_view> Schema::names() const {
  std::vector<std::string_view> out;
  for (auto const& p : predicates)
    if (p.kind != PredicateKind::constraint) out.push_back(p.name);
  return out;
}

std::string Schema::type_name(Parameter const& p) const {
  if (p.vocabulary < vocabularies.size()) return vocabularies[p.vocabulary].name;
  return std::string(to_string(p.type));
}

namespace {

// A default as rules would write it: a string, or a symbol that is no name, in quotes.
std::string default_as_written(Parameter const& p) {
  auto const& text = *p.default_text;
  bool name = !text.empty() && text[0] >= 'a' && text[0] <= 'z' &&
              std::all_of(text.begin(), text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
  if (p.type == ValueType::string || ((p.type == ValueType::symbol) && !name)) return "\"" + text + "\"";
  return text;
}

}  // namespace

std::string Schema::params_text(Predicate const& pred) const {
  std::string out;
  for (auto const& p : pred.params) {
    out += (out.empty() ? "" : ", ") + p.name + ": " + type_name(p);
    if (p.default_text) out += " = " + default_as_written(p);
    else if (p.optional) out += "?";
  }
  return out;
}

std::string arity_text(Predicate const& pred) {
  auto const all = pred.arity(), required = pred.required_arity();
  if (required == all) return std::to_string(all) + (all == 1 ? " argument" : " arguments");
  std::string optional;
  for (std::size_t i = required; i < all; ++i) optional += (i == required ? "`" : ", `") + pred.params[i].name + "`";
  return std::to_string(required) + " to " + std::to_string(all) + " arguments (" + optional + (all - required == 1 ? " is" : " are") +
         " optional)";
}

bool Vocabulary::contains(std::string_view value) const {
  return std::binary_search(values.begin(), values.end(), value, std::less<>{});
}

std::string Vocabulary::help_for(std::string_view value) const {
  auto quoted = [](std::string_view s) { return "`" + std::string(s) + "`"; };
  std::vector<std::string_view> candidates(values.begin(), values.end());
  auto near = closest_match(value, candidates);
  // "ISIS leader" for `isis_leader`: the same words, written as prose.
  auto folded = [](std::string_view text) {
    std::string out;
    for (char c : text) out += c == ' ' || c == '-' ? '_' : (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    return out;
  };
  if (near.empty())
    for (auto const& v : values)
      if (folded(v) == folded(value)) near = v;
  if (!near.empty()) return "did you mean " + quoted(near) + "? Or add " + quoted(value) + " to vocabulary " + quoted(name);
  constexpr std::size_t shown = 8;
  std::string list;
  for (std::size_t i = 0; i < values.size() && i < shown; ++i) list += (i ? ", " : "") + quoted(values[i]);
  if (values.size() > shown) list += " and " + std::to_string(values.size() - shown) + " more";
  return "the values of " + quoted(name) + " are " + list + "; or add " + quoted(value) + " to it";
}

Entity::Entity(CompactString id, CompactString type, std::vector<EntityName> names, std::vector<EntityJoin> joins)
    : id(std::move(id)), type(std::move(type)) {
  if (!names.empty() || !joins.empty()) names_and_joins_ = std::make_unique<NamesAndJoins>(NamesAndJoins{std::move(names), std::move(joins)});
}

Entity::Entity(Entity const& other) : id(other.id), type(other.type) {
  if (other.names_and_joins_) names_and_joins_ = std::make_unique<NamesAndJoins>(*other.names_and_joins_);
}

Entity& Entity::operator=(Entity const& other) {
  if (this != &other) *this = Entity(other);
  return *this;
}

Entity::NamesAndJoins& Entity::names_and_joins() {
  if (!names_and_joins_) names_and_joins_ = std::make_unique<NamesAndJoins>();
  return *names_and_joins_;
}

void Entity::add_name(EntityName name) { names_and_joins().names.push_back(std::move(name)); }
void Entity::add_join(EntityJoin join) { names_and_joins().joins.push_back(std::move(join)); }

std::optional<std::uint32_t> Corpus::find_source(std::string_view id) const {
  for (std::size_t i = 0; i < sources.size(); ++i)
    if (sources[i].id == id) return static_cast<std::uint32_t>(i);
  return std::nullopt;
}

std::optional<std::uint32_t> Corpus::find_entity(std::string_view id) const {
  for (std::size_t i = 0; i < entities.size(); ++i)
    if (entities[i].id == id) return static_cast<std::uint32_t>(i);
  return std::nullopt;
}

namespace {

enum class Script { latin, arabic, hebrew, other };

// The script of a name, by its first letter; of a language, by the script it is written in.
Script script_of_name(std::string_view name) {
  for (unsigned char c : name) {
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return Script::latin;
    if (c >= 0xD8 && c <= 0xDB) return Script::arabic;  // U+0600..U+06FF
    if (c == 0xD6 || c == 0xD7) return Script::hebrew;  // U+0580..U+05FF
    if (c >= 0x80) return Script::other;
  }
  return Script::other;
}

Script script_of_language(std::string_view language) {
  if (language == "ar" || language == "fa" || language == "ur" || language == "ps") return Script::arabic;
  if (language == "he" || language == "yi") return Script::hebrew;
  return Script::latin;
}

}  // namespace

std::string_view Corpus::display_name(std::uint32_t entity, std::string_view language) const {
  auto const& e = entities[entity];
  for (auto const& n : e.names())
    if (n.source == no_source && n.language == language) return n.name;
  for (auto const& n : e.names())
    if (n.source != no_source && sources[n.source].language == language) return n.name;
  // No name in the language: one in its script reads better than one in another (an English
  // report shows "Damas" before "دمشق").
  auto const script = script_of_language(language);
  for (auto const& n : e.names())
    if (script_of_name(n.name) == script) return n.name;
  if (!e.names().empty()) return e.names().front().name;
  return e.id;
}

void Corpus::reserve_predicates(std::size_t n) {
  if (positive.size() < n) positive.resize(n);
  if (negative.size() < n) negative.resize(n);
}

Value Corpus::own_voice() {
  if (!own_voice_) own_voice_ = strings.intern("");
  return *own_voice_;
}

Value Corpus::claimant(Claim const& c) const {
  if (c.evidence == no_evidence) return own_voice_.value_or(0);
  return evidence[c.evidence].claimant;
}

std::string_view Corpus::quote(Claim const& c) const {
  if (c.evidence == no_evidence) return {};
  auto const& e = evidence[c.evidence];
  return std::string_view(quotes).substr(e.quote_begin, e.quote_size);
}

std::optional<std::int64_t> Corpus::at(Claim const& c) const {
  if (c.evidence == no_evidence || evidence[c.evidence].at < 0) return std::nullopt;
  return evidence[c.evidence].at;
}

void Corpus::set_evidence(Claim& c, Value claimant, std::string_view quote, std::optional<std::int64_t> at) {
  if (quote.empty() && !at && own_voice_ == claimant) {
    c.evidence = no_evidence;
    return;
  }
  c.evidence = static_cast<std::uint32_t>(evidence.size());
  evidence.push_back({quotes.size(), static_cast<std::uint32_t>(quote.size()), claimant, at.value_or(-1)});
  quotes.append(quote);
}

std::uint32_t Corpus::add_claim(Claim const& c, ClaimLocation where) {
  auto const index = static_cast<std::uint32_t>(claims.size());
  claims.push_back(c);
  bool const continues = !place_runs_.empty() && [&] {
    auto const& run = place_runs_.back();
    return run.file == where.file && run.placed == where.placed && run.place + (index - run.first) == where.place;
  }();
  if (!continues) place_runs_.push_back({index, where.file, where.place, where.placed});
  return index;
}

std::uint32_t Corpus::add_background_claim(Claim const& c, Span where) {
  origins.push_back(where);
  return add_claim(c, {no_source, ClaimPlace::origins, static_cast<std::uint32_t>(origins.size() - 1)});
}

ClaimLocation Corpus::location(std::uint32_t claim) const {
  auto const after = std::upper_bound(place_runs_.begin(), place_runs_.end(), claim,
                                      [](std::uint32_t c, PlaceRun const& run) { return c < run.first; });
  if (after == place_runs_.begin() || claim >= claims.size()) return {};
  auto const& run = *(after - 1);
  return {run.file, run.placed, run.place + (claim - run.first)};
}

Span Corpus::origin(std::uint32_t claim) const {
  auto const where = location(claim);
  return where.placed == ClaimPlace::origins ? origins[where.place] : Span{};
}

}  // namespace nogood::engine
