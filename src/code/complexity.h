// TABARI's complexity filter (CoderOptions::complexity): whether a sentence
// is too complex to code, counted TABARI's way -- it has no parse, so it
// counts dictionary verbs and conjunctions on the surface.
#ifndef FAULTLINE_CODE_COMPLEXITY_H_
#define FAULTLINE_CODE_COMPLEXITY_H_

#include "code/coder.h"
#include "code/sentence_view.h"
#include "dict/verb_dictionary.h"

namespace faultline {

// The words TABARI takes for verbs: words with verb patterns (tagged verbs,
// and others by its own rule), not nouns by its article/capital rule
// (TabariNoun), whose root codes something (a null-coded root, "ACCORD
// [---]", drops out of the counts) and where one of their patterns matches
// (a root of several words needs them all). Word indices, in order.
std::vector<uint32_t> TabariVerbs(const SentenceView& sv, const VerbDictionary& verbs);

// Whether `limits` finds the sentence too complex: as many verbs as
// limits.verbs or more, as many conjunctions outside lists of actors as
// limits.conjunctions or more ("Ithilen and Dagolath" is a list, its "and"
// no conjunction), or with limits.no_actor_prior no actor before the first
// verb (none when there is no verb).
bool TooComplex(const SentenceView& sv, const VerbDictionary& verbs, const Complexity& limits);

}  // namespace faultline

#endif  // FAULTLINE_CODE_COMPLEXITY_H_
