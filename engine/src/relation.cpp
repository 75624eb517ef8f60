#include "nogood/engine/relation.hpp"

#include <algorithm>
#include <bit>

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

void HashIndex::add(RowId row, Value const* values, Value const* data) {
  if (std::size_t(row) + 1 > buckets_.size()) {
    rebuild(data, row);  // index rows before this one into a bigger table
  }
  next_.resize(std::size_t(row) + 1);
  auto b = bucket(hash_row(values));
  next_[row] = buckets_[b];
  buckets_[b] = row;
}

void HashIndex::rebuild(Value const* data, std::uint32_t rows) {
  std::size_t want = 16;
  while (want < (std::size_t(rows) + 1) * 2) want *= 2;  // load factor at most 1/2: short chains
  index_rows(data, rows, want);
}

void HashIndex::settle(Value const* data, std::uint32_t rows) {
  std::size_t const want = std::max<std::size_t>(16, rows);
  if (buckets_.size() > want) index_rows(data, rows, want);
}

void HashIndex::index_rows(Value const* data, std::uint32_t rows, std::size_t buckets) {
  // Rows are indexed again from the relation: the old tables need not stay, nor keep their size.
  buckets_.release();
  next_.release();
  buckets_.assign(buckets, no_row);
  next_.assign(rows, no_row);
  for (RowId r = 0; r < rows; ++r) {
    auto b = bucket(hash_row(data + std::size_t(r) * arity_));
    next_[r] = buckets_[b];
    buckets_[b] = r;
  }
}

namespace {
// Tuples are a handful of values: a plain loop beats a call to memcmp, and never reads
// the (possibly null) data of zero-arity tuples.
inline bool same_tuple(Value const* a, Value const* b, std::uint32_t arity) {
  for (std::uint32_t c = 0; c < arity; ++c)
    if (a[c] != b[c]) return false;
  return true;
}
}  // namespace

std::uint64_t hash_tuple(Value const* tuple, std::uint32_t arity) {
  std::uint64_t h = 0;
  for (std::uint32_t c = 0; c < arity; ++c) h = mix(h, tuple[c]);
  return finish(h);
}


RowId RowSet::find(Value const* tuple, std::uint64_t hash, Value const* data, std::uint32_t arity) const {
  if (slots_.empty()) return no_row;
  auto const want = tag(hash);
  auto const n = slots_.size();
  for (auto pos = home(hash);; pos = pos + 1 == n ? 0 : pos + 1) {
    std::uint64_t const slot = slots_[pos];
    if (slot == 0) return no_row;
    if ((slot >> row_bits_) != want) continue;
    auto const row = static_cast<RowId>((slot & row_mask_) - 1);
    if (same_tuple(data + std::size_t(row) * arity, tuple, arity)) return row;
  }
}

void RowSet::place(RowId row, std::uint64_t hash) {
  auto const n = slots_.size();
  auto pos = home(hash);
  while (slots_[pos] != 0) pos = pos + 1 == n ? 0 : pos + 1;
  slots_[pos] = static_cast<std::uint32_t>((tag(hash) << row_bits_) | (std::uint64_t(row) + 1));
}

void RowSet::rehash(std::size_t slots, Value const* data, std::uint32_t arity) {
  slots_.release();  // the rows are rehashed from the relation: the old table need not stay beside the new
  slots_.assign(slots, 0);
  row_bits_ = static_cast<std::uint32_t>(std::bit_width(slots));  // row + 1 <= size_ < slots
  row_mask_ = (std::uint64_t(1) << row_bits_) - 1;
  for (RowId r = 0; r < size_; ++r) place(r, hash_tuple(data + std::size_t(r) * arity, arity));
}

void RowSet::add(RowId row, std::uint64_t hash, Value const* data, std::uint32_t arity) {
  // Load factor at most 5/8 while growing: probe runs stay within a cache line or two.
  if ((std::size_t(size_) + 1) * 8 > slots_.size() * 5) rehash(slots_.empty() ? 16 : slots_.size() * 2, data, arity);
  place(row, hash);
  ++size_;
}

void RowSet::settle(Value const* data, std::uint32_t arity) {
  std::size_t const want = std::max<std::size_t>(16, std::size_t(size_) * 4 / 3 + 1);
  if (slots_.size() > want) rehash(want, data, arity);
}

GroupedIndex::GroupedIndex(std::uint64_t mask, Relation const& rel) : mask_(mask), arity_(rel.arity()) {
  for (std::uint32_t c = 0; c < arity_; ++c)
    if (mask >> c & 1) cols_.push_back(static_cast<std::uint8_t>(c));
  std::uint32_t const n = rel.size();
  rows_built_ = n;
  // Pass 1: number the groups in order of first appearance and count their rows.
  std::vector<std::uint32_t> group_of(n), counts;
  std::vector<RowId> first_row;  // a row of each group, to compare keys against
  auto resize_slots = [&](std::size_t want) {  // load factor at most 1/2 over groups
    slots_.assign(want, Slot{no_row, 0});
    slot_mask_ = want - 1;
    for (std::uint32_t g = 0; g < first_row.size(); ++g) {
      auto h = key_hash(rel.row(first_row[g]), true);
      auto pos = h & slot_mask_;
      while (slots_[pos].group != no_row) pos = (pos + 1) & slot_mask_;
      slots_[pos] = {g, static_cast<std::uint32_t>(h >> 32)};
    }
  };
  resize_slots(16);
  for (RowId r = 0; r < n; ++r) {
    if ((first_row.size() + 1) * 2 > slots_.size()) resize_slots(slots_.size() * 2);
    Value const* row = rel.row(r);
    auto h = key_hash(row, true);
    auto tag = static_cast<std::uint32_t>(h >> 32);
    auto pos = h & slot_mask_;
    while (slots_[pos].group != no_row &&
           !(slots_[pos].tag == tag && same_key(row, rel.row(first_row[slots_[pos].group]))))
      pos = (pos + 1) & slot_mask_;
    if (slots_[pos].group == no_row) {
      slots_[pos] = {static_cast<std::uint32_t>(counts.size()), tag};
      counts.push_back(0);
      first_row.push_back(r);
    }
    group_of[r] = slots_[pos].group;
    ++counts[group_of[r]];
  }
  if (counts.size() * 2 > n) {  // under two rows a key: a chained index reads as little, in less memory
    std::vector<Slot>().swap(slots_);
    sparse_ = true;
    return;
  }
  // Pass 2: lay the groups out one after another, each newest row first.
  starts_.resize(counts.size() + 1);
  starts_[0] = 0;
  for (std::size_t g = 0; g < counts.size(); ++g) starts_[g + 1] = starts_[g] + counts[g];
  std::vector<std::uint32_t> fill(starts_.begin(), starts_.end() - 1);
  ids_.resize(n);
  for (RowId r = n; r-- > 0;) ids_[fill[group_of[r]]++] = r;
}

