// Actor references in a sentence: dictionary hits composed into the noun
// phrases news writes ("British Prime Minister Boris Johnson" -> GBRGOV,
// "Ukrainian government forces" -> UKRMIL, "Moscow's troop" -> RUSMIL), each
// coded for the event date.
#ifndef FAULTLINE_CODE_ACTOR_REFS_H_
#define FAULTLINE_CODE_ACTOR_REFS_H_

#include <string>
#include <vector>

#include "dict/actor_dictionary.h"
#include "match/actor_matcher.h"
#include "match/words.h"

namespace faultline {

struct ActorRef {
  std::string code;        // may be a bare role ("COP") until context fills the country
  uint32_t first_tok = 0;  // token range within the sentence, inclusive
  uint32_t last_tok = 0;
  int32_t head_tok = 0;    // the token the tree sees as the phrase's head
  std::string text;        // surface words
  ActorKind kind = ActorKind::kCountry;  // kind of the phrase that decides the code
  bool place = false;      // a capital used as a place or metonym (weak as a target)
  bool role_only = false;  // only role words: country still to be found
  char gender = 'x';
  std::string rule;        // dictionary lines that produced it
  bool entry_is_name = false;  // a person named in the story, not in the dictionary
  std::string surname;         // for such persons: the last word of the name, lower-case
  uint32_t entry = 0;
};

// The members of a coded compound ("FRO/BIL/SAM": one phrase naming
// several actors, as the peers' dictionaries write it), or the code alone.
std::vector<std::string> CompoundCodes(const std::string& code);

// Composes hits (sorted, non-overlapping) into references. `day` is the
// event-date guess used for persons' roles.
std::vector<ActorRef> ComposeActors(const ActorDictionary& dict, const std::vector<Word>& words,
                                    const std::vector<PhraseHit>& hits, int day);

}  // namespace faultline

#endif  // FAULTLINE_CODE_ACTOR_REFS_H_
