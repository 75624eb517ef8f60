#include "nogood/facts/load.hpp"

#include <algorithm>
#include <cstring>
#include <deque>
#include <fstream>
#include <functional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "nogood/facts/names.hpp"
#include "json_file.hpp"
#include "json_locate.hpp"
#include "name_fold.hpp"
#include "json_lines_reader.hpp"
#include "jsonl_record.hpp"
#include "nogood/facts/quotes.hpp"
#include "article_lookup.hpp"
#include "quote_problem.hpp"
#include "relative_dates.hpp"

namespace nogood::facts {

namespace fs = std::filesystem;
using json = nlohmann::json;
using engine::ValueType;
using detail::kind_of;
using detail::date_problem;
using detail::date_value_problem;

using detail::read_file;

bool valid_utf8(std::string_view s, std::size_t& bad) {
  std::size_t i = 0;
  while (i < s.size()) {
    // Bulk files are mostly ASCII: skip eight such bytes at a time.
    for (std::uint64_t w; i + 8 <= s.size(); i += 8) {
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ull) break;
    }
    if (i == s.size()) break;
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size() || (n == 2 && c < 0xc2)) {
      bad = i;
      return false;
    }
    std::uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1f : n == 3 ? c & 0x0f : c & 0x07;
    for (std::size_t k = 1; k < n; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 2) {
        bad = i;
        return false;
      }
      cp = cp << 6 | (cc & 0x3f);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff))) {
      bad = i;
      return false;
    }
    i += n;
  }
  return true;
}

struct PredicateCache {
  std::string name;
  engine::PredicateId id = 0;
};

// Loads one file; errors carry the file name and a JSON Pointer.
class FileLoader : public detail::JsonFile {
public:
  FileLoader(FactsLoader& owner, std::string name, fs::path base)
      : JsonFile(owner.diags_, std::move(name)), l_(owner), base_(std::move(base)) {}

  void load_document(json const& doc) {
    if (!doc.is_object()) {
      error("E0303", "", "a facts file must be a JSON object, not " + kind_of(doc), "see docs/facts-format.md");
      return;
    }
    if (auto v = doc.find("nogood"); v == doc.end() || !v->is_number_integer() || v->get<int>() != 1)
      error("E0304", "/nogood", v == doc.end() ? "missing format version `\"nogood\": 1`" : "unsupported format version `" + v->dump() + "`",
            "this version of nogood reads `\"nogood\": 1`");
    known_keys(doc, "", {"nogood", "source", "entities", "facts"}, "a facts file");
    auto src = field(doc, "", "source", json::value_t::object, true);
    if (!src) return;
    source_ = add_source(*src, "/source");
    if (source_ == engine::no_source) return;
    if (auto ents = field(doc, "", "entities", json::value_t::array, false))
      for (std::size_t i = 0; i < ents->size(); ++i) add_local_entity((*ents)[i], "/entities/" + std::to_string(i));
    if (auto facts = field(doc, "", "facts", json::value_t::array, true))
      for (std::size_t i = 0; i < facts->size(); ++i) add_fact((*facts)[i], "/facts/" + std::to_string(i), source_, 0, static_cast<std::uint32_t>(i));
  }

  void load_line(json const& rec, std::size_t line) {
    line_ = line;
    std::string const ptr;  // pointers start at the line's record
    if (!rec.is_object()) {
      error("E0303", ptr, "each line must be a JSON object, not " + kind_of(rec));
      return;
    }
    if (auto s = rec.find("source"); s != rec.end() && s->is_object()) {
      add_source(*s, "/source");
      return;
    }
    if (auto e = rec.find("entity"); e != rec.end()) {
      if (!e->is_object()) return error("E0303", "/entity", "`entity` must be an object");
      add_corpus_entity(*e, "/entity");
      return;
    }
    std::uint32_t source = engine::no_source;
    if (auto s = rec.find("source"); s != rec.end() && !s->is_null()) {
      if (!s->is_string()) return error("E0303", "/source", "`source` must be a source id string, not " + kind_of(*s));
      auto id = s->get<std::string>();
      auto found = source_ids().find(id);
      if (!found)
        return error("E0305", "/source", "unknown source `" + id + "`", "declare it before its facts: {\"source\": {\"id\": \"" + id + "\", ...}}");
      source = *found;
    }
    add_fact(rec, ptr, source, static_cast<std::uint32_t>(line), 0);
  }

  IdTable& source_ids() { return l_.source_ids_; }

  std::uint32_t arg_source_ = engine::no_source;  // the source of the claim whose arguments are read
  std::string written_;  // its worded dates and what they resolved to

