#include "tag/lemmatizer.h"

#include <gtest/gtest.h>

#include "tag/tagger.h"
#include "tag/test_sentence.h"

namespace faultline {
namespace {

constexpr char kWordNet[] = "/usr/share/wordnet";
constexpr char kTable[] = "models/lemmas.tsv";

class LemmatizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto lem = Lemmatizer::Load(kWordNet, kTable);
    ASSERT_TRUE(lem.ok()) << lem.status().message();
    lem_ = std::move(*lem);
  }
  std::unique_ptr<Lemmatizer> lem_;
};

TEST_F(LemmatizerTest, NewsVerbsAndNouns) {
  EXPECT_EQ(lem_->Lemma("visited", "VERB", "VBD"), "visit");
  EXPECT_EQ(lem_->Lemma("gathering", "VERB", "VBG"), "gather");
  EXPECT_EQ(lem_->Lemma("troops", "NOUN", "NNS"), "troop");
  EXPECT_EQ(lem_->Lemma("met", "VERB", "VBN"), "meet");
  EXPECT_EQ(lem_->Lemma("said", "VERB", "VBD"), "say");
  EXPECT_EQ(lem_->Lemma("forces", "NOUN", "NNS"), "force");
  EXPECT_EQ(lem_->Lemma("forces", "VERB", "VBZ"), "force");
  EXPECT_EQ(lem_->Lemma("its", "PRON", "PRP$"), "its");
  EXPECT_EQ(lem_->Lemma("hoping", "VERB", "VBG"), "hope");
  EXPECT_EQ(lem_->Lemma("stopped", "VERB", "VBD"), "stop");
  EXPECT_EQ(lem_->Lemma("countries", "NOUN", "NNS"), "country");
  EXPECT_EQ(lem_->Lemma("larger", "ADJ", "JJR"), "large");
}

TEST_F(LemmatizerTest, ClosedClassFromTreebankTable) {
  EXPECT_EQ(lem_->Lemma("n't", "PART", "RB"), "not");
  EXPECT_EQ(lem_->Lemma("'s", "AUX", "VBZ"), "be");
  EXPECT_EQ(lem_->Lemma("was", "AUX", "VBD"), "be");
  EXPECT_EQ(lem_->Lemma("were", "AUX", "VBD"), "be");
  EXPECT_EQ(lem_->Lemma("them", "PRON", "PRP"), "they");
  EXPECT_EQ(lem_->Lemma("I", "PRON", "PRP"), "I");
}

TEST_F(LemmatizerTest, CaseConventions) {
  EXPECT_EQ(lem_->Lemma("Kyiv", "PROPN", "NNP"), "Kyiv");
  EXPECT_EQ(lem_->Lemma("The", "DET", "DT"), "the");
  EXPECT_EQ(lem_->Lemma("Troops", "NOUN", "NNS"), "troop");
  EXPECT_EQ(lem_->Lemma("12", "NUM", "CD"), "12");
}

// EWT's conventions the rules follow (each counted on train; see RuleLemma).
TEST_F(LemmatizerTest, NumbersCodesAndCapitals) {
  EXPECT_EQ(lem_->Lemma("420,588", "NUM", "CD"), "420588");
  EXPECT_EQ(lem_->Lemma("3.5", "NUM", "CD"), "3.5");
  EXPECT_EQ(lem_->Lemma("One", "NUM", "CD"), "one");
  EXPECT_EQ(lem_->Lemma("SOUTER", "PROPN", "NNP"), "Souter");
  EXPECT_EQ(lem_->Lemma("HPL", "PROPN", "NNP"), "HPL");  // short: an acronym
  EXPECT_EQ(lem_->Lemma("NATO", "PROPN", "NNP"), "NATO");
  EXPECT_EQ(lem_->Lemma("EB3326", "NOUN", "NN"), "EB3326");
  EXPECT_EQ(lem_->Lemma("P", "NOUN", "NN"), "P");
  EXPECT_EQ(lem_->Lemma("Red", "ADJ", "NNP"), "Red");
  // Capitalised adjectives WordNet does not know keep their case inside a
  // sentence; known ones ("Good", "Ukrainian") and sentence starts do not.
  EXPECT_EQ(lem_->Lemma("anti-Muslim", "ADJ", "JJ", /*mid_sentence=*/true), "anti-Muslim");
  EXPECT_EQ(lem_->Lemma("anti-Muslim", "ADJ", "JJ", /*mid_sentence=*/false), "anti-muslim");
  EXPECT_EQ(lem_->Lemma("Good", "ADJ", "JJ", /*mid_sentence=*/true), "good");
}

TEST_F(LemmatizerTest, RulesAloneNeedTheTableForClosedClasses) {
  auto rules = Lemmatizer::Load(kWordNet, "");
  ASSERT_TRUE(rules.ok());
  EXPECT_EQ((*rules)->Lemma("visited", "VERB", "VBD"), "visit");
  EXPECT_NE((*rules)->Lemma("n't", "PART", "RB"), "not");
}

TEST_F(LemmatizerTest, LemmatizesTaggedSentence) {
  auto tagger = Tagger::Load("models/tagger.bin", "/usr/share/wordnet");
  ASSERT_TRUE(tagger.ok()) << tagger.status().message();
  Document doc = WhitespaceDocument("Troops were gathering near the border , officials said .");
  (*tagger)->Tag(&doc, doc.sentences[0]);
  lem_->Lemmatize(&doc, doc.sentences[0]);
  const char* want[] = {"troop", "be", "gather", "near", "the", "border", ",", "official", "say", "."};
  ASSERT_EQ(doc.tokens.size(), std::size(want));
  for (size_t i = 0; i < doc.tokens.size(); ++i) EXPECT_EQ(doc.tokens[i].lemma, want[i]) << i;
}

TEST(LemmatizerLoadTest, ReportsMissingFiles) {
  auto lem = Lemmatizer::Load("/nonexistent/wordnet", "");
  ASSERT_FALSE(lem.ok());
  EXPECT_EQ(lem.status().code(), Status::Code::kNotFound);
  auto no_table = Lemmatizer::Load(kWordNet, "/nonexistent/lemmas.tsv");
  EXPECT_FALSE(no_table.ok());
}

}  // namespace
}  // namespace faultline
