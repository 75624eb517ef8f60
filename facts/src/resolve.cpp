#include "nogood/facts/resolve.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace nogood::facts {

namespace {

std::string_view type_class(std::string_view type) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 41> synonyms{{
      {"person", "person"},        {"people", "person"},         {"individual", "person"},
      {"place", "place"},          {"location", "place"},        {"city", "place"},
      {"town", "place"},           {"village", "place"},         {"country", "place"},
      {"region", "place"},         {"area", "place"},            {"site", "place"},
      {"province", "place"},       {"governorate", "place"},     {"organisation", "organisation"},
      {"organization", "organisation"}, {"org", "organisation"}, {"group", "organisation"},
      {"faction", "organisation"}, {"agency", "organisation"},   {"army", "organisation"},
      {"militia", "organisation"}, {"company", "organisation"},  {"party", "organisation"},
      {"ministry", "organisation"}, {"government", "organisation"}, {"institution", "organisation"},
      {"media", "organisation"},   {"outlet", "organisation"},   {"event", "event"},
      {"raid", "event"},           {"attack", "event"},          {"operation", "event"},
      {"incident", "event"},       {"strike", "event"},          {"battle", "event"},
      {"meeting", "event"},        {"election", "event"},        {"protest", "event"},
      {"killing", "event"},        {"arrest", "event"},
  }};
  for (auto [word, cls] : synonyms)
    if (type == word) return cls;
  return type;
}

}  // namespace

bool compatible_types(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty() || a == "entity" || b == "entity") return true;
  return type_class(a) == type_class(b);
}

namespace {

constexpr std::uint32_t no_entity = 0xffffffffu;

using IdPair = std::pair<std::string_view, std::string_view>;
IdPair ordered(std::string_view a, std::string_view b) { return a < b ? IdPair{a, b} : IdPair{b, a}; }

std::string show(std::string_view id) {
  std::string out;
  out.reserve(id.size() + 2);
  out.append("`").append(id).append("`");
  return out;
}

std::string quoted(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 6);
  out.append("“").append(name).append("”");
  return out;
}

// Skeleton words that may match (the same, or one longer by a final t or h: ة is written -a, -ah,
// -at) share this key.
std::string_view block_key(std::string_view word) {
  while (word.size() > 1 && (word.back() == 't' || word.back() == 'h')) word.remove_suffix(1);
  return word;
}

// A name's first word with one of its later words: full and partial matches between names of
// two words or more need both (see names.hpp).
std::uint64_t pair_key(std::string_view first, std::string_view later) {
  std::hash<std::string_view> hash;
  return hash(block_key(first)) * 0x9E3779B97F4A7C15ull ^ hash(block_key(later));
}

// A common word alone (a family name) can be part of thousands of names; past this many, the
// ambiguity report lists those found so far.
constexpr std::size_t max_partial_postings = 256;

void split_words(std::string_view skeleton, std::vector<std::string_view>& out) {
  out.clear();
  while (!skeleton.empty()) {
    auto space = skeleton.find(' ');
    out.push_back(skeleton.substr(0, space));
    if (space == std::string_view::npos) break;
    skeleton.remove_prefix(space + 1);
  }
}

struct Entity {
  std::string corpus_id;  // empty for an entity no corpus entry backs
  std::string type;
  std::vector<std::uint32_t> mentions;
  std::vector<std::uint32_t> sources;  // sorted, without corpus_source
  std::vector<EntityJoin> joins;
};

// One name of one mention, as the blocking index sees it.
struct NameRef {
  std::uint32_t entity;
  std::uint32_t mention;
  std::uint32_t name;  // index in the mention's names
  std::uint32_t words;
};

// How one entity compares with the mention being resolved.
struct Candidate {
  std::uint32_t entity = no_entity;
  NameMatch best = NameMatch::none;
  bool identical = false;
  bool conflict = false;
  std::uint32_t name_ref = 0;
  std::string_view mention_name;
  std::uint32_t conflict_ref = 0;  // a name of this entity that is a different name
  std::string_view conflict_name;
};

struct PendingAmbiguity {
  std::uint32_t mention;
  std::string name;
  std::vector<std::pair<std::uint32_t, std::string>> candidates;  // (entity, reason)
  bool several_full;
  bool truncated;  // a common name: not every name containing it was compared
};

