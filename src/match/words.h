// A sentence seen as words: tokens joined across intra-word hyphens
// ("build - up" -> "build-up", "Russia - backed" -> "Russia-backed"), because
// the treebank tokenisation splits hyphens but dictionaries name whole words.
#ifndef FAULTLINE_MATCH_WORDS_H_
#define FAULTLINE_MATCH_WORDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/ascii.h"
#include "faultline/document.h"

namespace faultline {

struct Word {
  uint32_t first = 0;  // token indices within the sentence, inclusive
  uint32_t last = 0;
  std::string key;     // lower-case normalised form ("build-up", "'s")
  std::string lemma;   // lower-case lemma of the whole word
  std::string surface; // normalised form with its case ("Moscow")
  int32_t head = 0;    // the token of the word whose head lies outside it
};

// Fills *words for sentence `s` of `doc` (cleared first).
void BuildWords(const Document& doc, const Sentence& s, std::vector<Word>* words);


}  // namespace faultline

#endif  // FAULTLINE_MATCH_WORDS_H_
