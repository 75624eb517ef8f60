// An append-only set of fixed-width tuples with hash indexes on column subsets.
// Rows never move, so a row id is a stable name for a tuple (provenance uses it) and
// a contiguous row range is a delta for semi-naive evaluation.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "nogood/engine/paged_array.hpp"
#include "nogood/engine/values.hpp"

namespace nogood::engine {

using RowId = std::uint32_t;
inline constexpr RowId no_row = 0xffffffffu;

// Chained hash index over the columns in `mask`; chains run from newest to oldest row,
// so a scan restricted to rows below a bound can stop early.
class HashIndex {
public:
  HashIndex(std::uint64_t mask, std::uint32_t arity);

  std::uint64_t mask() const { return mask_; }
  std::uint64_t hash_row(Value const* row) const;
  std::uint64_t hash_key(Value const* key) const;  // key holds values for masked columns, in column order
  RowId first(std::uint64_t hash) const { return buckets_.empty() ? no_row : buckets_[bucket(hash)]; }
  RowId next(RowId row) const { return next_[row]; }
  void add(RowId row, Value const* values, Value const* data);
  // Indexes rows 0..rows-1 again, in a table with room to grow (load factor 1/2).
  void rebuild(Value const* data, std::uint32_t rows);
  // The same in a table sized for `rows` alone (load factor 1), for a relation that no longer
  // grows: a third of the memory for chains half a row longer.
  void settle(Value const* data, std::uint32_t rows);
  std::size_t memory() const { return (buckets_.capacity() + next_.capacity()) * sizeof(RowId); }

private:
  // Any number of buckets: the hash's high half scaled to the table.
  std::size_t bucket(std::uint64_t hash) const { return static_cast<std::size_t>(((hash >> 32) * buckets_.size()) >> 32); }
  void index_rows(Value const* data, std::uint32_t rows, std::size_t buckets);

  std::uint64_t mask_;
  std::uint32_t arity_;
  std::vector<std::uint8_t> cols_;
  PagedArray<RowId> buckets_;
  PagedArray<RowId> next_;
};

// Hash of a whole tuple, as the duplicate check uses it.
std::uint64_t hash_tuple(Value const* tuple, std::uint32_t arity);

// The set of a relation's rows, for the duplicate check: open addressing with linear probing
// over four-byte slots. It holds rows 0..size()-1, added in order (a relation numbers its rows
// as it adds them), so resizing rehashes the rows in order from the relation's data. A slot keeps
// the row (plus one; zero is empty) in its low bits and, above it, bits of the hash's low half
// (the home comes from the high half): probing past other rows reads their data only when those
// bits agree too. The table may have any number of slots, so that one whose relation no longer
// grows can be cut to fit (settle()).
class RowSet {
public:
  // The row equal to `tuple` (whose hash_tuple is `hash`), or no_row.
  RowId find(Value const* tuple, std::uint64_t hash, Value const* data, std::uint32_t arity) const;
  // Records `row` (== size(), known to be absent) with its hash.
  void add(RowId row, std::uint64_t hash, Value const* data, std::uint32_t arity);
  // Rehashes into a table sized for the rows it holds (load factor 3/4 instead of up to 5/8 of
  // a doubled table), for a relation that no longer grows; add() still works after.
  void settle(Value const* data, std::uint32_t arity);
  // Starts loading the slot where a probe for `hash` begins, so that a batch of lookups
  // waits for memory once rather than once per lookup.
  void prefetch(std::uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(slots_.data() + home(hash));
  }
  std::uint32_t size() const { return size_; }
  std::size_t memory() const { return slots_.capacity() * sizeof(std::uint32_t); }

private:
  std::size_t home(std::uint64_t hash) const { return static_cast<std::size_t>(((hash >> 32) * slots_.size()) >> 32); }
  // As many bits of the hash's low half as the slot has room for above the row.
  std::uint64_t tag(std::uint64_t hash) const { return row_bits_ >= 32 ? 0 : (hash & 0xffffffffu) >> row_bits_; }
  void place(RowId row, std::uint64_t hash);
  void rehash(std::size_t slots, Value const* data, std::uint32_t arity);

  PagedArray<std::uint32_t> slots_;
  std::uint64_t row_mask_ = 0;  // a slot's row bits: rows stay below the number of slots
  std::uint32_t row_bits_ = 0;
  std::uint32_t size_ = 0;
};

class Relation;

// A complete relation's rows grouped by their values in the columns of `mask`, each group
// stored contiguously as row ids, newest row first (as HashIndex chains run). A join that
// looks up a key then reads one run of ids instead of chasing a chain through the whole
// relation. The rows themselves are read from the relation: copies would make the index as
// large as its relation, and it lives until evaluation ends. Built once a relation can no
// longer grow.
class GroupedIndex {
public:
  GroupedIndex(std::uint64_t mask, Relation const& rel);

