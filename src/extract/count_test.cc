#include "extract/count.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "dates/test_tokens.h"

namespace faultline {
namespace {

// "[span] value 'qualifier' 'unit'@head-form" per count, joined by "; ";
// "@-" when the unit has no head noun.
std::string Describe(const Document& doc, const std::vector<CountMention>& found) {
  std::string out;
  for (const CountMention& m : found) {
    char value[32];
    std::snprintf(value, sizeof value, "%g", m.value);
    if (!out.empty()) out += "; ";
    out += '[';
    out += testutil::Span(doc, m.first_token, m.end_token);
    out += "] ";
    out += value;
    out += " '";
    out += m.qualifier;
    out += "' '";
    out += m.unit;
    out += "'@";
    out += m.unit_head >= 0 ? doc.tokens[m.unit_head].form : std::string("-");
  }
  return out;
}

std::string FindDescribed(const Document& doc) {
  return Describe(doc, FindCounts(doc, doc.sentences[0]));
}

struct Row {
  const char* text;
  const char* expected;
};

const Row kCounts[] = {
    {"Russia has massed more than 100,000 Russian troops near the border.",
     "[more than 100,000 Russian troops] 100000 'more than' 'troops'@troops"},
    {"The conflict has killed more than 13,200 people.",
     "[more than 13,200 people] 13200 'more than' 'people killed'@people"},
    {"Ukraine fired tens of thousands of rounds of artillery ammunition.",
     "[tens of thousands of rounds of artillery ammunition] 10000 'tens of thousands' "
     "'rounds of artillery ammunition'@rounds"},
    {"Poland would hand over tens of thousands of rounds of ammunition.",
     "[tens of thousands of rounds of ammunition] 10000 'tens of thousands' "
     "'rounds of ammunition'@rounds"},
    {"It improved after nearly eight years of battling separatists.",
     "[nearly eight years] 8 'nearly' 'years'@years"},
    {"About 200 Russia-backed separatists attacked.",
     "[About 200 Russia - backed separatists] 200 'about' 'separatists'@separatists"},
    {"The army bought 12 surveillance drones.",
     "[12 surveillance drones] 12 '' 'surveillance drones'@drones"},
    {"Protesters issued three key demands.", "[three key demands] 3 '' 'key demands'@demands"},
    {"About 1.5 million people have fled.",
     "[About 1.5 million people] 1.5e+06 'about' 'people displaced'@people"},
    {"The US pledged $5 million in aid.", "[$ 5 million] 5e+06 '' 'dollars'@-"},
    {"It spent $5bn on arms.", "[$ 5bn] 5e+09 '' 'dollars'@-"},
    {"The EU approved 2 billion euros.", "[2 billion euros] 2e+09 '' 'euros'@euros"},
    {"A 5,000-strong force arrived.", "[5,000 - strong force] 5000 '' 'force'@force"},
    {"At least 50 people were killed.", "[At least 50 people] 50 'at least' 'people killed'@people"},
    {"13,200 people killed since 2014.", "[13,200 people killed] 13200 '' 'people killed'@people"},
    {"Hundreds of thousands of people protested.",
     "[Hundreds of thousands of people] 100000 'hundreds of thousands' 'people'@people"},
    {"Troops killed thousands of their own citizens.",
     "[thousands of their own citizens] 1000 'thousands' 'citizens killed'@citizens"},
    {"Hundreds of displaced people fled.",
     "[Hundreds of displaced people fled] 100 'hundreds' 'displaced people'@people"},
    {"The convoy stopped about 10 feet behind.", "[about 10 feet] 10 'about' 'feet'@feet"},
    {"Dozens of people were wounded.", "[Dozens of people] 12 'dozens' 'people wounded'@people"},
    {"Millions of dollars were lost.", "[Millions of dollars] 1e+06 'millions' 'dollars'@dollars"},
    {"Thousands fled the city.", "[Thousands fled] 1000 'thousands' 'displaced'@-"},
    {"Nearly 20 percent of voters backed him.", "[Nearly 20 percent] 20 'nearly' 'percent'@-"},
    {"Turnout was 20% lower.", "[20 %] 20 '' 'percent'@-"},
    {"Turnout fell 3.5 per cent.", "[3.5 per cent] 3.5 '' 'percent'@-"},
    {"The strike killed 12 and wounded 30.", "[12] 12 '' 'killed'@-; [30] 30 '' 'wounded'@-"},
    {"Five soldiers killed three civilians.",
     "[Five soldiers] 5 '' 'soldiers'@soldiers; [three civilians] 3 '' 'civilians killed'@civilians"},
    {"A dozen drones were shot down.", "[A dozen drones] 12 '' 'drones'@drones"},
    {"More than a dozen civilians died.",
     "[More than a dozen civilians died] 12 'more than' 'civilians dead'@civilians"},
    {"Some twenty-five tanks crossed.", "[Some twenty - five tanks] 25 'some' 'tanks'@tanks"},
    {"Up to 60 anti-tank missiles were delivered.",
     "[Up to 60 anti-tank missiles] 60 'up to' 'anti-tank missiles'@missiles"},
    {"It fired 40 long-range missiles.",
     "[40 long - range missiles] 40 '' 'long-range missiles'@missiles"},
    {"Fewer than 10 MPs voted.", "[Fewer than 10 MPs] 10 'fewer than' 'MPs'@MPs"},
    {"Roughly 400 Wagner mercenaries died.",
     "[Roughly 400 Wagner mercenaries died] 400 'roughly' 'mercenaries dead'@mercenaries"},
    {"An estimated 8,000 Ukrainians were displaced.",
     "[An estimated 8,000 Ukrainians] 8000 'an estimated' 'Ukrainians displaced'@Ukrainians"},
    {"Russia sent 1,000 more troops to Belarus.", "[1,000 more troops] 1000 '' 'troops'@troops"},
    {"Two of the soldiers were injured.",
     "[Two of the soldiers] 2 '' 'soldiers injured'@soldiers"},
    {"The two sides met in Minsk.", "[two sides] 2 '' 'sides'@sides"},
    {"Ukraine lost 5 Ukrainian navy ships.", "[5 Ukrainian navy ships] 5 '' 'navy ships'@ships"},
    {"The army deployed 3 infantry fighting vehicles.",
     "[3 infantry fighting vehicles] 3 '' 'infantry fighting vehicles'@vehicles"},
    {"Over 2,000 soldiers have died over the past eight years.",
     "[Over 2,000 soldiers] 2000 'over' 'soldiers dead'@soldiers"},
    {"Police killed 3 people in 2014.", "[3 people] 3 '' 'people killed'@people"},
    {"One soldier was killed on Tuesday.", "[One soldier] 1 '' 'soldier killed'@soldier"},
    {"Three members of parliament resigned.",
     "[Three members of parliament] 3 '' 'members of parliament'@members"},
    {"They sent 2000 tanks.", "[2000 tanks] 2000 '' 'tanks'@tanks"},
    {"Police detained 300 protesters, officials said.",
     "[300 protesters] 300 '' 'protesters'@protesters"},
};

TEST(FindCountsTest, Counts) {
  for (const Row& row : kCounts) {
    EXPECT_EQ(FindDescribed(testutil::MakeDoc(row.text)), row.expected) << row.text;
  }
}

// Numbers that are not counts.
const char* const kNotCounts[] = {
    "Russia annexed Crimea in 2014.",
    "The treaty of 1997 was signed.",
    "The 2014 elections were disputed.",
    "Troops moved on February 1.",
    "Troops moved on 1 February.",
    "Russia annexed Crimea eight years ago.",
    "The vote is at 3 p.m. on Friday.",
    "He finished first and third.",
    "A 62-year-old man was arrested.",
    "The man, aged 62, was arrested.",
    "He is 62 years old.",
    "Putin, 69, said so.",
    "It is one of the largest armies.",
    "No one was hurt.",
    "He lives at No. 10 Downing Street.",
    "Article 5 guarantees collective defence.",
    "He lives at 111 Market Place.",
    "He signed a 10-day truce.",
    "The report was published 2022-02-01.",
};

TEST(FindCountsTest, NotCounts) {
  for (const char* text : kNotCounts) {
    EXPECT_EQ(FindDescribed(testutil::MakeDoc(text)), "") << text;
  }
}

TEST(FindCountsTest, SpanAndHeadIndices) {
  Document doc = testutil::MakeDoc("Russia has massed more than 100,000 Russian troops .");
  auto found = FindCounts(doc, doc.sentences[0]);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].first_token, 3u);  // "more"
  EXPECT_EQ(found[0].end_token, 8u);    // one past "troops"
  EXPECT_EQ(found[0].unit_head, 7);
  EXPECT_EQ(found[0].value, 100000);
}

