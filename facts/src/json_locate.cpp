#include "json_locate.hpp"

#include <string>

namespace nogood::facts::detail {

namespace {

class Scanner {
public:
  explicit Scanner(std::string_view text) : t_(text) {}

  void blanks() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
  }
  bool at(char c) const { return i_ < t_.size() && t_[i_] == c; }
  std::size_t pos() const { return i_; }

  // A string starting at the cursor; `out` gets its content with the simple escapes decoded.
  bool string(std::string* out) {
    if (!at('"')) return false;
    ++i_;
    while (i_ < t_.size() && t_[i_] != '"') {
      char c = t_[i_++];
      if (c == '\\' && i_ < t_.size()) {
        char e = t_[i_++];
        if (e == 'u') {
          i_ += 4;  // \uXXXX: such keys do not match a plain pointer token
          if (out) out->push_back('\x01');
          continue;
        }
        c = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' : e == 'f' ? '\f' : e;
      }
      if (out) out->push_back(c);
    }
    if (i_ >= t_.size()) return false;
    ++i_;
    return true;
  }

  // Skips one value; iterative so that deep nesting costs no stack.
  bool skip_value() {
    std::size_t depth = 0;
    do {
      blanks();
      if (i_ >= t_.size()) return false;
      char c = t_[i_];
      if (c == '"') {
        if (!string(nullptr)) return false;
      } else if (c == '{' || c == '[') {
        ++depth;
        ++i_;
        continue;
      } else if (c == '}' || c == ']') {
        if (depth == 0) return false;
        --depth;
        ++i_;
      } else if (c == ',' || c == ':') {
        ++i_;
        continue;
      } else {
        while (i_ < t_.size() && std::string_view(" \t\r\n,:]}").find(t_[i_]) == std::string_view::npos) ++i_;
      }
    } while (depth > 0);
    return true;
  }

  bool take(char c) {
    blanks();
    if (!at(c)) return false;
    ++i_;
    return true;
  }

private:
  std::string_view t_;
  std::size_t i_ = 0;
};

std::string unescape_token(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out.push_back(token[i + 1] == '0' ? '~' : '/');
      ++i;
    } else {
      out.push_back(token[i]);
    }
  }
  return out;
}

}  // namespace

std::optional<std::pair<std::uint32_t, std::uint32_t>> locate_json_pointer(std::string_view text, std::string_view pointer,
                                                                           JsonPart part) {
  Scanner s(text);
  s.blanks();
  std::size_t key_begin = 0, key_end = 0;
  bool have_key = false;
  while (!pointer.empty()) {
    if (pointer.front() != '/') return std::nullopt;
    pointer.remove_prefix(1);
    auto slash = pointer.find('/');
    auto token = unescape_token(pointer.substr(0, slash));
    pointer = slash == std::string_view::npos ? std::string_view() : pointer.substr(slash);
    s.blanks();
    if (s.at('{')) {
      s.take('{');
      bool found = false;
      while (!found) {
        s.blanks();
        if (s.at('}')) return std::nullopt;
        key_begin = s.pos();
        std::string key;
        if (!s.string(&key)) return std::nullopt;
        key_end = s.pos();
        if (!s.take(':')) return std::nullopt;
        s.blanks();
        if (key == token) {
          found = have_key = true;
        } else {
          if (!s.skip_value()) return std::nullopt;
          if (!s.take(',')) return std::nullopt;
        }
      }
    } else if (s.at('[')) {
      std::size_t index = 0;
      for (char c : token) {
        if (c < '0' || c > '9') return std::nullopt;
        index = index * 10 + static_cast<std::size_t>(c - '0');
      }
      s.take('[');
      for (std::size_t k = 0; k < index; ++k) {
        s.blanks();
        if (s.at(']') || !s.skip_value() || !s.take(',')) return std::nullopt;
      }
      s.blanks();
      if (s.at(']')) return std::nullopt;
      have_key = false;
    } else {
      return std::nullopt;
    }
  }
  if (part == JsonPart::key && have_key)
    return std::pair{static_cast<std::uint32_t>(key_begin), static_cast<std::uint32_t>(key_end)};
  s.blanks();
  auto begin = s.pos();
  if (begin >= text.size() || !s.skip_value()) return std::nullopt;
  auto end = s.pos();
  auto newline = text.find('\n', begin);
  if (newline != std::string_view::npos && newline < end) end = newline;
  return std::pair{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

}  // namespace nogood::facts::detail