std::uint64_t GroupedIndex::key_hash(Value const* row_or_key, bool is_row) const {
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < cols_.size(); ++i) h = mix(h, row_or_key[is_row ? cols_[i] : i]);
  return finish(h);
}

// Whether `row` holds `key` in the masked columns; `key` is itself a row when building.
bool GroupedIndex::same_key(Value const* row, Value const* key_row) const {
  for (auto c : cols_)
    if (row[c] != key_row[c]) return false;
  return true;
}

GroupedIndex::Group GroupedIndex::find(Value const* key, Relation const& rel) const {
  auto h = key_hash(key, false);
  auto tag = static_cast<std::uint32_t>(h >> 32);
  for (auto pos = h & slot_mask_;; pos = (pos + 1) & slot_mask_) {
    auto const& slot = slots_[pos];
    if (slot.group == no_row) return {};
    if (slot.tag != tag) continue;
    auto begin = starts_[slot.group];
    if (matches_key(rel.row(ids_[begin]), key, mask_, arity_)) return {ids_.data() + begin, starts_[slot.group + 1] - begin};
  }
}

std::size_t GroupedIndex::memory() const {
  return slots_.capacity() * sizeof(Slot) + (starts_.capacity() + ids_.capacity()) * sizeof(std::uint32_t);
}

Relation::Relation(std::uint32_t arity) : arity_(arity) {}

void Relation::catch_up_primary() {
  for (RowId r = primary_.size(); r < rows_; ++r) primary_.add(r, hash_tuple(row(r), arity_), data_.data(), arity_);
}

RowId Relation::find(Value const* tuple) {
  catch_up_primary();
  return primary_.find(tuple, hash_tuple(tuple, arity_), data_.data(), arity_);
}

RowId Relation::lookup(Value const* tuple) const {
  if (auto r = primary_.find(tuple, hash_tuple(tuple, arity_), data_.data(), arity_); r != no_row) return r;
  for (RowId r = primary_.size(); r < rows_; ++r)
    if (std::equal(tuple, tuple + arity_, row(r))) return r;
  return no_row;
}

std::pair<RowId, bool> Relation::insert(Value const* tuple) { return insert(tuple, hash_tuple(tuple, arity_)); }

std::pair<RowId, bool> Relation::insert(Value const* tuple, std::uint64_t hash) {
  catch_up_primary();
  if (auto r = primary_.find(tuple, hash, data_.data(), arity_); r != no_row) return {r, false};
  RowId id = rows_++;
  data_.append(tuple, tuple + arity_);
  primary_.add(id, hash, data_.data(), arity_);
  for (auto& index : indexes_) index->add(id, tuple, data_.data());
  return {id, true};
}

RowId Relation::append(Value const* tuple) {
  RowId id = rows_++;
  data_.append(tuple, tuple + arity_);
  for (auto& index : indexes_) index->add(id, tuple, data_.data());
  return id;
}

HashIndex const& Relation::index(std::uint64_t mask) {
  for (auto& index : indexes_)
    if (index->mask() == mask) return *index;
  indexes_.push_back(std::make_unique<HashIndex>(mask, arity_));
  indexes_.back()->rebuild(data_.data(), rows_);
  return *indexes_.back();
}

void Relation::settle() {
  if (primary_.size() == rows_) primary_.settle(data_.data(), arity_);
  for (auto& index : indexes_) index->settle(data_.data(), rows_);
}

void Relation::release_lookups() {
  primary_ = RowSet();
  std::vector<std::unique_ptr<HashIndex>>().swap(indexes_);
  release_grouped();
}

HashIndex const* Relation::find_index(std::uint64_t mask) const {
  for (auto const& index : indexes_)
    if (index->mask() == mask) return index.get();
  return nullptr;
}

GroupedIndex const* Relation::grouped(std::uint64_t mask) {
  auto built = std::find_if(grouped_.begin(), grouped_.end(), [&](auto const& index) { return index->mask() == mask; });
  if (built == grouped_.end()) built = grouped_.insert(built, std::make_unique<GroupedIndex>(mask, *this));
  else if ((*built)->rows() != rows_) *built = std::make_unique<GroupedIndex>(mask, *this);
  return (*built)->sparse() ? nullptr : built->get();
}

std::size_t Relation::memory() const {
  std::size_t total = data_.capacity() * sizeof(Value) + primary_.memory();
  for (auto const& index : indexes_) total += index->memory();
  for (auto const& index : grouped_) total += index->memory();
  return total;
}

}  // namespace nogood::engine