class Resolver {
public:
  Resolver(std::vector<EntityMention> const& mentions, std::vector<std::pair<std::string, std::string>> const& distinct,
           NameMatcher& names, Diagnostics& diagnostics)
      : mentions_(mentions), distinct_input_(distinct), names_(names), diags_(diagnostics),
        entity_of_(mentions.size(), no_entity) {}

  EntityResolution run() {
    add_corpus();
    check_distinct();
    std::vector<std::uint32_t> by_name, same_id_followers;
    resolve_by_ref_or_id(by_name, same_id_followers);
    for (auto m : by_name) resolve_by_name(m);
    for (auto m : same_id_followers) join_same_id_follower(m);
    report_lonely();
    return finish();
  }

private:
  // ---- corpus ---------------------------------------------------------------------------

  void add_corpus() {
    for (std::uint32_t m = 0; m < mentions_.size(); ++m) {
      auto const& mention = mentions_[m];
      if (mention.source != corpus_source) continue;
      auto [it, fresh] = corpus_.try_emplace(mention.id, static_cast<std::uint32_t>(entities_.size()));
      if (fresh) {
        Entity e;
        e.corpus_id = mention.id;
        e.type = mention.type;
        entities_.push_back(std::move(e));
        attach(m, it->second);
        index_names(m, it->second);
      } else {
        auto first = entities_[it->second].mentions.front();
        join(m, it->second, joined_by_id(m, first, "both are corpus entries with the id " + show(mention.id)));
        index_names(m, it->second);
      }
    }
  }

  // Unknown ids in `distinct` are the loader's to report; here they can only be ignored.
  void check_distinct() {
    for (auto const& [a, b] : distinct_input_)
      if (a != b && corpus_.count(a) && corpus_.count(b)) distinct_.insert(ordered(a, b));
  }

  std::string closest_corpus_id(std::string_view id) const {
    std::vector<std::string_view> ids;
    ids.reserve(corpus_.size());
    for (auto const& [corpus_id, e] : corpus_) ids.push_back(corpus_id);
    std::sort(ids.begin(), ids.end());  // closest_match breaks ties by order: keep it stable
    return closest_match(id, ids);
  }

  // ---- ref and id -----------------------------------------------------------------------

  void resolve_by_ref_or_id(std::vector<std::uint32_t>& by_name, std::vector<std::uint32_t>& followers) {
    std::map<std::pair<std::uint32_t, std::string_view>, std::uint32_t> first_of_id;
    for (std::uint32_t m = 0; m < mentions_.size(); ++m) {
      auto const& mention = mentions_[m];
      if (mention.source == corpus_source) continue;
      if (!first_of_id.try_emplace({mention.source, mention.id}, m).second) {
        followers.push_back(m);
        continue;
      }
      if (mention.ref) {
        auto it = corpus_.find(*mention.ref);
        if (it == corpus_.end()) {
          unknown_ref(m);
          own_entity(m);  // never guess who an unknown ref meant
          continue;
        }
        join_corpus(m, it->second, show(mention.id) + " refers to " + show(*mention.ref) + " by `ref`");
      } else if (auto it = corpus_.find(mention.id); it != corpus_.end()) {
        if (compatible_types(mention.type, entities_[it->second].type)) {
          join_corpus(m, it->second, show(mention.id) + " has the id of the corpus entity");
        } else {
          auto d = located(make_warning("W0352", show(mention.id) + " is a " + show(mention.type) +
                                                     " but the corpus entity with its id is a " +
                                                     show(entities_[it->second].type) + "; not joined by id"),
                           mention, "declared here", "/type");
          d.with_help("rename the local entity, or fix its type");
          diags_.report(std::move(d));
          by_name.push_back(m);
        }
      } else {
        by_name.push_back(m);
      }
    }
  }

  void unknown_ref(std::uint32_t m) {
    auto const& mention = mentions_[m];
    auto d = located(make_error("E0310", "unknown entity " + show(*mention.ref) + " in the `ref` of " + show(mention.id)),
                     mention, "no corpus entity has this id", "/ref");
    if (auto near = closest_corpus_id(*mention.ref); !near.empty())
      d.with_help("did you mean " + show(near) + "?");
    else
      d.with_note("a `ref` names an entity of the corpus entities file");
    diags_.report(std::move(d));
  }

