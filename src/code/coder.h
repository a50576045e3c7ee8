// The coder: from an analysed Document (tokens, tags, lemmas, tree) to
// events, quotes and counts.
//
// Per sentence: actor phrases are matched and composed (actor_refs), every
// word with verb patterns is an anchor; the tree gives its source and target
// (subject / passive agent / object / obliques, through conjunctions,
// control and relative clauses, with pronouns resolved against the document
// so far), its status (clause/modality) and its date (dates/).
//
// Thread contract: a Coder is immutable after construction; Code() may be
// called from several threads at once.
#ifndef FAULTLINE_CODE_CODER_H_
#define FAULTLINE_CODE_CODER_H_

#include "base/stage_profile.h"
#include "dict/actor_dictionary.h"
#include "dict/code_table.h"
#include "dict/verb_dictionary.h"
#include "faultline/document.h"
#include "faultline/event.h"

namespace faultline {

class Gazetteer;

// Which words the tagger did not call verbs count as verbs when they have
// verb patterns (the peers find verbs otherwise than our tagger).
enum class SurfaceVerbs {
  kNone,
  // TABARI's rule (it has no tagger): any word (auxiliaries too: TABARI's
  // SHOULD [101]; its roots are stems: "MEET" takes "meeting"), unless an
  // article stands before it (adjectives between: "a new bombing"), it is
  // capitalised inside the sentence or it lies in an actor's phrase
  // ("security forces"). "an anti- Gondor parade", "no sign" are verbs.
  kNoDeterminerBefore,
  // PETRARCH's parses: a noun with no determiner, possessor, modifier or
  // number of its own in the tree ("Estonia act on", "mayor left
  // yesterday"; not "a brief visit", "an anti- Gondor parade").
  kBareNoun,
};

// Codes that stand in for a missing source or target (TABARI's DEFAULT:
// option, read by peers/tabari_default; used when its suite is
// validated). Empty codes: none.
struct DefaultActors {
  std::string source;          // with `source_prior`, the source of an act with no actor before it
  std::string target;          // the target of an act with no other
  bool source_prior = false;   // else such an act's first actor after it is its source
  bool target_after = false;   // also for a compound source (else its members pair up)
  bool any() const { return !source.empty() || !target.empty(); }
};

// TABARI's complexity filter (its COMPLEX: option, read by
// peers/tabari_complex; used when its suite is validated): a sentence TABARI
// would find too complex to code yields no events. Zero or false: that test
// is off (the default: every test off).
struct Complexity {
  int verbs = 0;                // VERBS[n]: n or more verbs (null-coded roots aside)
  int conjunctions = 0;         // CONJ[n]: n or more of and/but/or/nor not joining actors
  bool no_actor_prior = false;  // NOACTPRIOR: no actor before the first verb
  bool any() const { return verbs > 0 || conjunctions > 0 || no_actor_prior; }
};

struct CoderOptions {
  // Emit events whose status is negated or hypothetical too (default: a
  // denied or imagined act is not an event, so they are dropped).
  bool emit_unreal = false;
  // A plural subject's act with no target is each member's on each other,
  // whatever the code (TABARI's and PETRARCH's rule, used when their
  // suites are validated). Off: only mutual roots (04, 05, 06, 19) pair up.
  bool pair_any_compound = false;
  // A role with no country of its own ("officials", "the army") takes only
  // a country its phrase names in the tree ("soldiers from Gondor"), else
  // "---" (the peers' rule, used when their suites are validated). Off: the
  // first state of its sentence, else the story's main country.
  bool attached_role_countries = false;
  // With attached_role_countries, a role with no country of its own is an
  // actor all the same ("---GOV"); off, it names no one (TABARI without
  // SET: CONVERT AGENTS = TRUE: "..., a senior official said").
  bool bare_roles_are_actors = true;
  // Parties the tree leaves open come from the surface, as the peers find
  // them (used when their suites are validated): an act whose clause names
  // no target takes the first actor of another side after the verb, up to
  // the next punctuation or coordinating conjunction, whatever clause it
  // stands in ("Gollum allowed that Mordor isn't a pleasant place" ->
  // Mordor; TABARI: "the first actor after the verb", PETRARCH looks into
  // the verb's complement clause); an act with no source takes the first
  // actor before the verb that is not its target ("Gollum participated in
  // an anti- Gondor parade": PARADE's "ANTI- + *" -> Gollum). Off: a
  // reported clause's subject is its own verb's, not the target; no source,
  // no event.
  bool surface_parties = false;
  // Whether a word with verb patterns that the tagger did not call a verb
  // may be one ("Estonia act on a resolution"); used when the peers' suites
  // are validated. Default: no.
  SurfaceVerbs surface_verbs = SurfaceVerbs::kNone;
  // A word whose form is no regular inflection of its lemma ("left" of
  // "leave", "said") finds the patterns anchored on that form first, when
  // the dictionary has any: the peers find roots by the word as written
  // (TABARI "LEFT_ [032:033]", PETRARCH's LEFT block, beside LEAVE [012]);
  // used when their suites are validated. Off: the lemma first.
  bool irregular_forms_first = false;
  // A verb with a code whose subject names no actor ("he said ...") takes
  // in the clause it reports: PETRARCH2 nests the lower event in the
  // upper verb's, which has no source and so is never coded ("he said
  // government proposed to take up the issue with the World Bank":
  // nothing). Used when PETRARCH's suite is validated. Off: the reported
  // clause codes its own event.
  bool sourceless_verbs_nest = false;
  // The words of a verb pattern other than its verb match words as written
  // ("* EFFORT" not "efforts", "* RESOLUTION" not "resolutions"), as
  // PETRARCH matches its parse's words; used when its suite is validated.
  // Off: a word's lemma or form.
  bool pattern_words_as_written = false;
  DefaultActors defaults;
  Complexity complexity;
  // PETRARCH's new_actor_length (validation only; 0: off): a subject,
  // object or oblique noun phrase that names no actor, of at most this many
  // words, is an actor coded by its own text (code/new_actors.h).
  size_t new_actor_length = 0;
  // The source of an act is the first actor before its verb, whatever the
  // tree says (a clause opened by a conjunction starts afresh when an actor
  // follows the conjunction), and its target the first actor of another
  // side after the verb up to punctuation or a conjunction, unless the
  // source stands there (a passive's agent): TABARI's rules, used when its
  // suite is validated ("Elrond, brushed aside reports ... that Calimehtar
  // attacked Gandalf" -> ELF attacked; "called for the Group of 77 to
  // support its position against Mordor" -> G77 only). Off: the tree's.
  bool first_actor_source = false;
  // Members of a subject or object list may carry their own determiners
  // and adjectives ("Evil Mordor, the awful Fornost, and good Gondor"), and
  // a subject that closes a list brings the whole list, as the peers' noun
  // phrases do; used when their suites are validated. Off: only "and",
  // "or" and commas join a list, from its first member on (measured on the
  // sample corpus: the looser rules join more than lists in news text).
  bool lists_with_modifiers = false;
  // Places events where the story says (geo/event_place.h); none if null.
  const Gazetteer* gazetteer = nullptr;
  // Time per coder stage goes here when set (`faultline code --profile`);
  // null (the default) costs one branch per lap and reads no clock.
  StageProfile* profile = nullptr;
};

class Coder {
 public:
  Coder(const ActorDictionary* actors, const VerbDictionary* verbs, const CodeTable* codes,
        CoderOptions options = {})
      : actors_(actors), verbs_(verbs), codes_(codes), options_(options) {}

  // REQUIRES: doc segmented, tagged, lemmatised and parsed; doc.date valid.
  CodedDocument Code(const Document& doc) const;

 private:
  const ActorDictionary* actors_;
  const VerbDictionary* verbs_;
  const CodeTable* codes_;
  CoderOptions options_;
};

}  // namespace faultline

#endif  // FAULTLINE_CODE_CODER_H_
