// Which sources to doubt, as every format shows it: a verdict's nogoods written out, and how many
// sources and pairs a summary lists.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "nogood/report/style.hpp"
#include "nogood/session.hpp"

namespace nogood::report {

constexpr std::size_t max_doubted_sources = 10;  // a summary lists the sources ranked first
constexpr std::size_t max_doubted_pairs = 5;

// `{en-report, he-report}`; `{}` for the rules and background facts alone.
std::string nogood_set_text(Session const& session, std::span<std::uint32_t const> set);

// `nogoods: {a}, {b, c}` and what qualifies them, indented by `indent`, with its newline.
std::string nogoods_line(Session const& s, Verdict const& v, Style const& style, std::size_t indent);

// What the ranking leaves out or could not finish, as a sentence; empty when nothing.
std::string doubt_notes(SourceRanking const& r);

}  // namespace nogood::report