  void join_corpus(std::uint32_t m, std::uint32_t e, std::string why) {
    auto const& mention = mentions_[m];
    Entity const& target = entities_[e];
    if (!compatible_types(mention.type, target.type)) {
      auto d = located(make_error("E0350", show(mention.id) + " is a " + show(mention.type) + " but the corpus entity " +
                                               show(target.corpus_id) + " is a " + show(target.type)),
                       mention, "declared here", "/type");
      d.with_help("fix the type, or the `ref` if it names the wrong entity");
      diags_.report(std::move(d));
      own_entity(m);
      return;
    }
    auto first = target.mentions.front();
    join(m, e, joined_by_id(m, first, std::move(why)));
    index_names(m, e);
  }

  void join_same_id_follower(std::uint32_t m) {
    auto const& mention = mentions_[m];
    std::uint32_t first = 0;
    for (; first < m; ++first)
      if (mentions_[first].source == mention.source && mentions_[first].id == mention.id) break;
    auto const& leader = mentions_[first];
    if (mention.ref && leader.ref != mention.ref) {
      auto d = located(make_error("E0351", show(mention.id) + " refers to both " + show(leader.ref.value_or("")) +
                                               " and " + show(*mention.ref)),
                       mention, "second declaration", "/ref");
      d.with_help("declare the entity once, with one `ref`");
      diags_.report(std::move(d));
    }
    join(m, entity_of_[first], joined_by_id(m, first, "both declare " + show(mention.id) + " in the same source"));
  }

  // A join that names did not decide still shows a name of each side, for explanations: the
  // other side's name in the same language when it has one.
  EntityJoin joined_by_id(std::uint32_t m, std::uint32_t other, std::string why) const {
    EntityJoin j{m, other, {}, {}, std::move(why)};
    auto const& names_a = mentions_[m].names;
    auto const& names_b = mentions_[other].names;
    if (!names_a.empty()) j.name_a = names_a.front().second;
    auto same_language = std::find_if(names_b.begin(), names_b.end(), [&](auto const& n) {
      return !names_a.empty() && n.first == names_a.front().first;
    });
    if (same_language != names_b.end()) j.name_b = same_language->second;
    else if (!names_b.empty()) j.name_b = names_b.front().second;
    return j;
  }

  // ---- names ----------------------------------------------------------------------------

  void resolve_by_name(std::uint32_t m) {
    auto const& mention = mentions_[m];
    std::vector<Candidate> candidates;
    bool truncated = false;
    for (std::uint32_t k = 0; k < mention.names.size(); ++k) collect(m, mention.names[k].second, candidates, truncated);

    auto pick = [&](auto&& keep) {
      std::vector<Candidate*> out;
      for (auto& c : candidates)
        if (keep(c)) out.push_back(&c);
      return out;
    };
    auto identical = pick([](Candidate const& c) { return c.identical && !c.conflict; });
    auto full = pick([](Candidate const& c) { return c.best == NameMatch::full && !c.conflict; });
    Candidate* chosen = identical.size() == 1 ? identical.front() : full.size() == 1 ? full.front() : nullptr;
    if (chosen) {
      auto const& ref = name_refs_[chosen->name_ref];
      auto const& other = mentions_[ref.mention].names[ref.name].second;
      auto e = chosen->entity;
      join(m, e, {m, ref.mention, std::string(chosen->mention_name), other, explain(*chosen)});
      index_names(m, e);
      return;
    }
    auto e = own_entity(m);
    // Names that already fit several entities would only make the next mention of them fit one
    // more: left out of the index, ambiguity stays as wide as it was.
    if (full.size() <= 1) index_names(m, e);
    auto ambiguous = full.size() > 1 ? full : pick([](Candidate const& c) { return c.best != NameMatch::none; });
    if (ambiguous.empty()) return;
    PendingAmbiguity p{m, std::string(ambiguous.front()->mention_name), {}, full.size() > 1, truncated};
    for (auto* c : ambiguous)
      p.candidates.emplace_back(c->entity, explain(*c));
    pending_.push_back(std::move(p));
  }

