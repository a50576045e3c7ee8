#include "text/lexicon.h"

#include <gtest/gtest.h>

namespace faultline {
namespace {

TEST(LexiconTest, TablesAreSortedForBinarySearch) { EXPECT_TRUE(internal::LexiconTablesSorted()); }

TEST(LexiconTest, ClassifiesAbbreviations) {
  EXPECT_EQ(LookupAbbreviation("Gen"), AbbrevKind::kTitle);
  EXPECT_EQ(LookupAbbreviation("Mr"), AbbrevKind::kTitle);
  EXPECT_EQ(LookupAbbreviation("St"), AbbrevKind::kTitle);
  EXPECT_EQ(LookupAbbreviation("Feb"), AbbrevKind::kMonth);
  EXPECT_EQ(LookupAbbreviation("Jan"), AbbrevKind::kMonth);
  EXPECT_EQ(LookupAbbreviation("No"), AbbrevKind::kBeforeNumber);
  EXPECT_EQ(LookupAbbreviation("Inc"), AbbrevKind::kCanEnd);
  EXPECT_EQ(LookupAbbreviation("etc"), AbbrevKind::kCanEnd);
  EXPECT_EQ(LookupAbbreviation("border"), AbbrevKind::kNone);
  EXPECT_EQ(LookupAbbreviation("lifetimes"), AbbrevKind::kNone);
  EXPECT_EQ(LookupAbbreviation(""), AbbrevKind::kNone);
}

TEST(LexiconTest, HyphenPrefixesFollowTheTreebank) {
  EXPECT_TRUE(IsHyphenPrefix("de"));    // de-escalation
  EXPECT_TRUE(IsHyphenPrefix("e"));     // e-mail
  EXPECT_TRUE(IsHyphenPrefix("Anti"));  // Anti-Israeli
  EXPECT_FALSE(IsHyphenPrefix("build"));   // build - up
  EXPECT_FALSE(IsHyphenPrefix("full"));    // full - scale
  EXPECT_FALSE(IsHyphenPrefix("Russia"));  // Russia - backed
}

TEST(LexiconTest, StartersAndSpeechVerbs) {
  EXPECT_TRUE(IsSentenceStarter("The"));
  EXPECT_TRUE(IsSentenceStarter("He"));
  EXPECT_FALSE(IsSentenceStarter("Secretary"));
  EXPECT_TRUE(IsSpeechVerb("said"));
  EXPECT_FALSE(IsSpeechVerb("sanctions"));
}

}  // namespace
}  // namespace faultline