  std::uint32_t add_source(json const& src, std::string const& ptr) {
    engine::SourceInfo info;
    known_keys(src, ptr, {"id", "outlet", "title", "language", "published", "url", "reliability", "text"}, "a source");
    info.id = string_field(src, ptr, "id", true);
    if (info.id.empty()) {
      if (src.contains("id") && src["id"].is_string()) error("E0319", ptr + "/id", "the source id is empty", "give each source a short unique id, e.g. \"ap-ar\"");
      return engine::no_source;
    }
    if (source_ids().contains(info.id)) {
      error("E0306", ptr + "/id", "duplicate source id `" + info.id + "`", "each source needs its own id");
      return engine::no_source;
    }
    info.title = string_field(src, ptr, "title", false);
    info.outlet = string_field(src, ptr, "outlet", false);
    info.language = string_field(src, ptr, "language", false);
    info.published = string_field(src, ptr, "published", false);
    if (!info.published.empty() && !engine::parse_date(info.published)) {
      auto [message, help] = date_problem(info.published.str());
      error("E0307", ptr + "/published", message, help);
    }
    info.url = string_field(src, ptr, "url", false);
    info.reliability = string_field(src, ptr, "reliability", false);
    if (!info.reliability.empty() && (info.reliability.size() != 1 || info.reliability[0] < 'A' || info.reliability[0] > 'F'))
      error("E0308", ptr + "/reliability", "reliability must be an Admiralty grade from A to F, not `" + info.reliability + "`",
            "grades run from A (completely reliable) to E (unreliable); F means reliability cannot be judged");
    info.text = string_field(src, ptr, "text", false);
    info.facts_file = source_file();
    auto id = static_cast<std::uint32_t>(l_.corpus_.sources.size());
    source_ids().insert(info.id, id);
    if (!info.text.empty()) load_article(info, ptr + "/text");
    l_.corpus_.sources.push_back(std::move(info));
    return id;
  }

  void load_article(engine::SourceInfo& info, std::string const& ptr) {
    if (auto found = detail::find_article(base_, info.text.str(), l_.options_.text_dirs)) {
      auto const source = static_cast<std::uint32_t>(l_.corpus_.sources.size());
      with_article_.insert(source);
      remember_article(source, Article(found->text));
      info.quotes_checked = true;
      return;
    }
    warning("W0301", ptr, "quotes of source `" + info.id + "` are not checked: article text `" + info.text + "` not found",
            "pass the folder that holds the article texts with --texts DIR");
  }

  void add_local_entity(json const& e, std::string const& ptr) {
    if (!e.is_object()) return error("E0303", ptr, "an entity must be an object, not " + kind_of(e));
    EntityMention m;
    known_keys(e, ptr, {"id", "type", "names", "ref"}, "an entity");
    m.id = string_field(e, ptr, "id", true);
    if (m.id.empty()) return;
    m.type = string_field(e, ptr, "type", false);
    if (auto ref = field(e, ptr, "ref", json::value_t::string, false)) m.ref = ref->get<std::string>();
    auto const& lang = l_.corpus_.sources[source_].language;
    if (auto names = field(e, ptr, "names", json::value_t::array, false))
      for (std::size_t i = 0; i < names->size(); ++i) {
        if (!(*names)[i].is_string()) error("E0303", ptr + "/names/" + std::to_string(i), "a name must be a string, not " + kind_of((*names)[i]));
        else m.names.emplace_back(lang, (*names)[i].get<std::string>());
      }
    m.source = source_;
    m.file_name = where();
    m.json_pointer = ptr;
    if (!local_.insert(m.id, static_cast<std::uint32_t>(l_.mentions_.size())))
      return error("E0306", ptr + "/id", "duplicate entity id `" + m.id + "` in this file", "give each entity of a file its own id, or merge the two entries");
    l_.mentions_.push_back(std::move(m));
  }

  // entities.json `aliases`: lists of names of one thing.
  void add_aliases(json const& groups, std::string const& file_name) {
    // Each name, folded, and where it was first listed: a name in two groups would join both.
    std::unordered_map<std::u32string, std::string> listed;
    std::u32string folded;
    for (std::size_t i = 0; i < groups.size(); ++i) {
      auto const& g = groups[i];
      std::string const ptr = "/aliases/" + std::to_string(i);
      if (!g.is_array() || g.size() < 2) {
        error("E0303", ptr, "each `aliases` entry is a list of two or more names of one thing",
                     "write it as `[\"ISIS\", \"Islamic State\", \"داعش\"]`");
        continue;
      }
      FactsLoader::AliasGroup group;
      auto range = detail::locate_json_pointer(doc_, ptr, detail::JsonPart::value);
      if (range) {
        auto at = l_.sources_.line_col(doc_file_(), doc_offset_ + range->first);
        group.origin = file_name + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
      } else {
        group.origin = file_name + ptr;
      }
      for (std::size_t k = 0; k < g.size(); ++k) {
        std::string const name_ptr = ptr + "/" + std::to_string(k);
        if (!g[k].is_string()) {
          error("E0303", name_ptr, "an alias must be a string, not " + kind_of(g[k]));
          continue;
        }
        if (g[k].get<std::string>().empty()) {
          error("E0303", name_ptr, "an alias cannot be empty", "remove it from the list");
          continue;
        }
        auto name = g[k].get<std::string>();
        detail::fold_name(name, folded);
        auto [it, inserted] = listed.try_emplace(folded, group.origin);
        if (!inserted) {
          if (it->second != group.origin)
            error("E0322", name_ptr, "`" + name + "` is already an alias in the list at " + it->second,
                         "a name can be in one list only: merge the two lists, or remove it from one");
          continue;  // twice in one list says nothing more
        }
        group.names.push_back(std::move(name));
      }
      if (group.names.size() >= 2) l_.aliases_.push_back(std::move(group));
    }
  }

