// Verdicts: the contradictions a run found, with their support, and their proof trees.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
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

// The lists of every verdict of a session, each kind in one array: three vectors (and one per
// nogood) in each of hundreds of thousands of verdicts cost more than the verdicts themselves.
struct VerdictLists {
  std::vector<std::uint32_t> sources, support;
  // Nogood set j is nogood_sources[nogood_bounds[j]] up to nogood_sources[nogood_bounds[j + 1]].
  std::vector<std::uint32_t> nogood_bounds{0};
  std::vector<std::uint32_t> nogood_sources;
  // Where the verdicts' rule names and rows are: the session's program and evaluated relations.
  engine::Program const* program = nullptr;
  std::vector<engine::Relation> const* relations = nullptr;
};

// Where one verdict's list lies in its VerdictLists array.
struct ListRange {
  std::uint32_t begin = 0, size = 0;
};

// A verdict's nogoods, read in place: each set a span of source indexes.
class NogoodSets {
public:
  NogoodSets() = default;
  NogoodSets(std::uint32_t const* bounds, std::uint32_t const* sources, std::size_t size) : bounds_(bounds), sources_(sources), size_(size) {}

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::span<std::uint32_t const> operator[](std::size_t i) const { return {sources_ + bounds_[i], sources_ + bounds_[i + 1]}; }
  std::span<std::uint32_t const> front() const { return (*this)[0]; }

  class iterator {
  public:
    using iterator_category = std::input_iterator_tag;
    using value_type = std::span<std::uint32_t const>;
    using difference_type = std::ptrdiff_t;
    using reference = value_type;
    using pointer = void;
    iterator() = default;
    iterator(std::uint32_t const* bound, std::uint32_t const* sources) : bound_(bound), sources_(sources) {}
    value_type operator*() const { return {sources_ + bound_[0], sources_ + bound_[1]}; }
    iterator& operator++() { ++bound_; return *this; }
    iterator operator++(int) { auto old = *this; ++bound_; return old; }
    bool operator==(iterator const& other) const { return bound_ == other.bound_; }

  private:
    std::uint32_t const* bound_ = nullptr;  // the set's first bound
    std::uint32_t const* sources_ = nullptr;
  };
  iterator begin() const { return {bounds_, sources_}; }
  iterator end() const { return {bounds_ + size_, sources_}; }

private:
  std::uint32_t const* bounds_ = nullptr;
  std::uint32_t const* sources_ = nullptr;
  std::size_t size_ = 0;
};

struct Verdict {
  // Stable across runs and machines: the rule's name and 48 bits of a hash of its bindings,
  // `rule-0123456789ab`, built when asked for rather than kept for every verdict.
  std::uint64_t id_hash : 48 = 0;
  // Kept in the bits the hash leaves: hundreds of thousands of verdicts, each 48 bytes.
  engine::VerdictSeverity severity : 2 = engine::VerdictSeverity::error;
  bool nogoods_complete : 1 = true;  // false: the search stopped at a bound, so more or smaller sets may exist
  bool in_baseline : 1 = false;      // Session::compare_with() found it in the earlier run
  std::string id() const;
  bool has_id(std::string_view id) const;  // without building one
  // The constraint's name, and the bindings read in place from the verdict's row: both are found
  // through `lists` rather than kept in each verdict. Empty until the verdict joins the lists.
  std::string_view rule() const { return lists ? std::string_view(lists->program->constraints[constraint].name) : std::string_view(); }
  BindingsView bindings() const {
    if (!lists) return {};
    auto const rel = relation();
    return BindingsView(lists->program->relations[rel], (*lists->relations)[rel].row(row));
  }
  // The constraint's relation, which holds the verdict's row.
  engine::RelationId relation() const { return lists ? lists->program->constraints[constraint].relation : engine::no_relation; }
  // Source indexes involved, and the claim indexes it rests on, in proof order.
  std::span<std::uint32_t const> sources() const { return list(lists ? lists->sources.data() : nullptr, sources_at); }
  std::span<std::uint32_t const> support() const { return list(lists ? lists->support.data() : nullptr, support_at); }
  // Its nogoods over sources: the smallest sets of sources such that believing only the claims of
  // one set still derives the verdict. Source indexes, each set by source id, the sets by size
  // then ids; empty until Session::find_source_nogoods() (source_nogoods.hpp).
  NogoodSets nogoods() const {
    if (!lists || nogoods_at.size == 0) return {};
    return {lists->nogood_bounds.data() + nogoods_at.begin, lists->nogood_sources.data(), nogoods_at.size};
  }
  std::uint32_t constraint = 0;
  engine::RowId row = 0;  // in the constraint's relation
  // The lists, held by the session that built the verdict, and this verdict's place in them.
  VerdictLists const* lists = nullptr;
  ListRange sources_at, support_at, nogoods_at;

private:
  static std::span<std::uint32_t const> list(std::uint32_t const* all, ListRange at) {
    return all ? std::span<std::uint32_t const>(all + at.begin, at.size) : std::span<std::uint32_t const>();
  }
};
static_assert(sizeof(Verdict) <= 48, "hundreds of thousands of verdicts: keep Verdict small");

// One step of a proof: a claim, a background fact, a derived fact with the rule that gave
// it, a comparison with its values, a `not` with what was not found, an aggregate, or why
// two names were taken for one entity.
struct ProofNode {
  enum class Kind { claim, background, derived, comparison, negation, aggregate, entity_join, verdict } kind = Kind::claim;
  std::string statement;  // e.g. `in_group(Khaled al-Masoud, Syrian Free Army) @ ap-en`, `12 > 10`
  std::string rule;       // the rule as written (derived, verdict)
  Span rule_span;
  std::vector<std::string> alternatives;  // the rule's alternatives this derivation took, as written
  std::uint32_t claim = 0xffffffffu;
  // A derived fact read with its certainty: the weakest of the facts it rests on (`alleged`).
  std::string certainty;
  bool verified = true;   // re-checked against its rule
  // A comparison that only separates or orders bindings (`S1 != S2`, `R = informant`), not one
  // over numbers or dates: reports leave it to `explain`.
  bool detail = false;
  std::vector<ProofNode> children;
};

}  // namespace nogood
