// Actor phrase matching on real sentences with the shipped dictionaries:
// longest match, case rules, bare surnames only in context.
#include "match/actor_matcher.h"

#include <gtest/gtest.h>

#include "dict/line_fields.h"
#include "text/segment.h"

namespace faultline {
namespace {

class ActorMatcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto d = ActorDictionary::Load("data/actors");
    ASSERT_TRUE(d.ok()) << d.status().message();
    dict_ = new ActorDictionary(std::move(d).value());
  }
  static void TearDownTestSuite() { delete dict_; }

  // Codes (entry codes; persons by their role on 2022-02-03) of the hits.
  std::vector<std::string> Match(const std::string& text, MatchContext ctx = {}) {
    Document doc;
    doc.text = text;
    EXPECT_TRUE(Segment(&doc).ok());
    if (ctx.day == 0) IsoToDays("2022-02-03", &ctx.day);
    std::vector<Word> words;
    BuildWords(doc, doc.sentences[0], &words);
    std::vector<std::string> out;
    for (const PhraseHit& h : MatchActors(*dict_, words, ctx)) out.push_back(dict_->entries()[h.entry].CodeOn(ctx.day));
    return out;
  }
  static ActorDictionary* dict_;
};

ActorDictionary* ActorMatcherTest::dict_ = nullptr;

TEST_F(ActorMatcherTest, LongestPhraseWins) {
  // "United States" is one actor, not "United" + "States".
  EXPECT_EQ(Match("The United States rejected the demand."), (std::vector<std::string>{"USA"}));
}

TEST_F(ActorMatcherTest, HyphenatedWordsMatchWhole) {
  // The tokenizer splits "Russia-backed" into three tokens; words rejoin them,
  // so "Russia" alone is not found inside it.
  std::vector<std::string> codes = Match("Russia-backed separatists attacked the town.");
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "RUS"), 0);
}

TEST_F(ActorMatcherTest, AllCapitalPhrasesNeedExactCase) {
  EXPECT_EQ(Match("The US imposed sanctions."), (std::vector<std::string>{"USA"}));
  EXPECT_TRUE(Match("Let us imposed sanctions.").empty());
}

TEST_F(ActorMatcherTest, FullNameThenPersonCodedOnTheDay) {
  std::vector<std::string> codes = Match("Boris Johnson spoke.");
  ASSERT_EQ(codes.size(), 1u);
  EXPECT_EQ(codes[0], "GBRGOV");
}

TEST_F(ActorMatcherTest, SeatsOfPowerAreGovernments) {
  EXPECT_EQ(Match("The Kremlin said nothing."), (std::vector<std::string>{"RUSGOV"}));
}

}  // namespace
}  // namespace faultline