  void add_corpus_entity(json const& e, std::string const& ptr) {
    EntityMention m;
    known_keys(e, ptr, {"id", "type", "names"}, "a corpus entity");
    m.id = string_field(e, ptr, "id", true);
    if (m.id.empty()) return;
    m.type = string_field(e, ptr, "type", false);
    if (auto names = e.find("names"); names != e.end()) {
      if (names->is_object()) {
        for (auto const& [lang, list] : names->items()) {
          if (!list.is_array()) {
            error("E0303", ptr + "/names/" + lang, "names per language must be an array of strings");
            continue;
          }
          for (auto const& n : list)
            if (n.is_string()) m.names.emplace_back(lang, n.get<std::string>());
        }
      } else if (names->is_array()) {
        for (auto const& n : *names)
          if (n.is_string()) m.names.emplace_back("", n.get<std::string>());
      } else {
        error("E0303", ptr + "/names", "`names` must be an object of arrays per language, or an array");
      }
    }
    m.file_name = where();
    m.json_pointer = ptr;
    if (!l_.corpus_mentions_.insert(m.id, static_cast<std::uint32_t>(l_.mentions_.size())))
      return error("E0306", ptr + "/id", "duplicate entity id `" + m.id + "`", "give each corpus entity its own id, or merge the two entries");
    l_.mentions_.push_back(std::move(m));
  }

  std::optional<engine::Value> entity_arg(std::string const& id, std::string const& ptr) {
    if (auto mention = find_mention(id)) return *mention;
    auto ids = local_.keys();
    for (auto k : l_.corpus_mentions_.keys()) ids.push_back(k);
    auto near = closest_match(id, ids);
    error("E0309", ptr, "unknown entity `" + id + "`",
          near.empty() ? "declare it in this file's `entities` or in entities.json" : "did you mean `" + near + "`?");
    return std::nullopt;
  }

  // An optional argument the fact leaves out: its default, read as a fact would write it, or absent.
  std::optional<engine::Value> left_out(engine::Parameter const& p, std::string const& ptr, std::string const& pred) {
    if (!p.default_text) return engine::absent_value(p.type);
    if (p.type == ValueType::integer) return typed_arg(json(std::stoll(*p.default_text)), p, ptr, pred);
    return typed_arg(json(*p.default_text), p, ptr, pred);
  }

  // `saturday`, `last month`: resolved against the publication day of the claim's source, and
  // the words kept (written_) for explanations.
  std::optional<engine::Value> worded_date_arg(std::string const& text, std::string const& ptr) {
    std::string const published = arg_source_ < l_.corpus_.sources.size() ? l_.corpus_.sources[arg_source_].published.str() : std::string();
    std::optional<std::int32_t> const day = published.empty() ? std::nullopt : engine::parse_date(published);
    detail::RelativeProblem problem = detail::RelativeProblem::none;
    auto span = detail::resolve_relative_date(text, day, problem);
    if (problem == detail::RelativeProblem::needs_published) {
      error("E0325", ptr, "`" + text + "` counts from the day the source was published, which it does not give",
            arg_source_ == engine::no_source ? "a background fact has no publication day: write the date, e.g. 2025-10-18"
                                             : "add \"published\": \"YYYY-MM-DD\" to the source, or write the date, e.g. 2025-10-18");
      return std::nullopt;
    }
    if (!span) {
      error("E0326", ptr, "`" + text + "` is not a date nogood can read",
            std::string("write YYYY-MM-DD, YYYY-MM, YYYY, an interval START/END, or one of: ") + detail::relative_date_forms);
      return std::nullopt;
    }
    auto v = engine::intern_date(*span);
    if (!v) {
      error("E0307", ptr, "`" + text + "`: too many distinct dates that are not single days", "give exact days where the sources do");
      return std::nullopt;
    }
    written_ += (written_.empty() ? "" : "; ") + text + " (" + engine::format_date_value(*v) +
                (day ? ", from published " + published : std::string()) + ")";
    return v;
  }

