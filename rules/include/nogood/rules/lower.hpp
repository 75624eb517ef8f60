// Lowering checked rules to the engine's plan: constants become values, atoms become
// relation columns, background facts become claims of no source.
#pragma once

#include <optional>
#include <string_view>

#include "nogood/diagnostics.hpp"
#include "nogood/engine/corpus.hpp"
#include "nogood/engine/program.hpp"
#include "nogood/rules/check.hpp"

namespace nogood::rules {

// How rules name entities: by corpus id (`khaled_al_masoud`) or by a name in any script
// (`"خالد المسعود"`). The driver answers from the resolved entity table.
class EntityLookup {
public:
  virtual ~EntityLookup() = default;
  virtual std::optional<engine::Value> by_id(std::string_view id, Span at, Diagnostics& diags) = 0;
  virtual std::optional<engine::Value> by_name(std::string_view name, Span at, Diagnostics& diags) = 0;
};

engine::Program lower(CheckedProgram const& checked, SourceManager const& sources, engine::Corpus& corpus,
                      EntityLookup& entities, Diagnostics& diags);

// The text of a span, for explanations.
std::string span_text(SourceManager const& sources, Span s);

}  // namespace nogood::rules
