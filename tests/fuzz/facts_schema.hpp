// The schema the facts harnesses load against: every argument type, a vocabulary, claimed and derived predicates.
#pragma once

#include <string>

#include "nogood/engine/schema.hpp"
#include "nogood/rules/check.hpp"
#include "nogood/rules/parse.hpp"

inline nogood::engine::Schema const& fuzz_schema() {
  static nogood::engine::Schema const schema = [] {
    nogood::SourceManager sources;
    nogood::Diagnostics diags;
    auto file = sources.add("schema.rules",
                            "vocabulary kind = {wire, daily, \"state media\"}.\n"
                            "pred role(person: entity, role: symbol).\n"
                            "pred outlet(who: entity, kind: kind).\n"
                            "pred casualties(event: entity, count: int).\n"
                            "pred happened_on(event: entity, day: date).\n"
                            "pred said(who: entity, text: string, by: source, how: certainty).\n"
                            "pred flag.\n"
                            "leader(P) :- role(P, isis_leader).\n");
    std::vector<nogood::ast::Program> files;
    files.push_back(*nogood::rules::parse(sources, file, diags));
    return nogood::rules::check(files, sources, diags).schema;
  }();
  return schema;
}