  std::optional<engine::Value> typed_arg(json const& a, engine::Parameter const& p, std::string const& ptr, std::string const& pred) {
    // `null` at an optional position leaves that one argument out, so a later one can be given.
    if (a.is_null() && p.optional) return left_out(p, ptr, pred);
    auto const type = p.type;
    auto const& param = p.name;
    auto expect = [&](std::string what) {
      error("E0303", ptr, "argument `" + param + "` of `" + pred + "` must be " + what + ", not " + kind_of(a));
      return std::nullopt;
    };
    switch (type) {
      case ValueType::entity:
        if (!a.is_string()) return expect("an entity id (string)");
        return entity_arg(a.get<std::string>(), ptr);
      case ValueType::symbol:
      case ValueType::string: {
        if (!a.is_string()) return expect(type == ValueType::symbol ? "a symbol (string)" : "a string");
        auto const& text = a.get_ref<std::string const&>();
        auto id = l_.corpus_.strings.intern(text);
        if (!l_.in_vocabulary(p, id)) {
          auto const& v = l_.schema_.vocabularies[p.vocabulary];
          error("E0330", ptr, "`" + text + "` is not in vocabulary `" + v.name + "`, the type of argument `" + param + "` of `" + pred + "`",
                v.help_for(text));
          return std::nullopt;
        }
        return id;
      }
      case ValueType::integer: {
        if (!a.is_number_integer()) return expect("an int");
        auto v = a.get<std::int64_t>();
        if (v < INT32_MIN || v > INT32_MAX) {
          error("E0303", ptr, "int " + std::to_string(v) + " is out of range for `" + param + "`", "ints range from -2147483648 to 2147483647");
          return std::nullopt;
        }
        return engine::pack_int(static_cast<std::int32_t>(v));
      }
      case ValueType::date: {
        if (!a.is_string()) return expect("a date (\"YYYY-MM-DD\")");
        auto const& text = a.get<std::string>();
        if (auto d = engine::parse_date(text)) return engine::pack_int(*d);
        engine::DateProblem problem = engine::DateProblem::none;
        if (auto v = engine::parse_date_value(text, problem)) return *v;
        if (problem == engine::DateProblem::form && detail::worded_date(text)) return worded_date_arg(text, ptr);
        auto [code, message, help] = date_value_problem(text, problem);
        error(code, ptr, message, help);
        return std::nullopt;
      }
      case ValueType::source: {
        if (!a.is_string()) return expect("a source id");
        auto found = source_ids().find(a.get<std::string>());
        if (!found) {
          error("E0305", ptr, "unknown source `" + a.get<std::string>() + "`");
          return std::nullopt;
        }
        return *found;
      }
      case ValueType::certainty: {
        auto c = a.is_string() ? engine::parse_certainty(a.get<std::string>()) : std::nullopt;
        if (!c) return expect("a certainty (asserted, reported, alleged, uncertain)");
        return static_cast<engine::Value>(*c);
      }
    }
    return std::nullopt;
  }

