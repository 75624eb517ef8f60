// The words that name the built-in types, and the names people reach for from other languages.
// Shared by the AST builder (which resolves built-in types) and the checker (which resolves
// vocabularies and reports unknown types).
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "nogood/rules/ast.hpp"

namespace nogood::rules {

struct TypeWord {
  std::string_view word;
  ast::TypeName type;
};

inline constexpr std::array<TypeWord, 7> type_words{{{"entity", ast::TypeName::entity},
                                                     {"symbol", ast::TypeName::symbol},
                                                     {"string", ast::TypeName::string},
                                                     {"int", ast::TypeName::integer},
                                                     {"date", ast::TypeName::date},
                                                     {"source", ast::TypeName::source},
                                                     {"certainty", ast::TypeName::certainty}}};

inline constexpr std::array<std::pair<std::string_view, std::string_view>, 12> type_aliases{{{"integer", "int"},
                                                                                             {"number", "int"},
                                                                                             {"long", "int"},
                                                                                             {"i64", "int"},
                                                                                             {"str", "string"},
                                                                                             {"text", "string"},
                                                                                             {"datetime", "date"},
                                                                                             {"day", "date"},
                                                                                             {"atom", "symbol"},
                                                                                             {"id", "entity"},
                                                                                             {"person", "entity"},
                                                                                             {"bool", "symbol"}}};

}  // namespace nogood::rules