  struct Group {
    RowId const* ids = nullptr;
    std::uint32_t count = 0;
  };
  std::uint64_t mask() const { return mask_; }
  std::uint32_t rows() const { return rows_built_; }
  // Whether keys are too nearly unique for grouping to pay; the index then holds nothing.
  bool sparse() const { return sparse_; }
  // The rows of `rel` (the relation it was built from) whose masked columns equal `key`
  // (values in column order); empty if none.
  Group find(Value const* key, Relation const& rel) const;
  std::size_t memory() const;

private:
  struct Slot {
    std::uint32_t group;  // no_row when empty
    std::uint32_t tag;
  };
  std::uint64_t key_hash(Value const* row_or_key, bool is_row) const;
  bool same_key(Value const* row, Value const* key) const;

  std::uint64_t mask_;
  std::uint32_t arity_;
  std::vector<std::uint8_t> cols_;
  std::vector<Slot> slots_;
  std::uint64_t slot_mask_ = 0;
  std::vector<std::uint32_t> starts_;  // per group, then the end
  std::vector<RowId> ids_;
  std::uint32_t rows_built_ = 0;
  bool sparse_ = false;
};

class Relation {
public:
  explicit Relation(std::uint32_t arity);

  std::uint32_t arity() const { return arity_; }
  std::uint32_t size() const { return rows_; }
  Value const* row(RowId r) const { return data_.data() + std::size_t(r) * arity_; }

  // Appends the tuple unless present; returns its row and whether it is new.
  std::pair<RowId, bool> insert(Value const* tuple);
  // The same, for a tuple whose hash_tuple() is known (batches hash and prefetch first).
  std::pair<RowId, bool> insert(Value const* tuple, std::uint64_t hash);
  std::uint64_t hash(Value const* tuple) const { return hash_tuple(tuple, arity_); }
  void prefetch(std::uint64_t hash) const { primary_.prefetch(hash); }
  // Appends a tuple known to be new (claims: each carries its own claim id), without the
  // duplicate check; a later insert() builds the duplicate index first.
  RowId append(Value const* tuple);
  void reserve(std::size_t rows) { data_.reserve(rows * arity_); }
  RowId find(Value const* tuple);
  // The same without bringing the duplicate check up to date: rows appended since are scanned.
  RowId lookup(Value const* tuple) const;
  // Whether lookup() finds every row through the duplicate check, without a scan.
  bool lookup_ready() const { return primary_.size() == rows_; }
  // An index over `mask` (bit i = column i), built on first use and kept up to date.
  HashIndex const& index(std::uint64_t mask);
  // The index over `mask` if one was built, for read-only lookups (explanations); else null.
  HashIndex const* find_index(std::uint64_t mask) const;
  // A grouped index over `mask`, for a relation that no longer grows; built on first use,
  // and again if rows were added since. Null when keys are nearly unique: use index().
  GroupedIndex const* grouped(std::uint64_t mask);
  // Frees the grouped indexes (once evaluation is over: they only speed its joins up).
  void release_grouped() { std::vector<std::unique_ptr<GroupedIndex>>().swap(grouped_); }
  // Cuts the duplicate check and the indexes to fit the rows, once no rule adds to the relation:
  // until evaluation ends they are sized to double, and explanations and searches read them after.
  void settle();
  // Frees the duplicate check and every index, once only rows are read (a report without
  // proofs): lookup() then scans, and find(), insert() and index() build them again.
  void release_lookups();
  // Brings the duplicate check up to date now, so that find() then only reads (appended claims
  // join it lazily): lets several threads look tuples up at once.
  void prepare_find() { catch_up_primary(); }
  std::size_t memory() const;

private:
  std::uint32_t arity_;
  std::uint32_t rows_ = 0;
  PagedArray<Value> data_;
  // Rows 0..primary_.size() are in the duplicate check; append() leaves later rows out
  // until the next insert or find adds them.
  RowSet primary_;
  void catch_up_primary();
  std::vector<std::unique_ptr<HashIndex>> indexes_;
  std::vector<std::unique_ptr<GroupedIndex>> grouped_;
};

// Whether `row` agrees with `key` on the masked columns (key in column order).
inline bool matches_key(Value const* row, Value const* key, std::uint64_t mask, std::uint32_t arity) {
  for (std::uint32_t c = 0, k = 0; c < arity; ++c)
    if (mask >> c & 1) {
      if (row[c] != key[k]) return false;
      ++k;
    }
  return true;
}

}  // namespace nogood::engine
