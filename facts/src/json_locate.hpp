// Where a JSON Pointer lands in the text of a JSON document, so that errors found after parsing
// (nlohmann's DOM keeps no positions) still point at file:line:column with a snippet.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

namespace nogood::facts::detail {

enum class JsonPart { value, key };

// Byte range [begin, end) of the value at `pointer` (RFC 6901; "" is the whole document), or of
// the key naming it; nullopt when the pointer does not lead anywhere in `text`. The value's range
// stops at the end of its first line, which is what a snippet shows.
std::optional<std::pair<std::uint32_t, std::uint32_t>> locate_json_pointer(std::string_view text, std::string_view pointer,
                                                                           JsonPart part = JsonPart::value);

}  // namespace nogood::facts::detail
