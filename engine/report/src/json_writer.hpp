// Pretty-printed JSON written straight into a buffer, laid out exactly as nlohmann's dump(2):
// reports of a hundred thousand verdicts are written without building a document first.
#pragma once

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nogood::report {

class JsonWriter {
public:
  // `depth`: the nesting the first value starts at (its lines are indented 2 * depth).
  explicit JsonWriter(std::string& out, int depth = 0) : out_(out), base_(depth) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view k);

  JsonWriter& value(std::string_view s);
  JsonWriter& value(char const* s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b);
  template <std::integral T>
  JsonWriter& value(T n) {
    return number(static_cast<std::int64_t>(n));
  }
  JsonWriter& null();
  // The open container got its values from elsewhere (written to the same output at the next
  // depth): it is closed on a line of its own.
  JsonWriter& filled() {
    empty_.back() = false;
    return *this;
  }
  // Text that is already JSON (e.g. a nested dump), placed as one value.
  JsonWriter& raw(std::string_view json);

  template <class T>
  JsonWriter& member(std::string_view k, T const& v) {
    key(k);
    return value(v);
  }

private:
  JsonWriter& number(std::int64_t n);
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void before_value();
  void newline(std::size_t depth);

  std::string& out_;
  int base_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

// Appends `s` as a JSON string; invalid UTF-8 becomes U+FFFD, as a report must stay valid JSON.
void append_json_string(std::string& out, std::string_view s);

}  // namespace nogood::report
