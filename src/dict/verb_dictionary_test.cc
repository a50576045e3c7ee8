#include "dict/verb_dictionary.h"

#include <gtest/gtest.h>

#include "dict/code_table.h"

namespace faultline {
namespace {

class VerbDictionaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto t = CodeTable::Load("data/cameo_codes.tsv");
    ASSERT_TRUE(t.ok()) << t.status().message();
    codes_ = std::move(t).value();
  }
  CodeTable codes_;
};

TEST_F(VerbDictionaryTest, CodeTableHasRootsQuadsWeights) {
  const CodeInfo* c = codes_.Find("0256");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->root, "02");
  EXPECT_EQ(c->quad_class, 1);
  const CodeInfo* attack = codes_.Find("190");
  ASSERT_NE(attack, nullptr);
  EXPECT_EQ(attack->quad_class, 4);
  EXPECT_LT(attack->goldstein, -9);
  // A 1.1b3 addition without a GDELT weight takes its parent's.
  EXPECT_EQ(codes_.Find("1213")->goldstein, codes_.Find("121")->goldstein);
  EXPECT_GE(codes_.size(), 300u);
}

TEST_F(VerbDictionaryTest, ParsesPatterns) {
  VerbDictionary d;
  ASSERT_TRUE(d.AddText("042 visit\n"
                        "0256 urge + to {step back|de-escalate}\n"
                        "154 build-up/n\n"
                        "--- call for\n"
                        "011 ^no comment/n\n",
                        "t.verbs", &codes_)
                  .ok());
  d.Finish();
  const auto* urge = d.PatternsFor("urge", false);
  ASSERT_NE(urge, nullptr);
  const VerbPattern& p = d.patterns()[(*urge)[0]];
  EXPECT_EQ(p.code, "0256");
  ASSERT_EQ(p.items.size(), 3u);
  EXPECT_TRUE(p.items[0].target);
  EXPECT_EQ(p.items[2].alternatives.size(), 2u);
  EXPECT_EQ(p.items[2].alternatives[0], (std::vector<std::string>{"step", "back"}));
  EXPECT_EQ(p.rule, "t.verbs:2");
  ASSERT_NE(d.PatternsFor("build-up", true), nullptr);
  EXPECT_EQ(d.PatternsFor("build-up", false), nullptr);
  EXPECT_TRUE(d.patterns()[(*d.PatternsFor("call", false))[0]].blocks());
  EXPECT_EQ(d.patterns()[(*d.PatternsFor("comment", true))[0]].before, (std::vector<std::string>{"no"}));
}

TEST_F(VerbDictionaryTest, MoreSpecificPatternsComeFirst) {
  VerbDictionary d;
  ASSERT_TRUE(d.AddText("040 talk\n041 talk by phone\n", "t", &codes_).ok());
  d.Finish();
  EXPECT_EQ(d.patterns()[(*d.PatternsFor("talk", false))[0]].code, "041");
}

// The prefilter MatchAnchor uses: a pattern needs the bit of each word it
// must find after its anchor, and nothing for slots and alternatives.
TEST_F(VerbDictionaryTest, NeedsHoldTheRequiredWordsOnly) {
  VerbDictionary d;
  ASSERT_TRUE(d.AddText("0256 urge + to {step back|de-escalate}\n"
                        "036 express willingness to meet\n"
                        "042 visit\n",
                        "t.verbs", &codes_)
                  .ok());
  d.Finish();
  auto needs = [&](const char* lemma) { return d.needs((*d.PatternsFor(lemma, false))[0]); };
  auto words = [](std::initializer_list<const char*> ws) {
    VerbDictionary::WordBits b;
    for (const char* w : ws) b.Add(w);
    return b;
  };
  auto may = [&](const VerbDictionary::WordBits& clause, const char* lemma) {
    return VerbDictionary::MayMatch(clause, needs(lemma));
  };
  EXPECT_TRUE(may(words({"to", "step"}), "urge"));
  EXPECT_TRUE(may(words({"sanctions", "to", "de-escalate"}), "urge"));
  EXPECT_FALSE(may(words({"to", "back"}), "urge"));  // neither "step" nor "de-escalate"
  EXPECT_FALSE(may(words({"step"}), "urge"));        // no "to"
  EXPECT_TRUE(may(words({"willingness", "to", "meet"}), "express"));
  EXPECT_FALSE(may(words({"willingness", "to"}), "express"));
  EXPECT_TRUE(may(words({}), "visit"));
}

TEST_F(VerbDictionaryTest, ErrorsNameFileAndLine) {
  struct Case {
    const char* text;
    const char* want;
  } cases[] = {
      {"999 visit\n", "t.verbs:1: '999' is not a CAMEO event code"},
      {"042\n", "t.verbs:1: no pattern after the code"},
      {"0256 urge + to {step back\n", "t.verbs:1: unbalanced '{'"},
      {"042 + visit\n", "t.verbs:1: '+' before the anchor"},
      {"042 visit + to +\n", "t.verbs:1: more than one '+'"},
  };
  for (const Case& c : cases) {
    VerbDictionary d;
    Status s = d.AddText(c.text, "t.verbs", &codes_);
    EXPECT_FALSE(s.ok()) << c.text;
    EXPECT_EQ(s.message(), c.want);
  }
}

}  // namespace
}  // namespace faultline
