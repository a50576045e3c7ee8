#include "tag/wordnet.h"

#include <gtest/gtest.h>

namespace faultline {
namespace {

class WordNetTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto wn = WordNet::Load("/usr/share/wordnet");
    ASSERT_TRUE(wn.ok()) << wn.status().message();
    wn_ = new std::shared_ptr<const WordNet>(std::move(*wn));
  }
  static void TearDownTestSuite() { delete wn_; }
  static const WordNet& wn() { return **wn_; }
  static std::shared_ptr<const WordNet>* wn_;
};

std::shared_ptr<const WordNet>* WordNetTest::wn_ = nullptr;

TEST_F(WordNetTest, LemmasByPartOfSpeech) {
  EXPECT_TRUE(wn().Known("risk", WordNet::kNoun));
  EXPECT_TRUE(wn().Known("risk", WordNet::kVerb));
  EXPECT_FALSE(wn().Known("risk", WordNet::kAdv));
  EXPECT_TRUE(wn().Known("quickly", WordNet::kAdv));
  EXPECT_FALSE(wn().Known("kyivx", WordNet::kNoun));
  const std::string* base = wn().Exception("met", WordNet::kVerb);
  ASSERT_NE(base, nullptr);
  EXPECT_EQ(*base, "meet");
  EXPECT_EQ(wn().Exception("visited", WordNet::kVerb), nullptr);
}

TEST_F(WordNetTest, WordClassesSeeRegularAndIrregularInflections) {
  EXPECT_EQ(wn().WordClasses("risk"), kWnNoun | kWnVerb);
  EXPECT_TRUE(wn().WordClasses("gathering") & kWnVerbForm);   // gather + ing
  EXPECT_TRUE(wn().WordClasses("gathering") & kWnNoun);       // a gathering
  EXPECT_TRUE(wn().WordClasses("visited") & kWnVerbForm);
  EXPECT_TRUE(wn().WordClasses("hoped") & kWnVerbForm);       // silent e
  EXPECT_TRUE(wn().WordClasses("stopped") & kWnVerbForm);     // doubled consonant
  EXPECT_TRUE(wn().WordClasses("countries") & kWnPlural);     // y -> ies
  EXPECT_TRUE(wn().WordClasses("troops") & kWnPlural);
  EXPECT_TRUE(wn().WordClasses("mice") & kWnPlural);          // noun.exc
  EXPECT_TRUE(wn().WordClasses("went") & kWnVerbForm);        // verb.exc
  EXPECT_TRUE(wn().WordClasses("bigger") & kWnGraded);
  EXPECT_TRUE(wn().WordClasses("happiest") & kWnGraded);
  EXPECT_FALSE(wn().WordClasses("quickly") & kWnVerbForm);
  EXPECT_EQ(wn().WordClasses("zelenskiy"), 0);
  EXPECT_EQ(wn().WordClasses(""), 0);
}

TEST(WordNetLoadTest, NamesTheMissingFile) {
  auto wn = WordNet::Load("/nonexistent/wordnet");
  ASSERT_FALSE(wn.ok());
  EXPECT_NE(wn.status().message().find("/nonexistent/wordnet"), std::string::npos) << wn.status().message();
}

}  // namespace
}  // namespace faultline