  void add_fact(json const& f, std::string const& ptr, std::uint32_t source, std::uint32_t line, std::uint32_t index) {
    if (!f.is_object()) return error("E0303", ptr, "a fact must be an object, not " + kind_of(f));
    bool const bulk = line != 0;  // a JSON Lines record names its source
    if (!known_keys(f, ptr, bulk ? std::vector<std::string_view>{"pred", "args", "source", "by", "certainty", "negated", "quote", "at"}
                                 : std::vector<std::string_view>{"pred", "args", "by", "certainty", "negated", "quote", "at"},
                    bulk ? "a fact record" : "a fact"))
      return;
    // A bulk record without `source` is a background fact: what describes a claim (who said it,
    // how sure, the quote) would be dropped without a word, so it is an error.
    if (bulk && source == engine::no_source)
      for (auto key : {"by", "certainty", "negated", "quote", "at"})
        if (f.contains(key))
          return error("E0321", ptr + "/" + key,
                       "`" + std::string(key) + "` describes a source's claim, but this record has no `source`: it would be a background fact",
                       "add \"source\": \"ID\" naming the source that claims it (declared before, in a {\"source\": {...}} record)");
    auto pred_name = string_field(f, ptr, "pred", true);
    if (pred_name.empty()) return;
    auto pid = l_.schema_.find(pred_name);
    if (!pid) {
      auto near = closest_match(pred_name, l_.schema_.names());
      return error("E0311", ptr + "/pred", "unknown predicate `" + pred_name + "`",
                   near.empty() ? "declare it in the rules: `pred " + pred_name + "(...)`" : "did you mean `" + near + "`?");
    }
    auto const& pred = l_.schema_.predicates[*pid];
    if (pred.kind != engine::PredicateKind::claimed)
      return error("E0312", ptr + "/pred", "`" + pred_name + "` is derived by rules; facts cannot claim it",
                   "state the facts it is derived from instead");
    auto args = field(f, ptr, "args", json::value_t::array, true);
    if (!args) return;
    if (args->size() < pred.required_arity() || args->size() > pred.arity())
      return error("E0313", ptr + "/args", "`" + pred_name + "` takes " + engine::arity_text(pred) +
                                               ", but " + std::to_string(args->size()) + (args->size() == 1 ? " was" : " were") + " given",
                   "`" + pred_name + "(" + l_.schema_.params_text(pred) + ")`");
    values_.clear();
    written_.clear();
    arg_source_ = source;
    bool ok = true;
    for (std::size_t i = 0; i < pred.arity(); ++i) {
      auto v = i < args->size() ? typed_arg((*args)[i], pred.params[i], ptr + "/args/" + std::to_string(i), pred_name)
                                : left_out(pred.params[i], ptr, pred_name);
      if (v) values_.push_back(*v);
      else ok = false;
    }
    engine::Claim claim;
    claim.predicate = *pid;
    claim.source = source;
    auto by = string_field(f, ptr, "by", false);
    auto const by_id = claimant(by);
    claim.certainty = by.empty() ? engine::Certainty::asserted : engine::Certainty::reported;
    if (auto c = field(f, ptr, "certainty", json::value_t::string, false)) {
      auto parsed = engine::parse_certainty(c->get<std::string>());
      if (!parsed) {
        error("E0314", ptr + "/certainty", "unknown certainty `" + c->get<std::string>() + "`", "use asserted, reported, alleged or uncertain");
        ok = false;
      } else {
        claim.certainty = *parsed;
      }
    }
    if (auto n = field(f, ptr, "negated", json::value_t::boolean, false)) claim.negated = n->get<bool>();
    auto quote = string_field(f, ptr, "quote", false);
    std::optional<std::int64_t> at;
    if (auto a = field(f, ptr, "at", json::value_t::number_integer, false)) {
      at = a->get<std::int64_t>();
      if (*at < 0) {
        error("E0303", ptr + "/at", "`at` must be a code-point offset (0 or more)");
        ok = false;
      }
    }
    if (!ok) return;
    if (!quote.empty())
      if (auto const* article = article_of(source, ptr)) check_quote(*article, quote, at, ptr);
    l_.corpus_.set_evidence(claim, by_id, quote, at);
    add_claim(claim, {file_index(), line ? engine::ClaimPlace::line : engine::ClaimPlace::index, line ? line : index});
    if (!written_.empty()) l_.corpus_.written_dates.emplace(static_cast<std::uint32_t>(l_.corpus_.claims.size() - 1), written_);
  }

  // The common case of a bulk line, without a DOM: false sends the line to the full loader,
  // which reports whatever is wrong with it.
  bool fast_fact(detail::FactLine const& f, std::uint32_t line) {
    std::uint32_t source = engine::no_source;
    if (f.source && !fast_source(*f.source, source)) return false;
    // A background fact with claim metadata is a mistake the full loader reports.
    if (source == engine::no_source && (f.has_by || f.has_certainty || f.negated || !f.quote.empty() || f.at)) return false;
    if (f.pred != last_pred_.name) {
      auto pid = l_.schema_.find(f.pred);
      if (!pid) return false;
      last_pred_ = {std::string(f.pred), *pid};
    }
    auto const& pred = l_.schema_.predicates[last_pred_.id];
    if (pred.kind != engine::PredicateKind::claimed || f.args.size() != pred.arity()) return false;
    if (!f.quote.empty() && with_article_.count(source)) return false;  // the full loader checks the quote
    if (!fast_args(f, pred)) return false;
    engine::Claim claim;
    claim.predicate = last_pred_.id;
    claim.source = source;
    auto const by_id = claimant(f.by);
    claim.certainty = f.by.empty() ? engine::Certainty::asserted : engine::Certainty::reported;
    if (f.has_certainty) {
      auto c = engine::parse_certainty(f.certainty);
      if (!c) return false;
      claim.certainty = *c;
    }
    if (f.at && *f.at < 0) return false;
    claim.negated = f.negated;
    l_.corpus_.set_evidence(claim, by_id, f.quote, f.at);
    add_claim(claim, {file_index(), engine::ClaimPlace::line, line});
    return true;
  }

  // The source of a fact line. The lines of one source usually follow each other: checking the
  // last one found first saves most lookups.
  bool fast_source(std::string_view id, std::uint32_t& source) {
    if (last_source_ == engine::no_source || l_.corpus_.sources[last_source_].id != id) {
      auto found = source_ids().find(id);
      if (!found) return false;
      last_source_ = *found;
    }
    source = last_source_;
    return true;
  }

