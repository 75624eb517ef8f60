// Loading what sources claim: per-source JSON files, JSON Lines bulk files, and the
// corpus-level entities.json. Entity arguments are resolved across sources in finish().
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "nogood/diagnostics.hpp"
#include "nogood/engine/corpus.hpp"
#include "nogood/engine/schema.hpp"
#include "nogood/facts/id_table.hpp"
#include "nogood/facts/resolve.hpp"

namespace nogood::facts {

namespace detail {
class JsonLinesReader;
}

struct LoadOptions {
  std::vector<std::filesystem::path> text_dirs;  // where article texts named by `source.text` are looked up
  // Quotes not found where `at` says, or not at all (E0315, E0316, E0323), are reported and
  // counted, and loading goes on to the end even past the diagnostics limit, so that the caller
  // may evaluate the claims anyway (`check --keep-going`).
  bool keep_going = false;
};

class FactsLoader {
public:
  FactsLoader(engine::Schema const& schema, engine::Corpus& corpus, SourceManager& sources, Diagnostics& diags,
              LoadOptions options = {});
  ~FactsLoader();

  // entities.json: canonical entities, pairs that must never merge, and aliases (names that are
  // one name). Load it first.
  void load_entities(std::filesystem::path const& path);
  void load_entities_text(std::string name, std::string text);
  // A per-source `.json` file or a `.jsonl` bulk file, by extension.
  void load_file(std::filesystem::path const& path);
  void load_text(std::string name, std::string text, bool json_lines, std::filesystem::path const& base = {});

  // Resolves entity mentions to entities and rewrites entity arguments; call once, after loading.
  void finish();
  EntityResolution const& resolution() const { return resolution_; }
  std::vector<EntityMention> const& mentions() const { return mentions_; }
  // How many of the errors reported are about quotes (E0315, E0316, E0323).
  std::size_t quote_errors() const { return quote_errors_; }

private:
  friend class FileLoader;
  engine::Schema const& schema_;
  engine::Corpus& corpus_;
  SourceManager& sources_;
  Diagnostics& diags_;
  LoadOptions options_;
  std::size_t quote_errors_ = 0;
  std::vector<EntityMention> mentions_;
  IdTable corpus_mentions_;  // corpus id -> mention
  IdTable source_ids_;       // source id -> index into Corpus::sources
  std::vector<std::pair<std::string, std::string>> distinct_;
  // entities.json `aliases`: names listed as one, each group with where it is ("entities.json:14").
  struct AliasGroup {
    std::vector<std::string> names;
    std::string origin;
  };
  std::vector<AliasGroup> aliases_;
  EntityResolution resolution_;
  // Per vocabulary of the schema, the interned ids of its values, sorted: a fact's symbol is
  // checked against them without comparing strings.
  std::vector<std::vector<std::uint32_t>> vocabulary_ids_;
  bool in_vocabulary(engine::Parameter const& p, std::uint32_t id) const;
  void load_json_lines(std::string const& name, detail::JsonLinesReader& reader, std::filesystem::path const& base);
  void report_byte_order_mark(FileId file);
  void report_invalid_utf8(FileId file, std::size_t bad);
};

// Whether `text` is valid UTF-8; on failure, the byte offset of the first bad byte.
bool valid_utf8(std::string_view text, std::size_t& bad_offset);

}  // namespace nogood::facts
