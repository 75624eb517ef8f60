#include "build_ast.hpp"

#include "../type_words.hpp"
#include "nogood/rules/print.hpp"

#include <array>
#include <charconv>
#include <map>
#include <string_view>
#include <utility>

namespace nogood::rules::grammar {

namespace x3 = boost::spirit::x3;

namespace {

template <typename... F>
struct overloaded : F... {
  using F::operator()...;
};
template <typename... F>
overloaded(F...) -> overloaded<F...>;

Span span_between(Span a, Span b) { return {a.file, a.begin, b.end}; }

int precedence(ast::ArithOp op) {
  return op == ast::ArithOp::add || op == ast::ArithOp::sub ? 1 : 2;
}

// The text a primary covers, parentheses included, so a Binary's span is balanced.
Span extent(syntax::primary const& p, ast::Term const& built) {
  if (auto const* inner = boost::get<x3::forward_ast<syntax::chain>>(&p.get())) return inner->get().span;
  return ast::span_of(built);
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void ast_builder::error(Diagnostic d) {
  failed_ = true;
  diags_.report(std::move(d));
}

ast::Term ast_builder::term(syntax::chain const& c) {
  if (c.rest.empty()) return primary(c.first);
  // Shunting-yard over the flat chain: `*`, `/`, `%` bind tighter than `+`, `-`; all left-associative.
  struct operand {
    ast::Term term;
    Span extent;
  };
  std::vector<operand> operands;
  std::vector<ast::ArithOp> ops;
  auto reduce = [&] {
    operand rhs = std::move(operands.back());
    operands.pop_back();
    operand lhs = std::move(operands.back());
    operands.pop_back();
    Span const span = span_between(lhs.extent, rhs.extent);
    auto node = std::make_shared<ast::Binary>(ast::Binary{ops.back(), std::move(lhs.term), std::move(rhs.term), span});
    ops.pop_back();
    operands.push_back({std::move(node), span});
  };
  auto first = primary(c.first);
  Span first_extent = extent(c.first, first);
  operands.push_back({std::move(first), first_extent});
  for (auto const& o : c.rest) {
    while (!ops.empty() && precedence(ops.back()) >= precedence(o.op)) reduce();
    ops.push_back(o.op);
    auto t = primary(o.operand);
    Span e = extent(o.operand, t);
    operands.push_back({std::move(t), e});
  }
  while (!ops.empty()) reduce();
  return std::move(operands.back().term);
}

ast::Term ast_builder::primary(syntax::primary const& p) {
  return boost::apply_visitor(
      overloaded{
          [](syntax::variable const& v) -> ast::Term { return ast::Variable{v.text, v.span}; },
          [](syntax::symbol const& s) -> ast::Term {
            if (s.text == "absent") return ast::Absent{s.span};
            return ast::Symbol{s.text, s.span};
          },
          [this](syntax::string_lit const& s) -> ast::Term { return string(s); },
          [this](syntax::number const& n) -> ast::Term { return integer(n); },
          [this](syntax::date const& d) -> ast::Term { return date(d); },
          [this](x3::forward_ast<syntax::chain> const& c) -> ast::Term { return term(c.get()); },
          [this](x3::forward_ast<syntax::application> const& a) -> ast::Term { return application_term(a.get()); },
          [this](x3::forward_ast<syntax::count_aggregate> const& a) -> ast::Term {
            auto agg = std::make_shared<ast::Aggregate>();
            agg->kind = ast::AggregateKind::count;
            agg->body = body(a.get().body);
            agg->span = a.get().span;
            return agg;
          },
      },
      p);
}

ast::Term ast_builder::application_term(syntax::application const& a) {
  std::string const& name = a.function.text;
  ast::Term const placeholder = ast::Symbol{name, a.span};
  std::string const args_found = std::to_string(a.args.size());

  if (a.body) {
    std::optional<ast::AggregateKind> kind;
    if (name == "sum") kind = ast::AggregateKind::sum;
    if (name == "min") kind = ast::AggregateKind::min;
    if (name == "max") kind = ast::AggregateKind::max;
    if (name == "mean") kind = ast::AggregateKind::mean;
    if (!kind) {
      if (name == "count") {
        error(make_error("E0110", "`count` takes no value")
                  .with_primary(a.function.span, "remove the parenthesised value")
                  .with_help("write `count : { body }`"));
      } else {
        error(make_error("E0110", "unknown aggregate `" + name + "`")
                  .with_primary(a.function.span, "not an aggregate")
                  .with_help("the aggregates are `count`, `sum`, `min`, `max` and `mean`"));
      }
      return placeholder;
    }
    if (a.args.size() != 1) {
      error(make_error("E0111", "`" + name + "` aggregates one value, found " + args_found)
                .with_primary(a.span, "expected one value in the parentheses")
                .with_help("write `" + name + "(X) : { body }`"));
      return placeholder;
    }
    auto agg = std::make_shared<ast::Aggregate>();
    agg->kind = *kind;
    agg->value = term(a.args.front());
    agg->body = body(*a.body);
    agg->span = a.span;
    return agg;
  }

  std::size_t arity = name == "abs" || name == "earliest" || name == "latest" ? 1 : name == "min" || name == "max" ? 2 : 0;
  if (arity != 0) {
    if (a.args.size() != arity) {
      error(make_error("E0111", "`" + name + "` takes " + std::to_string(arity) +
                                    (arity == 1 ? " argument" : " arguments") + ", found " + args_found)
                .with_primary(a.span, "wrong number of arguments")
                .with_help(arity == 1 ? "write `" + name + "(X)`"
                                         : "write `" + name + "(X, Y)`; for the " + name +
                                               " over a body, write `" + name + "(X) : { body }`"));
      return placeholder;
    }
    auto call = std::make_shared<ast::Call>();
    call->function = identifier(a.function);
    for (auto const& arg : a.args) call->args.push_back(term(arg));
    call->span = a.span;
    return call;
  }
  if (name == "sum" || name == "count" || name == "mean") {
    error(make_error("E0110", "`" + name + "` is an aggregate and needs a body")
              .with_primary(a.span, "missing `: { body }`")
              .with_help(name == "count" ? "write `count : { body }`" : "write `" + name + "(X) : { body }`"));
    return placeholder;
  }
  error(make_error("E0110", "`" + name + "(...)` cannot be used as a term")
            .with_primary(a.span, "an atom cannot be an argument or an operand")
            .with_help("the functions are `abs`, `min`, `max`, `earliest` and `latest`; to require `" + name +
                       "(...)`, make it a literal of the body"));
  return placeholder;
}

std::vector<ast::Literal> ast_builder::body(std::vector<syntax::literal> const& literals) {
  std::vector<ast::Literal> out;
  out.reserve(literals.size());
  for (auto const& l : literals) out.push_back(literal(l));
  return out;
}

ast::Literal ast_builder::literal(syntax::literal const& l) {
  return boost::apply_visitor(overloaded{
                                  [this](syntax::negation const& n) -> ast::Literal {
                                    return ast::Negation{atom(n.target), n.span};
                                  },
                                  [this](x3::forward_ast<syntax::negated_conjunction> const& n) -> ast::Literal {
                                    return std::make_shared<ast::NegatedConjunction>(
                                        ast::NegatedConjunction{body(n.get().body), n.get().span});
                                  },
                                  [this](x3::forward_ast<syntax::disjunction> const& d) -> ast::Literal {
                                    auto out = std::make_shared<ast::Disjunction>();
                                    auto add = [&](syntax::alternative const& a) {
                                      out->alternatives.push_back(body(a.body));
                                      out->alternative_spans.push_back(a.span);
                                    };
                                    add(d.get().first);
                                    for (auto const& a : d.get().rest) add(a);
                                    out->span = d.get().span;
                                    return out;
                                  },
                                  [this](syntax::condition const& c) -> ast::Literal { return condition(c); },
                              },
                              l);
}

ast::Atom ast_builder::atom(syntax::atom const& a) {
  ast::Atom out;
  out.strong_negation = a.strong_negation;
  out.predicate = identifier(a.predicate);
  out.args.reserve(a.args.size());
  for (auto const& arg : a.args) out.args.push_back(term(arg));
  if (a.notes.source) out.source = term(*a.notes.source);
  if (a.notes.claimant) out.claimant = term(*a.notes.claimant);
  if (a.notes.certainty) out.certainty = term(*a.notes.certainty);
  out.span = a.span;
  return out;
}

ast::Literal ast_builder::condition(syntax::condition const& c) {
  if (auto const* cmp = boost::get<syntax::comparison_tail>(&c.tail.get())) {
    if (c.strong_negation) {
      error(make_error("E0109", "`-` cannot negate a comparison")
                .with_primary(Span{c.span.file, c.span.begin, c.span.begin + 1}, "strong negation applies to atoms")
                .with_help("negate the comparison instead, e.g. `X != Y` for `X = Y`"));
    }
    return ast::Comparison{cmp->op, term(c.first), term(cmp->rhs), c.span};
  }
  if (auto const* w = boost::get<syntax::within_tail>(&c.tail.get())) {
    if (c.strong_negation) {
      error(make_error("E0109", "`-` cannot negate a comparison")
                .with_primary(Span{c.span.file, c.span.begin, c.span.begin + 1}, "strong negation applies to atoms")
                .with_help("write `not (D1 within N days of D2)`"));
    }
    ast::Comparison out{ast::CompareOp::within, term(c.first), term(w->rhs), c.span};
    out.within = integer(w->amount).value;
    auto const& unit = w->unit.text;
    if (unit == "hours" || unit == "hour") out.within_hours = true;
    else if (unit != "days" && unit != "day")
      error(make_error("E0251", "unknown unit `" + unit + "` in `within`")
                .with_primary(w->unit.span, "not a unit of time")
                .with_help("write `within N days of D` or `within N hours of D`"));
    if (out.within < 0)
      error(make_error("E0251", "negative tolerance in `within`")
                .with_primary(w->amount.span, "below zero")
                .with_help("write how far apart the dates may be, e.g. `within 3 days of D`"));
    return out;
  }
  if (auto const* in = boost::get<syntax::membership_tail>(&c.tail.get())) {
    if (c.strong_negation) {
      error(make_error("E0109", "`-` cannot negate a membership test")
                .with_primary(Span{c.span.file, c.span.begin, c.span.begin + 1}, "strong negation applies to atoms")
                .with_help("write `X not in {...}`"));
    }
    ast::Membership out;
    out.element = term(c.first);
    out.negated = in->negated;
    if (auto const* values = boost::get<syntax::set_values>(&in->set.get())) out.values = constants(values->items);
    else out.set = identifier(boost::get<syntax::name>(in->set.get()));
    out.span = c.span;
    return out;
  }
  auto const& notes = boost::get<syntax::annotations>(c.tail.get());

  // Only `name` and `name(args)` are atoms; anything else needs a comparison.
  ast::Atom out;
  out.strong_negation = c.strong_negation;
  bool is_atom = false;
  if (c.first.rest.empty()) {
    if (auto const* s = boost::get<syntax::symbol>(&c.first.first.get())) {
      out.predicate = {s->text, s->span};
      is_atom = true;
    } else if (auto const* app = boost::get<x3::forward_ast<syntax::application>>(&c.first.first.get())) {
      if (!app->get().body) {
        out.predicate = identifier(app->get().function);
        for (auto const& arg : app->get().args) out.args.push_back(term(arg));
        is_atom = true;
      }
    }
  }
  if (!is_atom) {
    std::string what = "a value alone is not a condition";
    std::string help = "compare it, e.g. `X = 3`, or use an atom such as `role(P, R)`";
    if (!c.first.rest.empty()) {
      what = "an expression alone is not a condition";
      help = "compare it, e.g. `X + 1 > Y`";
    } else if (boost::get<syntax::variable>(&c.first.first.get())) {
      what = "a variable alone is not a condition";
      help = "compare it, e.g. `X = Y`; predicate names start with a lowercase letter";
    } else if (boost::get<x3::forward_ast<syntax::count_aggregate>>(&c.first.first.get()) ||
               boost::get<x3::forward_ast<syntax::application>>(&c.first.first.get())) {
      what = "an aggregate alone is not a condition";
      help = "compare its value, e.g. `N = count : { role(_, _) @ S }, N > 100`";
    } else if (boost::get<x3::forward_ast<syntax::chain>>(&c.first.first.get())) {
      what = "an expression alone is not a condition";
      help = "compare it, e.g. `(X + 1) * 2 > Y`";
    }
    error(make_error("E0109", "expected an atom or a comparison").with_primary(c.first.span, what).with_help(help));
    out.predicate = {"", c.first.span};
  }
  if (notes.source) out.source = term(*notes.source);
  if (notes.claimant) out.claimant = term(*notes.claimant);
  if (notes.certainty) out.certainty = term(*notes.certainty);
  out.span = c.span;
  return out;
}

// Set members are values written out: names, strings, numbers, dates.
std::vector<ast::Term> ast_builder::constants(std::vector<syntax::chain> const& items) {
  std::vector<ast::Term> out;
  std::map<std::string, Span> listed;  // by value: a name and the string of its text are one value
  for (auto const& item : items) {
    auto t = term(item);
    bool constant = std::holds_alternative<ast::Symbol>(t) || std::holds_alternative<ast::StringLit>(t) ||
                    std::holds_alternative<ast::IntLit>(t) || std::holds_alternative<ast::DateLit>(t);
    if (!constant) {
      error(make_error("E0113", "a set lists values, not variables or expressions")
                .with_primary(item.span, "not a value")
                .with_help("write names, strings, numbers or dates, e.g. `{isis_leader, \"al-Qaeda leader\", 3}`"));
      continue;
    }
    auto const* name = std::get_if<ast::Symbol>(&t);
    auto const* text = std::get_if<ast::StringLit>(&t);
    auto key = name ? name->name : text ? text->value : to_text(t);
    if (auto [first, fresh] = listed.emplace(key, item.span); !fresh) {
      diags_.report(make_warning("W0203", "`" + to_text(t) + "` is listed twice in one set")
                        .with_primary(item.span, "listed again here")
                        .with_secondary(first->second, "first listed here")
                        .with_help("remove one of them"));
      continue;
    }
    out.push_back(std::move(t));
  }
  return out;
}

ast::StringLit ast_builder::string(syntax::string_lit const& s) {
  ast::StringLit out;
  out.span = s.span;
  std::string const& raw = s.raw;
  out.value.reserve(raw.size());
  std::uint32_t const content = s.span.begin + 1;  // after the opening quote
  auto escape_span = [&](std::size_t at, std::size_t length) {
    return Span{s.span.file, content + static_cast<std::uint32_t>(at),
                content + static_cast<std::uint32_t>(std::min(at + length, raw.size()))};
  };
  constexpr std::string_view escapes = "the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\uXXXX`";
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\') {
      out.value += raw[i];
      continue;
    }
    char const e = i + 1 < raw.size() ? raw[i + 1] : '\0';
    switch (e) {
      case '"': out.value += '"'; ++i; continue;
      case '\\': out.value += '\\'; ++i; continue;
      case 'n': out.value += '\n'; ++i; continue;
      case 't': out.value += '\t'; ++i; continue;
      case 'u': {
        std::uint32_t cp = 0;
        std::size_t digits = 0;
        while (digits < 4 && i + 2 + digits < raw.size() && hex_value(raw[i + 2 + digits]) >= 0)
          cp = cp * 16 + static_cast<std::uint32_t>(hex_value(raw[i + 2 + digits++]));
        if (digits < 4) {
          error(make_error("E0103", "invalid unicode escape in string")
                    .with_primary(escape_span(i, 2 + digits), "expected four hexadecimal digits after `\\u`")
                    .with_help("write e.g. `\\u00e9` for é"));
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
          error(make_error("E0103", "invalid unicode escape in string")
                    .with_primary(escape_span(i, 6), "a UTF-16 surrogate is not a character")
                    .with_help("write the character itself; strings are UTF-8"));
        } else {
          append_utf8(out.value, cp);
        }
        i += 1 + digits;
        continue;
      }
      default: {
        // Show the whole escaped character, even when it is multibyte.
        std::size_t length = 2;
        while (i + length < raw.size() && (static_cast<unsigned char>(raw[i + length]) & 0xC0) == 0x80) ++length;
        error(make_error("E0103", "unknown escape `" + raw.substr(i, length) + "` in string")
                  .with_primary(escape_span(i, length), "unknown escape")
                  .with_help(std::string(escapes)));
        i += length - 1;
      }
    }
  }
  return out;
}

ast::IntLit ast_builder::integer(syntax::number const& n) {
  ast::IntLit out;
  out.span = n.span;
  auto const* begin = n.text.data();
  auto const* end = begin + n.text.size();
  auto [ptr, ec] = std::from_chars(begin, end, out.value);
  if (ec != std::errc() || ptr != end) {
    error(make_error("E0105", "integer `" + n.text + "` is out of range")
              .with_primary(n.span, "does not fit in 64 bits")
              .with_help("integers range from -9223372036854775808 to 9223372036854775807"));
  }
  return out;
}

ast::DateLit ast_builder::date(syntax::date const& d) {
  ast::DateLit out;
  out.span = d.span;
  std::string_view text = d.text;
  auto first_dash = text.find('-');
  auto second_dash = text.find('-', first_dash + 1);
  if (second_dash == std::string_view::npos) {  // `2025-10`: a month
    out.year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    out.month = (text[5] - '0') * 10 + (text[6] - '0');
    auto bad_month = [&](std::string label, std::string help) {
      error(make_error("E0104", "invalid date `" + d.text + "`").with_primary(d.span, std::move(label)).with_help(help));
      return out;
    };
    if (out.year == 0) return bad_month("there is no year 0", "years run from 0001 to 9999");
    if (out.month < 1 || out.month > 12) return bad_month("there is no month " + std::string(text.substr(5)), "months run from 01 to 12");
    return out;
  }
  auto y = text.substr(0, first_dash);
  auto m = text.substr(first_dash + 1, second_dash - first_dash - 1);
  auto dd = text.substr(second_dash + 1);
  auto bad = [&](std::string label, std::string help) {
    error(make_error("E0104", "invalid date `" + d.text + "`").with_primary(d.span, std::move(label)).with_help(help));
    return out;
  };
  if (y.size() != 4 || m.size() != 2 || dd.size() != 2)
    return bad("dates are written YYYY-MM-DD",
               "write e.g. `2025-01-05`; to subtract numbers, put spaces around `-`");
  auto number = [](std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
  };
  out.year = number(y);
  out.month = number(m);
  out.day = number(dd);
  if (out.year == 0) return bad("there is no year 0", "years run from 0001 to 9999");
  if (out.month < 1 || out.month > 12)
    return bad("there is no month " + std::string(m), "months run from 01 to 12");
  int const last_day = days_in_month(out.year, out.month);
  if (out.day < 1 || out.day > last_day)
    return bad(std::string(y) + "-" + std::string(m) + " has " + std::to_string(last_day) + " days",
               "days run from 01 to " + std::to_string(last_day));
  return out;
}

std::optional<ast::VerdictSeverity> ast_builder::severity(syntax::name const& word) {
  if (word.text == "error") return ast::VerdictSeverity::error;
  if (word.text == "warning") return ast::VerdictSeverity::warning;
  if (word.text == "info") return ast::VerdictSeverity::info;
  std::string help = "the severities are `error`, `warning` and `info`";
  auto near = closest_match(word.text, {"error", "warning", "info"});
  if (!near.empty()) help = "did you mean `" + near + "`? " + help;
  error(make_error("E0107", "unknown severity `" + word.text + "`")
            .with_primary(word.span, "not a severity")
            .with_help(std::move(help)));
  return std::nullopt;
}

ast::Statement ast_builder::statement(syntax::statement const& s) {
  return boost::apply_visitor(
      overloaded{
          [this](syntax::import_stmt const& i) -> ast::Statement { return ast::Import{string(i.path), i.span}; },
          [this](syntax::pred_decl const& p) -> ast::Statement {
            ast::PredDecl out{identifier(p.predicate), {}, p.span};
            for (auto const& param : p.params) {
              ast::Parameter par{identifier(param.param), ast::TypeName::symbol, param.type.span, std::nullopt};
              bool known = false;
              for (auto const& t : type_words)
                if (t.word == param.type.text) {
                  par.type = t.type;
                  known = true;
                }
              // Any other word names a vocabulary; the checker reports it if none has that name.
              if (!known) par.vocabulary = identifier(param.type);
              par.question_mark = param.optional;
              if (param.default_value) {
                par.default_value = term(*param.default_value);
                par.optional = true;
                par.optional_span = ast::span_of(*par.default_value);
              } else if (param.optional) {
                par.optional = true;
                // Just after the type word: where the `?` was written.
                par.optional_span = Span{param.type.span.file, param.type.span.end, param.type.span.end + 1};
              }
              out.params.push_back(std::move(par));
            }
            return out;
          },
          [this](syntax::rule_stmt const& r) -> ast::Statement {
            return ast::Rule{atom(r.head), body(r.body), r.span};
          },
          [this](syntax::constraint_stmt const& c) -> ast::Statement {
            ast::Constraint out;
            out.name = identifier(c.id);
            if (c.message) out.message = string(*c.message);
            if (c.severity) {
              out.severity = severity(*c.severity);
              out.severity_span = c.severity->span;
            }
            out.body = body(c.body);
            out.span = c.span;
            return out;
          },
          [this](syntax::unique_stmt const& u) -> ast::Statement {
            ast::Unique out;
            out.predicate = identifier(u.predicate);
            for (auto const& k : u.keys) out.keys.push_back(identifier(k));
            out.value = identifier(u.value);
            out.scope = u.scope;
            if (u.within) {
              out.tolerance = integer(u.within->amount);
              out.tolerance_percent = u.within->percent;
              if (out.tolerance->value < 0)
                error(make_error("E0112", "negative tolerance")
                          .with_primary(u.within->amount.span, "a tolerance cannot be negative")
                          .with_help("`within N` accepts differences up to N either way"));
            }
            if (u.grouped && u.grouped_after_within)
              error(make_error("E0101", "syntax error: `grouped` written twice")
                        .with_primary(u.grouped_after_within->span, "a second `grouped`")
                        .with_help("write `grouped` once, after `across sources`"));
            if (auto const& word = u.grouped ? u.grouped : u.grouped_after_within) {
              out.grouped = true;
              out.grouped_span = word->span;
            }
            if (u.alias) out.name = identifier(*u.alias);
            if (u.message) out.message = string(*u.message);
            if (u.severity) out.severity = severity(*u.severity);
            out.span = u.span;
            return out;
          },
          [this](syntax::vocabulary_stmt const& v) -> ast::Statement {
            ast::Vocabulary out{identifier(v.id), {}, v.span};
            for (auto const& value : v.values) {
              if (auto const* n = boost::get<syntax::name>(&value)) {
                out.values.push_back({n->text, n->span});
              } else {
                auto s = string(boost::get<syntax::string_lit>(value));
                out.values.push_back({std::move(s.value), s.span});
              }
            }
            return out;
          },
          [this](syntax::label_stmt const& l) -> ast::Statement {
            ast::Label out;
            out.predicate = l.predicate;
            if (auto const* n = boost::get<syntax::name>(&l.value)) {
              out.value = {n->text, n->span};
            } else {
              auto s = string(boost::get<syntax::string_lit>(l.value));
              out.value = {std::move(s.value), s.span};
            }
            out.text = string(l.text);
            if (l.language) out.language = identifier(*l.language);
            out.span = l.span;
            return out;
          },
          [this](syntax::set_stmt const& s) -> ast::Statement {
            return ast::SetDecl{identifier(s.id), constants(s.values), s.span};
          },
          [this](syntax::negation_check_stmt const& n) -> ast::Statement {
            ast::NegationCheck out;
            out.span = n.span;
            if (n.predicate) out.predicate = identifier(*n.predicate);
            out.enabled = n.setting.text != "off";
            if (n.setting.text == "severity") {
              if (n.severity) {
                out.severity = severity(*n.severity);
              } else {
                error(make_error("E0101", "expected a severity after `severity`, found `.`")
                          .with_primary(Span{n.setting.span.file, n.setting.span.end, n.setting.span.end},
                                        "expected `error`, `warning` or `info`")
                          .with_help("write e.g. `negation_check severity warning.`"));
              }
            } else if (n.severity) {
              error(make_error("E0101", "expected `.` after `negation_check " + n.setting.text + "`, found `" +
                                            n.severity->text + "`")
                        .with_primary(n.severity->span, "expected `.`")
                        .with_help("to change the severity, write `negation_check " +
                                   (n.predicate ? n.predicate->text + " " : std::string()) + "severity " +
                                   n.severity->text + ".`"));
            }
            return out;
          },
      },
      s);
}

}  // namespace nogood::rules::grammar
