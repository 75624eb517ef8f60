// Verdicts: the contradictions a run found, with their support, and their proof trees.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nogood/diagnostics.hpp"
#include "nogood/engine/program.hpp"
#include "nogood/engine/relation.hpp"

namespace nogood {

// A variable's value; Session::display() shows it to people, Session::canonical() gives the form
// that is stable across runs (corpus ids, source ids, ISO dates).
struct Binding {
  std::string_view name;  // variable, as the program declares it
  engine::ValueType type;
  engine::Value value;
};

// A verdict's bindings, read in place from its row and its relation's declaration: a run has
// hundreds of thousands of verdicts, and a copy of each row's names and values would cost more
// than the rest of the verdict. Valid while the session that built the verdict lives.
class BindingsView {
public:
  BindingsView() = default;
  BindingsView(engine::RelationDecl const& decl, engine::Value const* row) : decl_(&decl), row_(row) {}

  std::size_t size() const { return decl_ ? decl_->columns.size() : 0; }
  bool empty() const { return size() == 0; }
  Binding operator[](std::size_t i) const { return {decl_->column_names[i], decl_->columns[i], row_[i]}; }

  class iterator {
  public:
    using value_type = Binding;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(engine::RelationDecl const* decl, engine::Value const* row, std::size_t i) : decl_(decl), row_(row), i_(i) {}
    Binding operator*() const { return {decl_->column_names[i_], decl_->columns[i_], row_[i_]}; }
    iterator& operator++() { ++i_; return *this; }
    iterator operator++(int) { auto old = *this; ++i_; return old; }
    bool operator==(iterator const& other) const { return i_ == other.i_; }

  private:
    engine::RelationDecl const* decl_ = nullptr;
    engine::Value const* row_ = nullptr;
    std::size_t i_ = 0;
  };
  iterator begin() const { return {decl_, row_, 0}; }
  iterator end() const { return {decl_, row_, size()}; }

private:
  engine::RelationDecl const* decl_ = nullptr;
  engine::Value const* row_ = nullptr;
};

struct Verdict {
  // Stable across runs and machines: the rule's name and 48 bits of a hash of its bindings,
  // `rule-0123456789ab`, built when asked for rather than kept for every verdict.
  std::uint64_t id_hash = 0;
  std::string id() const;
  bool has_id(std::string_view id) const;  // without building one
  std::uint32_t constraint = 0;
  std::string_view rule;  // the constraint's name, held by the program
  engine::VerdictSeverity severity = engine::VerdictSeverity::error;
  BindingsView bindings;
  std::vector<std::uint32_t> sources;  // source indexes involved
  std::vector<std::uint32_t> support;  // claim indexes it rests on, in proof order
  // Its nogoods over sources: the smallest sets of sources such that believing only the claims of
  // one set still derives the verdict. Source indexes, each set by source id, the sets by size
  // then ids; empty until Session::find_source_nogoods() (source_nogoods.hpp).
  std::vector<std::vector<std::uint32_t>> nogoods;
  bool nogoods_complete = true;  // false: the search stopped at a bound, so more or smaller sets may exist
  engine::RelationId relation = 0;
  engine::RowId row = 0;
  std::uint32_t accepted = no_acceptance;  // index into Session::accepted()
  bool in_baseline = false;                // Session::compare_with() found it in the earlier run
  static constexpr std::uint32_t no_acceptance = 0xffffffffu;
};

// One step of a proof: a claim, a background fact, a derived fact with the rule that gave
// it, a comparison with its values, a `not` with what was not found, an aggregate, or why
// two names were taken for one entity.
struct ProofNode {
  enum class Kind { claim, background, derived, comparison, negation, aggregate, entity_join, verdict } kind = Kind::claim;
  std::string statement;  // e.g. `in_group(Khaled al-Masoud, Syrian Free Army) @ ap-en`, `12 > 10`
  std::string rule;       // the rule as written (derived, verdict)
  Span rule_span;
  std::uint32_t claim = 0xffffffffu;
  bool verified = true;   // re-checked against its rule
  // A comparison that only separates or orders bindings (`S1 != S2`, `R = informant`), not one
  // over numbers or dates: reports leave it to `explain`.
  bool detail = false;
  std::vector<ProofNode> children;
};

}  // namespace nogood
