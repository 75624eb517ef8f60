#include "nogood/diagnostics.hpp"

#include <algorithm>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

namespace nogood {

FileId SourceManager::add(std::string name, std::string text) {
  files_.push_back({std::move(name), std::move(text)});
  line_starts_.emplace_back();
  return static_cast<FileId>(files_.size() - 1);
}

std::vector<std::uint32_t> const& SourceManager::line_starts(FileId id) const {
  auto& starts = line_starts_[id];
  if (starts.empty()) {
    auto const& text = files_[id].text;
    starts.push_back(0);
    for (std::uint32_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

// Invalid UTF-8 counts one column per byte.
std::uint32_t display_width(std::string_view prefix) {
  if (std::all_of(prefix.begin(), prefix.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return static_cast<std::uint32_t>(prefix.size());
  auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(prefix.data(), static_cast<int32_t>(prefix.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) return static_cast<std::uint32_t>(text.countChar32());
  it->setText(text);
  std::uint32_t n = 0;
  for (auto p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) ++n;
  return n;
}

LineCol SourceManager::line_col(FileId id, std::uint32_t byte_offset) const {
  auto const& starts = line_starts(id);
  auto const& text = files_[id].text;
  byte_offset = std::min<std::uint32_t>(byte_offset, static_cast<std::uint32_t>(text.size()));
  auto it = std::upper_bound(starts.begin(), starts.end(), byte_offset);
  auto line = static_cast<std::uint32_t>(it - starts.begin());
  std::uint32_t start = starts[line - 1];
  std::string_view prefix(text.data() + start, byte_offset - start);
  return {line, display_width(prefix) + 1};
}

std::string_view SourceManager::line_text(FileId id, std::uint32_t line) const {
  auto const& starts = line_starts(id);
  auto const& text = files_[id].text;
  if (line == 0 || line > starts.size()) return {};
  std::uint32_t begin = starts[line - 1];
  std::uint32_t end = line < starts.size() ? starts[line] : static_cast<std::uint32_t>(text.size());
  while (end > begin && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  return std::string_view(text).substr(begin, end - begin);
}

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

Diagnostic& Diagnostic::with_primary(Span s, std::string label) {
  primary = Label{s, std::move(label)};
  return *this;
}
Diagnostic& Diagnostic::with_secondary(Span s, std::string label) {
  secondary.push_back({s, std::move(label)});
  return *this;
}
Diagnostic& Diagnostic::with_note(std::string note) {
  notes.push_back(std::move(note));
  return *this;
}
Diagnostic& Diagnostic::with_help(std::string h) {
  help = std::move(h);
  return *this;
}

Diagnostic make_error(std::string code, std::string message) {
  Diagnostic d;
  d.severity = Severity::error;
  d.code = std::move(code);
  d.message = std::move(message);
  return d;
}
Diagnostic make_warning(std::string code, std::string message) {
  Diagnostic d = make_error(std::move(code), std::move(message));
  d.severity = Severity::warning;
  return d;
}

void Diagnostics::report(Diagnostic d) {
  // A rule with alternatives is checked once per choice: the same finding at the same place is
  // one diagnostic. Only the kept ones are compared, so a flood past the limit costs no memory.
  if (d.primary) {
    auto same = [&](Diagnostic const& k) {
      return k.primary && k.primary->span.file == d.primary->span.file && k.primary->span.begin == d.primary->span.begin &&
             k.primary->span.end == d.primary->span.end && k.code == d.code && k.message == d.message;
    };
    if (std::any_of(kept_.begin(), kept_.end(), same)) return;
  }
  if (d.severity == Severity::error) ++errors_;
  if (d.severity == Severity::warning) ++warnings_;
  if (kept_.size() >= limit_) {
    ++dropped_;
    return;
  }
  kept_.push_back(std::move(d));
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], before[j - 2] + 1);
    }
    std::swap(before, prev);
    std::swap(prev, row);
  }
  return prev[b.size()];
}

std::string closest_match(std::string_view word, std::vector<std::string_view> const& candidates) {
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (auto c : candidates) {
    auto d = edit_distance(word, c);
    if (d < best_distance || (d == best_distance && !best.empty() && c < best)) {
      if (d < best_distance) best_distance = d;
      best = c;
    }
  }
  return std::string(best);
}

}  // namespace nogood
