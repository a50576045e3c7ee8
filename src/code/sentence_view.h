// Everything the coder knows about one sentence while coding it, and the
// document context that pronouns and role-only actors are resolved against.
#ifndef FAULTLINE_CODE_SENTENCE_VIEW_H_
#define FAULTLINE_CODE_SENTENCE_VIEW_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clause/tree.h"
#include "code/actor_refs.h"
#include "match/actor_matcher.h"
#include "match/words.h"

namespace faultline {

// An actor seen earlier in the document, for pronoun resolution.
struct Antecedent {
  ActorRef ref;
  uint32_t sentence = 0;
  bool subject = false;  // it was a clause subject (more salient)
};

class DocContext {
 public:
  MatchContext match;                 // entries named so far, day, headline flag
  std::vector<Antecedent> history;    // in document order
  std::map<std::string, int> countries;  // 3-letter country codes seen, weighted
  std::map<std::string, size_t> last_seen;  // country code -> history size when last seen
  std::map<std::string, ActorRef> story_names;  // surname -> person the story introduced

  // Most recent compatible antecedent for a pronoun lemma, or nullptr.
  // Subjects of the current or earlier sentences win over other mentions.
  const ActorRef* ResolvePronoun(const std::string& lemma, uint32_t sentence, uint32_t before_tok) const;
  // The story's main country so far ("" if none): for "police", "protesters".
  std::string MainCountry() const;
  void Remember(const ActorRef& ref, uint32_t sentence, bool subject);
};

struct SentenceView {
  const Document* doc = nullptr;
  const Sentence* sentence = nullptr;
  uint32_t index = 0;           // sentence index in the document
  std::optional<Tree> tree;
  std::vector<Word> words;
  std::vector<ActorRef> refs;
  std::vector<int> ref_at;      // token -> index into refs, -1 if none
  // Members of a surface list may carry their own determiners and
  // adjectives ("Fornost and the evil awful Gondor"), and a subject that
  // closes a list brings the list (the peers' noun phrases,
  // CoderOptions::lists_with_modifiers).
  bool lists_with_modifiers = false;
  // Verb pattern words match words as written, not their lemmas
  // (CoderOptions::pattern_words_as_written).
  bool pattern_words_as_written = false;
};

// The actor a noun phrase headed at `tok` names: a reference covering it, a
// resolved pronoun, or one found among its modifiers ("Russia's demand",
// "the border with Ukraine"). nullptr when none.
const ActorRef* ActorOfPhrase(const SentenceView& sv, const DocContext& ctx, int tok);
// The same, with *found set to the token where the actor was found.
const ActorRef* ActorOfPhraseAt(const SentenceView& sv, const DocContext& ctx, int tok, int* found);
// The same for `tok` and each of its conjuncts ("Britain and Poland").
std::vector<const ActorRef*> ActorsOfPhrase(const SentenceView& sv, const DocContext& ctx, int tok);

// Reference r and the rest of the surface list it opens ("Mordor, Rohan,
// Fornost and Bree", whatever the parser made of it) when a conjunction
// closes the list; else just r (a comma alone may be an apposition).
std::vector<const ActorRef*> SurfaceList(const SentenceView& sv, int r);
// With sv.lists_with_modifiers (the peers' noun phrases), the whole surface
// list r belongs to when r closes it ("Evil Mordor, the awful Fornost, and
// good Gondor" from Gondor, where the parser made the last member the
// subject); else SurfaceList(sv, r). (Measured on the sample corpus, the
// rule in our own coding doubles sources: "U.S. and British warplanes".)
std::vector<const ActorRef*> ListAround(const SentenceView& sv, int r);
// SurfaceList(sv, r) with the references the tree coordinates with r
// ("The Philippines and the European Union"): the members of a compound.
std::vector<const ActorRef*> CompoundMembers(const SentenceView& sv, int r);
// Whether references `left` and `right` (adjacent in sv.refs) are joined by
// one or two of "and", "or", "," (with sv.lists_with_modifiers, followed by
// up to three determiners or lower-case adjectives or nouns).
bool JoinedOnSurface(const SentenceView& sv, int left, int right);

}  // namespace faultline

#endif  // FAULTLINE_CODE_SENTENCE_VIEW_H_
