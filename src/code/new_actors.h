// New actors from noun phrases (PETRARCH's `new_actor_length` option, used
// when its suite is validated): a subject, object or oblique noun phrase
// that names no actor of the dictionaries, of at most `max_words` words,
// becomes an actor whose code is its own text in capitals and quotes
// ("Gryffindor's head Minerva McGonagall" -> "GRYFFINDOR HEAD MINERVA
// MCGONAGALL"), as PETRARCH extracts one from a noun phrase of its parse
// when no actor or agent gives a code.
#ifndef FAULTLINE_CODE_NEW_ACTORS_H_
#define FAULTLINE_CODE_NEW_ACTORS_H_

#include <cstddef>

#include "code/sentence_view.h"

namespace faultline {

// Adds such phrases to sv->refs (kept in token order). Needs the tree.
void AddNewActors(size_t max_words, SentenceView* sv);

}  // namespace faultline

#endif  // FAULTLINE_CODE_NEW_ACTORS_H_