  // Compares one name of mention m with the indexed names that could match it.
  void collect(std::uint32_t m, std::string_view name, std::vector<Candidate>& candidates, bool& truncated) {
    split_words(names_.blocking_skeleton(name), words_);
    if (words_.empty()) return;
    ++stamp_;
    stamp_of_.resize(name_refs_.size(), 0);
    auto visit = [&](auto const& index, auto const& key, std::size_t limit) {
      auto it = index.find(key);
      if (it == index.end()) return;
      std::size_t seen = 0;
      for (auto nr : it->second) {
        if (stamp_of_[nr] == stamp_) continue;
        stamp_of_[nr] = stamp_;
        if (++seen > limit) {
          truncated = true;
          return;
        }
        compare_with(m, name, nr, candidates);
      }
    };
    constexpr auto all = static_cast<std::size_t>(-1);
    if (words_.size() == 1) {
      visit(one_word_, block_key(words_[0]), all);
      visit(any_word_, block_key(words_[0]), max_partial_postings);
      return;
    }
    for (std::size_t i = 1; i < words_.size(); ++i) visit(pairs_, pair_key(words_[0], words_[i]), all);
    for (auto w : words_) visit(one_word_, block_key(w), all);
  }

  void compare_with(std::uint32_t m, std::string_view name, std::uint32_t nr, std::vector<Candidate>& candidates) {
    auto const& mention = mentions_[m];
    auto const& ref = name_refs_[nr];
    Entity const& e = entities_[ref.entity];
    if (std::binary_search(e.sources.begin(), e.sources.end(), mention.source)) return;
    if (!compatible_types(mention.type, e.type)) return;
    auto const& other = mentions_[ref.mention].names[ref.name].second;
    NameComparison c = names_.compare_unexplained(name, other);
    auto it = std::find_if(candidates.begin(), candidates.end(),
                           [&](Candidate const& cand) { return cand.entity == ref.entity; });
    if (it == candidates.end()) {
      candidates.push_back({});
      it = candidates.end() - 1;
      it->entity = ref.entity;
    }
    if (c.conflict && !it->conflict) {
      it->conflict = true;
      it->conflict_ref = nr;
      it->conflict_name = name;
      return;
    }
    bool better = c.identical ? !it->identical : (!it->identical && c.match > it->best);
    if (better) {
      it->identical = c.identical;
      it->best = c.match;
      it->name_ref = nr;
      it->mention_name = name;
    }
  }

  std::string const& name_of(std::uint32_t name_ref) const {
    auto const& ref = name_refs_[name_ref];
    return mentions_[ref.mention].names[ref.name].second;
  }

  // Why a candidate matched (and, if a name of it conflicts, why that one is different).
  std::string explain(Candidate const& c) {
    std::string why;
    if (c.best != NameMatch::none) why = names_.compare(c.mention_name, name_of(c.name_ref)).reason;
    if (c.conflict) {
      if (!why.empty()) why += "; but ";
      why += names_.compare(c.conflict_name, name_of(c.conflict_ref)).reason;
    }
    return why;
  }

  void index_names(std::uint32_t m, std::uint32_t e) {
    auto const& mention = mentions_[m];
    for (std::uint32_t k = 0; k < mention.names.size(); ++k) {
      // A name the entity already has adds nothing, however many sources repeat it.
      if (!indexed_.insert({e, mention.names[k].second}).second) continue;
      split_words(names_.blocking_skeleton(mention.names[k].second), words_);
      if (words_.empty()) continue;
      auto nr = static_cast<std::uint32_t>(name_refs_.size());
      name_refs_.push_back({e, m, k, static_cast<std::uint32_t>(words_.size())});
      if (words_.size() == 1) {
        one_word_[block_key(words_[0])].push_back(nr);
        continue;
      }
      auto add = [nr](auto& postings) {
        if (postings.empty() || postings.back() != nr) postings.push_back(nr);
      };
      for (std::size_t i = 0; i < words_.size(); ++i) {
        add(any_word_[block_key(words_[i])]);
        if (i > 0) add(pairs_[pair_key(words_[0], words_[i])]);
      }
    }
  }

  // ---- entities -------------------------------------------------------------------------

  std::uint32_t own_entity(std::uint32_t m) {
    auto e = static_cast<std::uint32_t>(entities_.size());
    Entity entity;
    entity.type = mentions_[m].type;
    entities_.push_back(std::move(entity));
    attach(m, e);
    return e;
  }