  // The arguments of a fact line, typed, into values_.
  bool fast_args(detail::FactLine const& f, engine::Predicate const& pred) {
    values_.clear();
    for (std::size_t i = 0; i < f.args.size(); ++i) {
      auto const& a = f.args[i];
      bool is_string = a.kind == detail::FlatValue::Kind::string;
      switch (pred.params[i].type) {
        case ValueType::entity: {
          auto mention = is_string ? find_mention(a.text) : std::nullopt;
          if (!mention) return false;
          values_.push_back(*mention);
          break;
        }
        case ValueType::symbol:
        case ValueType::string: {
          if (!is_string) return false;
          auto id = l_.corpus_.strings.intern(a.text);
          if (!l_.in_vocabulary(pred.params[i], id)) return false;  // the full path reports it
          values_.push_back(id);
          break;
        }
        case ValueType::integer:
          if (a.kind != detail::FlatValue::Kind::integer || a.number < INT32_MIN || a.number > INT32_MAX) return false;
          values_.push_back(engine::pack_int(static_cast<std::int32_t>(a.number)));
          break;
        case ValueType::date: {
          if (!is_string) return false;
          if (auto d = engine::parse_date(a.text)) {
            values_.push_back(engine::pack_int(*d));
            break;
          }
          engine::DateProblem problem = engine::DateProblem::none;
          auto v = engine::parse_date_value(a.text, problem);
          if (!v) return false;
          values_.push_back(*v);
          break;
        }
        default: return false;
      }
    }
    return true;
  }

  // An entity id of this file's entities, else of the corpus's.
  std::optional<std::uint32_t> find_mention(std::string_view id) const {
    if (!local_.empty())
      if (auto m = local_.find(id)) return m;
    return l_.corpus_mentions_.find(id);
  }

  // Nearly every claim is in the source's own voice: the empty claimant is interned once (when first
  // needed, so that ids are given out in the same order as interning each time would).
  engine::Value claimant(std::string_view by) { return by.empty() ? l_.corpus_.own_voice() : l_.corpus_.strings.intern(by); }

  // Adds the claim with its arguments (values_) to the corpus.
  void add_claim(engine::Claim const& claim, engine::ClaimLocation where) {
    auto& rows = claim.negated ? l_.corpus_.negative[claim.predicate] : l_.corpus_.positive[claim.predicate];
    rows.values.insert(rows.values.end(), values_.begin(), values_.end());
    rows.claims.push_back(l_.corpus_.add_claim(claim, where));
  }

  void check_quote(Article const& article, std::string_view quote, std::optional<std::int64_t> at, std::string const& ptr) {
    if (at && article.has_at(quote, *at)) return;
    auto problem = detail::quote_problem(article, quote, at, article.search(quote));
    if (!problem) return;
    ++l_.quote_errors_;
    report(std::move(problem->diagnostic), ptr + problem->pointer);
  }

private:
  FactsLoader& l_;
  fs::path base_;
  std::uint32_t source_ = engine::no_source;
  IdTable local_;
  // The sources declared here whose article was found, and the articles used last. A JSON Lines
  // file may declare many sources and give their claims in any order; holding every article
  // would take memory in proportion to the corpus, so one that went is read again when needed.
  std::unordered_set<std::uint32_t> with_article_;
  std::deque<std::pair<std::uint32_t, Article>> recent_articles_;
  static constexpr std::size_t articles_kept = 8;

  void remember_article(std::uint32_t source, Article article) {
    recent_articles_.emplace_front(source, std::move(article));
    if (recent_articles_.size() > articles_kept) recent_articles_.pop_back();
  }
  Article const* article_of(std::uint32_t source, std::string const& ptr) {
    if (!with_article_.count(source)) return nullptr;
    for (auto& [id, article] : recent_articles_)
      if (id == source) return &article;
    auto const& info = l_.corpus_.sources[source];
    auto found = detail::find_article(base_, info.text.str(), l_.options_.text_dirs);
    if (!found) {
      warning("W0301", ptr + "/quote", "this quote of source `" + info.id + "` is not checked: article text `" + info.text + "` can no longer be read",
              "check that the article text stays in place while nogood runs");
      return nullptr;
    }
    remember_article(source, Article(found->text));
    return &recent_articles_.front().second;
  }
  std::uint32_t file_index_ = engine::no_source;
  PredicateCache last_pred_;
  std::uint32_t last_source_ = engine::no_source;  // of the last fact line with a source

  // This file's index in Corpus::source_files, registered by its first source.
  std::uint32_t source_file_ = engine::no_source;
  std::uint32_t source_file() {
    if (source_file_ == engine::no_source) {
      source_file_ = static_cast<std::uint32_t>(l_.corpus_.source_files.size());
      l_.corpus_.source_files.push_back(name_);
    }
    return source_file_;
  }

  std::uint32_t file_index() {
    if (file_index_ == engine::no_source) {
      file_index_ = static_cast<std::uint32_t>(l_.corpus_.files.size());
      l_.corpus_.files.push_back(name_);
    }
    return file_index_;
  }
  std::vector<engine::Value> values_;
};

