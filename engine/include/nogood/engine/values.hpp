// Values as the engine stores them: 32 bits each, typed by the column they sit in.
// Entities, symbols and strings are interned ids; ints and dates are packed in place.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "nogood/engine/string_pool.hpp"

namespace nogood::engine {

using Value = std::uint32_t;

enum class ValueType : std::uint8_t { entity, symbol, string, integer, date, source, certainty };
std::string_view to_string(ValueType);

// Certainty of a claim, ordered: asserted > reported > alleged > uncertain.
enum class Certainty : std::uint8_t { uncertain = 0, alleged = 1, reported = 2, asserted = 3 };
std::string_view to_string(Certainty);
std::optional<Certainty> parse_certainty(std::string_view);

// An optional argument left out, with no default: one reserved value per column type, never an
// interned id (pools stay far below it) nor a date (dates lie within 0001..9999), so testing for
// it is one comparison. Ints use all 32 bits and have none: an optional int needs a default.
// The absent date sits just above INT32_MIN (the built-in `source`'s unknown date), below every date.
inline constexpr Value absent_id = 0xffffffffu;
inline constexpr Value absent_date = 0x80000001u;
inline constexpr bool has_absent(ValueType t) { return t != ValueType::integer; }
inline constexpr Value absent_value(ValueType t) { return t == ValueType::date ? absent_date : absent_id; }
inline constexpr bool is_absent(ValueType t, Value v) { return has_absent(t) && v == absent_value(t); }

inline Value pack_int(std::int32_t v) { return static_cast<Value>(v); }
inline std::int32_t unpack_int(Value v) { return static_cast<std::int32_t>(v); }
// Ints and dates compare as signed numbers; ids are unsigned.
inline constexpr bool is_signed(ValueType t) { return t == ValueType::integer || t == ValueType::date; }

// Dates are days since 1970-01-01 (proleptic Gregorian), packed as ints.
std::int32_t days_from_civil(int year, int month, int day);
void civil_from_days(std::int32_t days, int& year, int& month, int& day);
bool valid_date(int year, int month, int day);
// Parses exactly `YYYY-MM-DD` naming a day that exists.
std::optional<std::int32_t> parse_date(std::string_view);
std::string format_date(std::int32_t days);

}  // namespace nogood::engine
