// load.sql's pieces and results.sql (schema.cpp).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "internal.hpp"
#include "nogood/engine/corpus.hpp"

namespace nogood::sql::detail {

// The interned strings, entities and sources, by id, so that results can be read back.
class Dictionary {
public:
  explicit Dictionary(engine::Corpus const& corpus);
  std::uint32_t intern(std::string const& s);
  std::string statements(DialectRules const& d, std::size_t batch) const;

private:
  engine::Corpus const& corpus_;
  std::unordered_map<std::string, std::uint32_t> extra_;
  std::vector<std::string> order_;
};

// The dictionary kind of a column type (`entity`, `string`, `source`); empty for numbers.
std::string dictionary_kind(engine::ValueType t);
std::string batched_insert(DialectRules const& d, std::string const& table, std::vector<std::string> const& rows, std::size_t batch);
std::string create_tables(engine::Program const& program, std::vector<Table> const& tables, DialectRules const& d, Provenance provenance = {});
std::string claim_rows(engine::Program const& program, engine::Corpus const& corpus, std::vector<Table> const& tables,
                       DialectRules const& d, Dictionary& dict, std::size_t batch);
// Citus: each table distributed by one column, or copied to every worker (a reference table).
struct Distribution {
  std::string column;  // unquoted; empty for a reference table
  bool reference = false;
};
std::vector<Distribution> choose_distribution(engine::Program const& program, std::vector<Table> const& tables);
std::string citus_script(std::vector<Table> const& tables, std::vector<Distribution> const& distribution, DialectRules const& d);

std::string results_script(engine::Program const& program, std::vector<Table> const& tables, DialectRules const& d);

}  // namespace nogood::sql::detail
