// W0401: a claim that repeats an earlier one is dropped before evaluation (a fact is a fact
// once), and said so, so that nothing the user gave disappears without a word.
#include <string>

#include "nogood/session.hpp"

namespace nogood {

namespace {

// A facts-file claim is placed by file and JSON Pointer (or line); a background fact by its span.
void place(Diagnostic& d, engine::Corpus const& corpus, std::uint32_t claim) {
  if (auto const origin = corpus.origin(claim); origin.valid()) {
    d.with_primary(origin, "stated again here");
    return;
  }
  auto const c = corpus.location(claim);
  if (c.file >= corpus.files.size()) return;
  d.file_name = corpus.files[c.file] + (c.line() ? ":" + std::to_string(c.line()) : "");
  if (!c.line()) d.json_pointer = c.pointer();
}

std::string where(engine::Corpus const& corpus, std::uint32_t claim) {
  auto const c = corpus.location(claim);
  if (c.file >= corpus.files.size()) return "";
  return c.line() ? corpus.files[c.file] + ":" + std::to_string(c.line()) : corpus.files[c.file] + " at " + c.pointer();
}

}  // namespace

// At most `shown` repeats are reported one by one; the rest in one summary, so that a bulk file
// repeating thousands of records neither floods the output nor crowds out later errors.
void Session::report_duplicate_claims(std::vector<engine::DuplicateClaim> const& repeats) {
  constexpr std::size_t shown = 10;
  for (std::size_t i = 0; i < repeats.size() && i < shown; ++i) {
    auto const& r = repeats[i];
    auto const& claim = corpus_.claims[r.claim];
    auto const& first = corpus_.claims[r.first];
    auto const& pred = program_.schema.predicates[claim.predicate];
    auto const& rows = claim.negated ? corpus_.negative[claim.predicate] : corpus_.positive[claim.predicate];
    std::string fact = claim.negated ? "-" + pred.name + "(" : pred.name + "(";
    for (std::size_t a = 0; a < pred.arity(); ++a) {
      if (a) fact += ", ";
      append_canonical(fact, pred.params[a].type, rows.values[std::size_t(r.row) * pred.arity() + a]);
    }
    fact += ")";
    bool const background = claim.source == engine::no_source;
    Diagnostic d = make_warning("W0401", background ? "background fact `" + fact + "` is stated twice"
                                                    : "source `" + corpus_.sources[claim.source].id + "` claims `" + fact + "` twice");
    place(d, corpus_, r.claim);
    if (auto const origin = corpus_.origin(r.first); origin.valid()) d.with_secondary(origin, "first stated here");
    else d.with_note("first claimed at " + where(corpus_, r.first) + ", with the same claimant and certainty");
    d.with_note("a fact is a fact once: the repeat is dropped, so counts and sums see one claim");
    if (corpus_.quote(claim) != corpus_.quote(first))
      d.with_note("the repeat's quote goes with it: verdicts show the first claim's quote");
    d.with_help(background ? "delete the repeated fact" : "delete the repeated record, or give it the claimant (`by`) or certainty that sets it apart");
    diags_.report(std::move(d));
  }
  if (repeats.size() > shown) {
    Diagnostic d = make_warning("W0401", std::to_string(repeats.size() - shown) + " more claims repeat earlier ones and are dropped");
    d.with_note("each repeats a claim of the same source with the same arguments, claimant and certainty");
    d.with_help("remove the repeated records from the facts files");
    diags_.report(std::move(d));
  }
}

}  // namespace nogood
