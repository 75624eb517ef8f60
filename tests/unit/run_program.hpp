// Runs rules and facts given as text through nogood::Session and returns what tests compare:
// every derived relation and constraint, as sets of int tuples, and the verdicts.
#pragma once

#include <algorithm>
#include <climits>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "nogood/session.hpp"

namespace testing {

using Tuple = std::vector<int>;
using TupleSet = std::set<Tuple>;

// The background "source" (no source at all) as an int: above every source, as the engine orders it.
inline constexpr int background_source = INT_MAX;
// An optional argument left out without a default, in any column.
inline constexpr int absent = INT_MIN;

struct ProgramRun {
  std::shared_ptr<nogood::Session> session;    // the verdicts read their rule and bindings from it
  bool ok = false;
  std::string errors;                          // one error a line, with its position
  std::map<std::string, TupleSet> relations;   // derived predicates by name, constraints as `constraint NAME`
  std::vector<nogood::Verdict> verdicts;
  std::vector<nogood::ProofNode> proofs;       // per verdict, when explained
  std::vector<std::string> unverified;         // explanation steps that did not re-check
};

inline std::string errors_of(nogood::Session& s) {
  std::string out;
  for (auto const& d : s.diagnostics().all()) {
    if (d.severity != nogood::Severity::error) continue;
    out += d.code + ": " + d.message;
    if (d.primary && d.primary->span.valid()) {
      auto lc = s.sources().line_col(d.primary->span.file, d.primary->span.begin);
      out += " at " + std::to_string(lc.line) + ":" + std::to_string(lc.column) + " `" +
             std::string(s.sources().line_text(d.primary->span.file, lc.line)) + "`";
    }
    out += "\n";
  }
  return out;
}

// Every statement of a proof tree, depth first.
inline std::vector<std::string> proof_statements(nogood::ProofNode const& n) {
  std::vector<std::string> out{n.statement};
  for (auto const& c : n.children)
    for (auto& s : proof_statements(c)) out.push_back(std::move(s));
  return out;
}

inline void collect_unverified(nogood::ProofNode const& n, std::string const& verdict, std::vector<std::string>& out) {
  if (!n.verified) out.push_back(verdict + ": " + n.statement + (n.rule.empty() ? "" : "   by " + n.rule));
  for (auto const& c : n.children) collect_unverified(c, verdict, out);
}

struct RunOptions {
  std::uint64_t max_derived = 1'000'000;
  std::size_t max_kept_answer_values = std::size_t(1) << 22;
  bool explain = false;               // explain every verdict and collect the steps that do not re-check
  std::vector<std::string> symbols;   // symbol columns hold the index of their symbol here (-1 if absent)
};

// Rules text and facts texts (facts JSON, named f1.json, f2.json, ...).
inline ProgramRun run_program(std::string const& rules, std::vector<std::string> const& facts = {}, RunOptions const& opts = {}) {
  nogood::Inputs in;
  in.rules_text.emplace_back("test.rules", rules);
  for (std::size_t i = 0; i < facts.size(); ++i) in.facts_text.emplace_back("f" + std::to_string(i + 1) + ".json", facts[i]);
  nogood::Options options;
  options.eval.max_derived = opts.max_derived;
  options.eval.max_kept_answer_values = opts.max_kept_answer_values;
  options.eval.max_seconds = 20;
  ProgramRun run;
  run.session = std::make_shared<nogood::Session>(options);
  auto& session = *run.session;
  run.ok = session.load(in) && session.evaluate();
  if (!run.ok) {
    run.errors = errors_of(session);
    return run;
  }
  auto const& program = session.program();
  for (std::size_t rid = 0; rid < program.relations.size(); ++rid) {
    auto const& decl = program.relations[rid];
    auto kind = program.schema.predicates[decl.predicate].kind;
    if (kind != nogood::engine::PredicateKind::derived && kind != nogood::engine::PredicateKind::constraint) continue;
    auto const& rel = session.database().relations[rid];
    auto& out = run.relations[decl.certainty_column >= 0 ? decl.name + " certainty" : decl.name];
    for (nogood::engine::RowId r = 0; r < rel.size(); ++r) {
      Tuple t;
      for (std::size_t c = 0; c < rel.arity(); ++c) {
        auto v = rel.row(r)[c];
        auto type = decl.columns[c];
        if (nogood::engine::is_absent(type, v)) {
          t.push_back(absent);
          continue;
        }
        if (type == nogood::engine::ValueType::symbol || type == nogood::engine::ValueType::string) {
          auto it = std::find(opts.symbols.begin(), opts.symbols.end(), session.corpus().strings.view(v));
          t.push_back(it == opts.symbols.end() ? -1 : static_cast<int>(it - opts.symbols.begin()));
        } else {
          bool background = type == nogood::engine::ValueType::source && v == nogood::engine::no_source;
          t.push_back(background ? background_source : nogood::engine::unpack_int(v));
        }
      }
      out.insert(std::move(t));
    }
  }
  session.build_verdicts();
  run.verdicts = session.verdicts();
  if (opts.explain)
    for (auto const& v : run.verdicts) {
      run.proofs.push_back(session.explain(v));
      collect_unverified(run.proofs.back(), v.id(), run.unverified);
    }
  return run;
}

// A facts JSON text for one source.
inline std::string facts_json(std::string const& source, std::vector<std::pair<std::string, Tuple>> const& facts) {
  std::string out = "{\"nogood\": 1, \"source\": {\"id\": \"" + source + "\"}, \"facts\": [";
  for (std::size_t i = 0; i < facts.size(); ++i) {
    out += (i ? ", " : "") + std::string("{\"pred\": \"") + facts[i].first + "\", \"args\": [";
    for (std::size_t k = 0; k < facts[i].second.size(); ++k) out += (k ? ", " : "") + std::to_string(facts[i].second[k]);
    out += "]}";
  }
  return out + "]}";
}

}  // namespace testing
