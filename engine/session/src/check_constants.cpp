#include "check_constants.hpp"

#include <map>
#include <set>
#include <string>
#include <variant>

namespace nogood {

namespace {

struct Use {
  std::string text;
  Span span;
  bool background = false;
  bool in_set = false;  // a value a membership test lists
};

class ConstantUses {
public:
  explicit ConstantUses(engine::Schema const& schema) : schema_(schema) {}

  void atom(ast::Atom const& a, bool background) {
    auto pid = schema_.find(a.predicate.name);
    if (!pid) return;
    auto const& params = schema_.predicates[*pid].params;
    for (std::size_t i = 0; i < a.args.size() && i < params.size(); ++i) {
      auto type = params[i].type;
      if (type != engine::ValueType::symbol && type != engine::ValueType::entity) continue;
      if (auto s = std::get_if<ast::Symbol>(&a.args[i])) add(s->name, s->span, background);
      else if (auto t = std::get_if<ast::StringLit>(&a.args[i]); t && type == engine::ValueType::symbol) add(t->value, t->span, background);
    }
  }

  void body(std::vector<ast::Literal> const& literals) {
    for (auto const& lit : literals) {
      if (auto a = std::get_if<ast::Atom>(&lit)) atom(*a, false);
      else if (auto n = std::get_if<ast::Negation>(&lit)) atom(n->atom, false);
      else if (auto m = std::get_if<ast::Membership>(&lit)) values(m->values);
    }
  }

  void values(std::vector<ast::Term> const& set) {
    for (auto const& v : set) {
      if (auto s = std::get_if<ast::Symbol>(&v)) add(s->name, s->span, false, true);
      else if (auto t = std::get_if<ast::StringLit>(&v)) add(t->value, t->span, false, true);
    }
  }

  std::vector<Use> uses;
  std::map<std::string, int, std::less<>> count;

private:
  void add(std::string const& text, Span span, bool background, bool in_set = false) {
    // A literal outside a rule's alternatives is in the body of each choice: one use.
    if (!seen_.insert({span.file, span.begin}).second) return;
    uses.push_back({text, span, background, in_set});
    ++count[text];
  }
  std::set<std::pair<FileId, std::uint32_t>> seen_;
  engine::Schema const& schema_;
};

// A label for a value no fact, rule or vocabulary holds is a typo, or a leftover: either way it
// would never show, without a word (W0205).
void check_labels(rules::CheckedProgram const& program, engine::Corpus const& corpus,
                  std::map<std::string, int, std::less<>> const& rule_constants, Diagnostics& diags) {
  if (corpus.sources.empty()) return;  // rules checked alone: the values are not known yet
  std::vector<std::string_view> known;  // for suggestions, gathered once a label needs them
  for (auto const& l : program.labels) {
    if (l.predicate) continue;  // the checker knows its predicate
    if (corpus.strings.find(l.value) || rule_constants.count(l.value)) continue;
    if (known.empty()) {
      for (std::uint32_t i = 0; i < corpus.strings.size(); ++i) known.push_back(corpus.strings.view(i));
      for (auto const& [text, n] : rule_constants) known.push_back(text);
    }
    auto near = closest_match(l.value, known);
    diags.report(make_warning("W0205", "the label of `" + l.value + "` is never shown: no fact, rule or vocabulary holds `" + l.value + "`")
                     .with_primary(l.span, "labels nothing")
                     .with_help(near.empty() ? "check the spelling against the facts" : "did you mean `" + near + "`?"));
  }
}

}  // namespace

void check_rule_constants(rules::CheckedProgram const& program, engine::Corpus const& corpus, SourceManager const& sources,
                          Diagnostics& diags) {
  (void)sources;
  ConstantUses c(program.schema);
  for (auto const& f : program.facts)
    if (f.rule) c.atom(f.rule->head, true);
  for (auto const& r : program.rules) {
    if (r.kind == rules::CheckedRule::Kind::rule && r.rule) c.atom(r.head_atom(), false);
    if (r.origin == "constraint" || r.kind == rules::CheckedRule::Kind::rule) c.body(r.body());
  }
  for (auto const& [name, set] : program.sets)
    if (!set.vocabulary) c.values(set.values);
  check_labels(program, corpus, c.count, diags);
  if (c.uses.empty()) return;

  // What the facts know: every symbol and string they hold, and every entity's id and names.
  std::set<std::string, std::less<>> known;
  for (std::uint32_t i = 0; i < corpus.strings.size(); ++i) known.emplace(corpus.strings.view(i));
  for (auto const& e : corpus.entities) {
    known.emplace(e.id.view());
    for (auto const& n : e.names()) known.insert(n.name);
  }
  for (auto const& [text, n] : c.count) known.insert(text);  // for suggestions; uses are counted apart
  bool const have_sources = !corpus.sources.empty();

  std::set<std::string> reported;
  for (auto const& u : c.uses) {
    if (reported.count(u.text)) continue;
    bool in_facts = corpus.strings.find(u.text).has_value() || corpus.find_entity(u.text).has_value();
    if (in_facts || c.count.at(u.text) > 1) continue;
    std::vector<std::string_view> candidates;
    for (auto const& k : known)
      if (k != u.text) candidates.push_back(k);
    auto near = closest_match(u.text, candidates);
    // A background fact may well state something nothing else mentions; a typo is one away from a
    // known value. A constant a rule matches against must be somewhere, once facts were loaded.
    // Short values ("0", "ap") are a letter away from many others: no evidence of a typo.
    bool typo = !near.empty() && u.text.size() >= 4;
    // Two background facts a letter apart: only the one whose neighbour is better attested (in
    // the facts, or used more than once) is the likely typo.
    if (typo && (u.background || u.in_set)) {
      auto it = c.count.find(near);
      bool attested = corpus.strings.find(near).has_value() || corpus.find_entity(near).has_value() ||
                      (it != c.count.end() && it->second > 1);
      typo = attested;
    }
    // A set lists what a source might say: a value none says yet is expected, a near-miss is not.
    if ((u.background || u.in_set) ? !typo : (!have_sources && !typo)) continue;
    reported.insert(u.text);
    auto d = make_warning("W0202", "`" + u.text + "` is used by no fact and nowhere else in the rules");
    d.with_primary(u.span, u.background ? "stated only here" : "matches nothing");
    if (u.in_set) d.with_note("no claim or derived fact holds this value, so testing for it never matches");
    else if (!u.background) d.with_note("an atom with this value matches no claim and no derived fact, so it never holds");
    d.with_help(typo ? "did you mean `" + near + "`?" : "check the spelling against the facts");
    diags.report(std::move(d));
  }
}

}  // namespace nogood
