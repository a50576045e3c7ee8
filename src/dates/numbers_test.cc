#include "dates/numbers.h"

#include <gtest/gtest.h>

#include "dates/test_tokens.h"

namespace faultline {
namespace {

TEST(ParseNumeralTest, SeparatorsAndDecimals) {
  EXPECT_EQ(ParseNumeral("100,000"), 100000);
  EXPECT_EQ(ParseNumeral("13,200"), 13200);
  EXPECT_EQ(ParseNumeral("1,234,567"), 1234567);
  EXPECT_EQ(ParseNumeral("1.5"), 1.5);
  EXPECT_EQ(ParseNumeral("2014"), 2014);
  EXPECT_FALSE(ParseNumeral("1,00"));
  EXPECT_FALSE(ParseNumeral("1,0000"));
  EXPECT_FALSE(ParseNumeral("1234,567"));
  EXPECT_FALSE(ParseNumeral("2-1"));
  EXPECT_FALSE(ParseNumeral("62-year-old"));
  EXPECT_FALSE(ParseNumeral("1."));
  EXPECT_FALSE(ParseNumeral("troops"));
  EXPECT_FALSE(ParseNumeral(""));
}

TEST(CardinalWordTest, Words) {
  EXPECT_EQ(CardinalWordValue("eight"), 8);
  EXPECT_EQ(CardinalWordValue("nineteen"), 19);
  EXPECT_EQ(CardinalWordValue("twenty-five"), 25);
  EXPECT_EQ(CardinalWordValue("ninety"), 90);
  EXPECT_FALSE(CardinalWordValue("eighth"));
  EXPECT_FALSE(CardinalWordValue("ten-five"));
  EXPECT_FALSE(CardinalWordValue("twenty-"));
}

struct NumberRow {
  const char* text;
  double value;
  uint32_t tokens;  // tokens the number spans from token 0
};

TEST(MatchNumberTest, Phrases) {
  const NumberRow rows[] = {
      {"1.5 million people", 1.5e6, 2},
      {"2 billion dollars", 2e9, 2},
      {"two hundred and fifty troops", 250, 4},
      {"three thousand four hundred", 3400, 4},
      {"twenty-five tanks", 25, 3},  // split like the real tokenizer
      {"twenty - five tanks", 25, 3},
      {"a dozen drones", 12, 2},
      {"two dozen drones", 24, 2},
      {"a hundred people", 100, 2},
      {"a million refugees", 1e6, 2},
      {"eight years ago", 8, 1},
      {"100,000 troops", 100000, 1},
  };
  for (const NumberRow& row : rows) {
    Document doc = testutil::MakeDoc(row.text);
    auto m = MatchNumber(doc.tokens.data(), static_cast<uint32_t>(doc.tokens.size()), 0);
    ASSERT_TRUE(m.has_value()) << row.text;
    EXPECT_DOUBLE_EQ(m->value, row.value) << row.text;
    EXPECT_EQ(m->end, row.tokens) << row.text;
  }
}

// Every cardinal word starts a number, in any case: MatchNumber turns most
// words away by their first letter, which must let all of these through.
TEST(MatchNumberTest, EveryCardinalWordInAnyCase) {
  const char* words[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                         "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                         "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
                         "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (int i = 0; i < 28; ++i) {
    std::string lower = words[i], capital = lower, upper = lower;
    capital[0] = static_cast<char>(capital[0] - 32);
    for (char& c : upper) c = static_cast<char>(c - 32);
    const double value = i < 20 ? i : 20 + 10 * (i - 20);
    for (const std::string& w : {lower, capital, upper}) {
      Document doc = testutil::MakeDoc(w + " soldiers");
      auto m = MatchNumber(doc.tokens.data(), static_cast<uint32_t>(doc.tokens.size()), 0);
      ASSERT_TRUE(m.has_value()) << w;
      EXPECT_EQ(m->value, value) << w;
    }
  }
  // Articles in capitals too ("A dozen", "AN hundred"); not before a non-number.
  const NumberRow articles[] = {{"A dozen drones", 12, 2}, {"AN hundred men", 100, 2}};
  for (const NumberRow& row : articles) {
    Document doc = testutil::MakeDoc(row.text);
    auto m = MatchNumber(doc.tokens.data(), static_cast<uint32_t>(doc.tokens.size()), 0);
    ASSERT_TRUE(m.has_value()) << row.text;
    EXPECT_EQ(m->value, row.value) << row.text;
    EXPECT_EQ(m->end, row.tokens) << row.text;
  }
}

TEST(MatchNumberTest, HyphenatedWordKeptWhole) {
  Document doc = testutil::MakeDoc("twenty-five tanks", "2022-02-03", testutil::HyphenStyle::kKeep);
  ASSERT_EQ(doc.tokens.size(), 2u);
  auto m = MatchNumber(doc.tokens.data(), 2, 0);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->value, 25);
  EXPECT_EQ(m->end, 1u);
}

TEST(MatchNumberTest, NotNumbers) {
  for (const char* text : {"a troop", "and two", "hundred", "the army", "an"}) {
    Document doc = testutil::MakeDoc(text);
    EXPECT_FALSE(MatchNumber(doc.tokens.data(), static_cast<uint32_t>(doc.tokens.size()), 0))
        << text;
  }
}

}  // namespace
}  // namespace faultline
