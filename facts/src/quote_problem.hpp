// What is wrong with a claim's quote, as a diagnostic that shows it: the offset where the quote
// really is, or the passage it almost is with the differing characters side by side. Shared by the
// loader (which reports) and the fixer (which reports what it cannot fix).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "nogood/diagnostics.hpp"
#include "nogood/facts/quotes.hpp"

namespace nogood::facts::detail {

struct QuoteProblem {
  Diagnostic diagnostic;  // without a location
  std::string pointer;    // relative to the claim: "/at" or "/quote"
};

// Nothing when the quote is where `at` says, or anywhere when `at` is not given.
std::optional<QuoteProblem> quote_problem(Article const& article, std::string_view quote, std::optional<std::int64_t> at,
                                          QuoteSearch const& search);

// `37 (line 1, column 38)`
std::string describe_place(Article const& article, std::int64_t at);
// The passages' offsets, `12, 140 and 388`.
std::string list_offsets(std::vector<Passage> const& passages, std::size_t limit = 8);

}  // namespace nogood::facts::detail