TEST(FindCountsTest, SecondSentenceIndicesAreSentenceRelative) {
  Document doc = testutil::MakeDoc("Talks failed . Some 300 troops left .");
  doc.sentences = {Sentence{0, 3, 0, 13}, Sentence{3, 5, 14, 37}};
  auto found = FindCounts(doc, doc.sentences[1]);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].first_token, 0u);
  EXPECT_EQ(found[0].unit_head, 2);
  EXPECT_EQ(found[0].qualifier, "some");
}

// Input from a tokenizer that keeps hyphenated words whole.
TEST(FindCountsTest, HyphenatedTokensKeptWhole) {
  auto keep = [](const char* text) {
    return FindDescribed(testutil::MakeDoc(text, "2022-02-03", testutil::HyphenStyle::kKeep));
  };
  EXPECT_EQ(keep("A 5,000-strong force arrived."), "[5,000-strong force] 5000 '' 'force'@force");
  EXPECT_EQ(keep("Some twenty-five tanks crossed."),
            "[Some twenty-five tanks] 25 'some' 'tanks'@tanks");
  EXPECT_EQ(keep("A 62-year-old man was arrested."), "");
  EXPECT_EQ(keep("Up to 60 anti-tank missiles arrived."),
            "[Up to 60 anti-tank missiles] 60 'up to' 'anti-tank missiles'@missiles");
}

