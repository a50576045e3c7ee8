#include "dates/find_dates.h"

#include <gtest/gtest.h>

#include "dates/test_tokens.h"

namespace faultline {
namespace {

// "[span]=value", plus "/w" for week precision and "+" for a period that runs
// from value to publication; mentions joined by "; ".
std::string Describe(const Document& doc, const std::vector<DateMention>& found) {
  std::string out;
  for (const DateMention& m : found) {
    if (!out.empty()) out += "; ";
    // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "[" + s + ...
    out += '[';
    out += testutil::Span(doc, m.first_token, m.end_token);
    out += "]=";
    out += m.value;
    if (m.precision == DateMention::Precision::kWeek) out += "/w";
    if (m.extent == DateMention::Extent::kSince) out += "+";
  }
  return out;
}

std::string FindDescribed(const char* text, const char* published) {
  Document doc = testutil::MakeDoc(text, published);
  auto pub = ParseIsoDate(published);
  EXPECT_TRUE(pub.ok()) << published;
  return Describe(doc, FindDates(doc, doc.sentences[0], *pub));
}

struct Row {
  const char* text;
  const char* published;
  const char* expected;
};

// Publication 2022-02-03 is a Thursday.
const Row kRows[] = {
    // Calendar dates.
    {"Russian forces attacked on February 1.", "2022-02-03", "[February 1]=2022-02-01"},
    {"The talks began Feb. 1 in Geneva.", "2022-02-03", "[Feb. 1]=2022-02-01"},
    {"He arrived on 1 February.", "2022-02-03", "[1 February]=2022-02-01"},
    {"The deal was signed on February 1, 2022.", "2022-02-03", "[February 1 , 2022]=2022-02-01"},
    {"Troops moved on Feb 3.", "2022-02-03", "[Feb 3]=2022-02-03"},
    {"Fighting resumed on February 21st.", "2022-02-03", "[February 21st]=2022-02-21"},
    {"Russia annexed Crimea in 2014.", "2022-02-03", "[2014]=2014"},
    {"The vote took place in February.", "2022-02-03", "[February]=2022-02"},
    {"Elections were held in February 2021.", "2022-02-03", "[February 2021]=2021-02"},
    {"The report was published 2022-02-01.", "2022-02-03", "[2022-02-01]=2022-02-01"},
    {"On Tuesday, February 1, troops crossed.", "2022-02-03", "[Tuesday , February 1]=2022-02-01"},
    {"Shelling intensified in early February.", "2022-02-03", "[early February]=2022-02"},
    {"Growth slowed in mid-2021.", "2022-02-03", "[mid-2021]=2021"},
    {"Growth slowed in mid - 2021.", "2022-02-03", "[mid - 2021]=2021"},
    {"Talks stalled in mid - March.", "2022-02-03", "[mid - March]=2022-03"},
    {"The report was published 2022 - 02 - 01.", "2022-02-03", "[2022 - 02 - 01]=2022-02-01"},
    {"The 2014 annexation of Crimea was condemned.", "2022-02-03", "[2014]=2014"},
    {"Between 2014 and 2022 the war killed many.", "2022-02-03", "[2014]=2014; [2022]=2022"},
    {"They met in May and again on May 5.", "2022-02-03", "[May]=2022-05; [May 5]=2022-05-05"},
    // Weekdays (newswire: most recent on or before publication).
    {"The minister spoke on Tuesday.", "2022-02-03", "[Tuesday]=2022-02-01"},
    {"The minister spoke on Thursday.", "2022-02-03", "[Thursday]=2022-02-03"},
    {"The minister spoke on Friday.", "2022-02-03", "[Friday]=2022-01-28"},
    {"Explosions were heard on Friday night.", "2022-02-03", "[Friday night]=2022-01-28"},
    {"He will travel to Kyiv next Tuesday.", "2022-02-03", "[next Tuesday]=2022-02-08"},
    {"He met the envoy last Thursday.", "2022-02-03", "[last Thursday]=2022-01-27"},
    {"Officials said talks will resume on Tuesday.", "2022-02-03", "[Tuesday]=2022-02-08"},
    {"He said on Tuesday that talks will resume.", "2022-02-03", "[Tuesday]=2022-02-01"},
    // Deictic words.
    {"Ministers meet today.", "2022-02-03", "[today]=2022-02-03"},
    {"Shelling resumed yesterday.", "2022-02-03", "[yesterday]=2022-02-02"},
    {"Talks resume tomorrow.", "2022-02-03", "[tomorrow]=2022-02-04"},
    {"The president will speak tonight.", "2022-02-03", "[tonight]=2022-02-03"},
    {"He spoke this morning.", "2022-02-03", "[this morning]=2022-02-03"},
    {"Rockets hit the city last night.", "2022-02-03", "[last night]=2022-02-02"},
    {"Police said yesterday morning that two died.", "2022-02-03",
     "[yesterday morning]=2022-02-02"},
    // Relative periods.
    {"The army said last week it would withdraw.", "2022-02-03", "[last week]=2022-01-24/w"},
    {"Talks continue this week.", "2022-02-03", "[this week]=2022-01-31/w"},
    {"Talks will continue next week.", "2022-02-03", "[next week]=2022-02-07/w"},
    {"Prices rose last month.", "2022-02-03", "[last month]=2022-01"},
    {"Fighting erupted earlier this month.", "2022-02-03", "[earlier this month]=2022-02"},
    {"Elections were held last year.", "2022-02-03", "[last year]=2021"},
    {"Talks failed last February.", "2022-02-03", "[last February]=2021-02"},
    {"Russia annexed Crimea eight years ago.", "2022-02-03", "[eight years ago]=2014"},
    {"Fighting broke out two days ago.", "2022-02-03", "[two days ago]=2022-02-01"},
    {"Fighting broke out 3 days ago.", "2022-02-03", "[3 days ago]=2022-01-31"},
    {"The truce collapsed a week ago.", "2022-02-03", "[a week ago]=2022-01-24/w"},
    {"The war began a decade ago.", "2022-02-03", "[a decade ago]=2012"},
    {"Unemployment fell five months ago.", "2022-02-03", "[five months ago]=2021-09"},
    // Periods up to publication.
    {"13,200 people have died over the past eight years.", "2022-02-03",
     "[over the past eight years]=2014+"},
    {"Prices doubled in the last two weeks.", "2022-02-03", "[in the last two weeks]=2022-01-20+"},
    {"Fighting has raged since 2014.", "2022-02-03", "[since 2014]=2014+"},
    {"Prices have risen since last year.", "2022-02-03", "[since last year]=2021+"},
    {"Troops have massed since February 1.", "2022-02-03", "[since February 1]=2022-02-01+"},
    // Year boundaries.
    {"Protesters gathered on December 28.", "2022-01-03", "[December 28]=2021-12-28"},
    {"The ceasefire began on February 2.", "2022-02-03", "[February 2]=2022-02-02"},
    {"Talks are set for January 5.", "2021-12-30", "[January 5]=2022-01-05"},
    {"The vote was held in December.", "2022-01-03", "[December]=2021-12"},
    {"Prices rose last month.", "2022-01-10", "[last month]=2021-12"},
    {"The army said last week it would withdraw.", "2022-01-03", "[last week]=2021-12-27/w"},
    {"Shelling resumed yesterday.", "2022-01-01", "[yesterday]=2021-12-31"},
    {"The minister spoke on Friday.", "2022-01-01", "[Friday]=2021-12-31"},
    {"He will travel to Kyiv next Tuesday.", "2021-12-30", "[next Tuesday]=2022-01-04"},
    {"Elections were held last year.", "2022-01-01", "[last year]=2021"},
    // Not dates.
    {"He may resign.", "2022-02-03", ""},
    {"Protesters march on the capital.", "2022-02-03", ""},
    {"More than 2,014 people were hurt.", "2022-02-03", ""},
    {"Jan Egeland spoke to reporters.", "2022-02-03", ""},
    {"USA Today reported the story.", "2022-02-03", ""},
    {"June Carter sang.", "2022-02-03", ""},
    {"They sent in 2000 tanks.", "2022-02-03", ""},
    {"The attack on February 30 never happened.", "2022-02-03", ""},
    {"The date 2022-02-30 is wrong.", "2022-02-03", ""},
    {"Russia massed 100,000 troops.", "2022-02-03", ""},
};

TEST(FindDatesTest, Table) {
  for (const Row& row : kRows) {
    EXPECT_EQ(FindDescribed(row.text, row.published), row.expected)
        << row.text << " (published " << row.published << ")";
  }
}

TEST(FindDatesTest, PrecisionAndOffsets) {
  Document doc = testutil::MakeDoc("Russia annexed Crimea in 2014 and attacked on February 24.");
  auto found = FindDates(doc, doc.sentences[0], CivilDate{2022, 3, 1});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].precision, DateMention::Precision::kYear);
  EXPECT_EQ(found[0].first_token, 4u);
  EXPECT_EQ(found[0].end_token, 5u);
  EXPECT_EQ(found[1].precision, DateMention::Precision::kDay);
  EXPECT_EQ(found[1].value, "2022-02-24");
  EXPECT_EQ(doc.slice(doc.tokens[found[1].first_token].begin,
                      doc.tokens[found[1].end_token - 1].end),
            "February 24");
}

