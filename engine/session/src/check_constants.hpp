// Constants in rules that nothing else uses: a misspelt `informnt` or `white_hose` would otherwise
// match nothing and change the verdicts without a word (W0202).
#pragma once

#include "nogood/diagnostics.hpp"
#include "nogood/engine/corpus.hpp"
#include "nogood/rules/check.hpp"

namespace nogood {

// Run after the facts are loaded and their entities resolved, before lowering (which interns the
// rules' own constants). A constant of a symbol or entity position in a rule or constraint is
// reported when no fact, entity and no other statement uses it (only when some source was loaded:
// a rules file checked alone proves nothing); one in a background fact when it is used once and a
// known value is a typo away.
void check_rule_constants(rules::CheckedProgram const& program, engine::Corpus const& corpus, SourceManager const& sources,
                          Diagnostics& diags);

}  // namespace nogood
