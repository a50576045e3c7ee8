// The verb-pattern dictionary: CAMEO event patterns anchored on a verb or an
// event noun, read from data/verbs/*.verbs (format: doc/dictionary_format.md).
//
// Immutable after loading; share across threads by const pointer.
#ifndef FAULTLINE_DICT_VERB_DICTIONARY_H_
#define FAULTLINE_DICT_VERB_DICTIONARY_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/string_map.h"
#include "faultline/status.h"

namespace faultline {

class CodeTable;

// One item of a pattern: a set of alternative word sequences, or a slot
// that names an actor by position: the target ('+'), the source ('$') or a
// compound acting on its own members ('%'; the last two from imported
// dialects only).
// In an alternative, other words may stand where this mark is (imported
// TABARI "{ LOUDLY INCLUDED | ... }": "loudly boldly included").
inline constexpr const char* kGap = "";

struct PatternItem {
  bool target = false;
  std::vector<std::vector<std::string>> alternatives;  // lemmas, lower-case; kGap between words allows others
  bool source = false;
  int skip = 0;  // slots: actors passed over before the slot's own ('^')
  bool compound = false;
  // Words that must start right after the verb or the previous item
  // (imported "*_OF": "accused of", not "accused Ukraine of";
  // "SUGGESTED_{ NEVER | DON'T } *": "suggested never", before the verb).
  bool adjacent = false;
  bool slot() const { return target || source || compound; }
};

struct VerbPattern {
  std::string code;              // "0256", or "---" for a blocking pattern
  std::string anchor;            // lemma
  bool stem_anchor = false;      // imported TABARI stem: the anchor begins the words it names ("resum": "resumption")
  bool noun = false;             // anchor is an event noun (/n)
  std::vector<std::string> before;  // ^words, just before the anchor
  // Items before the anchor (and before `before`), in text order; other
  // words may stand between them (TABARI/PETRARCH "HAS &NEGATION *",
  // "+ WAS *"). They are looked for back to the previous punctuation.
  std::vector<PatternItem> pre;
  std::vector<PatternItem> items;
  int specificity = 0;           // number of words; more specific wins
  std::string rule;              // "data/verbs/04_consult.verbs:17"
  std::string text;              // the pattern as written
  bool blocks() const { return code == "---"; }
};

class VerbDictionary {
 public:
  // Reads every *.verbs file in `dir` (sorted) or one file; codes are checked
  // against `codes` when it is given.
  static Result<VerbDictionary> Load(const std::string& path, const CodeTable* codes);
  Status AddText(std::string_view text, const std::string& file_name, const CodeTable* codes);
  // Adds a pattern built by an importer; call Finish() after the last one.
  void AddPattern(VerbPattern pattern) { patterns_.push_back(std::move(pattern)); }
  void Finish();

  // Patterns anchored on `lemma` with the given part of speech, most
  // specific first (ties: file order).
  const std::vector<uint32_t>* PatternsFor(std::string_view lemma, bool noun) const;
  const std::vector<VerbPattern>& patterns() const { return patterns_; }

  // A set of words as 256 bits, one per word by hash.
  struct WordBits {
    uint64_t bits[4] = {0, 0, 0, 0};
    void Add(std::string_view word);
    bool empty() const { return (bits[0] | bits[1] | bits[2] | bits[3]) == 0; }
    // Whether every word of `needed` may be here (no false "no").
    bool MayHoldAll(const WordBits& needed) const {
      return ((needed.bits[0] & ~bits[0]) | (needed.bits[1] & ~bits[1]) | (needed.bits[2] & ~bits[2]) |
              (needed.bits[3] & ~bits[3])) == 0;
    }
    bool MayHoldAny(const WordBits& wanted) const {
      return ((wanted.bits[0] & bits[0]) | (wanted.bits[1] & bits[1]) | (wanted.bits[2] & bits[2]) |
              (wanted.bits[3] & bits[3])) != 0;
    }
  };
  // What pattern `id` must find after its anchor, as word sets: every word
  // of an item of one alternative, and one of the first words of its first
  // item of several (stems aside). A clause whose words cannot give them
  // cannot match: most of an anchor's patterns ("say" has hundreds) are
  // rejected so without reading them.
  struct Needs {
    WordBits all, any;
  };
  const Needs& needs(uint32_t id) const { return needs_[id]; }
  static bool MayMatch(const WordBits& clause, const Needs& n) {
    return clause.MayHoldAll(n.all) && (n.any.empty() || clause.MayHoldAny(n.any));
  }

 private:
  std::vector<VerbPattern> patterns_;
  std::vector<Needs> needs_;  // by pattern id
  StringMap<std::vector<uint32_t>> verbs_, nouns_;
};

}  // namespace faultline

#endif  // FAULTLINE_DICT_VERB_DICTIONARY_H_
