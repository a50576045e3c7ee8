#include "tag/tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "learn/binary_io.h"
#include "learn/hash.h"
#include "tag/tag_features.h"
#include "tag/wordnet.h"
#include "tag/test_sentence.h"

namespace faultline {
namespace {

constexpr char kModel[] = "models/tagger.bin";

class TaggerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto tagger = Tagger::Load(kModel, "/usr/share/wordnet");
    ASSERT_TRUE(tagger.ok()) << tagger.status().message();
    tagger_ = std::move(*tagger);
  }
  // "UPOS/XPOS" per token.
  std::vector<std::string> Tags(std::string_view text) {
    Document doc = WhitespaceDocument(text);
    tagger_->Tag(&doc, doc.sentences[0]);
    std::vector<std::string> out;
    for (const Token& t : doc.tokens) out.push_back(std::string(t.upos) + "/" + std::string(t.xpos));
    return out;
  }
  std::unique_ptr<Tagger> tagger_;
};

TEST_F(TaggerTest, TagsNewsSentences) {
  EXPECT_EQ(Tags("Johnson visited Kyiv on February 1 ."),
            (std::vector<std::string>{"PROPN/NNP", "VERB/VBD", "PROPN/NNP", "ADP/IN", "PROPN/NNP",
                                      "NUM/CD", "PUNCT/."}));
  EXPECT_EQ(Tags("The embassy was attacked by gunmen ."),
            (std::vector<std::string>{"DET/DT", "NOUN/NN", "AUX/VBD", "VERB/VBN", "ADP/IN",
                                      "NOUN/NNS", "PUNCT/."}));
  EXPECT_EQ(Tags("Russia did not invade ."),
            (std::vector<std::string>{"PROPN/NNP", "AUX/VBD", "PART/RB", "VERB/VB", "PUNCT/."}));
}

TEST_F(TaggerTest, UsesContextForAmbiguousWords) {
  // "attack" as a noun after a determiner, as a verb after "to".
  std::vector<std::string> noun = Tags("The attack killed 12 people .");
  std::vector<std::string> verb = Tags("They plan to attack the city .");
  EXPECT_EQ(noun[1], "NOUN/NN");
  EXPECT_EQ(verb[3], "VERB/VB");
}

TEST_F(TaggerTest, EmptySentenceIsFine) {
  Document doc;
  doc.sentences.push_back(Sentence{});
  tagger_->Tag(&doc, doc.sentences[0]);
  EXPECT_TRUE(doc.tokens.empty());
}

// The tagger prefetches every feature but kTagDependent a word ahead, with
// the previous tags unknown: the list must name exactly the features that
// read them, and SetTagDependentFeatures must rewrite all of those.
TEST(TagFeaturesTest, TagDependentListIsExactlyTheFeaturesThatReadTags) {
  auto wordnet = WordNet::Load("/usr/share/wordnet");
  ASSERT_TRUE(wordnet.ok()) << wordnet.status().message();
  std::vector<std::string_view> forms = {"Russia", "massed", "troops", "near", "Ukraine", "."};
  std::vector<TagTokenInfo> info;
  ComputeTagTokenInfo(forms, {}, **wordnet, /*for_training=*/true, &info);
  for (size_t i = 0; i < forms.size(); ++i) {
    uint64_t a[kNumTagFeatures], b[kNumTagFeatures];
    TagFeatures(info, i, 3, 4, a);
    TagFeatures(info, i, 5, 6, b);
    std::vector<int> differ;
    for (int f = 0; f < kNumTagFeatures; ++f) {
      if (a[f] != b[f]) differ.push_back(f);
    }
    EXPECT_EQ(differ, std::vector<int>(std::begin(kTagDependent), std::end(kTagDependent)))
        << "position " << i;
    SetTagDependentFeatures(info, i, 5, 6, a);
    EXPECT_TRUE(std::equal(a, a + kNumTagFeatures, b)) << "position " << i;
  }
}

// The tagger's per-form memo gives each token the info computed afresh,
// for words in the tag dictionary (partial info) and out of it, on the
// first sight of a form and on later ones.
TEST(TagFeaturesTest, MemoisedInfoIsTheInfoComputedAfresh) {
  auto wordnet = WordNet::Load("/usr/share/wordnet");
  ASSERT_TRUE(wordnet.ok()) << wordnet.status().message();
  const std::unordered_map<uint64_t, int> dict = {{HashBytes("the"), 7}, {HashBytes("."), 3}};
  std::vector<std::string_view> forms = {"The", "troops", "massed", "near", "the", "border",
                                         "and", "the", "troops", "left", "."};
  TagInfoMemo memo;
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<TagTokenInfo> fresh, memoised;
    ComputeTagTokenInfo(forms, dict, **wordnet, /*for_training=*/false, &fresh);
    ComputeTagTokenInfo(forms, dict, **wordnet, /*for_training=*/false, &memoised, &memo);
    ASSERT_EQ(fresh.size(), memoised.size());
    for (size_t i = 0; i < fresh.size(); ++i) {
      const TagTokenInfo &a = fresh[i], &b = memoised[i];
      EXPECT_EQ(std::tie(a.form, a.lower, a.shape, a.short_shape, a.dict_class, a.wn),
                std::tie(b.form, b.lower, b.shape, b.short_shape, b.dict_class, b.wn))
          << "pass " << pass << " token " << i;
      EXPECT_EQ(a.suffix[2], b.suffix[2]) << i;
      if (a.dict_class == kNoTag) {
        EXPECT_TRUE(std::equal(a.suffix, a.suffix + 4, b.suffix)) << i;
        EXPECT_TRUE(std::equal(a.prefix, a.prefix + 3, b.prefix)) << i;
        EXPECT_EQ(a.flags, b.flags) << i;
      }
    }
  }
  EXPECT_EQ(memo.size(), 9u);  // distinct forms
}

TEST(TaggerLoadTest, RejectsMissingAndCorruptFiles) {
  auto missing = Tagger::Load("/nonexistent/tagger.bin", "/usr/share/wordnet");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);

  auto data = ReadWholeFile(kModel);
  ASSERT_TRUE(data.ok());
  std::string path = ::testing::TempDir() + "/truncated_tagger.bin";
  ASSERT_TRUE(WriteWholeFile(path, data->substr(0, data->size() / 3)).ok());
  auto truncated = Tagger::Load(path, "/usr/share/wordnet");
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().code(), Status::Code::kCorruption);
}

}  // namespace
}  // namespace faultline
