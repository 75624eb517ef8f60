// The JSON writer must lay documents out exactly as nlohmann's dump(2): reports written by either
// are compared byte for byte by the golden tests and by people diffing two runs.
#include <random>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "json_writer.hpp"

using nogood::report::JsonWriter;
using ordered = nlohmann::ordered_json;

namespace {

void write(JsonWriter& w, ordered const& j) {
  switch (j.type()) {
    case ordered::value_t::object:
      w.begin_object();
      for (auto const& [k, v] : j.items()) {
        w.key(k);
        write(w, v);
      }
      w.end_object();
      break;
    case ordered::value_t::array:
      w.begin_array();
      for (auto const& v : j) write(w, v);
      w.end_array();
      break;
    case ordered::value_t::string: w.value(j.get_ref<std::string const&>()); break;
    case ordered::value_t::boolean: w.value(j.get<bool>()); break;
    case ordered::value_t::number_integer: w.value(j.get<std::int64_t>()); break;
    case ordered::value_t::number_unsigned: w.value(j.get<std::uint64_t>()); break;
    default: w.null();
  }
}

std::string random_string(std::mt19937& rng) {
  static std::string const pieces[] = {"a", "Z", " ", "\"", "\\", "\n", "\t", "\x01", "\x1f", "/", "\u05e9\u05dc\u05d5\u05dd",
                                       "\u0627\u0644\u062f\u0645\u064a\u0631", "\u2068", "\U0001F600", "\x7f"};
  std::string s;
  for (int n = static_cast<int>(rng() % 6); n > 0; --n) s += pieces[rng() % std::size(pieces)];
  return s;
}

ordered random_document(std::mt19937& rng, int depth) {
  switch (depth > 3 ? rng() % 4 : rng() % 6) {
    case 0: return random_string(rng);
    case 1: return static_cast<std::int64_t>(rng() % 2000) - 1000;
    case 2: return rng() % 2 == 0;
    case 3: return nullptr;
    case 4: {
      auto a = ordered::array();
      for (int n = static_cast<int>(rng() % 4); n > 0; --n) a.push_back(random_document(rng, depth + 1));
      return a;
    }
    default: {
      auto o = ordered::object();
      for (int n = static_cast<int>(rng() % 4); n > 0; --n) o[random_string(rng) + std::to_string(n)] = random_document(rng, depth + 1);
      return o;
    }
  }
}

}  // namespace

TEST_CASE("the JSON writer lays documents out as dump(2) does", "[report][json]") {
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    auto doc = random_document(rng, 0);
    std::string out;
    JsonWriter w(out);
    write(w, doc);
    INFO(doc.dump());
    REQUIRE(out == doc.dump(2));
  }
}

TEST_CASE("nested raw JSON is indented to where it is placed", "[report][json]") {
  ordered inner{{"a", 1}, {"b", ordered::array({1, 2})}};
  ordered outer{{"x", ordered::array({inner})}};
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("x").begin_array().raw(inner.dump(2)).end_array().end_object();
  CHECK(out == outer.dump(2));
}

TEST_CASE("invalid UTF-8 in a string becomes U+FFFD, valid text is kept", "[report][json]") {
  std::string out;
  nogood::report::append_json_string(out, "ok \xc3\xa9 \xff bad \xe0\x80\x80 \xed\xa0\x80 \xf4\x90\x80\x80 \xe2\x82");
  CHECK(out == "\"ok \xc3\xa9 \xef\xbf\xbd bad \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd "
               "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd\"");
  CHECK(ordered::parse(out).is_string());
}

TEST_CASE("strings escape a special byte at any position, in words of eight or not", "[report][json]") {
  for (std::string special : {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", " ", "\xc3\xa9", "\xd7\xa9", "\xf0\x9f\x98\x80"}) {
    for (std::size_t at = 0; at <= 40; ++at) {
      std::string s(40, 'x');
      s.insert(at, special);
      std::string out;
      nogood::report::append_json_string(out, s);
      INFO(at);
      REQUIRE(out == ordered(s).dump());
    }
  }
}
