// The embedding API and the pipeline in one place:
//   parse rules -> check -> load facts -> resolve entities -> lower -> evaluate -> verdicts -> explain.
// Errors come back as diagnostics; nothing is printed and nothing exits.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <span>
#include <string>
#include <vector>

#include "nogood/diagnostics.hpp"
#include "nogood/engine/accepted.hpp"
#include "nogood/engine/corpus.hpp"
#include "nogood/engine/duplicates.hpp"
#include "nogood/engine/evaluate.hpp"
#include "nogood/engine/program.hpp"
#include "nogood/engine/saved_report.hpp"
#include "nogood/source_nogoods.hpp"
#include "nogood/verdict.hpp"

namespace nogood {

struct Inputs {
  std::vector<std::filesystem::path> rules;
  std::vector<std::filesystem::path> facts;  // .json per source, .jsonl bulk
  std::optional<std::filesystem::path> corpus;  // the corpus folder, which imports may not leave
  std::optional<std::filesystem::path> entities;
  std::optional<std::filesystem::path> accepted;  // accepted.json: verdicts reviewed and accepted
  std::vector<std::filesystem::path> text_dirs;
  std::vector<std::pair<std::string, std::string>> rules_text;  // (name, text): rules given as strings
  std::vector<std::pair<std::string, std::string>> facts_text;  // (name, text)
  std::optional<std::pair<std::string, std::string>> accepted_text;  // (name, text), in place of `accepted`
};

// A corpus folder: rules/*.rules, facts/ or sources/ with *.json and *.jsonl, entities.json.
// Files are taken in name order so runs are reproducible.
std::optional<Inputs> discover_corpus(std::filesystem::path const& folder, Diagnostics& diags);

// The text of an accepted.json holding `entries`, in their order, as `nogood accept` writes it.
std::string accepted_file_text(std::vector<engine::Acceptance> const& entries);

// A JSON report of an earlier run (`nogood check --format json`), to compare runs with; errors
// (not JSON, not a report) are located in the text registered with `sources`.
std::optional<engine::SavedReport> load_saved_report(std::filesystem::path const& path, SourceManager& sources, Diagnostics& diags);

struct Timings {
  double load = 0, resolve = 0, evaluate = 0, verdicts = 0, nogoods = 0;
};

struct Options {
  engine::EvalOptions eval;
  std::string language = "en";  // for display names
  // Quotes not found where `at` says, or not at all, are reported as errors but do not stop the
  // run: the claims are evaluated anyway (`check --keep-going`); quote_errors() counts them.
  bool keep_going = false;
  // Evaluates in place of the native engine (another back end, e.g. PostgreSQL); it fills the
  // database as engine::evaluate() does, so that verdicts and explanations are built the same way.
  std::function<bool(engine::Program const&, engine::Corpus&, engine::Database&, engine::EvalOptions const&, Diagnostics&)> evaluator;
};

// One value that the sources of a grouped `unique` verdict give for its key.
struct ValueGroup {
  engine::Value value = 0;
  std::vector<std::uint32_t> sources;  // source indexes, by id, each once
  std::vector<std::uint32_t> claims;   // claim indexes, by source id then claim: as in the support
};

class Session {
public:
  explicit Session(Options options = {});
  ~Session();

  // Stages, in order; each returns false when it reported errors.
  bool load(Inputs const& inputs);  // parse, check, load facts, resolve, lower
  bool evaluate();  // once: a later call returns the first call's result
  void build_verdicts();
  // Leaves a rule of the loaded program out of evaluation (before evaluate()).
  void skip_rule(std::uint32_t rule);

  // Threads for evaluation, verdicts and rendering (Options::eval.threads, or one per core).
  std::size_t threads() const { return engine::worker_threads(options_.eval); }

  // Quote errors (E0315, E0316, E0323) among the diagnostics; under keep_going they did not stop load().
  std::size_t quote_errors() const { return quote_errors_; }

