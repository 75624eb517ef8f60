#include "nogood/engine/dates.hpp"
#include "nogood/engine/memory.hpp"
#include "nogood/session.hpp"

#include "check_constants.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "nogood/facts/accepted.hpp"
#include "nogood/facts/load.hpp"
#include "nogood/facts/names.hpp"
#include "nogood/rules/check.hpp"
#include "nogood/rules/load.hpp"
#include "nogood/rules/lower.hpp"

namespace nogood {

namespace fs = std::filesystem;
using engine::ValueType;

struct RulesState {
  std::vector<ast::Program> files;
  rules::CheckedProgram checked;
};

namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Entity constants in rules, answered from the resolved entity table.
class CorpusEntities : public rules::EntityLookup {
public:
  explicit CorpusEntities(engine::Corpus& corpus) : corpus_(corpus) {}

  std::optional<engine::Value> by_id(std::string_view id, Span, Diagnostics&) override {
    if (auto e = corpus_.find_entity(id)) return *e;
    // An entity only rules mention (e.g. in background facts) is an entity all the same.
    corpus_.entities.push_back({std::string(id), "", {}, {}});
    return static_cast<engine::Value>(corpus_.entities.size() - 1);
  }

  std::optional<engine::Value> by_name(std::string_view name, Span at, Diagnostics& diags) override {
    std::vector<std::uint32_t> full, partial;
    for (std::uint32_t e = 0; e < corpus_.entities.size(); ++e) {
      bool is_full = false, is_partial = false;
      for (auto const& n : corpus_.entities[e].names()) {
        auto c = matcher_.compare(name, n.name);
        is_full = is_full || c.match == facts::NameMatch::full;
        is_partial = is_partial || c.match == facts::NameMatch::partial;
      }
      if (is_full) full.push_back(e);
      else if (is_partial) partial.push_back(e);
    }
    if (full.size() == 1) return full.front();
    auto const& candidates = full.empty() ? partial : full;
    auto d = make_error("E0226", std::string(candidates.empty() ? "no entity is named " : "the name is ambiguous: ") + "\"" + std::string(name) + "\"");
    d.with_primary(at, candidates.empty() ? "unknown name" : "matches more than one entity");
    for (auto e : candidates) d.with_note("candidate: `" + corpus_.entities[e].id + "` (" + std::string(corpus_.display_name(e, "en")) + ")");
    d.with_help(candidates.empty() ? "use an entity id, or a name as a source or entities.json writes it" : "use the entity id instead of the name");
    diags.report(std::move(d));
    return std::nullopt;
  }

private:
  engine::Corpus& corpus_;
  facts::NameMatcher matcher_;
};

}  // namespace

Session::Session(Options options) : options_(std::move(options)), rules_(std::make_unique<RulesState>()) {}
Session::~Session() = default;

bool Session::stopping_errors() const {
  return options_.keep_going ? diags_.error_count() > quote_errors_ : diags_.has_errors();
}

