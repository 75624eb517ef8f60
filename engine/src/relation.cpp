#include "nogood/engine/relation.hpp"

#include <cstring>

namespace nogood::engine {

namespace {
// Multiply-xorshift per value and the full 64-bit finaliser: low bits, which pick the
// bucket, depend on every bit of every value.
inline std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  h = (h ^ v) * 0x9e3779b97f4a7c15ull;
  return h ^ (h >> 29);
}
inline std::uint64_t finish(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}
}  // namespace

HashIndex::HashIndex(std::uint64_t mask, std::uint32_t arity) : mask_(mask), arity_(arity) {
  for (std::uint32_t c = 0; c < arity; ++c)
    if (mask >> c & 1) cols_.push_back(static_cast<std::uint8_t>(c));
}

std::uint64_t HashIndex::hash_row(Value const* row) const {
  std::uint64_t h = 0;
  for (auto c : cols_) h = mix(h, row[c]);
  return finish(h);
}

std::uint64_t HashIndex::hash_key(Value const* key) const {
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < cols_.size(); ++i) h = mix(h, key[i]);
  return finish(h);
}

void HashIndex::add(RowId row, Value const* values, std::vector<Value> const& data) {
  if (std::size_t(row) + 1 > buckets_.size()) {
    rebuild(data, row);  // index rows before this one into a bigger table
  }
  next_.resize(std::size_t(row) + 1);
  auto b = hash_row(values) & bucket_mask_;
  next_[row] = buckets_[b];
  buckets_[b] = row;
}

void HashIndex::rebuild(std::vector<Value> const& data, std::uint32_t rows) {
  std::size_t want = 16;
  while (want < (std::size_t(rows) + 1) * 2) want *= 2;  // load factor at most 1/2: short chains
  buckets_.assign(want, no_row);
  bucket_mask_ = want - 1;
  next_.assign(rows, no_row);
  next_.reserve(want);
  for (RowId r = 0; r < rows; ++r) {
    auto b = hash_row(data.data() + std::size_t(r) * arity_) & bucket_mask_;
    next_[r] = buckets_[b];
    buckets_[b] = r;
  }
}

Relation::Relation(std::uint32_t arity) : arity_(arity), primary_((arity >= 64 ? ~0ull : (1ull << arity) - 1), arity) {}

RowId Relation::find(Value const* tuple) {
  if (!primary_current_) {
    primary_.rebuild(data_, rows_);
    primary_current_ = true;
  }
  auto h = primary_.hash_row(tuple);
  // Zero-arity tuples are all equal, and their data may be null, which memcmp must not get.
  for (RowId r = primary_.first(h); r != no_row; r = primary_.next(r))
    if (arity_ == 0 || std::memcmp(row(r), tuple, arity_ * sizeof(Value)) == 0) return r;
  return no_row;
}

std::pair<RowId, bool> Relation::insert(Value const* tuple) {
  if (auto r = find(tuple); r != no_row) return {r, false};
  RowId id = rows_++;
  data_.insert(data_.end(), tuple, tuple + arity_);
  primary_.add(id, tuple, data_);
  for (auto& index : indexes_) index->add(id, tuple, data_);
  return {id, true};
}

RowId Relation::append(Value const* tuple) {
  RowId id = rows_++;
  data_.insert(data_.end(), tuple, tuple + arity_);
  primary_current_ = false;
  for (auto& index : indexes_) index->add(id, tuple, data_);
  return id;
}

HashIndex const& Relation::index(std::uint64_t mask) {
  for (auto& index : indexes_)
    if (index->mask() == mask) return *index;
  indexes_.push_back(std::make_unique<HashIndex>(mask, arity_));
  indexes_.back()->rebuild(data_, rows_);
  return *indexes_.back();
}

HashIndex const* Relation::find_index(std::uint64_t mask) const {
  for (auto const& index : indexes_)
    if (index->mask() == mask) return index.get();
  return nullptr;
}

std::size_t Relation::memory() const {
  std::size_t total = data_.capacity() * sizeof(Value) + primary_.memory();
  for (auto const& index : indexes_) total += index->memory();
  return total;
}

}  // namespace nogood::engine
