#include "jsonl_record.hpp"

#include <charconv>

namespace nogood::facts::detail {

void FactLine::clear() {
  pred = by = certainty = quote = {};
  source.reset();
  args.clear();
  has_by = has_certainty = negated = false;
  at.reset();
}

namespace {

// A scanner for exactly the shape of a plain fact line; it gives up (returns false) on anything
// else, including escapes in strings, which the full JSON parser then handles.
class Scanner {
public:
  explicit Scanner(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}

  bool fact(FactLine& out) {
    if (!take('{')) return false;
    if (peek('}')) return finish();
    do {
      std::string_view key;
      if (!string(key) || !take(':')) return false;
      if (!value_for(key, out)) return false;
    } while (take(','));
    return take('}') && finish();
  }

private:
  void blanks() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\r' || *p_ == '\n')) ++p_;
  }
  bool peek(char c) {
    blanks();
    return p_ != end_ && *p_ == c;
  }
  bool take(char c) {
    if (!peek(c)) return false;
    ++p_;
    return true;
  }
  bool finish() {
    blanks();
    return p_ == end_;
  }
  bool string(std::string_view& out) {
    if (!take('"')) return false;
    char const* start = p_;
    while (p_ != end_ && *p_ != '"') {
      if (*p_ == '\\' || static_cast<unsigned char>(*p_) < 0x20) return false;
      ++p_;
    }
    if (p_ == end_) return false;
    out = std::string_view(start, static_cast<std::size_t>(p_ - start));
    ++p_;
    return true;
  }
  bool integer(std::int64_t& out) {
    blanks();
    auto [next, ec] = std::from_chars(p_, end_, out);
    if (ec != std::errc() || next == p_) return false;
    if (next != end_ && (*next == '.' || *next == 'e' || *next == 'E')) return false;
    if (*p_ == '-' && next - p_ > 1 && p_[1] == '0' && next - p_ > 2) return false;  // -01 is not JSON
    if (*p_ == '0' && next - p_ > 1) return false;                                  // nor is 01
    p_ = next;
    return true;
  }
  bool word(std::string_view w) {
    blanks();
    if (static_cast<std::size_t>(end_ - p_) < w.size() || std::string_view(p_, w.size()) != w) return false;
    p_ += w.size();
    return true;
  }

  bool value_for(std::string_view key, FactLine& out) {
    std::string_view s;
    if (key == "pred") {
      if (!string(s)) return false;
      out.pred = s;
    } else if (key == "source") {
      if (word("null")) return true;
      if (!string(s)) return false;
      out.source.emplace(s);
    } else if (key == "args") {
      if (!take('[')) return false;
      if (take(']')) return true;
      do {
        blanks();
        if (p_ != end_ && *p_ == '"') {
          if (!string(s)) return false;
          out.args.push_back({FlatValue::Kind::string, s, 0});
        } else {
          std::int64_t v;
          if (!integer(v)) return false;
          out.args.push_back({FlatValue::Kind::integer, {}, v});
        }
      } while (take(','));
      return take(']');
    } else if (key == "by") {
      if (!string(s)) return false;
      out.by = s;
      out.has_by = true;
    } else if (key == "certainty") {
      if (!string(s)) return false;
      out.certainty = s;
      out.has_certainty = true;
    } else if (key == "quote") {
      if (!string(s)) return false;
      out.quote = s;
    } else if (key == "at") {
      std::int64_t v;
      if (!integer(v)) return false;
      out.at = v;
    } else if (key == "negated") {
      if (word("true")) out.negated = true;
      else if (word("false")) out.negated = false;
      else return false;
    } else {
      return false;
    }
    return true;
  }

  char const* p_;
  char const* end_;
};

}  // namespace

bool read_fact_line(std::string_view line, FactLine& out) {
  out.clear();
  return Scanner(line).fact(out) && !out.pred.empty();
}

}  // namespace nogood::facts::detail
