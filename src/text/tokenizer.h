// text/tokenizer.h — treebank-style tokenisation (UD English EWT convention).
//
// Splits clitics ('s n't 're 've 'll 'd 'm, also with curly apostrophes:
// "Ukraine’s" -> Ukraine + ’s; "can't" -> ca + n't), splits hyphenated words
// except after the prefixes EWT keeps (build - up, but de-escalation),
// separates punctuation and currency signs, and keeps numbers (100,000 3.5),
// abbreviations with their period (U.S. Gen. Feb.), URLs and e-mail addresses
// whole. Token::begin/end are byte offsets into the original text; Token::form
// is the normalised spelling (normalize.h).
//
// One pass over the bytes; no allocation per character. Stateless; safe to
// call from any thread on distinct outputs.
#ifndef FAULTLINE_TEXT_TOKENIZER_H_
#define FAULTLINE_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "faultline/document.h"

namespace faultline {

// A token before its form is made: 12 bytes instead of sizeof(Token).
struct TokenSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint8_t newlines_before = 0;  // line breaks before the token, capped at 2
  bool space_after = true;
  bool ascii = false;  // all bytes < 0x80: the form is the original spelling
};

// Appends the token spans of `text` to *spans (the scanning pass).
// REQUIRES: as for Tokenize.
void ScanTokens(std::string_view text, std::vector<TokenSpan>* spans);

// Replaces *tokens with one Token per span (offsets, normalised form,
// space_after) and *newlines_before with their line-break counts. Tokens
// already there are reused (their strings keep their buffers).
void MakeTokens(std::string_view text, const std::vector<TokenSpan>& spans,
                std::vector<Token>* tokens, std::vector<uint8_t>* newlines_before);

// ScanTokens + MakeTokens. Replaces *tokens with the tokens of `text` and
// *newlines_before with, for each, the number of line breaks in the
// whitespace before it, capped at 2 (2 = a blank line, i.e. a paragraph
// break). Sets Token::space_after. REQUIRES: text is valid UTF-8 without NUL
// bytes (see ValidateUtf8) and shorter than 4 GiB.
void Tokenize(std::string_view text, std::vector<Token>* tokens,
              std::vector<uint8_t>* newlines_before);

}  // namespace faultline

#endif  // FAULTLINE_TEXT_TOKENIZER_H_