TEST(FindCountsTest, InvalidPublicationDateStillFindsCounts) {
  Document doc = testutil::MakeDoc("Some 300 troops left in 2014.", "not a date");
  EXPECT_EQ(FindDescribed(doc), "[Some 300 troops] 300 'some' 'troops'@troops");
}

// With a parse, the tree names the counted noun and its casualty verb.
TEST(FindCountsTest, TreeFindsUnitAndCasualty) {
  Document doc = testutil::MakeDoc("The conflict has killed more than 13,200 people .");
  ASSERT_TRUE(testutil::SetTree(
      &doc, "DET:1:det NOUN:3:nsubj AUX:3:aux VERB:-1:root:kill ADJ:6:advmod ADP:4:fixed "
            "NUM:7:nummod NOUN/NNS:3:obj:people PUNCT:3:punct"));
  EXPECT_EQ(FindDescribed(doc),
            "[more than 13,200 people] 13200 'more than' 'people killed'@people");

  // Surface rules miss the verb three words away; the tree does not.
  Document far = testutil::MakeDoc("Five people in the village died .");
  EXPECT_EQ(FindDescribed(far), "[Five people] 5 '' 'people'@people");
  ASSERT_TRUE(testutil::SetTree(
      &far, "NUM:1:nummod NOUN/NNS:5:nsubj:people ADP:4:case DET:4:det NOUN:1:nmod "
            "VERB:-1:root:die PUNCT:5:punct"));
  EXPECT_EQ(FindDescribed(far), "[Five people] 5 '' 'people dead'@people");

  // The killers are the subject of an active "killed": not casualties.
  Document active = testutil::MakeDoc("Five soldiers killed three civilians .");
  ASSERT_TRUE(testutil::SetTree(
      &active, "NUM:1:nummod NOUN/NNS:2:nsubj:soldier VERB:-1:root:kill NUM:4:nummod "
               "NOUN/NNS:2:obj:civilian PUNCT:2:punct"));
  EXPECT_EQ(FindDescribed(active),
            "[Five soldiers] 5 '' 'soldiers'@soldiers; "
            "[three civilians] 3 '' 'civilians killed'@civilians");
}

// The nummod arc picks the head even when surface cues would stop early.
TEST(FindCountsTest, TreeNummodHead) {
  Document doc = testutil::MakeDoc("Russia deployed 30 Iskander missile launchers .");
  ASSERT_TRUE(testutil::SetTree(
      &doc, "PROPN:1:nsubj VERB:-1:root NUM:5:nummod PROPN:5:compound NOUN:5:compound "
            "NOUN/NNS:1:obj PUNCT:1:punct"));
  EXPECT_EQ(FindDescribed(doc), "[30 Iskander missile launchers] 30 '' 'missile launchers'@launchers");
}

}  // namespace
}  // namespace faultline
