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

struct Parameter {
  std::string name;
  ValueType type;
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
};

struct Schema {
  std::vector<Predicate> predicates;

  // Appends a predicate and indexes its name: find() is a lookup, not a scan, so checking and
  // lowering stay linear in the size of the rules.
  PredicateId add(Predicate p);
  std::optional<PredicateId> find(std::string_view name) const;
  std::vector<std::string_view> names() const;

private:
  std::map<std::string, PredicateId, std::less<>> by_name_;  // predicates other than constraints
};

}  // namespace nogood::engine
