#include "nogood/engine/evaluate.hpp"

namespace nogood::engine {

std::uint32_t Provenance::enrol(std::uint32_t rule, std::vector<std::uint32_t> const& stored) {
  for (std::uint32_t i = 0; i < rules_.size(); ++i)
    if (rules_[i] == rule) return i;
  rules_.push_back(rule);
  stored_.push_back(stored);
  if (rules_.size() == 2) tag();
  if (rules_.size() == 0x10000) {  // past what 16 bits number
    wide_local_.assign(local_.begin(), local_.end());
    local_.release();
    wide_ = true;
  }
  return static_cast<std::uint32_t>(rules_.size() - 1);
}

// Starts keeping each record's rule: until now every record was the first rule's.
void Provenance::tag() {
  if (tagged_) return;
  tagged_ = true;
  local_.assign(recorded_, 1);
}

void Provenance::record(RowId row, std::uint32_t local, RowId const* body) {
  if (first_ == no_row) first_ = row;
  std::size_t const i = row - first_;
  if (i >= recorded_) {
    if (i > recorded_) tag();  // rows between have no record
    recorded_ = i + 1;
    rows_.resize(recorded_ * width_, no_row);
    if (wide_) wide_local_.resize(recorded_, 0);
    else if (tagged_) local_.resize(recorded_, 0);
  }
  auto* out = rows_.data() + i * width_;
  for (auto slot : stored_[local]) *out++ = body[slot];
  if (wide_) wide_local_[i] = local + 1;
  else if (tagged_) local_[i] = static_cast<std::uint16_t>(local + 1);
}

std::uint32_t Provenance::local_of(std::size_t i) const {
  if (wide_) return wide_local_[i];
  if (tagged_) return local_[i];
  return 1;
}

bool Provenance::find(RowId row, Derivation& out) const {
  if (first_ == no_row || row < first_ || row - first_ >= recorded_) return false;
  std::size_t const i = row - first_;
  auto local = local_of(i);
  if (local-- == 0) return false;
  out.rule = rules_[local];
  auto begin = rows_.begin() + std::ptrdiff_t(i * width_);
  out.rows.assign(begin, begin + std::ptrdiff_t(stored_[local].size()));
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
