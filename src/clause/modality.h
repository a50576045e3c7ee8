// The status of the event an anchor word carries: did it happen (reported),
// is it announced (planned), tied to a condition (conditional), denied or
// negated (negated), or only imagined (hypothetical)? Read off the tree:
// negation and modal auxiliaries on the anchor's verb chain, "if"/"unless"
// clauses, and the verbs that govern it ("deny", "plan", "due to").
#ifndef FAULTLINE_CLAUSE_MODALITY_H_
#define FAULTLINE_CLAUSE_MODALITY_H_

#include <string>
#include <string_view>

#include "clause/tree.h"

namespace faultline {

enum class EventStatus { kReported, kPlanned, kConditional, kNegated, kHypothetical };

std::string_view StatusName(EventStatus s);

// Status of the event anchored at token `anchor`.
EventStatus StatusOf(const Tree& tree, int anchor);

// Verbs that carry a noun event rather than an event of their own: "hold
// talks", "take action", "make remarks".
bool IsLightVerb(const std::string& lemma);

// The verb whose clause carries a noun anchor's modality ("the invasion ...
// would be met": met), or the anchor itself for verbs.
int ClauseVerb(const Tree& tree, int anchor);

}  // namespace faultline

#endif  // FAULTLINE_CLAUSE_MODALITY_H_
