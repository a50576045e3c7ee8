#include "dict/actor_dictionary.h"

#include <gtest/gtest.h>

#include "dict/line_fields.h"

namespace faultline {
namespace {

int Day(const char* iso) {
  int d = 0;
  EXPECT_TRUE(IsoToDays(iso, &d)) << iso;
  return d;
}

constexpr char kText[] = R"(# test dictionary
country RUS Russia | Russian Federation
demonym RUS Russian | Russians
seat RUSGOV the Kremlin | Kremlin
org IGOWSTNAT NATO | North Atlantic Treaty Organization
  anaphor the alliance | the bloc
agent MIL troops | soldiers
person m Boris Johnson | Alexander Boris de Pfeffel Johnson
  role GBRGOV 2019-07-24 2022-09-06 prime minister
  role GBRGOV 2016-07-13 2018-07-09 foreign secretary
)";

TEST(ActorDictionaryTest, ParsesEveryKind) {
  ActorDictionary d;
  ASSERT_TRUE(d.AddText(kText, "t.actors").ok());
  d.Finish();
  EXPECT_EQ(d.entries().size(), 6u);
  EXPECT_EQ(d.CountKind(ActorKind::kPerson), 1u);
  EXPECT_EQ(d.CountRoles(), 2u);
  EXPECT_EQ(d.entries()[0].rule, "t.actors:2");
  const auto* kremlin = d.PhrasesStartingWith("the");
  ASSERT_NE(kremlin, nullptr);
}

TEST(ActorDictionaryTest, PersonCodedByRoleOnTheDay) {
  ActorDictionary d;
  ASSERT_TRUE(d.AddText(kText, "t.actors").ok());
  const ActorEntry& johnson = d.entries()[5];
  EXPECT_EQ(johnson.CodeOn(Day("2022-02-03")), "GBRGOV");
  EXPECT_EQ(johnson.CodeOn(Day("2022-09-06")), "GBRGOV");
  // After leaving office he is British, not the government.
  EXPECT_EQ(johnson.CodeOn(Day("2022-09-07")), "GBR");
  // Between his two offices as well.
  EXPECT_EQ(johnson.CodeOn(Day("2019-01-01")), "GBR");
  // Before any office: nothing.
  EXPECT_EQ(johnson.CodeOn(Day("2001-01-01")), "");
}

TEST(ActorDictionaryTest, SurnameAndAnaphorPhrasesAreMarked) {
  ActorDictionary d;
  ASSERT_TRUE(d.AddText(kText, "t.actors").ok());
  d.Finish();
  int surnames = 0, anaphors = 0;
  for (const ActorPhrase& p : d.phrases()) {
    surnames += p.surname;
    anaphors += p.anaphor;
  }
  EXPECT_EQ(surnames, 1);
  EXPECT_EQ(anaphors, 2);
}

TEST(ActorDictionaryTest, CaseRules) {
  ActorDictionary d;
  ASSERT_TRUE(d.AddText("country USA US | United States\nagent MIL troops\n", "t").ok());
  d.Finish();
  EXPECT_EQ(d.phrases()[0].case_rule, CaseRule::kExact);
  EXPECT_EQ(d.phrases()[1].case_rule, CaseRule::kCapitalised);
  EXPECT_EQ(d.phrases()[2].case_rule, CaseRule::kAny);
  ActorDictionary mixed;
  ASSERT_TRUE(mixed.AddText("group PAKREB LeT | Al-Shabaab\n", "t").ok());
  EXPECT_EQ(mixed.phrases()[0].case_rule, CaseRule::kExact);        // "Let us" is not LeT
  EXPECT_EQ(mixed.phrases()[1].case_rule, CaseRule::kCapitalised);  // a capital after a hyphen starts a word
}

TEST(ActorDictionaryTest, PossessiveSplitLikeTheTokenizer) {
  EXPECT_EQ(PhraseWords("Democratic People's Republic", true),
            (std::vector<std::string>{"democratic", "people", "'s", "republic"}));
  EXPECT_EQ(PhraseWords("Côte d’Ivoire", true), (std::vector<std::string>{"côte", "d'ivoire"}));
}

TEST(ActorDictionaryTest, ErrorsNameFileAndLine) {
  struct Case {
    const char* text;
    const char* want;
  } cases[] = {
      {"country rus Russia\n", "t.actors:1: 'rus' is not a CAMEO code"},
      {"planet RUS Mars\n", "t.actors:1: unknown kind 'planet'"},
      {"person m Boris Johnson\n  role GBRGOV 2019-13-01 - pm\n", "t.actors:2: role start '2019-13-01' is not a date"},
      {"person m A B\n  role GBRGOV 2020-01-01 2019-01-01 pm\n", "t.actors:2: role ends before it starts"},
      {"  role GBRGOV - - pm\n", "t.actors:1: indented line before any entry"},
      {"country RUS Russia\n  role RUSGOV - - x\n", "t.actors:2: 'role' only follows a 'person' line"},
      {"person q Someone\n", "t.actors:1: person gender must be m, f or x"},
      {"country RUS\n", "t.actors:1: no phrases"},
  };
  for (const Case& c : cases) {
    ActorDictionary d;
    Status s = d.AddText(c.text, "t.actors");
    EXPECT_FALSE(s.ok()) << c.text;
    EXPECT_EQ(s.message(), c.want);
  }
}

TEST(ActorDictionaryTest, ShippedDictionariesLoad) {
  auto d = ActorDictionary::Load("data/actors");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_GT(d->CountKind(ActorKind::kPerson), 500u);
  EXPECT_GT(d->CountRoles(), 700u);
}

}  // namespace
}  // namespace faultline
