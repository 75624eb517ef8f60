#include "jsonl_record.hpp"

#include <nlohmann/json.hpp>

namespace nogood::facts::detail {

void FactLine::clear() {
  pred.clear();
  source.reset();
  args.clear();
  by.clear();
  certainty.clear();
  quote.clear();
  has_by = has_certainty = negated = false;
  at.reset();
}

namespace {

using json = nlohmann::json;

class FactSax {
public:
  explicit FactSax(FactLine& out) : out_(out) {}

  bool null() { return scalar_null(); }
  bool boolean(bool v) {
    if (depth_ != 1 || key_ != Key::negated) return false;
    out_.negated = v;
    return true;
  }
  bool number_integer(json::number_integer_t v) { return integer(v); }
  bool number_unsigned(json::number_unsigned_t v) {
    if (v > static_cast<json::number_unsigned_t>(INT64_MAX)) return false;
    return integer(static_cast<std::int64_t>(v));
  }
  bool number_float(json::number_float_t, json::string_t const&) { return false; }
  bool string(json::string_t& v) {
    if (depth_ == 2 && in_args_) {
      out_.args.push_back({FlatValue::Kind::string, std::move(v), 0});
      return true;
    }
    if (depth_ != 1) return false;
    switch (key_) {
      case Key::pred: out_.pred = std::move(v); return true;
      case Key::source: out_.source = std::move(v); return true;
      case Key::by: out_.by = std::move(v); out_.has_by = true; return true;
      case Key::certainty: out_.certainty = std::move(v); out_.has_certainty = true; return true;
      case Key::quote: out_.quote = std::move(v); return true;
      default: return false;
    }
  }
  bool binary(json::binary_t&) { return false; }
  bool start_object(std::size_t) { return depth_++ == 0; }
  bool end_object() {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) {
    if (depth_ != 1 || key_ != Key::args) return false;
    ++depth_;
    in_args_ = true;
    return true;
  }
  bool end_array() {
    --depth_;
    in_args_ = false;
    return true;
  }
  bool key(json::string_t& k) {
    if (depth_ != 1) return false;
    if (k == "pred") key_ = Key::pred;
    else if (k == "source") key_ = Key::source;
    else if (k == "args") key_ = Key::args;
    else if (k == "by") key_ = Key::by;
    else if (k == "certainty") key_ = Key::certainty;
    else if (k == "quote") key_ = Key::quote;
    else if (k == "at") key_ = Key::at;
    else if (k == "negated") key_ = Key::negated;
    else return false;
    return true;
  }
  bool parse_error(std::size_t, std::string const&, nlohmann::detail::exception const&) { return false; }

private:
  enum class Key { none, pred, source, args, by, certainty, quote, at, negated };

  bool scalar_null() {
    if (depth_ == 1 && key_ == Key::source) return true;  // background fact
    return false;
  }
  bool integer(std::int64_t v) {
    if (depth_ == 2 && in_args_) {
      out_.args.push_back({FlatValue::Kind::integer, {}, v});
      return true;
    }
    if (depth_ == 1 && key_ == Key::at) {
      out_.at = v;
      return true;
    }
    return false;
  }

  FactLine& out_;
  int depth_ = 0;
  bool in_args_ = false;
  Key key_ = Key::none;
};

}  // namespace

bool read_fact_line(std::string_view line, FactLine& out) {
  out.clear();
  FactSax sax(out);
  bool ok = json::sax_parse(line.begin(), line.end(), &sax, json::input_format_t::json, true);
  return ok && !out.pred.empty();
}

}  // namespace nogood::facts::detail
