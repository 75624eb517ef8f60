// Titles and descriptions written before a name ("US special envoy Tom Barrack", "the researcher
// Wassim Nasr", "المبعوث الأمريكي توم باراك"): set aside before names are compared.
#pragma once

#include <string_view>

namespace nogood::facts::detail {

enum class Descriptor {
  none,
  role,       // an office, rank or occupation: envoy, minister, الباحث, השליח
  qualifier,  // words that go with one: the, special, US, American, to Syria, الأمريكي, לסוריה
};

// What a folded word (case folded, marks dropped, hamza seats as bare alef) is before a name.
Descriptor descriptor_of(std::u32string_view folded_word);

}  // namespace nogood::facts::detail
