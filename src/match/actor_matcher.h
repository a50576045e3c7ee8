// Finds actor phrases of the dictionary in a sentence's words: longest match
// first, left to right, honouring each phrase's case rule and the document
// context (anaphors and bare surnames only after their entry was named).
#ifndef FAULTLINE_MATCH_ACTOR_MATCHER_H_
#define FAULTLINE_MATCH_ACTOR_MATCHER_H_

#include <unordered_set>
#include <vector>

#include "dict/actor_dictionary.h"
#include "match/words.h"

namespace faultline {

struct PhraseHit {
  uint32_t first_word = 0;  // inclusive word range
  uint32_t last_word = 0;
  uint32_t entry = 0;       // ActorDictionary::entries() index
  uint32_t phrase = 0;      // ActorDictionary::phrases() index
};

// What the matcher needs to know about the document so far.
struct MatchContext {
  std::unordered_set<uint32_t> named;  // entries named in full earlier in the document
  int day = 0;                         // event-date guess (days since epoch) for surname checks
  bool all_caps = false;               // the sentence is an all-capitals headline
};

std::vector<PhraseHit> MatchActors(const ActorDictionary& dict, const std::vector<Word>& words,
                                   const MatchContext& ctx);

}  // namespace faultline

#endif  // FAULTLINE_MATCH_ACTOR_MATCHER_H_
