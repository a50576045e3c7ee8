#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/normalize.h"
#include "text/utf8.h"

namespace faultline {
namespace {

// Forms joined by '|'.
std::string Forms(const std::string& text) {
  std::vector<Token> tokens;
  std::vector<uint8_t> newlines;
  Tokenize(text, &tokens, &newlines);
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += '|';
    out += t.form;
  }
  return out;
}

struct Case {
  const char* text;
  const char* forms;
};

TEST(TokenizerTest, SplitsLikeTheTreebank) {
  const Case cases[] = {
      // Clitics, with straight and curly apostrophes.
      {"Moscow's troop build-up", "Moscow|'s|troop|build|-|up"},
      {"commitment to Ukraine’s sovereignty", "commitment|to|Ukraine|'s|sovereignty"},
      {"it's not going to be easy", "it|'s|not|going|to|be|easy"},
      {"We don't, can't and won't", "We|do|n't|,|ca|n't|and|wo|n't"},
      {"they’re, we've, I'll, she'd, I'm", "they|'re|,|we|'ve|,|I|'ll|,|she|'d|,|I|'m"},
      {"DON'T", "DO|N'T"},
      {"the countries' leaders", "the|countries|'|leaders"},
      {"O'Brien said", "O'Brien|said"},
      {"I cannot say", "I|can|not|say"},
      // Hyphens: EWT splits compounds but keeps prefixes and number codes.
      {"Russia-backed separatists", "Russia|-|backed|separatists"},
      {"a full-scale war", "a|full|-|scale|war"},
      {"the immediate de-escalation", "the|immediate|de-escalation"},
      {"an e-mail to co-workers", "an|e-mail|to|co-workers"},
      {"call 713-853-3989 now", "call|713-853-3989|now"},
      {"U.S.-led talks", "U.S.|-|led|talks"},
      // Numbers.
      {"more than 100,000 Russian troops", "more|than|100,000|Russian|troops"},
      {"killed more than 13,200 people", "killed|more|than|13,200|people"},
      {"grew 3.5 percent.", "grew|3.5|percent|."},
      {"rose 3.5.", "rose|3.5|."},
      {"cost $5 or $4.5 million", "cost|$|5|or|$|4.5|million"},
      {"about 40% of 1,2,3", "about|40|%|of|1|,|2|,|3"},
      {"on 9/11 at 10:30", "on|9/11|at|10:30"},
      {"fell to -6,363,217 in '68", "fell|to|-6,363,217|in|'68"},
      // Abbreviations and initials keep their period.
      {"U.S. Secretary of State Antony Blinken", "U.S.|Secretary|of|State|Antony|Blinken"},
      {"Gen. Milley met Mr. Smith on Feb. 3", "Gen.|Milley|met|Mr.|Smith|on|Feb.|3"},
      {"St. Petersburg Inc. No. 1", "St.|Petersburg|Inc.|No.|1"},
      {"J. R. R. Tolkien", "J.|R.|R.|Tolkien"},
      {"e.g. this, i.e. that", "e.g.|this|,|i.e.|that"},
      {"said no. Then", "said|no|.|Then"},
      {"So do I.", "So|do|I|."},
      {"the border.", "the|border|."},
      // Punctuation and quotes.
      {"\"in our lifetimes.”", "\"|in|our|lifetimes|.|\""},
      {"“the moment”", "\"|the|moment|\""},
      {"(Reuters) - Wait...", "(|Reuters|)|-|Wait|..."},
      {"Really?! Yes!!", "Really|?!|Yes|!!"},
      {"war — or peace", "war|--|or|peace"},
      {"wait… what", "wait|...|what"},
      {"etc...", "etc|..."},
      {"*****", "*****"},
      // URLs and e-mail addresses are one token; trailing punctuation is not.
      {"see https://example.org/a?b=1.", "see|https://example.org/a?b=1|."},
      {"(www.reuters.com)", "(|www.reuters.com|)"},
      {"mail press@example.org, today", "mail|press@example.org|,|today"},
      // Non-ASCII words and normalised forms.
      {"Zelenskiy’s café", "Zelenskiy|'s|café"},
      {"100\xC2\xA0km", "100|km"},
      {"non\xC2\xADstop", "nonstop"},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Forms(c.text), c.forms) << c.text;
}

TEST(TokenizerTest, OffsetsSliceTheOriginalBytes) {
  const std::string text =
      "Blinken “emphasized that further invasion of Ukraine by Russia would be met,\" "
      "Ukraine’s\xC2\xA0" "forces — 13,200 — can't… de-escalate.";
  ASSERT_TRUE(ValidateUtf8(text).ok());
  std::vector<Token> tokens;
  std::vector<uint8_t> newlines;
  Tokenize(text, &tokens, &newlines);
  ASSERT_EQ(tokens.size(), newlines.size());
  uint32_t last_end = 0;
  for (const Token& t : tokens) {
    ASSERT_LE(last_end, t.begin);
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    const std::string original = text.substr(t.begin, t.end - t.begin);
    EXPECT_TRUE(ValidateUtf8(original).ok()) << original;  // never splits a code point
    EXPECT_EQ(Normalize(original), t.form);
    last_end = t.end;
  }
  // "’s" keeps its curly original but has a straight form.
  bool found = false;
  for (const Token& t : tokens) {
    if (t.form == "'s") {
      EXPECT_EQ(text.substr(t.begin, t.end - t.begin), "’s");
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST(TokenizerTest, SpaceAfterAndLineBreaks) {
  const std::string text = "He said: \"No.\"\nThen\n\n\r\nNext";
  std::vector<Token> tokens;
  std::vector<uint8_t> newlines;
  Tokenize(text, &tokens, &newlines);
  ASSERT_EQ(tokens.size(), 9u);  // He said : " No . " Then Next
  EXPECT_TRUE(tokens[0].space_after);
  EXPECT_FALSE(tokens[1].space_after);  // said:
  EXPECT_TRUE(tokens[2].space_after);
  EXPECT_FALSE(tokens[3].space_after);  // "No
  EXPECT_FALSE(tokens[5].space_after);  // ."
  EXPECT_EQ(newlines[7], 1);            // Then: one line break
  EXPECT_EQ(newlines[8], 2);            // Next: a blank line (capped at 2)
  EXPECT_FALSE(tokens[8].space_after);  // end of text
}

}  // namespace
}  // namespace faultline
