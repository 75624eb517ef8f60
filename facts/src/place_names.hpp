// Names that are not transliterations of one another ("Damascus" / "دمشق" / "דמשק", "Egypt" /
// "مصر" / "מצרים", "Syrian Arab Republic" / "סוריה"), from well-kept data: CLDR's names of
// countries and of the exemplar cities of time zones (which ICU ships), and Debian's iso-codes
// (ISO 3166-1 countries, ISO 3166-2 subdivisions with their Hebrew and Arabic names).
#pragma once

#include <cstdint>
#include <string_view>

namespace nogood::facts::detail {

// Where a name's identity comes from; the order is the order of trust.
enum class KnownSource : std::uint8_t { none, alias, cldr, iso_country, iso_subdivision };

struct KnownName {
  std::string_view canonical;  // the English name all names of the place share; empty: unknown
  KnownSource source = KnownSource::none;
};

// What a folded name (see name_fold.hpp) is known as. CLDR comes first; iso-codes adds names CLDR
// does not have (official names, governorates) and never overrides it. A name two places share
// within a source (in any of English, Arabic and Hebrew) is known as neither. The table is built
// on first use (thread-safe); without iso-codes installed it holds CLDR's names only.
KnownName known_place(std::u32string_view folded);

// How many names the table holds from each source, for the names benchmark and tests.
struct KnownPlaceCounts {
  std::size_t cldr = 0, iso_country = 0, iso_subdivision = 0, ambiguous = 0;
};
KnownPlaceCounts known_place_counts();

}  // namespace nogood::facts::detail
