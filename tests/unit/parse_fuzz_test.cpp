// Feeds thousands of deterministically mutated rule files to parse(): it must never throw or
// crash, must return a program exactly when it reports no error, must point every diagnostic
// inside the file, and must stay fast (no input may make it backtrack exponentially).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "nogood/rules/parse.hpp"
#include "span_checker.hpp"

using namespace nogood;

namespace {

std::vector<std::string> const seeds = {
    R"(import "common.rules".
pred role(person: entity, role: symbol).
pred captured_at(person: entity, place: entity).
pred casualties(event: entity, count: int).
pred happened_on(event: entity, day: date).
part_of(syrian_free_army, syrian_defence_ministry).
in_group(P, G) @ S :- member_of(P, G) @ S.
in_group(P, G) @ S :- in_group(P, X) @ S, part_of(X, G).
)",
    R"(constraint informant_vs_leader
    "{P} is called both an informant and an ISIS leader by {S}"
    severity error
  :- role(P, informant) @ S,
     role(P, isis_leader) @ S.
constraint capture_place
    "{S1} says {P} was captured in {A}; {S2} says in {B}"
  :- captured_at(P, A) @ S1 by C1 certainty K1,
     captured_at(P, B) @ S2,
     S1 < S2, A != B, K1 >= reported.
)",
    R"(constraint silence
    "{S1} reports a statement by {P}; {S2} says {P} declined to comment" severity warning
  :- commented(P, E) @ S1, -commented(P, E) @ S2.
constraint toll "{S1} counts {N1} dead in {E}, {S2} counts {N2}"
  :- casualties(E, N1) @ S1, casualties(E, N2) @ S2, S1 < S2, abs(N1 - N2) * 5 > N1.
busy(S) :- source(S, _, _, _), N = count : { role(_, _) @ S }, N > 100.
)",
    R"(unique captured_at(person -> place) across sources.
unique casualties(event -> count) across sources within 20% as toll severity warning.
unique happened_on(event -> day) per source within 1.
unique captured_in(person -> event) across sources grouped as capture "{Person}: {Groups}".
negation_check severity warning.
negation_check off.
named(S) :- role("خالد المسعود", R) @ S, D = 2025-10-19 - 2025-01-01, D >= 10, not -role("אבו", R) @ S.
m(X) :- X = max(min(1, 2), (3 + 4) * 5 % 2), T = sum(C) : { casualties(E, C), C > 0 }, T < 10.
s("esc \" \\ \n \t \u00e9 😀").  # a comment
)",
};

// Pieces inserted by mutations: punctuation the grammar cares about, keywords, multibyte text.
std::vector<std::string> const fragments = {
    ".", ",", "(", ")", "{", "}", ":", ":-", "->", "@", "\"", "\\", "#", "-", "%", "=", "<", "!=",
    " ", "\n", "\t", "not ", "count", " : {", "sum(X)", "min", "max(", "abs", "pred ", "constraint ",
    "unique ", "import ", "negation_check ", "severity ", "within ", "across sources", "per source", " grouped",
    "by", "certainty", "X", "_", ";", " ; ", " in {", " not in ", "set s = {", "(a(X) ; b(X))", "not (", "mean(X) : {", "p(X + 1)", "2025-02-30", "99999999999999999999", "\\u", "\\uD800",
    "خ", "ש", "ָ", "😀", "é", "\xE2\x80\x8F", "\xEF\xBB\xBF", "\xC3", "\xFF", "\x80", "\0",
};

class Mutator {
public:
  explicit Mutator(std::uint32_t seed) : rng_(seed) {}

