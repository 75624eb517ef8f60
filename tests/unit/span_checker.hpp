// Test helper: walks a parsed program and checks that every span is non-empty, lies within its
// parent's span, and that names and numbers cover exactly their text.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "nogood/rules/ast.hpp"

namespace nogood {

struct SpanChecker {
  SourceManager const& sources;
  FileId file;
  int nodes = 0;

  std::string_view text(Span s) const {
    return std::string_view(sources.file(file).text).substr(s.begin, s.end - s.begin);
  }

  void inside(Span child, Span parent) {
    ++nodes;
    CHECK(child.file == file);
    CHECK(child.begin < child.end);
    CHECK(parent.begin <= child.begin);
    CHECK(child.end <= parent.end);
  }
  void name(ast::Identifier const& id, Span parent) {
    inside(id.span, parent);
    CHECK(text(id.span) == id.name);
  }
  void term(ast::Term const& t, Span parent) {
    Span const s = ast::span_of(t);
    inside(s, parent);
    if (auto v = std::get_if<ast::Variable>(&t)) CHECK(text(s) == v->name);
    if (auto v = std::get_if<ast::Symbol>(&t)) CHECK(text(s) == v->name);
    if (auto v = std::get_if<ast::IntLit>(&t)) CHECK(std::stoll(std::string(text(s))) == v->value);
    if (std::get_if<ast::StringLit>(&t)) CHECK(text(s).front() == '"');
    if (auto b = std::get_if<std::shared_ptr<ast::Binary>>(&t)) {
      term((*b)->lhs, s);
      term((*b)->rhs, s);
      CHECK(ast::span_of((*b)->lhs).end <= ast::span_of((*b)->rhs).begin);
    }
    if (auto c = std::get_if<std::shared_ptr<ast::Call>>(&t)) {
      name((*c)->function, s);
      for (auto const& a : (*c)->args) term(a, s);
    }
    if (auto a = std::get_if<std::shared_ptr<ast::Aggregate>>(&t)) {
      if ((*a)->value) term(*(*a)->value, s);
      for (auto const& l : (*a)->body) literal(l, s);
    }
  }
  void atom(ast::Atom const& a, Span parent) {
    inside(a.span, parent);
    name(a.predicate, a.span);
    for (auto const& t : a.args) term(t, a.span);
    for (auto const* t : {&a.source, &a.claimant, &a.certainty})
      if (*t) term(**t, a.span);
  }
  void literal(ast::Literal const& l, Span parent) {
    if (auto a = std::get_if<ast::Atom>(&l)) atom(*a, parent);
    if (auto n = std::get_if<ast::Negation>(&l)) {
      inside(n->span, parent);
      CHECK(text(n->span).substr(0, 3) == "not");
      atom(n->atom, n->span);
    }
    if (auto c = std::get_if<ast::Comparison>(&l)) {
      inside(c->span, parent);
      term(c->lhs, c->span);
      term(c->rhs, c->span);
    }
    if (auto m = std::get_if<ast::Membership>(&l)) {
      inside(m->span, parent);
      term(m->element, m->span);
      for (auto const& v : m->values) term(v, m->span);
      if (m->set) name(*m->set, m->span);
    }
    if (auto d = std::get_if<std::shared_ptr<ast::Disjunction>>(&l)) {
      inside((*d)->span, parent);
      CHECK(text((*d)->span).front() == '(');
      CHECK(text((*d)->span).back() == ')');
      REQUIRE((*d)->alternatives.size() == (*d)->alternative_spans.size());
      for (std::size_t i = 0; i < (*d)->alternatives.size(); ++i) {
        inside((*d)->alternative_spans[i], (*d)->span);
        for (auto const& alt : (*d)->alternatives[i]) literal(alt, (*d)->alternative_spans[i]);
      }
    }
  }
  void statement(ast::Statement const& st) {
    Span const s = ast::span_of(st);
    inside(s, Span{file, 0, static_cast<std::uint32_t>(sources.file(file).text.size())});
    CHECK(text(s).back() == '.');
    if (auto i = std::get_if<ast::Import>(&st)) inside(i->path.span, s);
    if (auto d = std::get_if<ast::PredDecl>(&st)) {
      name(d->name, s);
      for (auto const& par : d->params) {
        name(par.name, s);
        inside(par.type_span, s);
      }
    }
    if (auto r = std::get_if<ast::Rule>(&st)) {
      atom(r->head, s);
      for (auto const& l : r->body) literal(l, s);
    }
    if (auto c = std::get_if<ast::Constraint>(&st)) {
      name(c->name, s);
      if (c->message) inside(c->message->span, s);
      if (c->severity) inside(c->severity_span, s);
      for (auto const& l : c->body) literal(l, s);
    }
    if (auto set = std::get_if<ast::SetDecl>(&st)) {
      name(set->name, s);
      for (auto const& v : set->values) term(v, s);
    }
    if (auto u = std::get_if<ast::Unique>(&st)) {
      name(u->predicate, s);
      for (auto const& k : u->keys) name(k, s);
      name(u->value, s);
      if (u->tolerance) inside(u->tolerance->span, s);
      if (u->name) name(*u->name, s);
    }
  }
};

}  // namespace nogood