FactsLoader::FactsLoader(engine::Schema const& schema, engine::Corpus& corpus, SourceManager& sources, Diagnostics& diags, LoadOptions options)
    : schema_(schema), corpus_(corpus), sources_(sources), diags_(diags), options_(std::move(options)) {
  corpus_.reserve_predicates(schema.predicates.size());
  for (auto const& v : schema.vocabularies) {
    auto& ids = vocabulary_ids_.emplace_back();
    for (auto const& value : v.values) ids.push_back(corpus_.strings.intern(value));
    std::sort(ids.begin(), ids.end());
  }
}

bool FactsLoader::in_vocabulary(engine::Parameter const& p, std::uint32_t id) const {
  if (p.vocabulary >= vocabulary_ids_.size()) return true;
  auto const& ids = vocabulary_ids_[p.vocabulary];
  return std::binary_search(ids.begin(), ids.end(), id);
}

FactsLoader::~FactsLoader() = default;

namespace {
// Room for `more` claims, from a count of lines: growing the claims by doubling would move them
// all several times and leave up to half the capacity unused.
void reserve_claims(engine::Corpus& corpus, std::size_t more) {
  auto const need = corpus.claims.size() + more;
  if (need > corpus.claims.capacity()) corpus.claims.reserve(std::max(need, corpus.claims.capacity() + corpus.claims.capacity() / 2));
}

}  // namespace

void FactsLoader::load_entities(fs::path const& path) {
  auto text = read_file(path, diags_);
  if (!text) return;
  load_entities_text(path.string(), std::move(*text));
}

void FactsLoader::load_entities_text(std::string name, std::string text_in) {
  fs::path const path(name);
  auto const* text = &text_in;
  auto file = sources_.add(path.string(), *text);
  std::size_t bad;
  if (!valid_utf8(*text, bad)) {
    diags_.report(make_error("E0317", "invalid UTF-8 at byte " + std::to_string(bad))
                      .with_primary(Span{file, static_cast<std::uint32_t>(bad), static_cast<std::uint32_t>(bad + 1)}, "not UTF-8")
                      .with_help("save the file as UTF-8"));
    return;
  }
  FileLoader loader(*this, path.string(), path.parent_path());
  loader.set_document(sources_.file(file).text, 0, [file] { return file; });
  auto doc = loader.parse(*text, file, 0);
  if (!doc) return;
  if (!doc->is_object()) return loader.error("E0303", "", "entities.json must be a JSON object");
  loader.known_keys(*doc, "", {"entities", "distinct", "aliases"}, "entities.json");
  if (auto ents = loader.field(*doc, "", "entities", json::value_t::array, true))
    for (std::size_t i = 0; i < ents->size(); ++i) {
      if (!(*ents)[i].is_object()) {
        loader.error("E0303", "/entities/" + std::to_string(i), "an entity must be an object");
        continue;
      }
      loader.add_corpus_entity((*ents)[i], "/entities/" + std::to_string(i));
    }
  if (auto pairs = loader.field(*doc, "", "distinct", json::value_t::array, false))
    for (std::size_t i = 0; i < pairs->size(); ++i) {
      auto const& p = (*pairs)[i];
      if (!p.is_array() || p.size() != 2 || !p[0].is_string() || !p[1].is_string()) {
        loader.error("E0303", "/distinct/" + std::to_string(i), "each `distinct` entry is a pair of entity ids",
                     "write the pair as `[\"first_id\", \"second_id\"]`");
        continue;
      }
      for (std::size_t k = 0; k < 2; ++k) {
        auto id = p[k].get<std::string>();
        if (corpus_mentions_.contains(id)) continue;
        auto near = closest_match(id, corpus_mentions_.keys());
        loader.error("E0309", "/distinct/" + std::to_string(i) + "/" + std::to_string(k), "unknown entity `" + id + "`",
                     near.empty() ? "`distinct` names entities of this file's `entities`" : "did you mean `" + near + "`?");
      }
      distinct_.emplace_back(p[0].get<std::string>(), p[1].get<std::string>());
    }
  if (auto groups = loader.field(*doc, "", "aliases", json::value_t::array, false))
    loader.add_aliases(*groups, path.filename().string());
}


void FactsLoader::load_file(fs::path const& path) {
  if (path.extension() == ".jsonl") {
    if (auto reader = detail::JsonLinesReader::open(path, diags_)) load_json_lines(path.string(), *reader, path.parent_path());
    return;
  }
  auto text = read_file(path, diags_);
  if (!text) return;
  load_text(path.string(), std::move(*text), false, path.parent_path());
}

void FactsLoader::load_text(std::string name, std::string text, bool json_lines, fs::path const& base) {
  if (json_lines) {
    detail::JsonLinesReader reader(text);
    load_json_lines(name, reader, base);
    return;
  }
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    report_byte_order_mark(sources_.add(name, text));
    return;
  }
  std::size_t bad;
  if (!valid_utf8(text, bad)) {
    report_invalid_utf8(sources_.add(name, text), bad);
    return;
  }
  FileLoader loader(*this, name, base);
  auto file = sources_.add(name, text);
  loader.set_document(sources_.file(file).text, 0, [file] { return file; });
  if (auto doc = loader.parse(sources_.file(file).text, file, 0)) loader.load_document(*doc);
}