bool Session::load(Inputs const& inputs) {
  auto started = std::chrono::steady_clock::now();
  corpus_root_ = inputs.corpus;
  // parse -> check
  rules_->files = rules::load_rules(inputs.rules, sources_, diags_, inputs.corpus);
  for (auto const& [name, text] : inputs.rules_text) {
    auto more = rules::load_rules_text(name, text, fs::current_path(), sources_, diags_);
    for (auto& p : more) rules_->files.push_back(std::move(p));
  }
  // Every rules file read, imports included, for the run manifest.
  for (std::size_t f = 0; f < sources_.size(); ++f) input_files_.push_back(sources_.file(static_cast<FileId>(f)).name);
  if (diags_.has_errors()) return false;
  rules_->checked = rules::check(rules_->files, sources_, diags_);
  if (diags_.has_errors()) return false;

  // load facts -> resolve entities
  for (auto const& dir : inputs.text_dirs) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) continue;
    Diagnostic d = make_error("E0010", "the texts folder `" + dir.string() + "` " + (fs::exists(dir, ec) ? "is not a folder" : "does not exist"));
    d.file_name = dir.string();
    diags_.report(std::move(d.with_help("--texts names the folder that holds the article texts the facts quote")));
  }
  if (diags_.has_errors()) return false;
  facts::FactsLoader loader(rules_->checked.schema, corpus_, sources_, diags_, facts::LoadOptions{inputs.text_dirs, options_.keep_going});
  if (inputs.entities) {
    loader.load_entities(*inputs.entities);
    input_files_.push_back(inputs.entities->string());
  }
  for (auto const& f : inputs.facts) {
    loader.load_file(f);
    input_files_.push_back(f.string());
  }
  for (auto const& [name, text] : inputs.facts_text) loader.load_text(name, text, name.ends_with(".jsonl"));
  if (inputs.accepted_text) {
    accepted_file_ = inputs.accepted_text->first;
    if (auto entries = facts::load_accepted_text(accepted_file_, inputs.accepted_text->second, sources_, diags_))
      accepted_ = std::move(*entries);
  } else if (inputs.accepted) {
    accepted_file_ = inputs.accepted->string();
    if (auto entries = facts::load_accepted(*inputs.accepted, sources_, diags_)) accepted_ = std::move(*entries);
    input_files_.push_back(accepted_file_);
  }
  timings_.load = seconds_since(started);
  quote_errors_ = loader.quote_errors();
  if (stopping_errors()) return false;
  started = std::chrono::steady_clock::now();
  loader.finish();
  timings_.resolve = seconds_since(started);
  if (stopping_errors()) return false;

  check_rule_constants(rules_->checked, corpus_, sources_, diags_);

  // lower
  CorpusEntities entities(corpus_);
  program_ = rules::lower(rules_->checked, sources_, corpus_, entities, diags_);
  entity_display(0);  // fills the display names now: renderers read them from several threads
  // Labels of symbols and claimants in the report's language, else those for every language.
  for (bool general : {false, true})
    for (auto const& l : rules_->checked.labels) {
      if (general != l.language.empty() || (!general && l.language != options_.language)) continue;
      if (l.predicate) {
        if (auto id = program_.schema.find(l.value)) sentences_.try_emplace(*id, l.text);
      } else if (auto id = corpus_.strings.find(l.value)) {
        labels_.try_emplace(*id, l.text);
      }
    }
  if (stopping_errors()) return false;
  started = std::chrono::steady_clock::now();
  report_duplicate_claims(engine::drop_duplicate_claims(corpus_));
  timings_.resolve += seconds_since(started);  // preparing the claims, as resolving their entities is
  return true;
}

void Session::skip_rule(std::uint32_t rule) {
  auto& skip = options_.eval.skip_rules;
  if (skip.size() <= rule) skip.resize(std::size_t(rule) + 1, false);
  skip[rule] = true;
}

bool Session::evaluate() {
  auto started = std::chrono::steady_clock::now();
  if (evaluated_) return *evaluated_;
  bool ok = options_.evaluator ? options_.evaluator(program_, corpus_, db_, options_.eval, diags_)
                               : engine::evaluate(program_, corpus_, db_, options_.eval, diags_);
  evaluated_ = ok;
  engine::return_free_memory();
  timings_.evaluate = seconds_since(started);
  return ok;
}

std::string_view Session::entity_display(engine::Value v) const {
  if (display_names_.size() != corpus_.entities.size()) {
    display_names_.clear();
    for (std::uint32_t e = 0; e < corpus_.entities.size(); ++e) display_names_.push_back(corpus_.display_name(e, options_.language));
  }
  return v < display_names_.size() ? display_names_[v] : std::string_view();
}

void Session::append_display(std::string& out, ValueType type, engine::Value v) const {
  if (engine::is_absent(type, v)) return;  // an optional argument left out shows as nothing
  switch (type) {
    case ValueType::entity: out += v < corpus_.entities.size() ? entity_display(v) : "?"; return;
    case ValueType::symbol: out += symbol_display(v); return;
    case ValueType::string: out += corpus_.strings.view(v); return;
    case ValueType::integer: out += std::to_string(engine::unpack_int(v)); return;
    case ValueType::date: out += engine::format_date_value(v); return;
    case ValueType::source: out += v < corpus_.sources.size() ? std::string_view(corpus_.sources[v].id) : "(background)"; return;
    case ValueType::certainty: out += engine::to_string(static_cast<engine::Certainty>(v)); return;
  }
  out += "?";
}

std::string_view Session::symbol_display(std::uint32_t id) const {
  if (auto it = labels_.find(id); it != labels_.end()) return it->second;
  return corpus_.strings.view(id);
}

void Session::append_canonical(std::string& out, ValueType type, engine::Value v) const {
  if (engine::is_absent(type, v)) return;
  if (type == ValueType::entity) out += v < corpus_.entities.size() ? std::string_view(corpus_.entities[v].id) : "?";
  else if (type == ValueType::symbol) out += corpus_.strings.view(v);
  else append_display(out, type, v);
}

std::string Session::display(ValueType type, engine::Value v) const {
  std::string out;
  append_display(out, type, v);
  return out;
}

std::string Session::canonical(ValueType type, engine::Value v) const {
  std::string out;
  append_canonical(out, type, v);
  return out;
}

}  // namespace nogood
