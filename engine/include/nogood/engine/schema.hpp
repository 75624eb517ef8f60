// Predicate declarations: what facts files must match and what the engine stores.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nogood/diagnostics.hpp"
#include "nogood/engine/values.hpp"

namespace nogood::engine {

using PredicateId = std::uint32_t;

using VocabularyId = std::uint32_t;
inline constexpr VocabularyId no_vocabulary = UINT32_MAX;

struct Parameter {
  std::string name;
  ValueType type;
  VocabularyId vocabulary = no_vocabulary;  // a symbol argument restricted to a declared vocabulary
  // `org: entity?` or `since: date = 2000-01-01`: facts and head atoms may leave it out. Without a
  // default an omitted argument is absent (absent_value); the default is its canonical text.
  bool optional = false;
  std::optional<std::string> default_text;
};

// `vocabulary role_name = {informant, isis_leader}.`: the only values a symbol argument of this
// type may take, in rules and in facts.
struct Vocabulary {
  std::string name;
  std::vector<std::string> values;  // sorted, each once
  Span declared_at;
  bool contains(std::string_view value) const;
  // Help for a value outside the vocabulary: the nearest value, or the values.
  std::string help_for(std::string_view value) const;
};

enum class PredicateKind : std::uint8_t {
  claimed,     // declared with `pred`: facts come from sources or background statements
  derived,     // defined by rules
  builtin,     // `source/4`
  constraint,  // the bindings of one constraint
};

struct Predicate {
  std::string name;
  std::vector<Parameter> params;
  PredicateKind kind = PredicateKind::claimed;
  bool sourced = true;  // tuples carry the source that claims them (`@ S`)
  Span declared_at;
  std::size_t arity() const { return params.size(); }
  // The arguments that cannot be left out: those before the first optional one.
  std::size_t required_arity() const {
    std::size_t n = 0;
    while (n < params.size() && !params[n].optional) ++n;
    return n;
  }
};

// A claim keeps its predicate in 29 bits (Claim::predicate); add() refuses more predicates.
inline constexpr PredicateId max_predicates = PredicateId(1) << 29;

struct Schema {
  std::vector<Predicate> predicates;
  std::vector<Vocabulary> vocabularies;

  // Appends a predicate and indexes its name: find() is a lookup, not a scan, so checking and
  // lowering stay linear in the size of the rules. Throws std::length_error past max_predicates.
  PredicateId add(Predicate p);
  std::optional<PredicateId> find(std::string_view name) const;
  std::vector<std::string_view> names() const;
  // The type of a parameter as written: its vocabulary's name, or the built-in type's.
  std::string type_name(Parameter const& p) const;
  // `person: entity, role: symbol, org: entity?`: the arguments as declared.
  std::string params_text(Predicate const& pred) const;

private:
  std::map<std::string, PredicateId, std::less<>> by_name_;  // predicates other than constraints
};

// "2 arguments", or "2 to 3 arguments (`org` is optional)".
std::string arity_text(Predicate const& pred);

}  // namespace nogood::engine
