#include "nogood/engine/evaluate.hpp"

namespace nogood::engine {

std::uint32_t Provenance::enrol(std::uint32_t rule, std::vector<std::uint32_t> const& stored) {
  for (std::uint32_t i = 0; i < rules_.size(); ++i)
    if (rules_[i] == rule) return i;
  rules_.push_back(rule);
  stored_.push_back(stored);
  if (rules_.size() == 2) tag();
  if (tags_ == Tags::packed && rules_.size() > packed_rules) unpack();
  if (rules_.size() == 0x10000) {  // past what 16 bits number
    wide_local_.assign(local_.begin(), local_.end());
    local_.release();
    tags_ = Tags::wide;
  }
  return static_cast<std::uint32_t>(rules_.size() - 1);
}

// Starts keeping each record's rule: until now every record was the first rule's.
void Provenance::tag() {
  if (tags_ != Tags::none) return;
  bool packs = width_ > 0;
  for (std::size_t i = 0; i < recorded_ && packs; ++i) packs = rows_[i * width_] < packed_rows;
  if (!packs) {
    tags_ = Tags::narrow;
    local_.assign(recorded_, 1);
    return;
  }
  tags_ = Tags::packed;
  for (std::size_t i = 0; i < recorded_; ++i) rows_[i * width_] |= RowId(1) << packed_shift;
}

void Provenance::unpack() {
  local_.assign(recorded_, 0);
  for (std::size_t i = 0; i < recorded_; ++i) {
    auto& first = rows_[i * width_];
    local_[i] = static_cast<std::uint16_t>(first >> packed_shift);
    first &= packed_rows - 1;
  }
  tags_ = Tags::narrow;
}

void Provenance::record(RowId row, std::uint32_t local, RowId const* body) {
  if (first_ == no_row) first_ = row;
  std::size_t const i = row - first_;
  if (i >= recorded_) {
    if (i > recorded_) tag();  // rows between have no record
    recorded_ = i + 1;
    rows_.resize(recorded_ * width_, 0);  // a packed record of 0: none
    if (tags_ == Tags::wide) wide_local_.resize(recorded_, 0);
    else if (tags_ == Tags::narrow) local_.resize(recorded_, 0);
  }
  auto const& slots = stored_[local];
  if (tags_ == Tags::packed && !slots.empty() && body[slots[0]] >= packed_rows) unpack();
  auto* out = rows_.data() + i * width_;
  for (auto slot : slots) *out++ = body[slot];
  switch (tags_) {
    case Tags::none: break;
    case Tags::packed: {
      auto& first = rows_[i * width_];
      first = (slots.empty() ? 0 : first) | (RowId(local + 1) << packed_shift);
      break;
    }
    case Tags::narrow: local_[i] = static_cast<std::uint16_t>(local + 1); break;
    case Tags::wide: wide_local_[i] = local + 1; break;
  }
}

std::uint32_t Provenance::local_of(std::size_t i) const {
  switch (tags_) {
    case Tags::none: return 1;
    case Tags::packed: return rows_[i * width_] >> packed_shift;
    case Tags::narrow: return local_[i];
    case Tags::wide: return wide_local_[i];
  }
  return 0;
}

bool Provenance::find(RowId row, Derivation& out) const {
  if (first_ == no_row || row < first_ || row - first_ >= recorded_) return false;
  std::size_t const i = row - first_;
  auto local = local_of(i);
  if (local-- == 0) return false;
  out.rule = rules_[local];
  auto begin = rows_.begin() + std::ptrdiff_t(i * width_);
  out.rows.assign(begin, begin + std::ptrdiff_t(stored_[local].size()));
  if (tags_ == Tags::packed && !out.rows.empty()) out.rows[0] &= packed_rows - 1;
  return true;
}

void Provenance::release() {
  first_ = no_row;
  recorded_ = 0;
  local_.release();
  std::vector<std::uint32_t>().swap(wide_local_);
  rows_.release();
}

std::size_t Provenance::memory() const {
  return rows_.capacity() * sizeof(RowId) + local_.capacity() * sizeof(std::uint16_t) +
         wide_local_.capacity() * sizeof(std::uint32_t);
}

}  // namespace nogood::engine
