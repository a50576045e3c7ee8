// text/lexicon.h — the small closed word lists the tokenizer and the
// sentence splitter consult: abbreviations, hyphen prefixes that EWT keeps
// attached, words that typically start a sentence, speech verbs.
// Immutable static tables; safe from any thread.
#ifndef FAULTLINE_TEXT_LEXICON_H_
#define FAULTLINE_TEXT_LEXICON_H_

#include <string_view>

namespace faultline {

// How an abbreviation's period behaves at a possible sentence end.
enum class AbbrevKind {
  kNone,      // not an abbreviation: the period is a token of its own
  kTitle,     // precedes a name and never ends a sentence (Mr., Gen., St., Sen.)
  kBeforeNumber,  // keeps its period only before a number (No. 1, Nos. 3)
  kMonth,     // Feb. 3: never ends a sentence before a number
  kCanEnd,    // may end a sentence (U.S., Inc., Jr., etc., a.m.)
};

// `word` is the token text without its final period ("Gen", "Feb", "Inc").
AbbrevKind LookupAbbreviation(std::string_view word);

// True for prefixes that EWT keeps attached to the rest of a hyphenated word
// (e-mail, non-stop, anti-war, de-escalation, co-workers). Case-insensitive.
bool IsHyphenPrefix(std::string_view word);

// True for capitalised closed-class words that typically start a sentence
// ("The", "He", "But", "In"): after an abbreviation that can end a sentence,
// such a word means the sentence did end ("from the U.S. The next day").
bool IsSentenceStarter(std::string_view word);

// True for reporting verbs ("said", "asked"): '"Why?" Putin asked.' is one
// sentence, not two.
bool IsSpeechVerb(std::string_view word);

namespace internal {
bool LexiconTablesSorted();  // for lexicon_test.cc
}  // namespace internal

}  // namespace faultline

#endif  // FAULTLINE_TEXT_LEXICON_H_