  // Everything a run found, in a deterministic order.
  std::vector<Verdict> const& verdicts() const { return verdicts_; }
  Verdict const* find_verdict(std::string_view id) const;
  // accepted.json's entries, in file order, and the one accepting `v` (nullptr when none).
  // build_verdicts() matches them to verdicts and warns (W0340) about those that match none.
  std::vector<engine::Acceptance> const& accepted() const { return accepted_; }
  engine::Acceptance const* acceptance(Verdict const& v) const;
  // Compares this run's verdicts (after build_verdicts()) with an earlier run's, by id: each
  // verdict is new or unchanged, and the earlier verdicts that no longer occur are resolved.
  void compare_with(engine::SavedReport baseline);
  engine::SavedReport const* baseline() const { return baseline_ ? &*baseline_ : nullptr; }
  bool is_new(Verdict const& v) const { return baseline_ && !v.in_baseline; }
  std::vector<engine::SavedVerdict const*> const& resolved() const { return resolved_; }
  // The accepted.json read, as given; empty when none.
  std::string const& accepted_file() const { return accepted_file_; }
  // A verdict's message: its constraint's text with the bindings shown, built when asked for
  // rather than kept for each of hundreds of thousands of verdicts.
  std::string message(Verdict const& v) const;
  void append_message(std::string& out, Verdict const& v) const;
  ProofNode explain(Verdict const& v) const;
  // A grouped `unique` verdict's values (ints by number, others by canonical form), each with the sources and claims that
  // give it; empty for other verdicts. The type is the value argument's.
  std::vector<ValueGroup> groups(Verdict const& v) const;
  // Whether `v` is a grouped `unique` verdict, which reports show by its groups.
  bool is_grouped(Verdict const& v) const { return program_.constraints[v.constraint].grouped.has_value(); }
  engine::ValueType groups_type(Verdict const& v) const;
  // `al-Dumayr (ap-en, reuters) vs Deir ez-Zor (aljazeera-ar)`: what `{Groups}` shows.
  void append_groups(std::string& out, Verdict const& v) const;
  // The rows of the claimed relation that a grouped verdict lists, in the order of its support.
  std::span<engine::RowId const> grouped_rows(Verdict const& v) const;
  // Every derivation of the verdict, searched top-down, reduced to its minimal sets of sources
  // (source_nogoods.hpp); find_source_nogoods() fills Verdict::nogoods of every verdict, on every core.
  SourceNogoods source_nogoods(Verdict const& v, NogoodLimits const& limits = {}) const;
  void find_source_nogoods(NogoodLimits const& limits = {});
  // The same for `v` alone (`explain` shows one verdict): the others are left without nogoods.
  void find_source_nogoods_of(Verdict const& v, NogoodLimits const& limits = {});
  bool source_nogoods_found() const { return nogoods_found_; }
  // For a report that shows no proofs and so reads rows alone: frees each derived fact's recorded
  // derivation once the verdicts are built (explain() is unavailable after), and each relation's
  // duplicate check and indexes once the nogoods are found (lookups then scan).
  void drop_derivations() { db_.release_provenance(); }
  void drop_indexes() { db_.release_lookups(); }

  // A value as shown to people (entities by their name in Options::language), and in the form
  // that is stable across runs (corpus ids, source ids, ISO dates).
  std::string display(engine::ValueType type, engine::Value v) const;
  std::string canonical(engine::ValueType type, engine::Value v) const;
  void append_display(std::string& out, engine::ValueType type, engine::Value v) const;
  void append_canonical(std::string& out, engine::ValueType type, engine::Value v) const;
  // Whether a fact's statement leaves this trailing argument out: absent, or its default.
  bool left_out(engine::Parameter const& param, engine::ValueType type, engine::Value v) const;

  SourceManager& sources() { return sources_; }
  SourceManager const& sources() const { return sources_; }
  Diagnostics& diagnostics() { return diags_; }
  engine::Corpus const& corpus() const { return corpus_; }
  engine::Program const& program() const { return program_; }
  engine::Database const& database() const { return db_; }
  Timings const& timings() const { return timings_; }
  std::vector<std::string> const& input_files() const { return input_files_; }
  // The corpus folder the inputs came from, when they came from one.
  std::optional<std::filesystem::path> const& corpus_root() const { return corpus_root_; }