TEST(FindDatesTest, SecondSentenceIndicesAreSentenceRelative) {
  Document doc = testutil::MakeDoc("Talks failed . Troops moved on Tuesday .");
  doc.sentences = {Sentence{0, 3, 0, 13}, Sentence{3, 5, 14, 40}};
  auto found = FindDates(doc, doc.sentences[1], CivilDate{2022, 2, 3});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].first_token, 3u);
  EXPECT_EQ(found[0].value, "2022-02-01");
}

// With a parse, "will" counts only when it governs the verb the date hangs on.
TEST(FindDatesTest, TreeDecidesFutureWeekday) {
  Document past = testutil::MakeDoc("The minister who will resign spoke on Tuesday .");
  ASSERT_TRUE(testutil::SetTree(&past,
                               "DET:1:det NOUN:5:nsubj PRON:4:nsubj AUX:4:aux VERB:1:acl:relcl "
                               "VERB:-1:root ADP:7:case PROPN:5:obl PUNCT:5:punct"));
  auto found = FindDates(past, past.sentences[0], CivilDate{2022, 2, 3});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2022-02-01");

  Document future = testutil::MakeDoc("The minister will travel on Tuesday .");
  ASSERT_TRUE(testutil::SetTree(&future,
                               "DET:1:det NOUN:3:nsubj AUX:3:aux:will VERB:-1:root ADP:5:case "
                               "PROPN:3:obl PUNCT:3:punct"));
  found = FindDates(future, future.sentences[0], CivilDate{2022, 2, 3});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2022-02-08");
}

TEST(FindDatesTest, PrecisionNames) {
  EXPECT_STREQ(PrecisionName(DateMention::Precision::kWeek), "week");
  EXPECT_STREQ(PrecisionName(DateMention::Precision::kYear), "year");
}

}  // namespace
}  // namespace faultline
