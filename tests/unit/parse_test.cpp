#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "nogood/rules/parse.hpp"
#include "span_checker.hpp"

using namespace nogood;
using namespace std::string_literals;

namespace {

struct Parsed {
  SourceManager sources;
  FileId file = no_file;
  Diagnostics diags{1000};
  std::optional<ast::Program> program;

  std::string_view text(Span s) const {
    return std::string_view(sources.file(file).text).substr(s.begin, s.end - s.begin);
  }
  LineCol at(Span s) const { return sources.line_col(file, s.begin); }
  std::string listing() const {
    std::string out;
    for (auto const& d : diags.all()) {
      out += d.code + " " + d.message;
      if (d.primary) {
        auto lc = at(d.primary->span);
        out += " at " + std::to_string(lc.line) + ":" + std::to_string(lc.column);
      }
      out += "\n";
    }
    return out;
  }
};

std::unique_ptr<Parsed> parse_text(std::string text) {
  auto p = std::make_unique<Parsed>();
  p->file = p->sources.add("test.rules", std::move(text));
  p->program = rules::parse(p->sources, p->file, p->diags);
  return p;
}

// Parses text that must be valid and returns its only statement as T.
template <typename T>
T only(Parsed const& p) {
  INFO(p.listing());
  REQUIRE(p.program);
  REQUIRE(p.program->statements.size() == 1);
  auto const* s = std::get_if<T>(&p.program->statements.front());
  REQUIRE(s);
  return *s;
}

// The body literals of a rule `h :- ...` given as the body text.
std::vector<ast::Literal> body_of(Parsed const& p) { return only<ast::Rule>(p).body; }

template <typename T>
T const& as(ast::Literal const& l) {
  auto const* x = std::get_if<T>(&l);
  REQUIRE(x);
  return *x;
}

template <typename T>
T const& as(ast::Term const& t) {
  if constexpr (std::is_same_v<T, ast::Binary> || std::is_same_v<T, ast::Call> || std::is_same_v<T, ast::Aggregate>) {
    auto const* x = std::get_if<std::shared_ptr<T>>(&t);
    REQUIRE(x);
    return **x;
  } else {
    auto const* x = std::get_if<T>(&t);
    REQUIRE(x);
    return *x;
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Every construct parses into the expected AST, with spans.

TEST_CASE("parse: the example from the language description parses") {
  auto p = parse_text(R"(import "common.rules".                      # relative to this file
pred role(person: entity, role: symbol).
pred captured_at(person: entity, place: entity).
pred casualties(event: entity, count: int).
part_of(syrian_free_army, syrian_defence_ministry).
in_group(P, G) @ S :- member_of(P, G) @ S.
in_group(P, G) @ S :- in_group(P, X) @ S, part_of(X, G).
constraint informant_vs_leader
    "{P} is called both an informant and an ISIS leader by {S}"
    severity error
  :- role(P, informant) @ S,
     role(P, isis_leader) @ S.
constraint capture_place
    "{S1} says {P} was captured in {A}; {S2} says in {B}"
  :- captured_at(P, A) @ S1 by C1 certainty K1,
     captured_at(P, B) @ S2,
     S1 < S2, A != B, K1 >= reported.
constraint silence
    "{S1} reports a statement by {P}; {S2} says {P} declined to comment" severity warning
  :- commented(P, E) @ S1, -commented(P, E) @ S2.
constraint toll
    "{S1} counts {N1} dead in {E}, {S2} counts {N2}"
  :- casualties(E, N1) @ S1, casualties(E, N2) @ S2, S1 < S2, abs(N1 - N2) * 5 > N1.
busy(S) :- source(S, _, _, _), N = count : { role(_, _) @ S }, N > 100.
unique captured_at(person -> place) across sources.
unique casualties(event -> count) across sources within 20%.
unique happened_on(event -> day) per source within 1.
)");
  INFO(p->listing());
  REQUIRE(p->program);
  CHECK(p->diags.all().empty());
  CHECK(p->program->file == p->file);
  REQUIRE(p->program->statements.size() == 15);
  for (auto const& s : p->program->statements) {
    auto span = ast::span_of(s);
    CHECK(span.file == p->file);
    CHECK(p->text(span).back() == '.');
  }
}

TEST_CASE("parse: an empty file, comments only, and a byte order mark give empty programs") {
  for (std::string text : {"", "   \n\t\r\n", "# nothing here\n# at all", "\xEF\xBB\xBF# bom\n"}) {
    auto p = parse_text(text);
    REQUIRE(p->program);
    CHECK(p->program->statements.empty());
    CHECK(p->diags.all().empty());
  }
}

TEST_CASE("parse: import") {
  auto p = parse_text("import \"dir/common.rules\".");
  auto imp = only<ast::Import>(*p);
  CHECK(imp.path.value == "dir/common.rules");
  CHECK(p->text(imp.path.span) == "\"dir/common.rules\"");
  CHECK(p->text(imp.span) == "import \"dir/common.rules\".");
}

TEST_CASE("parse: predicate declarations with every type") {
  auto p = parse_text(
      "pred all(a: entity, b: symbol, c: string, d: int, e: date, f: source, g: certainty).\n"
      "pred flag.\npred none().");
  INFO(p->listing());
  REQUIRE(p->program);
  REQUIRE(p->program->statements.size() == 3);
  auto const& d = std::get<ast::PredDecl>(p->program->statements[0]);
  CHECK(d.name.name == "all");
  CHECK(p->text(d.name.span) == "all");
  REQUIRE(d.params.size() == 7);
  using T = ast::TypeName;
  std::vector<T> expected{T::entity, T::symbol, T::string, T::integer, T::date, T::source, T::certainty};
  for (std::size_t i = 0; i < 7; ++i) {
    CHECK(d.params[i].type == expected[i]);
    CHECK(d.params[i].name.name == std::string(1, static_cast<char>('a' + i)));
  }
  CHECK(p->text(d.params[3].type_span) == "int");
  CHECK(p->text(d.params[3].name.span) == "d");
  CHECK(std::get<ast::PredDecl>(p->program->statements[1]).params.empty());
  CHECK(std::get<ast::PredDecl>(p->program->statements[2]).params.empty());
}

TEST_CASE("parse: keywords stay usable as parameter names, symbols and predicate names") {
  auto p = parse_text(
      "pred casualties(event: entity, count: int, source: source, min: int, not: symbol).\n"
      "p(count, sum, min, max, not, by, certainty, severity, across).\n"
      "q(S) :- source(S, Outlet, Lang, Date), max(S, 1) @ S, min(S), count(S), sum(S).\n"
      "min(X) :- max(X).\n"
      "predecessor(x). uniqueness(y). imported(z). pred_x(w). constraints(v).\n");
  INFO(p->listing());
  REQUIRE(p->program);
  REQUIRE(p->program->statements.size() == 9);
  auto const& rule = std::get<ast::Rule>(p->program->statements[2]);
  REQUIRE(rule.body.size() == 5);
  CHECK(as<ast::Atom>(rule.body[0]).predicate.name == "source");
  CHECK(as<ast::Atom>(rule.body[0]).args.size() == 4);
  CHECK(as<ast::Atom>(rule.body[1]).predicate.name == "max");
  CHECK(as<ast::Atom>(rule.body[1]).source.has_value());
  CHECK(as<ast::Atom>(rule.body[2]).predicate.name == "min");
  CHECK(as<ast::Atom>(rule.body[3]).predicate.name == "count");
  CHECK(as<ast::Atom>(rule.body[4]).predicate.name == "sum");
  CHECK(std::get<ast::Rule>(p->program->statements[3]).head.predicate.name == "min");
  CHECK(std::get<ast::Rule>(p->program->statements[8]).head.predicate.name == "constraints");
}

TEST_CASE("parse: facts are rules with an empty body, with every kind of value") {
  auto p = parse_text("claim(x_1, \"Text\", 42, -7, 2024-02-29, Var, _Named, _).");
  auto r = only<ast::Rule>(*p);
  CHECK(r.body.empty());
  CHECK(r.head.predicate.name == "claim");
  REQUIRE(r.head.args.size() == 8);
  CHECK(as<ast::Symbol>(r.head.args[0]).name == "x_1");
  CHECK(as<ast::StringLit>(r.head.args[1]).value == "Text");
  CHECK(as<ast::IntLit>(r.head.args[2]).value == 42);
  CHECK(as<ast::IntLit>(r.head.args[3]).value == -7);
  CHECK(p->text(as<ast::IntLit>(r.head.args[3]).span) == "-7");
  auto const& d = as<ast::DateLit>(r.head.args[4]);
  CHECK(d.year == 2024);
  CHECK(d.month == 2);
  CHECK(d.day == 29);
  CHECK(p->text(d.span) == "2024-02-29");
  CHECK(as<ast::Variable>(r.head.args[5]).name == "Var");
  CHECK(!as<ast::Variable>(r.head.args[5]).anonymous());
  CHECK(as<ast::Variable>(r.head.args[6]).name == "_Named");
  CHECK(as<ast::Variable>(r.head.args[7]).anonymous());
  CHECK(p->text(as<ast::Variable>(r.head.args[7]).span) == "_");
  CHECK(p->text(r.span) == "claim(x_1, \"Text\", 42, -7, 2024-02-29, Var, _Named, _).");
  CHECK(p->text(r.head.span) == "claim(x_1, \"Text\", 42, -7, 2024-02-29, Var, _Named, _)");
}

TEST_CASE("parse: zero-arity atoms with and without parentheses") {
  auto p = parse_text("ready :- go(), steady, not stop.");
  auto r = only<ast::Rule>(*p);
  CHECK(r.head.predicate.name == "ready");
  CHECK(r.head.args.empty());
  REQUIRE(r.body.size() == 3);
  CHECK(as<ast::Atom>(r.body[0]).predicate.name == "go");
  CHECK(p->text(as<ast::Atom>(r.body[0]).span) == "go()");
  CHECK(as<ast::Atom>(r.body[1]).predicate.name == "steady");
  CHECK(as<ast::Negation>(r.body[2]).atom.predicate.name == "stop");
}

TEST_CASE("parse: atoms with source, claimant, certainty, strong negation and not") {
  auto p = parse_text("h(P) @ S :- role(P, R) @ S by C certainty K, -role(P, R) @ T, not -member(P, g) @ S.");
  auto r = only<ast::Rule>(*p);
  REQUIRE(r.head.source);
  CHECK(as<ast::Variable>(*r.head.source).name == "S");
  CHECK(p->text(r.head.span) == "h(P) @ S");
  REQUIRE(r.body.size() == 3);

  auto const& a = as<ast::Atom>(r.body[0]);
  CHECK_FALSE(a.strong_negation);
  CHECK(a.predicate.name == "role");
  CHECK(p->text(a.predicate.span) == "role");
  CHECK(as<ast::Variable>(*a.source).name == "S");
  CHECK(as<ast::Variable>(*a.claimant).name == "C");
  CHECK(as<ast::Variable>(*a.certainty).name == "K");
  CHECK(p->text(a.span) == "role(P, R) @ S by C certainty K");

  auto const& b = as<ast::Atom>(r.body[1]);
  CHECK(b.strong_negation);
  CHECK(p->text(b.span) == "-role(P, R) @ T");
  CHECK(p->text(b.predicate.span) == "role");
  CHECK_FALSE(b.claimant);

  auto const& n = as<ast::Negation>(r.body[2]);
  CHECK(n.atom.strong_negation);
  CHECK(n.atom.predicate.name == "member");
  CHECK(p->text(n.span) == "not -member(P, g) @ S");
  CHECK(p->text(n.atom.span) == "-member(P, g) @ S");
}

TEST_CASE("parse: comparisons with every operator") {
  auto p = parse_text("h :- A = B, A != B, A < B, A <= B, A > B, A >= B, -1 < A, A=B.");
  auto body = body_of(*p);
  REQUIRE(body.size() == 8);
  using O = ast::CompareOp;
  std::vector<O> ops{O::eq, O::ne, O::lt, O::le, O::gt, O::ge, O::lt, O::eq};
  for (std::size_t i = 0; i < ops.size(); ++i) CHECK(as<ast::Comparison>(body[i]).op == ops[i]);
  CHECK(p->text(as<ast::Comparison>(body[3]).span) == "A <= B");
  CHECK(as<ast::IntLit>(as<ast::Comparison>(body[6]).lhs).value == -1);
  CHECK(p->text(as<ast::Comparison>(body[7]).span) == "A=B");
}

TEST_CASE("parse: alternatives, nested, and a parenthesised term that is not one") {
  auto p = parse_text("h :- a(X), (b(X), X > 1 ; c(X) ; (d(X) ; e(X))), (X + 1) * 2 > 3.");
  auto body = body_of(*p);
  REQUIRE(body.size() == 3);
  auto const& d = *as<std::shared_ptr<ast::Disjunction>>(body[1]);
  REQUIRE(d.alternatives.size() == 3);
  CHECK(d.alternatives[0].size() == 2);
  CHECK(p->text(d.alternative_spans[0]) == "b(X), X > 1");
  CHECK(p->text(d.alternative_spans[1]) == "c(X)");
  auto const& nested = *as<std::shared_ptr<ast::Disjunction>>(d.alternatives[2].front());
  CHECK(nested.alternatives.size() == 2);
  CHECK(p->text(d.span) == "(b(X), X > 1 ; c(X) ; (d(X) ; e(X)))");
  CHECK(as<ast::Comparison>(body[2]).op == ast::CompareOp::gt);
}

TEST_CASE("parse: `not (...)` over a conjunction, and `not` before an atom") {
  auto p = parse_text("h :- a(X), not (b(X, Y), Y > 1), not c(X).");
  auto body = body_of(*p);
  REQUIRE(body.size() == 3);
  auto const& n = *as<std::shared_ptr<ast::NegatedConjunction>>(body[1]);
  CHECK(n.body.size() == 2);
  CHECK(p->text(n.span) == "not (b(X, Y), Y > 1)");
  CHECK(as<ast::Negation>(body[2]).atom.predicate.name == "c");
}

TEST_CASE("parse: membership tests and sets") {
  auto p = parse_text("h :- a(X, Y), X in {a, \"b c\", 3, 2025-10-19,}, Y not in leaders, X + 1 in {2}.");
  auto body = body_of(*p);
  REQUIRE(body.size() == 4);
  auto const& in = as<ast::Membership>(body[1]);
  CHECK_FALSE(in.negated);
  REQUIRE(in.values.size() == 4);
  CHECK(as<ast::Symbol>(in.values[0]).name == "a");
  CHECK(as<ast::StringLit>(in.values[1]).value == "b c");
  CHECK(as<ast::IntLit>(in.values[2]).value == 3);
  CHECK(as<ast::DateLit>(in.values[3]).day == 19);
  auto const& out = as<ast::Membership>(body[2]);
  CHECK(out.negated);
  REQUIRE(out.set);
  CHECK(out.set->name == "leaders");
  CHECK(out.values.empty());
  CHECK(std::holds_alternative<std::shared_ptr<ast::Binary>>(as<ast::Membership>(body[3]).element));

  auto s = parse_text("set leaders = {isis_leader, \"al-Qaeda leader\", -3}.");
  auto set = only<ast::SetDecl>(*s);
  CHECK(set.name.name == "leaders");
  REQUIRE(set.values.size() == 3);
  CHECK(as<ast::IntLit>(set.values[2]).value == -3);

  // `set` stays a usable predicate name.
  auto r = parse_text("set(X) :- in(X), X in {1}.");
  CHECK(only<ast::Rule>(*r).head.predicate.name == "set");
}

TEST_CASE("parse: arithmetic follows the usual precedence, left to right") {
  auto p = parse_text("h :- X = 1 + 2 * 3 - 4 % 5, Y = (1 + 2) * Z / 2, W = N-1.");
  auto body = body_of(*p);
  REQUIRE(body.size() == 3);

  // 1 + 2 * 3 - 4 % 5  ==  (1 + (2 * 3)) - (4 % 5)
  auto const& top = as<ast::Binary>(as<ast::Comparison>(body[0]).rhs);
  CHECK(top.op == ast::ArithOp::sub);
  CHECK(p->text(top.span) == "1 + 2 * 3 - 4 % 5");
  auto const& sum = as<ast::Binary>(top.lhs);
  CHECK(sum.op == ast::ArithOp::add);
  CHECK(as<ast::IntLit>(sum.lhs).value == 1);
  auto const& product = as<ast::Binary>(sum.rhs);
  CHECK(product.op == ast::ArithOp::mul);
  CHECK(p->text(product.span) == "2 * 3");
  auto const& mod = as<ast::Binary>(top.rhs);
  CHECK(mod.op == ast::ArithOp::mod);
  CHECK(p->text(mod.span) == "4 % 5");

  // (1 + 2) * Z / 2  ==  ((1 + 2) * Z) / 2
  auto const& div = as<ast::Binary>(as<ast::Comparison>(body[1]).rhs);
  CHECK(div.op == ast::ArithOp::div);
  auto const& mul = as<ast::Binary>(div.lhs);
  CHECK(mul.op == ast::ArithOp::mul);
  CHECK(p->text(mul.span) == "(1 + 2) * Z");
  CHECK(as<ast::Binary>(mul.lhs).op == ast::ArithOp::add);
  CHECK(p->text(as<ast::Binary>(mul.lhs).span) == "1 + 2");

  // N-1 is a subtraction, not N followed by -1
  auto const& minus = as<ast::Binary>(as<ast::Comparison>(body[2]).rhs);
  CHECK(minus.op == ast::ArithOp::sub);
  CHECK(as<ast::IntLit>(minus.rhs).value == 1);
}

TEST_CASE("parse: dates subtract with spaces, and a date minus a date") {
  auto p = parse_text("h :- D = 2025-10-19 - 2025-10-01, E = 2025 - 10 - 19.");
  auto body = body_of(*p);
  auto const& d = as<ast::Binary>(as<ast::Comparison>(body[0]).rhs);
  CHECK(as<ast::DateLit>(d.lhs).day == 19);
  CHECK(as<ast::DateLit>(d.rhs).day == 1);
  auto const& e = as<ast::Binary>(as<ast::Comparison>(body[1]).rhs);
  CHECK(as<ast::IntLit>(e.rhs).value == 19);
}

TEST_CASE("parse: a month is a date; with spaces it subtracts; overlaps and within compare") {
  auto p = parse_text("h :- D overlaps 2025-10, E = 2025 - 10, D within 3 days of 2025-10-19, F within 2 hours of D, G = 12-10.");
  auto body = body_of(*p);
  auto const& o = as<ast::Comparison>(body[0]);
  CHECK(o.op == ast::CompareOp::overlaps);
  CHECK(as<ast::DateLit>(o.rhs).month == 10);
  CHECK(as<ast::DateLit>(o.rhs).day == 0);
  CHECK(as<ast::IntLit>(as<ast::Binary>(as<ast::Comparison>(body[1]).rhs).rhs).value == 10);
  auto const& w = as<ast::Comparison>(body[2]);
  CHECK(w.op == ast::CompareOp::within);
  CHECK(w.within == 3);
  CHECK_FALSE(w.within_hours);
  CHECK(as<ast::Comparison>(body[3]).within_hours);
  // Only four digits and two make a month: `12-10` still subtracts.
  CHECK(as<ast::Binary>(as<ast::Comparison>(body[4]).rhs).op == ast::ArithOp::sub);
}

TEST_CASE("parse: function calls") {
  auto p = parse_text("h :- X = abs(A - B), Y = min(A, 3), Z = max(min(A, B), abs(C)).");
  auto body = body_of(*p);
  auto const& abs = as<ast::Call>(as<ast::Comparison>(body[0]).rhs);
  CHECK(abs.function.name == "abs");
  CHECK(p->text(abs.function.span) == "abs");
  CHECK(p->text(abs.span) == "abs(A - B)");
  REQUIRE(abs.args.size() == 1);
  CHECK(as<ast::Binary>(abs.args[0]).op == ast::ArithOp::sub);
  auto const& min = as<ast::Call>(as<ast::Comparison>(body[1]).rhs);
  CHECK(min.function.name == "min");
  CHECK(min.args.size() == 2);
  auto const& max = as<ast::Call>(as<ast::Comparison>(body[2]).rhs);
  CHECK(as<ast::Call>(max.args[0]).function.name == "min");
  CHECK(as<ast::Call>(max.args[1]).function.name == "abs");
}

TEST_CASE("parse: aggregates") {
  auto p = parse_text(
      "h :- N = count : { role(_, _) @ S }, T = sum(C) : { casualties(E, C), C > 0 },\n"
      "     L = min(D) : { happened_on(E, D) }, H = max(D) : { happened_on(E, D) }, M = min(L, H),\n"
      "     count:{p(X)} > 2.");
  auto body = body_of(*p);
  REQUIRE(body.size() == 6);
  auto const& count = as<ast::Aggregate>(as<ast::Comparison>(body[0]).rhs);
  CHECK(count.kind == ast::AggregateKind::count);
  CHECK_FALSE(count.value);
  REQUIRE(count.body.size() == 1);
  CHECK(as<ast::Atom>(count.body[0]).predicate.name == "role");
  CHECK(p->text(count.span) == "count : { role(_, _) @ S }");

  auto const& sum = as<ast::Aggregate>(as<ast::Comparison>(body[1]).rhs);
  CHECK(sum.kind == ast::AggregateKind::sum);
  auto m = parse_text("h :- N = mean(X) : { p(X) }.");
  CHECK(as<ast::Aggregate>(as<ast::Comparison>(body_of(*m)[0]).rhs).kind == ast::AggregateKind::mean);
  REQUIRE(sum.value);
  CHECK(as<ast::Variable>(*sum.value).name == "C");
  CHECK(sum.body.size() == 2);
  CHECK(p->text(sum.span) == "sum(C) : { casualties(E, C), C > 0 }");

  CHECK(as<ast::Aggregate>(as<ast::Comparison>(body[2]).rhs).kind == ast::AggregateKind::min);
  CHECK(as<ast::Aggregate>(as<ast::Comparison>(body[3]).rhs).kind == ast::AggregateKind::max);
  // min with two arguments and no body is the function
  CHECK(as<ast::Call>(as<ast::Comparison>(body[4]).rhs).function.name == "min");
  auto const& compact = as<ast::Comparison>(body[5]);
  CHECK(as<ast::Aggregate>(compact.lhs).kind == ast::AggregateKind::count);
}

TEST_CASE("parse: aggregates nest") {
  auto p = parse_text("h :- N = count : { g(G), M = count : { member(P, G) }, M > 2 }.");
  auto body = body_of(*p);
  auto const& outer = as<ast::Aggregate>(as<ast::Comparison>(body[0]).rhs);
  REQUIRE(outer.body.size() == 3);
  auto const& inner = as<ast::Aggregate>(as<ast::Comparison>(outer.body[1]).rhs);
  CHECK(p->text(inner.span) == "count : { member(P, G) }");
}

TEST_CASE("parse: constraints with and without message and severity") {
  auto p = parse_text(
      "constraint a :- p(X).\n"
      "constraint b \"{X} is odd\" :- p(X).\n"
      "constraint c severity info :- p(X).\n"
      "constraint Mixed_Case\n"
      "    \"a message\n"
      "    over\" severity warning\n"
      "  :- p(X), q(X).\n");
  INFO(p->listing());
  // a string cannot span lines: the fourth constraint is an error, and the first three parse
  CHECK_FALSE(p->program);
  REQUIRE(p->diags.error_count() == 1);
  CHECK(p->diags.all()[0].code == "E0102");

  auto q = parse_text(
      "constraint a :- p(X).\n"
      "constraint b \"{X} is odd\" :- p(X).\n"
      "constraint c severity info :- p(X).\n"
      "constraint Mixed_Case\n"
      "    \"a message on its own line\" severity warning\n"
      "  :- p(X), q(X).\n");
  INFO(q->listing());
  REQUIRE(q->program);
  REQUIRE(q->program->statements.size() == 4);
  auto const& a = std::get<ast::Constraint>(q->program->statements[0]);
  CHECK(a.name.name == "a");
  CHECK_FALSE(a.message);
  CHECK_FALSE(a.severity);
  CHECK(a.body.size() == 1);
  auto const& b = std::get<ast::Constraint>(q->program->statements[1]);
  REQUIRE(b.message);
  CHECK(b.message->value == "{X} is odd");
  CHECK(q->text(b.message->span) == "\"{X} is odd\"");
  auto const& c = std::get<ast::Constraint>(q->program->statements[2]);
  CHECK(c.severity == ast::VerdictSeverity::info);
  CHECK(q->text(c.severity_span) == "info");
  auto const& d = std::get<ast::Constraint>(q->program->statements[3]);
  CHECK(d.name.name == "Mixed_Case");
  CHECK(d.severity == ast::VerdictSeverity::warning);
  CHECK(d.body.size() == 2);
  CHECK(q->at(d.span).line == 4);
  CHECK(q->text(d.span).substr(0, 21) == "constraint Mixed_Case");
}

TEST_CASE("parse: unique with every option") {
  auto p = parse_text(
      "unique captured_at(person -> place) across sources.\n"
      "unique casualties(event, day -> count) across sources within 20% as toll severity warning.\n"
      "unique happened_on(event -> day) per source within 1.\n"
      "unique leader(-> person) per source as one_leader.\n");
  INFO(p->listing());
  REQUIRE(p->program);
  REQUIRE(p->program->statements.size() == 4);
  auto const& a = std::get<ast::Unique>(p->program->statements[0]);
  CHECK(a.predicate.name == "captured_at");
  REQUIRE(a.keys.size() == 1);
  CHECK(a.keys[0].name == "person");
  CHECK(p->text(a.keys[0].span) == "person");
  CHECK(a.value.name == "place");
  CHECK(p->text(a.value.span) == "place");
  CHECK(a.scope == ast::UniqueScope::across_sources);
  CHECK_FALSE(a.tolerance);
  CHECK_FALSE(a.name);
  CHECK_FALSE(a.severity);
  CHECK(p->text(a.span) == "unique captured_at(person -> place) across sources.");

  auto const& b = std::get<ast::Unique>(p->program->statements[1]);
  CHECK(b.keys.size() == 2);
  REQUIRE(b.tolerance);
  CHECK(b.tolerance->value == 20);
  CHECK(p->text(b.tolerance->span) == "20");
  CHECK(b.tolerance_percent);
  REQUIRE(b.name);
  CHECK(b.name->name == "toll");
  CHECK(b.severity == ast::VerdictSeverity::warning);

  auto const& c = std::get<ast::Unique>(p->program->statements[2]);
  CHECK(c.scope == ast::UniqueScope::per_source);
  REQUIRE(c.tolerance);
  CHECK(c.tolerance->value == 1);
  CHECK_FALSE(c.tolerance_percent);

  auto const& d = std::get<ast::Unique>(p->program->statements[3]);
  CHECK(d.keys.empty());
  CHECK(d.value.name == "person");
  CHECK(d.name->name == "one_leader");
}

TEST_CASE("parse: negation_check settings") {
  auto p = parse_text("negation_check off.\nnegation_check on.\nnegation_check severity info.");
  INFO(p->listing());
  REQUIRE(p->program);
  REQUIRE(p->program->statements.size() == 3);
  auto const& off = std::get<ast::NegationCheck>(p->program->statements[0]);
  CHECK_FALSE(off.enabled);
  CHECK_FALSE(off.severity);
  CHECK(p->text(off.span) == "negation_check off.");
  auto const& on = std::get<ast::NegationCheck>(p->program->statements[1]);
  CHECK(on.enabled);
  CHECK_FALSE(on.severity);
  auto const& sev = std::get<ast::NegationCheck>(p->program->statements[2]);
  CHECK(sev.enabled);
  CHECK(sev.severity == ast::VerdictSeverity::info);
  CHECK_FALSE(sev.predicate);

  auto q = parse_text("negation_check role off.\nnegation_check severity severity warning.\nnegation_check on on.");
  INFO(q->listing());
  REQUIRE(q->program);
  auto const& role = std::get<ast::NegationCheck>(q->program->statements[0]);
  REQUIRE(role.predicate);
  CHECK(role.predicate->name == "role");
  CHECK_FALSE(role.enabled);
  // A predicate may be called like a setting word.
  auto const& named_severity = std::get<ast::NegationCheck>(q->program->statements[1]);
  REQUIRE(named_severity.predicate);
  CHECK(named_severity.predicate->name == "severity");
  CHECK(named_severity.severity == ast::VerdictSeverity::warning);
  auto const& named_on = std::get<ast::NegationCheck>(q->program->statements[2]);
  REQUIRE(named_on.predicate);
  CHECK(named_on.predicate->name == "on");
  CHECK(named_on.enabled);
}

TEST_CASE("parse: vocabularies list names and strings, a trailing comma allowed") {
  auto p = parse_text(
      "vocabulary role_name = {informant, isis_leader, \"al-Qaeda leader\",\n  undercover_agent,}.\n"
      "pred role(person: entity, role: role_name, note: symbol).");
  INFO(p->listing());
  REQUIRE(p->program);
  REQUIRE(p->program->statements.size() == 2);
  auto const& v = std::get<ast::Vocabulary>(p->program->statements[0]);
  CHECK(v.name.name == "role_name");
  REQUIRE(v.values.size() == 4);
  CHECK(v.values[0].text == "informant");
  CHECK(v.values[2].text == "al-Qaeda leader");
  CHECK(p->text(v.values[2].span) == "\"al-Qaeda leader\"");
  CHECK(v.values[3].text == "undercover_agent");
  auto const& d = std::get<ast::PredDecl>(p->program->statements[1]);
  REQUIRE(d.params.size() == 3);
  CHECK_FALSE(d.params[0].vocabulary);
  REQUIRE(d.params[1].vocabulary);
  CHECK(d.params[1].vocabulary->name == "role_name");
  CHECK(p->text(d.params[1].vocabulary->span) == "role_name");
  CHECK(d.params[1].type == ast::TypeName::symbol);
  CHECK_FALSE(d.params[2].vocabulary);
}

TEST_CASE("parse: strings decode escapes and keep any Unicode") {
  auto p = parse_text(R"(s("a\"b\\c\nd\te\u00e9\u05D0", "خالد المسعود", "שָׁלוֹם", "😀", "").)");
  auto r = only<ast::Rule>(*p);
  REQUIRE(r.head.args.size() == 5);
  CHECK(as<ast::StringLit>(r.head.args[0]).value == "a\"b\\c\nd\te\u00e9\u05D0");
  CHECK(as<ast::StringLit>(r.head.args[1]).value == "خالد المسعود");
  CHECK(as<ast::StringLit>(r.head.args[2]).value == "שָׁלוֹם");
  CHECK(as<ast::StringLit>(r.head.args[3]).value == "😀");
  CHECK(as<ast::StringLit>(r.head.args[4]).value.empty());
}

TEST_CASE("parse: spans are byte offsets and line_col counts characters after Arabic text") {
  auto p = parse_text("r(X) :-\r\n  role(\"خالد المسعود\", X) @ S,   # comment with \"quotes\" and a . dot\n  Y = X.");
  auto r = only<ast::Rule>(*p);
  REQUIRE(r.body.size() == 2);
  auto const& atom = as<ast::Atom>(r.body[0]);
  auto const& x = as<ast::Variable>(atom.args[1]);
  CHECK(p->text(x.span) == "X");
  auto lc = p->at(x.span);
  CHECK(lc.line == 2);
  CHECK(lc.column == 24);  // `  role("` is 8, the name 12, `", ` 3
  CHECK(p->text(atom.span) == "role(\"خالد المسعود\", X) @ S");
  CHECK(p->at(as<ast::Comparison>(r.body[1]).span).line == 3);
}

TEST_CASE("parse: comments may sit anywhere blanks may") {
  auto p = parse_text("h(X) # head\n :- # arrow\n p(X) # one\n , # comma\n q(X) # two\n . # end");
  auto r = only<ast::Rule>(*p);
  CHECK(r.body.size() == 2);
  CHECK(p->text(as<ast::Atom>(r.body[1]).span) == "q(X)");
}

TEST_CASE("parse: every node's span lies within its parent's and names cover their text") {
  auto p = parse_text(R"(import "common.rules".
pred role(person: entity, role: symbol).
h(P, -3) @ S :- role(P, R) @ S by C certainty K, -role(P, R) @ T, not member(P, "g") @ S,
  X = (1 + abs(P - 2)) * 3 % max(A, min(B, C)) - 2025-10-19, N = count : { role(_, _) @ S, Y = sum(Z) : { q(Z) } }.
constraint c "{P} at {S}" severity warning :- role(P, R) @ S, R != leader, 2 * (N + 1) >= N, (R in {a, "b"} ; R not in leaders, q(R)).
set leaders = {isis_leader, "al-Qaeda leader", 3, 2025-10-19}.
unique casualties(event, day -> count) across sources within 20% as toll severity error.
negation_check severity info.
)");
  INFO(p->listing());
  REQUIRE(p->program);
  SpanChecker checker{p->sources, p->file};
  for (auto const& s : p->program->statements) checker.statement(s);
  CHECK(checker.nodes > 60);
}

// ---------------------------------------------------------------------------------------------
// Every error path: its code, at the right line and column.

namespace {
struct ErrorCase {
  std::string text;
  std::string code;
  std::uint32_t line, column;
  std::string message_part;
};

void check_error(ErrorCase const& c) {
  auto p = parse_text(c.text);
  INFO("input: " << c.text);
  INFO(p->listing());
  CHECK_FALSE(p->program);
  REQUIRE(p->diags.error_count() == 1);
  auto const& d = p->diags.all().front();
  CHECK(d.code == c.code);
  REQUIRE(d.primary);
  CHECK(d.primary->span.file == p->file);
  CHECK(d.primary->span.begin <= d.primary->span.end);
  CHECK(d.primary->span.end <= p->sources.file(p->file).text.size());
  CHECK_FALSE(d.primary->message.empty());
  auto lc = p->at(d.primary->span);
  CHECK(lc.line == c.line);
  CHECK(lc.column == c.column);
  CHECK(d.message.find(c.message_part) != std::string::npos);
}
}  // namespace

TEST_CASE("parse errors: each commitment point reports what it expected") {
  auto c = GENERATE(values<ErrorCase>({
      {")x.", "E0101", 1, 1, "expected a statement, found `)`"},
      {"import common.", "E0101", 1, 8, "expected a file name after `import`"},
      {"import \"a.rules\"\np.", "E0101", 1, 17, "expected `.` after the import, found `p`"},
      {"pred (x: int).", "E0101", 1, 6, "expected a predicate name after `pred`"},
      {"pred p(Person: entity).", "E0101", 1, 8, "expected a parameter name, found `Person`"},
      {"pred p(person entity).", "E0101", 1, 15, "expected `:` after the parameter name"},
      {"pred p(person: ).", "E0101", 1, 16, "expected a type after `:`"},
      {"vocabulary = {a}.", "E0101", 1, 12, "expected a vocabulary name after `vocabulary`"},
      {"vocabulary v {a}.", "E0101", 1, 14, "expected `=` after the vocabulary name"},
      {"vocabulary v = a.", "E0101", 1, 16, "expected `{` after `=`"},
      {"vocabulary v = {}.", "E0101", 1, 17, "expected a value: a lowercase name or a string, found `}`"},
      {"vocabulary v = {a b}.", "E0101", 1, 19, "expected `,` or `}` after the value, found `b`"},
      {"vocabulary v = {a, B}.", "E0101", 1, 20, "expected `,` or `}` after the value, found `B`"},
      {"vocabulary v = {a}\np.", "E0101", 1, 19, "expected `.` after the vocabulary, found `p`"},
      {"label \"x\".", "E0101", 1, 10, "expected the label, a string, after the value, found `.`"},
      {"label 3 \"x\".", "E0101", 1, 7, "expected the value to label: a lowercase name or a string, found `3`"},
      {"label x \"y\" lang.", "E0101", 1, 17, "expected a language code after `lang`, found `.`"},
      {"label x \"y\" ar.", "E0101", 1, 13, "expected `.` after the label, found `ar`"},
      {"pred p(person: entity;", "E0101", 1, 22, "expected `,` or `)` after the parameter, found `;`"},
      {"pred p(x: int) q.", "E0101", 1, 16, "expected `.` after the predicate declaration"},
      {"p(X) q(X).", "E0101", 1, 6, "expected `:-` or `.` after the rule head, found `q`"},
      {"p(X) :- q(X) r(X).", "E0101", 1, 14, "expected `.` after the rule body, found `r`"},
      {"p(X) :- q(X)", "E0101", 1, 13, "expected `.` after the rule body, found end of file"},
      {"p(X) :- q(X), .", "E0101", 1, 15, "expected a body literal, found `.`"},
      {"p(X) :- .", "E0101", 1, 9, "expected a body literal"},
      {"p(X) :- not X = 1.", "E0101", 1, 13, "expected an atom after `not`, found `X`"},
      {"p(X) :- q(X), (r(X) ; ).", "E0101", 1, 23, "expected a body literal, found `)`"},
      {"p(X) :- q(X), (r(X) ; s(X).", "E0101", 1, 27, "expected `;` or `)` after the alternative, found `.`"},
      {"p(X) :- q(X), X in.", "E0101", 1, 19, "expected a set after `in`, found `.`"},
      {"p(X) :- q(X), X in {}.", "E0101", 1, 21, "expected a value in the set, found `}`"},
      {"p(X) :- q(X), X in {a.", "E0101", 1, 22, "expected `,` or `}` after the value, found `.`"},
      {"set s = a.", "E0101", 1, 9, "expected `{` after `=`, found `a`"},
      {"set s = {a}\np.", "E0101", 1, 12, "expected `.` after the set, found `p`"},
      {"set s = {X}.", "E0113", 1, 10, "a set lists values"},
      {"p(X, ) :- q.", "E0101", 1, 6, "expected a term, found `)`"},
      {"p :- X = 1 + .", "E0101", 1, 14, "expected a term after the operator"},
      {"p :- X = .", "E0101", 1, 10, "expected a term after the comparison operator"},
      {"p :- X == 1.", "E0101", 1, 9, "expected a term after the comparison operator, found `=`"},
      {"p :- q(X) @ .", "E0101", 1, 13, "expected a source after `@`"},
      {"p :- q(X) by .", "E0101", 1, 14, "expected a claimant after `by`"},
      {"p :- q(X) certainty .", "E0101", 1, 21, "expected a certainty after `certainty`"},
      {"p :- q(X Y).", "E0101", 1, 10, "expected `,` or `)` after the argument, found `Y`"},
      {"p :- X = (1 + 2.", "E0101", 1, 16, "expected `)`, found `.`"},
      {"p :- N = count : role(X).", "E0101", 1, 18, "expected `{` after `:`"},
      {"p :- N = count : { q(X) r }.", "E0101", 1, 25, "expected `,` or `}` after the literal"},
      {"constraint \"msg\" :- p.", "E0101", 1, 12, "expected a constraint name after `constraint`"},
      {"constraint c \"m\" warning :- p.", "E0101", 1, 18, "expected `:-` before the constraint body"},
      {"constraint c :- p q.", "E0101", 1, 19, "expected `.` after the constraint body"},
      {"constraint c severity :- p.", "E0101", 1, 23, "expected a severity after `severity`"},
      {"unique (a -> b) across sources.", "E0101", 1, 8, "expected a predicate name after `unique`"},
      {"unique p a -> b) across sources.", "E0101", 1, 10, "expected `(` after the predicate name"},
      {"unique p(A -> b) across sources.", "E0101", 1, 10, "expected an argument name"},
      {"unique p(a b) across sources.", "E0101", 1, 12, "expected `,` or `->` after the argument name"},
      {"unique p(a -> ) across sources.", "E0101", 1, 15, "expected the value argument after `->`"},
      {"unique p(a -> b, c) across sources.", "E0101", 1, 16, "expected `)` after the value argument"},
      {"unique p(a -> b).", "E0101", 1, 17, "expected `across sources` or `per source`"},
      {"unique p(a -> b) across source.", "E0101", 1, 25, "expected `sources` after `across`"},
      {"unique p(a -> b) per sources.", "E0101", 1, 22, "expected `source` after `per`"},
      {"unique p(a -> b) across sources within ten.", "E0101", 1, 40, "expected a number after `within`"},
      {"unique p(a -> b) across sources as .", "E0101", 1, 36, "expected a name after `as`"},
      {"unique p(a -> b) across sources severity warning within 5.", "E0101", 1, 50,
       "expected `.` after the `unique` statement"},
      {"negation_check maybe.", "E0101", 1, 16, "expected `on`, `off` or `severity` after `negation_check`"},
      {"negation_check off,", "E0101", 1, 19, "expected `.` after the `negation_check` setting"},
      {"negation_check severity.", "E0101", 1, 24, "expected a severity after `severity`"},
      {"negation_check on warning.", "E0101", 1, 19, "expected `.` after `negation_check on`"},
      {"p(\"abc).", "E0102", 1, 3, "unterminated string"},
      {"p(\"abc", "E0102", 1, 3, "unterminated string"},
      {"p :- q(\"a\\\n\").", "E0102", 1, 8, "unterminated string"},
      {"p(\"a\\qb\").", "E0103", 1, 5, "unknown escape `\\q`"},
      {"p(\"é\\é\").", "E0103", 1, 5, "unknown escape `\\é`"},
      {"p(\"\\u12\").", "E0103", 1, 4, "invalid unicode escape"},
      {"p(\"\\uD800\").", "E0103", 1, 4, "invalid unicode escape"},
      {"p(2025-02-30).", "E0104", 1, 3, "invalid date `2025-02-30`"},
      {"p(2023-02-29).", "E0104", 1, 3, "invalid date"},
      {"p(2025-13-01).", "E0104", 1, 3, "invalid date"},
      {"p(2025-00-10).", "E0104", 1, 3, "invalid date"},
      {"p(0000-01-01).", "E0104", 1, 3, "invalid date"},
      {"p(2025-1-5).", "E0104", 1, 3, "invalid date `2025-1-5`"},
      {"p :- X > 1.5.", "E0101", 1, 10, "expected a term after the comparison operator, found `1.5`"},
      {"p(99999999999999999999).", "E0105", 1, 3, "integer `99999999999999999999` is out of range"},
      {"p(-9223372036854775809).", "E0105", 1, 3, "out of range"},
      {"constraint c severity fatal :- p.", "E0107", 1, 23, "unknown severity `fatal`"},
      {"unique p(a -> b) across sources severity high.", "E0107", 1, 42, "unknown severity `high`"},
      {"p :- X.", "E0109", 1, 6, "expected an atom or a comparison"},
      {"p :- 3.", "E0109", 1, 6, "expected an atom or a comparison"},
      {"p :- X + 1.", "E0109", 1, 6, "expected an atom or a comparison"},
      {"p :- count : { q(X) }.", "E0109", 1, 6, "expected an atom or a comparison"},
      {"p :- q(X), -q = 1.", "E0109", 1, 12, "`-` cannot negate a comparison"},
      {"p :- q(r(X)).", "E0110", 1, 8, "`r(...)` cannot be used as a term"},
      {"p :- N = sum(X), q(N).", "E0110", 1, 10, "`sum` is an aggregate"},
      {"p :- N = count(X) : { q(X) }.", "E0110", 1, 10, "`count` takes no value"},
      {"p :- N = avg(X) : { q(X) }.", "E0110", 1, 10, "unknown aggregate `avg`"},
      {"p :- X = abs(1, 2).", "E0111", 1, 10, "`abs` takes 1 argument, found 2"},
      {"p :- X = max(1).", "E0111", 1, 10, "`max` takes 2 arguments, found 1"},
      {"p :- X = sum(A, B) : { q(A, B) }.", "E0111", 1, 10, "`sum` aggregates one value, found 2"},
      {"unique p(a -> b) across sources within -5.", "E0112", 1, 40, "negative tolerance"},
      {"p(x).\n\xff.", "E0100", 2, 1, "invalid UTF-8"},
      {"p(\"\xc3\").", "E0100", 1, 4, "invalid UTF-8"},
      {"p(\"\xed\xa0\x80\").", "E0100", 1, 4, "invalid UTF-8"},  // an encoded surrogate
      {"p(\"\xc0\xaf\").", "E0100", 1, 4, "invalid UTF-8"},      // overlong
      {"دور(X).", "E0101", 1, 1, "expected a statement, found `دور`"},
      {"p(X)\u00a0:- q(X).", "E0101", 1, 5, "found U+00A0 (a no-break space)"},
      {"p(\u201cabc\u201d).", "E0101", 1, 3, "expected a term, found U+201C (a typographic double quote)"},
      {std::string("p(\0)."s), "E0101", 1, 3, "found U+0000 (a control character)"},
      {"p(X) :- q(X)\u200f.", "E0101", 1, 13, "found U+200F (a right-to-left mark)"},
      {"p(X) :- q(X)\u060c r(X).", "E0101", 1, 13, "found U+060C (an Arabic comma)"},
  }));
  check_error(c);
}

TEST_CASE("parse errors: helps for common slips") {
  auto help_for = [](std::string text) {
    auto p = parse_text(std::move(text));
    REQUIRE(p->diags.all().size() == 1);
    return p->diags.all().front().help.value_or("");
  };
  CHECK(help_for("p(X) :- q(X);") == "statements end with `.`");
  CHECK(help_for("p(X) := q(X).") == "a rule is written `head :- body.`");
  CHECK(help_for("p :- X == 1.") == "equality is written `=`");
  CHECK(help_for("p :- q(X), not X = 1.").find("`not` applies to atoms") == 0);
  CHECK(help_for("p :- X =< 1.") == "write `<=` for less than or equal");
  CHECK(help_for("p :- q(X) by C @ S.") == "annotations come in the order `@ S`, `by C`, `certainty K`");
  CHECK(help_for("constraint c \"m\" warning :- p.") == "write `severity warning`");
  CHECK(help_for("Role(x).").find("lowercase") != std::string::npos);
  CHECK(help_for("p :- X = -Y.") == "negate a term by subtracting it from zero: `0 - X`");
  CHECK(help_for("constraint c severity warnng :- p.").find("did you mean `warning`?") == 0);
  CHECK(help_for("p(X) :- q(X),\nconstraint c :- p.").find("`constraint` starts a new statement") == 0);
  CHECK(help_for("دور(X).").find("ASCII") != std::string::npos);
  CHECK(help_for("p(X)\u00a0:- q(X).") == "replace it with a plain space");
  CHECK(help_for("p :- X = 1.5.").find("numbers are integers") == 0);
  CHECK(help_for("p(\u201cabc\u201d).") == "strings are written between straight double quotes `\"`");
  CHECK(help_for("p(X) :- q(X)\u200f.").find("delete it") == 0);
  CHECK(help_for("p(X) :- q(X)\u060c r(X).") == "separate with `,` (ASCII comma)");
}

TEST_CASE("parse errors: a missing `.` at the end of a line is shown there") {
  auto p = parse_text("p(X) :- q(X)   # the end is missing\nr(X) :- s(X).");
  REQUIRE(p->diags.all().size() == 1);
  auto const& d = p->diags.all().front();
  CHECK(d.primary->span.begin == d.primary->span.end);  // an insertion point
  auto lc = p->at(d.primary->span);
  CHECK(lc.line == 1);
  CHECK(lc.column == 13);
  CHECK(d.message == "expected `.` after the rule body, found `r`");
}

TEST_CASE("parse errors: independent errors are each reported once, without cascades") {
  auto p = parse_text(
      "pred role(person: entity, role: symbol.\n"           // 1: missing `)`
      "p(X) :- q(X)\n"                                       // 2: missing `.`, next line is fine
      "r(X) :- s(X).\n"                                      // 3
      "t(X) :- u(X Y), v(X).\n"                              // 4: missing `,`
      "w(\"open).\n"                                          // 5: unterminated string
      "ok(X) :- fine(X).\n"                                  // 6
      "x :- (((1 + 2).\n"                                    // 7: unbalanced parentheses
      "y :- z.\n"                                            // 8
      "constraint c \"{X}\" severity fatal :- p(X), 2025-02-30 = X.\n"  // 9: two independent mistakes
      "unique p(a -> b) across sources within 5 severity.\n"  // 10
      "z :- q(X)\n");                                        // 11: missing `.` at end of file
  INFO(p->listing());
  CHECK_FALSE(p->program);
  std::vector<std::pair<std::string, std::uint32_t>> seen;
  for (auto const& d : p->diags.all()) seen.emplace_back(d.code, p->at(d.primary->span).line);
  std::vector<std::pair<std::string, std::uint32_t>> expected{
      {"E0101", 1}, {"E0101", 2}, {"E0101", 4}, {"E0102", 5}, {"E0101", 7},
      {"E0107", 9}, {"E0104", 9}, {"E0101", 10}, {"E0101", 11}};
  CHECK(seen == expected);
}

TEST_CASE("parse errors: a statement cut short by the next declaration resumes there") {
  auto p = parse_text("pred p(x: int\npred q(y: int).\nq(1.\nq(2).");
  INFO(p->listing());
  REQUIRE(p->diags.error_count() == 2);
  CHECK(p->at(p->diags.all()[0].primary->span).line == 1);
  CHECK(p->at(p->diags.all()[1].primary->span).line == 3);
}

TEST_CASE("parse errors: deep nesting is an error, not a crash") {
  for (std::string open : {"(", "count : { Y = ", "abs(", "{"}) {
    std::string text = "p :- X = ";
    for (int i = 0; i < 100000; ++i) text += open;
    text += "1.";
    auto p = parse_text(text);
    CHECK_FALSE(p->program);
    REQUIRE(p->diags.error_count() >= 1);
    CHECK(p->diags.all().front().code == "E0108");
  }
  std::string ok = "p :- X = " + std::string(60, '(') + "1" + std::string(60, ')') + ".";
  auto p = parse_text(ok);
  CHECK(p->program);
  std::string too_deep = "p :- X = " + std::string(65, '(') + "1" + std::string(65, ')') + ".\nq.";
  auto q = parse_text(too_deep);
  REQUIRE(q->diags.error_count() == 1);
  CHECK(q->diags.all().front().code == "E0108");
  CHECK(q->at(q->diags.all().front().primary->span).column == 10 + 64);
}

TEST_CASE("parse errors: a garbage file gives errors and stops") {
  std::string junk;
  for (int i = 0; i < 20000; ++i) junk += ")(}{;,:-@.\"\n"[i % 12];
  auto p = parse_text(junk);
  CHECK_FALSE(p->program);
  CHECK(p->diags.error_count() >= 1);
}

TEST_CASE("parse errors: parsing stops once the diagnostics sink is full") {
  std::string junk;
  for (int i = 0; i < 100000; ++i) junk += ").\n";
  SourceManager sources;
  auto id = sources.add("junk.rules", junk);
  Diagnostics diags(20);
  CHECK_FALSE(rules::parse(sources, id, diags));
  CHECK(diags.error_count() == 20);
  CHECK(diags.dropped() == 0);

  // A sink already full from other files still gets this file's first error.
  auto ok_then_bad = sources.add("other.rules", "p.\nq(.\nr(.");
  CHECK_FALSE(rules::parse(sources, ok_then_bad, diags));
  CHECK(diags.error_count() == 21);
}