  // A symbol or claimant as reports show it: its `label` in the report's language, else itself.
  std::string_view symbol_display(std::uint32_t string_id) const;

private:
  std::string_view entity_display(engine::Value v) const;
  void match_acceptances();
  void report_duplicate_claims(std::vector<engine::DuplicateClaim> const& repeats);
  ProofNode explain_row(engine::RelationId rel, engine::RowId row, int depth) const;
  std::string weakest_certainty_text(engine::Rule const& rule, engine::Literal const& weakest, std::vector<engine::Value> const& regs) const;
  std::string fact_text(engine::RelationId rel, engine::Value const* row) const;
  // Calls `found` for every combination of rows matching an aggregate's body, running its
  // literals in `order` from position `i` on.
  void aggregate_matches(engine::Literal const& agg, std::vector<std::size_t> const& order, std::size_t i,
                         std::vector<engine::Value>& regs, std::vector<bool>& set,
                         std::vector<std::pair<engine::RelationId, engine::RowId>>& current,
                         std::function<void()> const& found) const;
  // The aggregate's value for the group the set registers give; nothing for the min or max of nothing.
  std::optional<std::int64_t> aggregate_value(engine::Literal const& agg, std::vector<engine::Value> regs, std::vector<bool> set,
                                              std::int64_t* matches = nullptr,
                                              std::vector<std::vector<std::pair<engine::RelationId, engine::RowId>>>* shown = nullptr) const;

  std::size_t quote_errors_ = 0;
  bool nogoods_found_ = false;
  // Errors that stop the run: all of them, except quote errors under keep_going.
  bool stopping_errors() const;
  Options options_;
  std::optional<bool> evaluated_;
  SourceManager sources_;
  Diagnostics diags_;
  engine::Corpus corpus_;
  engine::Program program_;
  engine::Database db_;
  std::vector<Verdict> verdicts_;
  VerdictLists lists_;  // the lists of every verdict
  // Each constraint's message split once into literal text and the bindings it shows.
  struct MessagePiece {
    std::string_view text;
    std::size_t binding = SIZE_MAX;  // else the index of the binding shown here
  };
  static std::vector<MessagePiece> split_message(std::string_view tmpl, std::vector<std::string> const& names, bool grouped = false);
  static constexpr std::size_t groups_piece = SIZE_MAX - 1;  // `{Groups}` of a grouped `unique`
  std::vector<std::vector<MessagePiece>> messages_;  // per constraint
  // Per grouped constraint, the rows of its predicate's claims (background facts left out) by key,
  // then value, source id and claim: a verdict's claims are one run of them.
  std::vector<std::vector<engine::RowId>> grouped_rows_;
  void sort_grouped_rows();
  std::vector<engine::Acceptance> accepted_;
  std::string accepted_file_;
  // The accepted verdicts, by constraint and row, to their entry in accepted_: a few entries
  // against hundreds of thousands of verdicts, so not a field of each.
  static std::uint64_t acceptance_key(Verdict const& v) { return std::uint64_t(v.constraint) << 32 | v.row; }
  std::unordered_map<std::uint64_t, std::uint32_t> acceptance_of_;
  std::optional<engine::SavedReport> baseline_;
  std::vector<engine::SavedVerdict const*> resolved_;
  // Each entity's display name in options_.language, looked up once rather than per value shown.
  mutable std::vector<std::string_view> display_names_;
  Timings timings_;
  std::vector<std::string> input_files_;
  std::optional<std::filesystem::path> corpus_root_;
  std::unordered_map<std::uint32_t, std::string> labels_;  // string id -> label
  std::unordered_map<engine::PredicateId, std::string> sentences_;  // predicate -> `label pred` sentence
  std::unique_ptr<struct RulesState> rules_;
};

}  // namespace nogood
