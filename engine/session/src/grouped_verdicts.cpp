// Grouped `unique` verdicts: one per key, resting on every claim of the predicate with that key,
// shown as the values the sources give, each with its sources. The groups are read from the
// claimed relation, which every back end fills alike, so they do not depend on how it evaluated.
#include <algorithm>
#include <unordered_map>

#include "nogood/session.hpp"

namespace nogood {

void Session::sort_grouped_rows() {
  grouped_rows_.assign(program_.constraints.size(), {});
  for (std::size_t c = 0; c < program_.constraints.size(); ++c) {
    auto const& info = program_.constraints[c];
    if (!info.grouped) continue;
    auto const& g = *info.grouped;
    auto const& pred = program_.schema.predicates[g.predicate];
    auto const& relation = db_.relations[program_.positive_relation[g.predicate]];
    auto const arity = pred.arity();
    auto const claim_column = relation.arity() - 1;
    auto const type = pred.params[g.value_arg].type;
    auto& rows = grouped_rows_[c];
    // Each value's canonical form once, not at every comparison.
    std::unordered_map<engine::Value, std::string> canonical;
    for (engine::RowId r = 0; r < relation.size(); ++r) {
      auto const* row = relation.row(r);
      if (row[arity] == engine::no_source) continue;  // background knowledge: no source to group
      rows.push_back(r);
      if (auto [it, added] = canonical.try_emplace(row[g.value_arg]); added) append_canonical(it->second, type, row[g.value_arg]);
    }
    std::sort(rows.begin(), rows.end(), [&](engine::RowId a, engine::RowId b) {
      auto const* x = relation.row(a);
      auto const* y = relation.row(b);
      for (auto k : g.key_args)
        if (x[k] != y[k]) return x[k] < y[k];
      if (x[g.value_arg] != y[g.value_arg]) {
        // Ints by number (9 before 10); everything else by its canonical form (ids, ISO dates).
        if (type == engine::ValueType::integer) return engine::unpack_int(x[g.value_arg]) < engine::unpack_int(y[g.value_arg]);
        auto const& cx = canonical[x[g.value_arg]];
        auto const& cy = canonical[y[g.value_arg]];
        if (cx != cy) return cx < cy;
        return x[g.value_arg] < y[g.value_arg];
      }
      if (x[arity] != y[arity]) return corpus_.sources[x[arity]].id.view() < corpus_.sources[y[arity]].id.view();
      return x[claim_column] < y[claim_column];
    });
  }
}

std::span<engine::RowId const> Session::grouped_rows(Verdict const& v) const {
  if (v.constraint >= grouped_rows_.size() || grouped_rows_[v.constraint].empty()) return {};
  auto const& g = *program_.constraints[v.constraint].grouped;
  auto const& relation = db_.relations[program_.positive_relation[g.predicate]];
  // Not v.relation(): a verdict being built is not yet in its lists.
  auto const* key = db_.relations[program_.constraints[v.constraint].relation].row(v.row);
  auto const& rows = grouped_rows_[v.constraint];
  // -1: the row sorts before the key, 1: after it.
  auto order = [&](engine::RowId r) {
    auto const* row = relation.row(r);
    for (std::size_t i = 0; i < g.key_args.size(); ++i)
      if (row[g.key_args[i]] != key[i]) return row[g.key_args[i]] < key[i] ? -1 : 1;
    return 0;
  };
  auto first = std::partition_point(rows.begin(), rows.end(), [&](engine::RowId r) { return order(r) < 0; });
  auto last = std::partition_point(first, rows.end(), [&](engine::RowId r) { return order(r) == 0; });
  return {rows.data() + (first - rows.begin()), static_cast<std::size_t>(last - first)};
}

engine::ValueType Session::groups_type(Verdict const& v) const {
  auto const& g = program_.constraints[v.constraint].grouped;
  return g ? program_.schema.predicates[g->predicate].params[g->value_arg].type : engine::ValueType::symbol;
}

std::vector<ValueGroup> Session::groups(Verdict const& v) const {
  std::vector<ValueGroup> out;
  auto const rows = grouped_rows(v);
  if (rows.empty()) return out;
  auto const& g = *program_.constraints[v.constraint].grouped;
  auto const& relation = db_.relations[program_.positive_relation[g.predicate]];
  auto const arity = program_.schema.predicates[g.predicate].arity();
  auto const claim_column = relation.arity() - 1;
  for (auto r : rows) {
    auto const* row = relation.row(r);
    if (out.empty() || out.back().value != row[g.value_arg]) out.push_back({row[g.value_arg], {}, {}});
    auto& group = out.back();
    auto const source = static_cast<std::uint32_t>(row[arity]);
    if (group.sources.empty() || group.sources.back() != source) group.sources.push_back(source);
    group.claims.push_back(static_cast<std::uint32_t>(row[claim_column]));
  }
  return out;
}

void Session::append_groups(std::string& out, Verdict const& v) const {
  auto const type = groups_type(v);
  bool first = true;
  for (auto const& group : groups(v)) {
    if (!first) out += " vs ";
    first = false;
    append_display(out, type, group.value);
    out += " (";
    for (std::size_t i = 0; i < group.sources.size(); ++i) out.append(i ? ", " : "").append(corpus_.sources[group.sources[i]].id.view());
    out += ")";
  }
}

}  // namespace nogood
