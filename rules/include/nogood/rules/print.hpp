// The rules language written back from the AST: for explanations of rules the checker wrote
// itself (from `unique` and the negation check), which have no text of their own.
#pragma once

#include <string>

#include "nogood/rules/ast.hpp"

namespace nogood::rules {

std::string to_text(ast::Term const& t);
std::string to_text(ast::Atom const& a);
std::string to_text(ast::Literal const& l);
std::string to_text(ast::Constraint const& c);
std::string to_text(ast::Unique const& u);

}  // namespace nogood::rules
