// Verdicts: one per row of each constraint's relation, with the sources and claims it rests on.
#include <algorithm>
#include <chrono>
#include <numeric>

#include "nogood/engine/memory.hpp"
#include "nogood/session.hpp"
#include "verdict_lists.hpp"

namespace nogood {

using engine::ValueType;

std::string Verdict::id() const {
  auto const rule = this->rule();
  std::string out;
  out.reserve(rule.size() + 13);
  out.append(rule).append(1, '-');
  for (int shift = 44; shift >= 0; shift -= 4) out += "0123456789abcdef"[id_hash >> shift & 15];
  return out;
}

bool Verdict::has_id(std::string_view id) const {
  auto const rule = this->rule();
  if (id.size() != rule.size() + 13 || !id.starts_with(rule) || id[rule.size()] != '-') return false;
  std::uint64_t hash = 0;
  for (char c : id.substr(rule.size() + 1)) {
    int const digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return false;
    hash = hash << 4 | static_cast<std::uint64_t>(digit);
  }
  return hash == id_hash;
}

namespace {

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 14695981039346656037ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

std::vector<Session::MessagePiece> Session::split_message(std::string_view tmpl, std::vector<std::string> const& names, bool grouped) {
  std::vector<MessagePiece> pieces;
  std::size_t literal = 0;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') continue;
    auto close = tmpl.find('}', i);
    if (close == std::string_view::npos) break;
    auto name = tmpl.substr(i + 1, close - i - 1);
    auto it = std::find(names.begin(), names.end(), name);
    bool const groups = grouped && it == names.end() && name == "Groups";
    if (it == names.end() && !groups) {  // not a variable: kept as written
      i = close;
      continue;
    }
    pieces.push_back({tmpl.substr(literal, i - literal)});
    pieces.push_back({{}, groups ? groups_piece : static_cast<std::size_t>(it - names.begin())});
    literal = i = close;
    ++literal;
  }
  pieces.push_back({tmpl.substr(literal)});
  return pieces;
}

void Session::append_message(std::string& out, Verdict const& v) const {
  auto const bindings = v.bindings();
  for (auto const& piece : messages_[v.constraint]) {
    if (piece.binding == SIZE_MAX) out += piece.text;
    else if (piece.binding == groups_piece) append_groups(out, v);
    else append_display(out, bindings[piece.binding].type, bindings[piece.binding].value);
  }
}

std::string Session::message(Verdict const& v) const {
  std::string out;
  append_message(out, v);
  return out;
}

namespace {

// What building one verdict needs besides the verdict, kept between verdicts.
struct VerdictScratch {
  std::string key;
  engine::Derivation derivation;
  std::vector<std::pair<engine::RelationId, engine::RowId>> todo;
  std::vector<engine::Value> support_sources;
};

struct ConstraintShape {
  std::uint32_t constraint;
  std::size_t first;  // index of its first verdict
};

// Adds `value` to the list that starts at `first` unless it holds it already.
void add_once(std::vector<std::uint32_t>& values, std::size_t first, std::uint32_t value) {
  if (std::find(values.begin() + static_cast<std::ptrdiff_t>(first), values.end(), value) == values.end()) values.push_back(value);
}

// The verdict of row `r`, its sources and support appended to `lists` (its share's).
Verdict make_verdict(Session const& session, ConstraintShape const& shape, engine::RowId r, VerdictLists& lists, VerdictScratch& scratch) {
  auto const& program = session.program();
  auto const& db = session.database();
  auto const& info = program.constraints[shape.constraint];
  auto const& decl = program.relations[info.relation];
  Verdict v;
  v.constraint = shape.constraint;
  v.severity = info.severity;
  v.row = r;
  auto row = db.relations[info.relation].row(r);
  auto& key = scratch.key;
  key = info.name;
  BindingsView const bindings(decl, row);
  auto& sources = lists.sources;
  auto const first_source = sources.size();
  for (std::size_t i = 0; i < decl.columns.size(); ++i) {
    Binding b = bindings[i];
    // An absent binding adds nothing: it cannot collide with an empty string, and a program
    // without optional arguments keeps its ids.
    if (engine::is_absent(b.type, b.value)) continue;
    key.append(1, '\0').append(b.name).append(1, '=');
    session.append_canonical(key, b.type, b.value);
    if (b.type == ValueType::source && row[i] < session.corpus().sources.size()) add_once(sources, first_source, row[i]);
  }
  v.id_hash = fnv1a(key) & 0xffffffffffffull;
  auto& support = lists.support;
  auto const first_claim = support.size();
  if (info.grouped) {
    // Every claim of the predicate with this key, by value: the groups, not one pair of them.
    auto const& g = *info.grouped;
    auto const& claimed = db.relations[program.positive_relation[g.predicate]];
    auto const arity = program.schema.predicates[g.predicate].arity();
    for (auto cr : session.grouped_rows(v)) {
      auto const* row = claimed.row(cr);
      support.push_back(static_cast<std::uint32_t>(row[claimed.arity() - 1]));
      add_once(sources, first_source, static_cast<std::uint32_t>(row[arity]));
    }
    v.sources_at = {static_cast<std::uint32_t>(first_source), static_cast<std::uint32_t>(sources.size() - first_source)};
    v.support_at = {static_cast<std::uint32_t>(first_claim), static_cast<std::uint32_t>(support.size() - first_claim)};
    return v;
  }
  // Support: the claims at the leaves of the first derivation.
  auto& todo = scratch.todo;
  todo.assign(1, {info.relation, r});
  scratch.support_sources.clear();
  while (!todo.empty()) {
    auto [rid, rrow] = todo.back();
    todo.pop_back();
    auto const& rdecl = program.relations[rid];
    if (program.schema.predicates[rdecl.predicate].kind == engine::PredicateKind::claimed) {
      // A claimed row holds its source after the arguments and ends with its claim: read the
      // source here rather than from the claim, a cache miss away.
      auto const* claimed = db.relations[rid].row(rrow);
      auto const claim = claimed[rdecl.columns.size() - 1];
      if (std::find(support.begin() + static_cast<std::ptrdiff_t>(first_claim), support.end(), claim) == support.end()) {
        support.push_back(claim);
        scratch.support_sources.push_back(claimed[program.schema.predicates[rdecl.predicate].arity()]);
      }
      continue;
    }
    if (!db.derivation(rid, rrow, scratch.derivation)) continue;
    auto const& rule = program.rules[scratch.derivation.rule];
    std::size_t slot = scratch.derivation.rows.size();
    for (auto it = rule.body.rbegin(); it != rule.body.rend(); ++it)
      if (it->kind == engine::Literal::Kind::atom) todo.emplace_back(it->relation, scratch.derivation.rows[--slot]);
  }
  for (auto src : scratch.support_sources)
    if (src != engine::no_source) add_once(sources, first_source, src);
  v.sources_at = {static_cast<std::uint32_t>(first_source), static_cast<std::uint32_t>(sources.size() - first_source)};
  v.support_at = {static_cast<std::uint32_t>(first_claim), static_cast<std::uint32_t>(support.size() - first_claim)};
  return v;
}

}  // namespace

void Session::build_verdicts() {
  auto started = std::chrono::steady_clock::now();
  std::vector<ConstraintShape> shapes;
  std::size_t total = 0;
  messages_.clear();
  for (std::uint32_t c = 0; c < program_.constraints.size(); ++c) {
    auto const& info = program_.constraints[c];
    auto const& decl = program_.relations[info.relation];
    messages_.push_back(split_message(info.message.empty() ? info.name : info.message, decl.column_names, info.grouped.has_value()));
    shapes.push_back({c, total});
    total += db_.relations[info.relation].size();
  }
  verdicts_.clear();
  lists_ = {};
  sort_grouped_rows();
  lists_.program = &program_;
  lists_.relations = &db_.relations;
  if (total > 0) {
    // A constraint's verdicts in the order of their bindings' values, not in the order a join
    // happened to find them: a report reads the same whatever the plan, thread count or back end.
    std::vector<engine::RowId> rows(total);
    for (auto const& shape : shapes) {
      auto const& rel = db_.relations[program_.constraints[shape.constraint].relation];
      auto const begin = rows.begin() + static_cast<std::ptrdiff_t>(shape.first);
      auto const end = begin + rel.size();
      std::iota(begin, end, engine::RowId(0));
      std::sort(begin, end, [&rel](engine::RowId a, engine::RowId b) {
        return std::lexicographical_compare(rel.row(a), rel.row(a) + rel.arity(), rel.row(b), rel.row(b) + rel.arity());
      });
    }
    verdicts_.resize(total);
    // Verdicts are independent of one another: each thread builds a contiguous share in place.
    std::size_t const workers = total < 4096 ? 1 : threads();
    std::vector<VerdictLists> parts(workers);
    run_shares(total, workers, [&](std::size_t t, std::size_t begin, std::size_t end) {
      VerdictScratch scratch;
      auto shape = std::upper_bound(shapes.begin(), shapes.end(), begin, [](std::size_t i, ConstraintShape const& s) { return i < s.first; }) - 1;
      for (std::size_t i = begin; i < end; ++i) {
        while (std::next(shape) != shapes.end() && std::next(shape)->first <= i) ++shape;
        verdicts_[i] = make_verdict(*this, *shape, rows[i], parts[t], scratch);
      }
    });
    std::vector<engine::RowId>().swap(rows);  // before the joined lists join it at the peak
    join_sources(lists_, parts, verdicts_);
    parts.clear();
    engine::return_free_memory();
  }
  match_acceptances();
  timings_.verdicts = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

Verdict const* Session::find_verdict(std::string_view id) const {
  for (auto const& v : verdicts_)
    if (v.has_id(id)) return &v;
  return nullptr;
}

}  // namespace nogood
