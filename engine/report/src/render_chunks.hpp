// Renders a long list of items on every core, writing the pieces to a sink in order: the text
// of one verdict does not depend on another's, and 100,000+ verdicts take seconds on one core.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "nogood/report/sink.hpp"

namespace nogood::report {

// Calls `render(begin, end, out)` for consecutive ranges of [0, count), on up to `workers` threads
// when there is enough to share, and writes each range's text to `sink` in order. `render` must only
// read shared state.
// `weight(i)`, when given, is how much text item i makes, in units of a short item: a range
// holds at most 512 items and, past its first, at most kChunkWeight units, so that a few
// thousand large items (a verdict resting on dozens of claims) are not held at once.
inline constexpr std::size_t kChunkWeight = 1024;
void render_chunks(std::size_t count, std::size_t workers, std::function<void(std::size_t begin, std::size_t end, std::string& out)> const& render,
                   Sink& sink, std::function<std::size_t(std::size_t item)> const& weight = {});

}  // namespace nogood::report
