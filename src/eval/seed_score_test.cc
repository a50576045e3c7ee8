// The scorer on the real seed gold: a hand-made prediction with known right
// and wrong records gives the expected counts (the same rules as
// ../shared/tools/score-seed.py).
#include "eval/seed_score.h"

#include <gtest/gtest.h>

namespace faultline {
namespace {

const char* kGold = "../shared/seed";

TEST(SeedScoreTest, CountsMatchesFalsePositivesAndViolations) {
  std::vector<std::string> pred = {
      // e04: GBRGOV -> UKRGOV, root 04, in the right sentence.
      R"({"kind":"event","text":"Johnson visited Kyiv for talks with Ukrainian President Volodymyr Zelenskiy on February 1.","source":"GBRGOV","target":"UKRGOV","code":"042","status":"reported","date":"2022-02-01"})",
      // wrong root for that sentence: a false positive
      R"({"kind":"event","text":"Johnson visited Kyiv for talks with Ukrainian President Volodymyr Zelenskiy on February 1.","source":"GBRGOV","target":"UKRGOV","code":"190","status":"reported","date":"2022-02-01"})",
      // n01: a reported attack from a denial is a must-not violation
      R"({"kind":"event","text":"Russia denies that it is planning to invade but said it could take unspecified military action unless its security demands are met.","source":"RUS","target":"UKR","code":"190","status":"reported","date":"2022-02-01"})",
      R"({"kind":"quote","speaker":"GBRGOV","quote":"we have the sanctions ready."})",
      R"({"kind":"count","value":100000,"unit":"troops","actor":"RUSMIL"})",
      "not json at all",
  };
  auto s = ScoreSeed(pred, kGold);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->emitted, 3);
  EXPECT_EQ(s->true_pos, 1);
  EXPECT_EQ(s->found, 1);
  EXPECT_EQ(s->required, 23);
  EXPECT_EQ(s->violations, (std::vector<std::string>{"n01"}));
  EXPECT_EQ(s->quotes_found, 1);
  EXPECT_EQ(s->counts_found, 1);
  EXPECT_FALSE(s->MeetsBar());
}

TEST(SeedScoreTest, MissingGoldIsAnError) {
  auto s = ScoreSeed({}, "/nonexistent");
  EXPECT_FALSE(s.ok());
}

}  // namespace
}  // namespace faultline
