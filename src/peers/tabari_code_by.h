// TABARI's "CODE BY" options, applied to our events when its suite is
// validated: by default (CODE BY CLAUSE) TABARI codes only the first event
// of each clause, where clauses are split at conjunctions that join verbs;
// CODE BY SENTENCE, only the first of the sentence; CODE ALL, every one.
#ifndef FAULTLINE_PEERS_TABARI_CODE_BY_H_
#define FAULTLINE_PEERS_TABARI_CODE_BY_H_

#include <functional>
#include <string_view>
#include <vector>

#include "faultline/document.h"
#include "faultline/event.h"

namespace faultline::peers {

enum class CodeBy { kClause, kSentence, kAll };

// Applies "SET: CODE BY CLAUSE|SENTENCE" or "SET: CODE ALL" to *mode;
// returns whether `option` was one of them.
bool ApplyCodeByOption(std::string_view option, CodeBy* mode);

// Keeps in *events only those of the first match (by where its evidence
// starts) of each clause or sentence. Matches that `counts` rejects (a
// subordinate code, no target) are first only when nothing else is.
void KeepFirstMatches(const Document& doc, CodeBy mode, const std::function<bool(const Event&)>& counts,
                      std::vector<Event>* events);

// TABARI's dominant codes ("!"): when an event of `events` is dominant,
// only the dominant ones are kept (each is coded in its clause, even after
// another match).
void KeepDominant(const std::function<bool(const Event&)>& dominant, std::vector<Event>* events);

}  // namespace faultline::peers

#endif  // FAULTLINE_PEERS_TABARI_CODE_BY_H_