  std::string mutate(std::string text) {
    int const rounds = 1 + pick(4);
    for (int r = 0; r < rounds && !text.empty(); ++r) {
      std::size_t const at = pick(text.size());
      switch (pick(9)) {
        case 0:  // delete a byte range
          text.erase(at, 1 + pick(std::min<std::size_t>(8, text.size() - at)));
          break;
        case 1: {  // insert a fragment
          text.insert(at, fragments[pick(fragments.size())]);
          break;
        }
        case 2: {  // duplicate a range
          std::size_t len = 1 + pick(std::min<std::size_t>(40, text.size() - at));
          text.insert(at, text.substr(at, len));
          break;
        }
        case 3: {  // swap two bytes
          std::size_t other = pick(text.size());
          std::swap(text[at], text[other]);
          break;
        }
        case 4:  // truncate
          text.resize(at);
          break;
        case 5: {  // delete a token
          auto [b, e] = token_at(text, at);
          text.erase(b, e - b);
          break;
        }
        case 6: {  // duplicate a token
          auto [b, e] = token_at(text, at);
          std::string copy = text.substr(b, e - b);
          copy.insert(copy.begin(), ' ');
          text.insert(e, copy);
          break;
        }
        case 7: {  // swap two tokens
          auto first = token_at(text, at);
          auto second = token_at(text, pick(text.size()));
          if (first.first > second.first) std::swap(first, second);
          if (first.second <= second.first) {
            std::string a = text.substr(first.first, first.second - first.first);
            std::string b = text.substr(second.first, second.second - second.first);
            text.replace(second.first, b.size(), a);
            text.replace(first.first, a.size(), b);
          }
          break;
        }
        default: {  // a random byte
          text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), static_cast<char>(pick(256)));
          break;
        }
      }
    }
    return text;
  }

private:
  std::size_t pick(std::size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

  // The word or punctuation character around `at`.
  static std::pair<std::size_t, std::size_t> token_at(std::string const& text, std::size_t at) {
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    std::size_t b = at, e = at;
    if (word(text[at])) {
      while (b > 0 && word(text[b - 1])) --b;
      while (e < text.size() && word(text[e])) ++e;
    } else {
      e = at + 1;
    }
    return {b, e};
  }

  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("parse fuzz: mutated rule files give a program or errors, never a crash") {
  // The seeds themselves are valid.
  for (auto const& s : seeds) {
    SourceManager sources;
    Diagnostics diags;
    auto id = sources.add("seed.rules", s);
    INFO(s);
    REQUIRE(rules::parse(sources, id, diags));
  }

  // NOGOOD_FUZZ_CASES and NOGOOD_FUZZ_SEED run longer or different campaigns by hand.
  auto from_env = [](char const* name, long fallback) {
    char const* v = std::getenv(name);
    return v ? std::strtol(v, nullptr, 10) : fallback;
  };
  Mutator mutator(static_cast<std::uint32_t>(from_env("NOGOOD_FUZZ_SEED", 20251019)));
  int const cases = static_cast<int>(from_env("NOGOOD_FUZZ_CASES", 6000));
  int programs = 0, rejected = 0;
  auto const start = std::chrono::steady_clock::now();
  double slowest = 0;
  for (int i = 0; i < cases; ++i) {
    std::string text = mutator.mutate(seeds[static_cast<std::size_t>(i) % seeds.size()]);
    SourceManager sources;
    Diagnostics diags;
    auto id = sources.add("fuzz.rules", text);
    auto const t0 = std::chrono::steady_clock::now();
    std::optional<ast::Program> program;
    REQUIRE_NOTHROW(program = rules::parse(sources, id, diags));
    slowest = std::max(slowest, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());

    if (program.has_value() == diags.has_errors()) {
      FAIL_CHECK("program and errors disagree for input:\n" << text);
    }
    if (program) {
      ++programs;
      INFO("input:\n" << text);
      SpanChecker checker{sources, id};
      for (auto const& s : program->statements) checker.statement(s);
    } else {
      ++rejected;
      for (auto const& d : diags.all()) {
        bool const good = d.code.rfind("E01", 0) == 0 && d.primary && d.primary->span.file == id &&
                          d.primary->span.begin <= d.primary->span.end && d.primary->span.end <= text.size() &&
                          !d.message.empty();
        if (!good) FAIL_CHECK("bad diagnostic " << d.code << " " << d.message << " for input:\n" << text);
      }
    }
  }
  double const total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  WARN(cases << " mutated files: " << programs << " parsed, " << rejected << " rejected, in " << total
             << " s (slowest " << slowest * 1000 << " ms)");
  CHECK(programs > 0);
  CHECK(rejected > cases / 2);
  CHECK(rejected < cases);
  // Each input is under 1 KB: even sanitizer builds parse one in well under a second.
  CHECK(slowest < 1.0);
}
