// WordNet's word lists (Debian's wordnet-base: index.{noun,verb,adj,adv} and
// the morphological exception files {noun,verb,adj,adv}.exc), loaded once and
// shared by the lemmatiser (morphy) and the tagger (word-class features).
//
// The tagger's features want to know, for a word it has not seen often in
// the treebank, which parts of speech the language allows it ("gathering":
// a noun, and an inflected verb; "Risk": a known common noun, so probably
// not a name). WordClasses() answers that from WordNet in a few hash
// lookups; the treebank's 200k words alone cannot.
#ifndef FAULTLINE_TAG_WORDNET_H_
#define FAULTLINE_TAG_WORDNET_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "faultline/status.h"

namespace faultline {

// Bits of WordNet::WordClasses().
enum WordClassBit : uint8_t {
  kWnNoun = 1,        // a noun lemma ("risk")
  kWnVerb = 2,        // a verb lemma ("gather")
  kWnAdj = 4,         // an adjective lemma
  kWnAdv = 8,         // an adverb lemma
  kWnPlural = 16,     // an inflected noun: regular plural of a noun lemma, or noun.exc
  kWnVerbForm = 32,   // an inflected verb: -s/-ed/-ing of a verb lemma, or verb.exc
  kWnGraded = 64,     // comparative/superlative of an adjective lemma, or adj.exc
};

// Immutable after Load; safe to share across threads.
class WordNet {
 public:
  enum Pos { kNoun, kVerb, kAdj, kAdv, kNumPos };

  // `dir` holds index.* and *.exc (default /usr/share/wordnet). NotFound
  // names the missing file.
  static Result<std::shared_ptr<const WordNet>> Load(const std::string& dir);

  bool Known(std::string_view word, Pos pos) const;
  // The exception list's base form for an irregular `word`, or null.
  const std::string* Exception(const std::string& word, Pos pos) const;

  // kWn* bits for a lowercased word (0: WordNet does not know it).
  uint8_t WordClasses(std::string_view lower) const;
  // The same through a per-thread memo of recent words keyed by
  // `lower_hash` (HashBytes(lower)): news repeats its words, and each miss
  // costs several table lookups.
  uint8_t CachedWordClasses(std::string_view lower, uint64_t lower_hash) const;

 private:
  WordNet() = default;
  Status LoadPos(const std::string& dir, Pos pos,
                 std::vector<std::pair<uint64_t, uint8_t>>* classes);
  uint8_t Lookup(std::string_view word) const;

  std::unordered_map<std::string, std::string> exceptions_[kNumPos];
  // HashBytes(word) -> bits of the lemmas and exception forms it is, in an
  // open-addressing table (one cache miss per lookup; the tagger asks
  // several times per word). A 64-bit hash stands for the word: among
  // WordNet's ~160k words a collision is a 1-in-10^9 event.
  struct Slot {
    uint64_t hash;  // 0 = empty
    uint8_t bits;
  };
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  uint64_t serial_ = 0;  // unique per loaded instance: names the memo's owner
};

}  // namespace faultline

#endif  // FAULTLINE_TAG_WORDNET_H_
