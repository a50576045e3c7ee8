// The PEERS stage: readers for the dictionary dialects of TABARI and
// PETRARCH (actors, agents, verbs with synsets, discards) that convert their
// entries into faultline's own structures (ActorEntry, VerbPattern), so that
// imported and own entries are compiled into the same matchers
// (doc/peer_dictionaries.md says what is supported and what is approximated).
//
// Reading never stops at a bad line: the line is reported as "file:line: why"
// in PeerDictionaries::warnings and skipped; the rest of the file loads.
#ifndef FAULTLINE_PEERS_PEER_DICT_H_
#define FAULTLINE_PEERS_PEER_DICT_H_

#include <climits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dict/actor_dictionary.h"
#include "dict/code_table.h"
#include "dict/verb_dictionary.h"
#include "base/iso_date.h"
#include "faultline/status.h"

namespace faultline::peers {

enum class Dialect { kTabari, kPetrarch };

// One code of an actor, optionally restricted to a date interval (days since
// 1970-01-01, inclusive).
struct PeerCode {
  std::string code;
  int from = INT_MIN;
  int to = INT_MAX;
  bool dated() const { return from != INT_MIN || to != INT_MAX; }
};

// A phrase as the peer wrote it: upper-case words; `stem` when the last word
// had no trailing '_' (TABARI matches it as a prefix).
struct PeerPhrase {
  std::vector<std::string> words;  // lower-case
  bool stem = false;
  bool no_endings = false;  // a trailing '=' (TABARI): not even the regular endings ("LIBYA_" takes "Libyas")
  std::vector<bool> apart;  // per word: written after a blank, not '_' (other words may stand before it)
};

struct PeerActor {
  std::vector<PeerPhrase> phrases;  // primary first, then synonyms
  std::vector<PeerCode> codes;      // in file order; the first covering the date wins
  std::string rule;                 // "file:line"
};

struct PeerAgent {
  std::vector<PeerPhrase> phrases;  // singular and plural forms
  std::string code;                 // "GOV" (from "~GOV" or "GOV~")
  bool prefix = false;              // "NGO~": prepended to the actor's code
  std::string rule;
};

// A verb pattern in our terms: the anchor lemma, words that must stand just
// before it, items after it (words, alternatives, '+' target).
struct PeerPattern {
  std::string anchor;
  std::vector<std::string> before;
  std::vector<PatternItem> pre;  // items before the verb, gaps allowed
  std::vector<PatternItem> items;
  std::string code;    // first code ("032" of "032:033"); "---" blocks
  std::string code2;   // second code of "a:b" (the reverse direction), or ""
  bool subordinate = false;  // "?" suffix: coded only when nothing else codes
  bool dominant = false;     // "!" suffix (TABARI): when one codes, only dominant events are coded
  int dropped_words = 0;     // -1 marks the bare verb
  bool stem_anchor = false;  // TABARI stem root: `anchor` begins the words it names ("RESUM")
  std::string rule, text;
};

struct PeerDiscard {
  std::vector<std::string> words;  // upper-case
  bool whole_word = false;         // trailing '_': the last word must match whole
  bool story = false;              // '+': the whole story is dropped
  std::vector<PeerCode> codes;     // an actor's codes, one [###]/[+++]: discards on the days that one holds
  std::string rule;
};

struct PeerDictionaries {
  std::vector<PeerActor> actors;
  std::vector<PeerAgent> agents;
  std::vector<PeerPattern> patterns;
  std::vector<PeerDiscard> discards;
  std::vector<std::string> warnings;  // "file:line: why" for every skipped line
  std::unordered_set<std::string> codes;  // every event code the verbs use
  std::unordered_set<std::string> agent_codes, actor_codes;
  size_t verbs = 0, synsets = 0;

  // Readers; `file` names the source in rules and warnings.
  void ReadActors(std::string_view text, const std::string& file);
  void ReadAgents(std::string_view text, const std::string& file);
  void ReadVerbs(std::string_view text, const std::string& file, Dialect dialect);
  void ReadDiscards(std::string_view text, const std::string& file);
  // TABARI actors coded [###] (discard) or [+++] (complex) become sentence
  // discards: a record naming them is not coded. With no date restriction
  // the actor goes; a dated one ("ONODOHER [ONO <911226] [###]") is kept
  // for its other dates and discards only on the days the code holds.
  void SpecialActorsToDiscards();
  // Actor phrases whose words are apart by a blank let other words stand
  // between them ("ITHILEN TELEVISION": "Ithilen state-run television");
  // our matcher takes consecutive words, so each such stretch found in
  // `texts` (up to three words between) becomes a phrase of its own.
  void AddSpellingsApart(const std::vector<std::string>& texts);

  // Reads a file by kind ("actors", "agents", "verbs", "discards").
  Status ReadFile(const std::string& path, const std::string& kind, Dialect dialect);

  // Adds everything to our dictionaries. `vocabulary` (lower-case words of
  // the text to be coded, may be empty) lets TABARI stems ("ARGENTIN") match
  // the words that start with them, as TABARI's prefix matching does.
  // `foreign` puts the verbs' event codes in a namespace of their own
  // (kForeignMark + code): the suites' WEIS-style and test codes must not
  // take on the CAMEO-specific behaviour of the coder (041 is CAMEO's
  // reciprocal phone call, WEIS's praise). ForeignToPeer() undoes it.
  Status Install(ActorDictionary* actors, VerbDictionary* verbs, CodeTable* codes,
                 const std::unordered_set<std::string>& vocabulary = {}, bool foreign = false) const;

  // True when a discard phrase occurs in `text` (case-insensitive word
  // sequence); *story says whether it is a story-level discard; *rule names it.
  // Dated discards count only when `day` (days since the epoch) is given
  // and within their dates.
  bool Discarded(std::string_view text, bool* story, std::string* rule, const int* day = nullptr) const;
};

inline constexpr char kForeignMark = '!';

// The lower-case words of a record's text as the readers see them
// (letters, digits, '-' and '\'': "state-run"), for the vocabulary the
// suites' stems and spellings are expanded against.
std::vector<std::string> TextWords(std::string_view text);
inline std::string ForeignToPeer(const std::string& code) {
  return !code.empty() && code[0] == kForeignMark ? code.substr(1) : code;
}

// Actor codes as the peers compose them: a 3-letter block already present is
// not repeated ("USAGOV" + "GOV" -> "USAGOV"), and a prefix agent ("NGO~")
// goes in front ("ARN" + "NGO" -> "NGOARN").
std::string PeerActorCode(const std::string& code, const std::unordered_set<std::string>& prefix_agents);

// "950101" / "19950101" -> days since 1970-01-01 (two-digit years <= 30 are
// 20YY). False when it is not a real date.
bool PeerDateToDays(std::string_view s, int* days);
// "950101" / "19950101" -> "1995-01-01"; empty when it is not a date.
inline std::string PeerDateToIso(std::string_view s) { return CompactDateToIso(s); }

// Reads a whole file into *out.
Status ReadWholeFile(const std::string& path, std::string* out);

}  // namespace faultline::peers

#endif  // FAULTLINE_PEERS_PEER_DICT_H_
