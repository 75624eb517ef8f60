// Claimed relations without the claimant and certainty columns that no rule reads.
#pragma once

#include "nogood/engine/program.hpp"

namespace nogood::rules::detail {

// Lowering gives every claimed relation the columns args..., source, claimant, certainty, claim.
// The claim itself keeps its claimant and certainty, so a column that no atom (in any rule, query,
// aggregate or negation) binds or tests only costs memory: four bytes per claim. Drops such
// columns from the relations and from every atom over them, and records where those kept are.
void drop_unread_claim_columns(engine::Program& program);

}  // namespace nogood::rules::detail
