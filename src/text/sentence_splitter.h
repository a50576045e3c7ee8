// text/sentence_splitter.h — groups tokens into sentences.
//
// Rules, in order (each is tested in sentence_splitter_test.cc):
//  * A blank line always ends a sentence and starts a new paragraph; so a
//    headline (a line without final punctuation followed by a blank line) is a
//    sentence of its own. A single line break does not end a sentence
//    (wire copy is often hard-wrapped).
//  * A dateline at the start of a paragraph ("KYIV, Feb 3 (Reuters) -",
//    "WASHINGTON (AP) --") is a sentence of its own, so the first real
//    sentence starts with its subject and a parser never sees the dateline
//    as part of the clause.
//  * After . ! ? or "...", closing quotes and brackets that touch the mark
//    stay in the sentence ('lifetimes.”'); the sentence ends unless the next
//    token starts in lower case or is punctuation, or the quote is followed by
//    an attribution ('"Why?" Putin asked.').
//  * An abbreviation's period (kept on the token, "U.S.") ends a sentence only
//    when the abbreviation can end one (U.S., Inc., not Gen. or Mr.) and the
//    next word is a typical sentence opener ("The", "He"): so "U.S. Secretary
//    of State Antony Blinken" stays whole but "from the U.S. The next day"
//    splits. Initials (J. R. R. Tolkien) never end a sentence.
//  * A run longer than max_tokens is cut into pieces of at most max_tokens.
// Stateless; safe to call from any thread on distinct outputs.
#ifndef FAULTLINE_TEXT_SENTENCE_SPLITTER_H_
#define FAULTLINE_TEXT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "faultline/document.h"

namespace faultline {

// Appends the sentences over `tokens` to *sentences. `newlines_before` is the
// per-token line-break count from Tokenize(). REQUIRES: max_tokens >= 1.
void SplitSentences(const std::vector<Token>& tokens, const std::vector<uint8_t>& newlines_before,
                    size_t max_tokens, std::vector<Sentence>* sentences);

}  // namespace faultline

#endif  // FAULTLINE_TEXT_SENTENCE_SPLITTER_H_
