// PETRARCH codes a sentence down its parse tree: a verb phrase that codes
// an event takes in the clause it governs, adverbial ("restore ties ...
// after Calenardhon crowds burned down its embassy", "celebrated Iftar ...
// after leaving Eriador") or infinitival ("Arnor is said to be about to
// restore ties": the saying is coded, not the restoring), whose own verb
// then codes nothing. Applied when its suite is validated, on the surface:
// an event is dropped when an earlier event of its sentence (one `counts`
// accepts: not a subordinate code) is followed, before it, by a word
// opening such a clause (after, before, since, while, when, until, to)
// with no comma or coordinating conjunction after that word (past a comma
// a new stretch begins: "after a 12-year rift, the agency said"; "and"
// joins a verb of its own: "restored ties to Gondor and attacked Mordor").
#ifndef FAULTLINE_PEERS_PETRARCH_NESTING_H_
#define FAULTLINE_PEERS_PETRARCH_NESTING_H_

#include <functional>
#include <vector>

#include "faultline/document.h"
#include "faultline/event.h"

namespace faultline::peers {

void DropEventsInSubordinateClauses(const Document& doc, const std::function<bool(const Event&)>& counts,
                                  std::vector<Event>* events);

}  // namespace faultline::peers

#endif  // FAULTLINE_PEERS_PETRARCH_NESTING_H_
