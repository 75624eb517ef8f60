// From the syntax tree to the public AST: applies operator precedence, decides what each
// `name(...)` is, decodes strings, checks dates, integers, types and severities. Reports what
// is wrong (E0103..E0112) and keeps going, so every statement gets checked.
#pragma once

#include "nogood/diagnostics.hpp"
#include "nogood/rules/ast.hpp"
#include "syntax.hpp"

namespace nogood::rules::grammar {

class ast_builder {
public:
  ast_builder(FileId file, Diagnostics& diags) : file_(file), diags_(diags) {}

  ast::Statement statement(syntax::statement const& s);
  bool failed() const { return failed_; }

  // Exposed for the term and literal visitors in build_ast.cpp.
  ast::Term term(syntax::chain const& c);
  ast::Term primary(syntax::primary const& p);
  ast::Term application_term(syntax::application const& a);
  std::vector<ast::Literal> body(std::vector<syntax::literal> const& literals);
  ast::Literal literal(syntax::literal const& l);
  ast::Atom atom(syntax::atom const& a);
  ast::Literal condition(syntax::condition const& c);
  ast::StringLit string(syntax::string_lit const& s);
  std::vector<ast::Term> constants(std::vector<syntax::chain> const& items);
  ast::IntLit integer(syntax::number const& n);
  ast::DateLit date(syntax::date const& d);
  std::optional<ast::VerdictSeverity> severity(syntax::name const& word);
  ast::Identifier identifier(syntax::name const& n) const { return {n.text, n.span}; }

  void error(Diagnostic d);

private:
  FileId file_;
  Diagnostics& diags_;
  bool failed_ = false;
};

}  // namespace nogood::rules::grammar
