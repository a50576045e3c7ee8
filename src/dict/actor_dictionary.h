// The actor dictionary: states, seats of power, organisations, groups, agent
// roles and persons with dated roles, read from data/actors/*.actors (format:
// doc/dictionary_format.md) and compiled into a phrase index.
//
// Immutable after loading; share one instance across threads by const pointer.
#ifndef FAULTLINE_DICT_ACTOR_DICTIONARY_H_
#define FAULTLINE_DICT_ACTOR_DICTIONARY_H_

#include <climits>
#include <string>
#include <string_view>
#include <vector>

#include "base/string_map.h"
#include "faultline/status.h"

namespace faultline {

enum class ActorKind { kCountry, kDemonym, kCapital, kSeat, kRegion, kOrg, kGroup, kAgent, kPerson };

struct RoleSpell {
  std::string code;          // "GBRGOV"
  int from = INT_MIN;        // days since 1970-01-01, inclusive
  int to = INT_MAX;
  std::vector<std::string> titles;  // lower-case, "prime minister"
};

struct ActorEntry {
  ActorKind kind = ActorKind::kCountry;
  std::string code;          // empty for persons (their code comes from roles)
  std::string name;          // first phrase, for display
  char gender = 'x';         // persons: m, f, x
  std::vector<RoleSpell> roles;
  std::string rule;          // "data/actors/people.actors:12"

  // The code this entry has on a day (days since epoch). Persons: the role
  // valid that day; outside every role, the country of the latest earlier
  // role (an ex-minister is still GBR, never GBRGOV). Empty if none.
  std::string CodeOn(int day) const;
  // Titles valid on a day (persons only).
  const RoleSpell* RoleOn(int day) const;
};

// How a phrase must match the case of the text (doc/dictionary_format.md).
enum class CaseRule : uint8_t { kAny, kCapitalised, kExact };

struct ActorPhrase {
  std::vector<std::string> words;   // lower-case words ("people", "'s", "republic")
  std::vector<std::string> exact;   // original spelling, for kExact
  CaseRule case_rule = CaseRule::kAny;
  uint32_t entry = 0;               // index into entries()
  bool anaphor = false;             // only after the entry is mentioned in the document
  bool surname = false;             // persons: the surname alone
};

class ActorDictionary {
 public:
  // Reads every *.actors file in `dir` (sorted by name) or one file.
  static Result<ActorDictionary> Load(const std::string& path);
  // Parses one file's text (for tests and for imported dialects).
  Status AddText(std::string_view text, const std::string& file_name);
  // Adds an entry built by an importer (TABARI/PETRARCH readers): `names`
  // are its phrases, `anaphors` phrases valid only after it was named.
  // Call Finish() after the last addition. Returns the entry's index.
  uint32_t AddEntry(ActorEntry entry, const std::vector<std::string>& names,
                    const std::vector<std::string>& anaphors = {});

  const std::vector<ActorEntry>& entries() const { return entries_; }
  const std::vector<ActorPhrase>& phrases() const { return phrases_; }
  // Phrases whose first word is `word` (lower-case), longest first.
  const std::vector<uint32_t>* PhrasesStartingWith(std::string_view word) const;
  // Agent entries keyed by their role code ("MIL").
  size_t CountKind(ActorKind kind) const;
  size_t CountRoles() const;

  void Finish();  // sorts the index; called by Load (and by tests after AddText)

 private:
  void AddPhrase(uint32_t entry, std::string_view phrase, bool anaphor, bool surname);
  void AddSurnames(uint32_t entry, const std::string& full_name);
  std::vector<ActorEntry> entries_;
  std::vector<ActorPhrase> phrases_;
  StringMap<std::vector<uint32_t>> by_first_word_;
};

// Splits a dictionary phrase into lower-case words the way the tokenizer
// splits text: on spaces, with the clitic "'s" apart; curly apostrophes
// straightened. Hyphenated words stay whole (the matcher joins hyphenated
// tokens of the text into one word, too).
std::vector<std::string> PhraseWords(std::string_view phrase, bool lower);

// The forms a surname takes alone: itself, and without an Arabic article
// ("al-Assad" -> "Assad").
std::vector<std::string> SurnameForms(const std::string& surname);

}  // namespace faultline

#endif  // FAULTLINE_DICT_ACTOR_DICTIONARY_H_
