// Dates as news words them ("saturday", "last month", "a year ago"), resolved against the day
// the source was published.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "nogood/engine/dates.hpp"

namespace nogood::facts::detail {

enum class RelativeProblem : std::uint8_t { none, unknown_form, needs_published };

// The forms accepted, for help texts.
extern char const* const relative_date_forms;

// Whether `text` is worded rather than numeric (a letter in it): such a date is read here.
bool worded_date(std::string_view text);

// `published` is the publication day, when the source gives one. Case-insensitive English; an
// `on ` or `in ` before the words is allowed. Bounded and non-throwing.
std::optional<engine::DateSpan> resolve_relative_date(std::string_view text, std::optional<std::int32_t> published,
                                                      RelativeProblem& problem);

}  // namespace nogood::facts::detail