  void attach(std::uint32_t m, std::uint32_t e) {
    Entity& entity = entities_[e];
    entity.mentions.push_back(m);
    entity_of_[m] = e;
    auto source = mentions_[m].source;
    if (source != corpus_source) {
      auto at = std::lower_bound(entity.sources.begin(), entity.sources.end(), source);
      if (at == entity.sources.end() || *at != source) entity.sources.insert(at, source);
    }
    if (entity.type.empty()) entity.type = mentions_[m].type;
  }

  void join(std::uint32_t m, std::uint32_t e, EntityJoin why) {
    attach(m, e);
    entities_[e].joins.push_back(std::move(why));
  }

  // Points at the mention, down to the field that shows the problem (`/ref`, `/type`, `/names`).
  Diagnostic located(Diagnostic d, EntityMention const& mention, std::string label, std::string_view field) const {
    if (mention.span.valid()) d.with_primary(mention.span, std::move(label));
    d.file_name = mention.file_name;
    if (!mention.json_pointer.empty()) d.json_pointer = mention.json_pointer + std::string(field);
    return d;
  }

  // ---- entities one source names, close to another ----------------------------------------

  // How alike two skeletons are: 1 minus their edit distance over the longer one's length; 0 when
  // the lengths alone put it under `floor`.
  static double skeleton_similarity(std::string_view a, std::string_view b, double floor) {
    auto const longer = std::max(a.size(), b.size());
    if (a.empty() || b.empty()) return 0;
    auto const gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (1.0 - static_cast<double>(gap) / static_cast<double>(longer) < floor) return 0;
    return 1.0 - static_cast<double>(edit_distance(a, b)) / static_cast<double>(longer);
  }

  // An entity that only one source names and that joined nothing may be another entity under a
  // spelling the matcher does not take for the same name ("Charles Lister" / "تشارلز ليستر"): a
  // contradiction about it would vanish without a word. Candidates share a skeleton word and are
  // close over the whole name (W0353); those already reported as ambiguous are not repeated.
  void report_lonely() {
    constexpr double threshold = 0.6;
    constexpr std::size_t postings_checked = 32;  // per word and index: common words are not evidence
    std::set<std::uint32_t> ambiguous;
    for (auto const& p : pending_) ambiguous.insert(p.mention);
    for (std::uint32_t e = 0; e < entities_.size(); ++e) {
      auto const& entity = entities_[e];
      if (!entity.corpus_id.empty() || entity.mentions.size() != 1 || ambiguous.count(entity.mentions.front())) continue;
      auto const m = entity.mentions.front();
      auto const& mention = mentions_[m];
      if (mention.ref) continue;
      struct Close {
        double score = 0;
        std::uint32_t name = 0;      // index in the mention's names
        std::uint32_t name_ref = 0;  // the other entity's name
      };
      std::map<std::uint32_t, Close> best;  // other entity -> its closest name
      for (std::uint32_t n = 0; n < mention.names.size(); ++n) {
        auto const& name = mention.names[n].second;
        std::string_view const skeleton = names_.skeleton(name);
        split_words(names_.blocking_skeleton(name), words_);
        std::vector<std::string_view> words(words_.begin(), words_.end());
        for (auto w : words)
          for (auto const* index : {&one_word_, &any_word_}) {
            auto it = index->find(block_key(w));
            if (it == index->end()) continue;
            for (std::size_t k = 0; k < it->second.size() && k < postings_checked; ++k) {
              auto const nr = it->second[k];
              auto const& ref = name_refs_[nr];
              if (ref.entity == e) continue;
              auto const& other = entities_[ref.entity];
              if (!compatible_types(entity.type, other.type)) continue;
              // Entities of one source never join each other: a close name there is another one.
              if (std::find(other.sources.begin(), other.sources.end(), mention.source) != other.sources.end()) continue;
              if (!other.corpus_id.empty() && distinct_.count(ordered(mention.id, other.corpus_id))) continue;
              auto const& other_name = mentions_[ref.mention].names[ref.name].second;
              double score = skeleton_similarity(skeleton, names_.skeleton(other_name), threshold);
              // Names whose vowels contradict each other (Nasr / Nasser) are known to differ.
              if (score < threshold || names_.compare_unexplained(name, other_name).conflict) continue;
              auto& slot = best[ref.entity];
              if (score > slot.score) slot = {score, n, nr};
            }
          }
      }
      // A pair is reported once, at the first of its two entities.
      for (auto it = best.begin(); it != best.end();)
        it = reported_pairs_.count({it->first, e}) ? best.erase(it) : std::next(it);
      if (best.empty()) continue;
      std::vector<std::pair<std::uint32_t, Close>> ranked(best.begin(), best.end());
      std::stable_sort(ranked.begin(), ranked.end(), [](auto const& a, auto const& b) { return a.second.score > b.second.score; });
      constexpr std::size_t kept = 3;  // the closest; the rest are counted
      LoneEntity lone{e, {}, {}, {}};
      for (std::size_t i = 0; i < ranked.size(); ++i) {
        auto const& [other, found] = ranked[i];
        reported_pairs_.insert({e, other});
        if (i >= kept) continue;
        auto const& name = mention.names[found.name].second;
        auto const& ref = name_refs_[found.name_ref];
        auto const& other_name = mentions_[ref.mention].names[ref.name].second;
        lone.candidates.push_back(other);
        lone.scores.push_back(found.score);
        lone.reasons.push_back(quoted(name) + " and " + quoted(other_name) + " read `" + std::string(names_.skeleton(name)) + "` and `" +
                               std::string(names_.skeleton(other_name)) + "`");
      }
      auto d = make_warning("W0353", show(mention.id) + " is named by this source only, and " +
                                         (ranked.size() == 1 ? "another entity has" : std::to_string(ranked.size()) + " others have") +
                                         " a close name");
      d = located(std::move(d), mention, "joined with nothing", "/names");
      for (std::size_t i = 0; i < lone.candidates.size(); ++i) {
        auto const& other = entities_[lone.candidates[i]];
        auto id = other.corpus_id.empty() ? mentions_[other.mentions.front()].id : other.corpus_id;
        char score[16];
        std::snprintf(score, sizeof score, "%.2f", lone.scores[i]);
        d.with_note("candidate " + show(id) + " (similarity " + score + "): " + lone.reasons[i]);
      }
      if (ranked.size() > kept) d.with_note("and " + std::to_string(ranked.size() - kept) + " more candidates");
      d.with_help("if they are one entity, add a `ref` to " + show(mention.id) +
                  " (or give entities.json one entry with both names); if not, give each its own entry in entities.json "
                  "and list the pair under `distinct`");
      diags_.report(std::move(d));
      lonely_.push_back(std::move(lone));
    }
  }