void FactsLoader::report_byte_order_mark(FileId file) {
  diags_.report(make_error("E0318", "the file starts with a byte order mark")
                    .with_primary(Span{file, 0, 3}, "BOM")
                    .with_help("save the file as UTF-8 without BOM"));
}

void FactsLoader::report_invalid_utf8(FileId file, std::size_t bad) {
  diags_.report(make_error("E0317", "invalid UTF-8 at byte " + std::to_string(bad))
                    .with_primary(Span{file, static_cast<std::uint32_t>(bad), static_cast<std::uint32_t>(bad + 1)}, "not UTF-8")
                    .with_help("save the file as UTF-8"));
}

// Bulk files can be large: read a block at a time, keep only what diagnostics need and parse line
// by line. The whole text is read again only when a diagnostic must show a line of it.
void FactsLoader::load_json_lines(std::string const& name, detail::JsonLinesReader& reader, fs::path const& base) {
  reserve_claims(corpus_, reader.count_lines());
  FileLoader loader(*this, name, base);
  FileId file = no_file;
  auto whole_file = [&] {
    if (file == no_file) file = sources_.add(name, reader.whole_text());
    return file;
  };
  std::size_t line_number = 0;
  std::string_view l;
  std::uint32_t start = 0;
  detail::FactLine fact;
  // Past the diagnostics limit only counting goes on; with keep_going, claims must all be loaded
  // while the only errors are about quotes.
  auto stop = [&] { return diags_.full() && (!options_.keep_going || diags_.error_count() > quote_errors_); };
  while (!stop() && reader.next(l, start)) {
    ++line_number;
    if (l.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto const line = static_cast<std::uint32_t>(line_number);
    if (detail::read_fact_line(l, fact) && loader.fast_fact(fact, line)) continue;
    try {
      loader.set_document(l, start, whole_file);
      loader.load_line(json::parse(l), line_number);
    } catch (json::exception const&) {
      loader.parse(l, whole_file(), start);
    }
  }
  switch (reader.problem()) {
    case detail::JsonLinesReader::Problem::none: break;
    case detail::JsonLinesReader::Problem::byte_order_mark: report_byte_order_mark(whole_file()); break;
    case detail::JsonLinesReader::Problem::invalid_utf8: report_invalid_utf8(whole_file(), reader.problem_offset()); break;
    case detail::JsonLinesReader::Problem::read_error: {
      Diagnostic d = make_error("E0001", "cannot read `" + name + "`: the read failed at byte " + std::to_string(reader.problem_offset()));
      d.file_name = name;
      diags_.report(std::move(d.with_help("check the disk and the file, then run again")));
      break;
    }
  }
}

void FactsLoader::finish() {
  NameMatcher matcher;
  for (auto const& group : aliases_) matcher.add_aliases(group.names, group.origin);
  resolution_ = resolve_entities(mentions_, distinct_, matcher, diags_);
  auto& corpus = corpus_;
  // Exactly as many as there are, and the sources' doubling slack handed back: a corpus has tens
  // of thousands of each.
  corpus.sources.shrink_to_fit();
  corpus.entities.clear();
  corpus.entities.reserve(resolution_.entities.size());
  for (auto const& e : resolution_.entities) {
    engine::Entity entity{e.id, e.type};
    for (auto m : e.mentions)
      for (auto const& [lang, name] : mentions_[m].names)
        entity.add_name({lang, name, mentions_[m].source});
    for (auto const& j : e.joins)
      entity.add_join({j.name_a, j.name_b, mentions_[j.mention_a].source, mentions_[j.mention_b].source, j.why});
    corpus.entities.push_back(std::move(entity));
  }
  for (auto const& a : resolution_.ambiguous)
    corpus.ambiguous.push_back({a.name, mentions_[a.mention].source, a.candidates});
  for (auto const& l : resolution_.lonely)
    corpus.lonely.push_back({l.entity, mentions_[resolution_.entities[l.entity].mentions.front()].source, l.candidates, l.scores, l.reasons});
  // Entity arguments held mention indexes until now.
  for (engine::PredicateId p = 0; p < schema_.predicates.size(); ++p) {
    auto const& pred = schema_.predicates[p];
    if (pred.kind != engine::PredicateKind::claimed) continue;
    for (auto* rows : {&corpus.positive[p], &corpus.negative[p]})
      for (std::size_t c = 0; c < pred.arity(); ++c)
        if (pred.params[c].type == ValueType::entity)
          for (std::size_t i = c; i < rows->values.size(); i += pred.arity())
            if (rows->values[i] != engine::absent_id) rows->values[i] = resolution_.entity_of_mention[rows->values[i]];
  }
}

}  // namespace nogood::facts
