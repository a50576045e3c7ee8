// count.h — numeric claims in news text: "more than 100,000 Russian troops",
// "has killed more than 13,200 people", "tens of thousands of rounds of
// artillery ammunition", "$5 million", "20 percent".
//
// A count is a number (digits, words, vague plurals), the qualifier before it
// and the unit it counts. The unit is the counted noun with its compounds and
// adjectives ("key demands", "surveillance drones"), extended through "of" to
// what a measure counts ("rounds of artillery ammunition"); capitalised
// modifiers (demonyms, names: "Russian", "Wagner") are left out because they
// name the owner, which the coder attaches through `unit_head`. When the
// counted noun is killed, wounded, injured, displaced or dies, the unit says
// so ("people killed", "soldiers dead").
//
// Not counts: years and dates (dates/find_dates.h), times ("3 p.m."),
// ordinals, ages ("62-year-old", "aged 62"), "one of the", numbers that name
// ("No. 10", "Article 5", "Resolution 2231").
//
// Works from token forms alone; uses tags and the dependency tree when the
// language layer has run (non-empty upos / head != -1).
// Thread contract: pure function of its arguments; safe from any thread.
#ifndef FAULTLINE_EXTRACT_COUNT_H_
#define FAULTLINE_EXTRACT_COUNT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "faultline/document.h"

namespace faultline {

struct CountMention {
  // Token indices within the sentence, [first, end): the whole evidence span,
  // qualifier, number and unit noun phrase (and a casualty word right after
  // the unit, "people killed"). A casualty verb elsewhere ("has killed more
  // than 13,200 people") shows only in `unit`.
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  // The number; vague plurals take their floor: "hundreds" 100, "thousands"
  // 1000, "tens of thousands" 10000, "hundreds of thousands" 100000,
  // "dozens" 12, "millions" 1e6.
  double value = 0;
  // Lower-case: "more than", "about", "at least", "nearly", "up to", ...; for
  // a vague plural with no qualifier before it, the plural itself ("tens of
  // thousands"); "" when exact.
  std::string qualifier;
  // "troops", "people killed", "rounds of artillery ammunition", "dollars",
  // "percent"; "" when nothing is counted ("rose by 12").
  std::string unit;
  // Token index within the sentence of the unit's head noun; -1 when the unit
  // has no noun in the text (currency signs, "%", a bare "killed").
  int32_t unit_head = -1;
};

// Count mentions of sentence `s` in order, not overlapping. Document::date,
// when valid, is used only to find dates, whose tokens are never counts.
std::vector<CountMention> FindCounts(const Document& doc, const Sentence& s);

}  // namespace faultline

#endif  // FAULTLINE_EXTRACT_COUNT_H_
