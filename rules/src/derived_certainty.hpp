// Certainty through derivations, as lowering builds it: a derived predicate whose certainty some
// atom reads gets a second relation, its facts with every level a derivation gives, and each of
// its rules a twin that derives it. Predicates whose certainty nothing reads are left as they are.
#pragma once

#include <vector>

#include "nogood/engine/program.hpp"
#include "nogood/rules/check.hpp"

namespace nogood::rules::detail {

// Per predicate: some atom reads its certainty (`p(X) certainty K`), or a rule of one that is
// read rests on it: a certainty rests on the certainties beneath it.
std::vector<bool> certainty_read(CheckedProgram const& checked);

// The twin of `rule` (lowered for a predicate whose certainty is read) that derives the head's
// certainty relation: its positive atoms each give their certainty (a claim's column, a derived
// fact's certainty relation; a built-in fact is sure), and the head takes the weakest. Negated
// literals and aggregates do not weaken it.
engine::Rule certainty_twin(engine::Rule rule, engine::Program const& program, std::vector<engine::RelationId> const& certainty_relation,
                            engine::RelationId head);

}  // namespace nogood::rules::detail
