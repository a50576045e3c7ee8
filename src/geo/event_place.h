// Where an event happened, when the story says: a place phrase in the
// anchor's clause ("clashes in Donetsk", "talks at Minsk", "troops massed
// near Kharkiv", "the Ukrainian town of Avdiivka", "visited Kyiv"), resolved
// against the gazetteer. A capital that acts ("Moscow said") is an actor,
// not a place: only phrases with a place preposition (in, at, near,
// outside, across, into, inside, throughout, around, within), the object of
// "visit" and "a visit to" count.
#ifndef FAULTLINE_GEO_EVENT_PLACE_H_
#define FAULTLINE_GEO_EVENT_PLACE_H_

#include <optional>

#include "code/sentence_view.h"
#include "faultline/event.h"
#include "geo/gazetteer.h"

namespace faultline {

// The anchor's own place phrases count, and those of its arguments ("met
// Biden in Washington", parsed as Biden's), except an argument that is
// really the subject of a clause after it ("hoped all sides in Myanmar
// would resolve...": the hope was not in Myanmar).
// REQUIRES: sv.tree set; anchor_tok a token of the sentence.
std::optional<Location> EventPlace(const SentenceView& sv, const DocContext& ctx, int anchor_tok,
                                   const Gazetteer& g);

}  // namespace faultline

#endif  // FAULTLINE_GEO_EVENT_PLACE_H_
