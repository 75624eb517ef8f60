// Places whose names in English, Arabic and Hebrew are not transliterations of one another
// ("Damascus" / "دمشق" / "דמשק", "Egypt" / "مصر" / "מצרים"): looked up in CLDR's names of countries
// and of the exemplar cities of time zones, which ICU ships.
#pragma once

#include <string_view>

namespace nogood::facts::detail {

// The English CLDR name of the country or city a folded name (see name_fold.hpp) is one of the
// English, Arabic or Hebrew names of, or empty. A name CLDR gives to two different places (in any
// of the three languages) is known as neither. The table is built on first use; thread-safe.
std::string_view known_place(std::u32string_view folded);

}  // namespace nogood::facts::detail