  // ---- result ---------------------------------------------------------------------------

  EntityResolution finish() {
    std::vector<std::uint32_t> order(entities_.size());
    for (std::uint32_t e = 0; e < order.size(); ++e) {
      order[e] = e;
      std::sort(entities_[e].mentions.begin(), entities_[e].mentions.end());
    }
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return entities_[a].mentions.front() < entities_[b].mentions.front();
    });
    std::vector<std::uint32_t> index_of(entities_.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) index_of[order[i]] = i;

    EntityResolution out;
    out.entity_of_mention.reserve(entity_of_.size());
    for (auto e : entity_of_) out.entity_of_mention.push_back(index_of[e]);

    std::unordered_set<std::string> used;
    for (auto const& e : entities_)
      if (!e.corpus_id.empty()) used.insert(e.corpus_id);
    out.entities.reserve(entities_.size());
    for (auto e : order) {
      Entity& entity = entities_[e];
      ResolvedEntity r;
      if (!entity.corpus_id.empty()) {
        r.id = entity.corpus_id;
      } else {
        auto const& base = mentions_[entity.mentions.front()].id;
        r.id = base;
        for (int n = 2; !used.insert(r.id).second; ++n) r.id = base + "#" + std::to_string(n);
      }
      r.type = std::move(entity.type);
      r.mentions = std::move(entity.mentions);
      r.joins = std::move(entity.joins);
      out.entities.push_back(std::move(r));
    }

    std::sort(pending_.begin(), pending_.end(),
              [](PendingAmbiguity const& a, PendingAmbiguity const& b) { return a.mention < b.mention; });
    for (auto& p : pending_) {
      for (auto& c : p.candidates) c.first = index_of[c.first];
      std::sort(p.candidates.begin(), p.candidates.end());
      Ambiguity a{p.mention, p.name, {}, {}};
      for (auto& [e, reason] : p.candidates) {
        a.candidates.push_back(e);
        a.reasons.push_back(reason);
      }
      report_ambiguity(a, p, out);
      out.ambiguous.push_back(std::move(a));
    }
    for (auto& l : lonely_) {
      l.entity = index_of[l.entity];
      for (auto& c : l.candidates) c = index_of[c];
      out.lonely.push_back(std::move(l));
    }
    std::sort(out.lonely.begin(), out.lonely.end(), [](LoneEntity const& a, LoneEntity const& b) { return a.entity < b.entity; });
    return out;
  }

  void report_ambiguity(Ambiguity const& a, PendingAmbiguity const& p, EntityResolution const& out) {
    bool several_full = p.several_full;
    auto const& mention = mentions_[a.mention];
    auto n = std::to_string(a.candidates.size());
    auto d = several_full
                 ? make_warning("W0351", show(mention.id) + " is not joined: its name " + quoted(a.name) + " matches " +
                                             n + " entities equally well")
                 : make_warning("W0350", show(mention.id) + " is not joined: its name " + quoted(a.name) +
                                             " matches only part of " +
                                             (a.candidates.size() == 1 ? std::string("another entity")
                                                                       : n + " entities"));
    d = located(std::move(d), mention, "ambiguous name", "/names");
    constexpr std::size_t shown = 8;
    for (std::size_t i = 0; i < a.candidates.size() && i < shown; ++i)
      d.with_note("candidate " + show(out.entities[a.candidates[i]].id) + ": " + a.reasons[i]);
    if (a.candidates.size() > shown)
      d.with_note("and " + std::to_string(a.candidates.size() - shown) + " more candidates");
    for (std::size_t i = 0; i < a.candidates.size(); ++i)
      for (std::size_t j = i + 1; j < a.candidates.size(); ++j) {
        auto const& x = out.entities[a.candidates[i]].id;
        auto const& y = out.entities[a.candidates[j]].id;
        if (distinct_.count(ordered(x, y)))
          d.with_note(show(x) + " and " + show(y) + " are declared distinct");
      }
    if (p.truncated)
      d.with_note("the name is part of more than " + std::to_string(max_partial_postings) +
                  " other names; only those were compared");
    d.with_help("add a `ref` to " + show(mention.id) + " naming the entity it means");
    diags_.report(std::move(d));
  }

  std::vector<EntityMention> const& mentions_;
  std::vector<std::pair<std::string, std::string>> const& distinct_input_;
  NameMatcher& names_;
  Diagnostics& diags_;

  std::vector<std::uint32_t> entity_of_;
  std::vector<Entity> entities_;
  std::unordered_map<std::string_view, std::uint32_t> corpus_;  // views into mentions_
  std::set<IdPair> distinct_;

  // Blocking indexes from skeleton words to names. Views point into the NameMatcher's cache.
  std::vector<NameRef> name_refs_;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> one_word_;  // names of one word
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> any_word_;  // longer names, by any word
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> pairs_;        // longer names, by pair_key
  struct EntityNameHash {
    std::size_t operator()(std::pair<std::uint32_t, std::string_view> const& p) const {
      return std::hash<std::string_view>{}(p.second) ^ (std::size_t{p.first} * 0x9E3779B97F4A7C15ull);
    }
  };
  std::unordered_set<std::pair<std::uint32_t, std::string_view>, EntityNameHash> indexed_;
  std::vector<std::uint32_t> stamp_of_;  // per name ref: last name that visited it
  std::uint32_t stamp_ = 0;
  std::vector<std::string_view> words_;

  std::vector<PendingAmbiguity> pending_;
  std::vector<LoneEntity> lonely_;                         // entity indexes before finish() orders them
  std::set<std::pair<std::uint32_t, std::uint32_t>> reported_pairs_;
};

}  // namespace

EntityResolution resolve_entities(std::vector<EntityMention> const& mentions,
                                  std::vector<std::pair<std::string, std::string>> const& distinct_pairs,
                                  NameMatcher& names, Diagnostics& diagnostics) {
  return Resolver(mentions, distinct_pairs, names, diagnostics).run();
}

}  // namespace nogood::facts
