#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/segment.h"

namespace faultline {
namespace {

// The sentences of `text` as slices of the original, joined by " || ".
std::string Sentences(const std::string& text) {
  Document doc;
  doc.text = text;
  EXPECT_TRUE(Segment(&doc).ok());
  std::string out;
  for (const Sentence& s : doc.sentences) {
    if (!out.empty()) out.append(" || ", 4);
    const std::string_view v = doc.slice(s.begin, s.end);
    out.append(v.data(), v.size());
  }
  return out;
}

struct Case {
  const char* text;
  const char* sentences;
};

TEST(SentenceSplitterTest, SplitsRealSentences) {
  const Case cases[] = {
      // Quotes that end sentences stay with their sentence.
      {"Ukraine's border \"in perhaps the biggest demonstration of hostility toward Ukraine in "
       "our lifetimes.” Johnson warned London.",
       "Ukraine's border \"in perhaps the biggest demonstration of hostility toward Ukraine in "
       "our lifetimes.” || Johnson warned London."},
      {"He said \"we have the sanctions ready.” He again urged Russia to step back.",
       "He said \"we have the sanctions ready.” || He again urged Russia to step back."},
      {"\"It will be a full-scale war in Europe,\" he said. Next came talks.",
       "\"It will be a full-scale war in Europe,\" he said. || Next came talks."},
      {"\"We will not retreat.\" Putin said. Talks resumed.",
       "\"We will not retreat.\" Putin said. || Talks resumed."},
      {"\"Why now?\" Putin asked. He left.", "\"Why now?\" Putin asked. || He left."},
      {"\"Stop!\" he shouted. They stopped.", "\"Stop!\" he shouted. || They stopped."},
      {"(It was over.) Then it began.", "(It was over.) || Then it began."},
      // Abbreviations.
      {"Earlier in a phone call with Russian Foreign Minister Sergei Lavrov, U.S. Secretary of "
       "State Antony Blinken urged the \"immediate\" de-escalation.",
       "Earlier in a phone call with Russian Foreign Minister Sergei Lavrov, U.S. Secretary of "
       "State Antony Blinken urged the \"immediate\" de-escalation."},
      {"The envoy returned from the U.S. The next day he resigned.",
       "The envoy returned from the U.S. || The next day he resigned."},
      {"Gen. Mark Milley met Mr. Smith on Feb. 3 in St. Louis. They spoke.",
       "Gen. Mark Milley met Mr. Smith on Feb. 3 in St. Louis. || They spoke."},
      {"He lives at No. 10 with Acme Inc. and friends.",
       "He lives at No. 10 with Acme Inc. and friends."},
      {"He works for Acme Inc. He is paid well.", "He works for Acme Inc. || He is paid well."},
      // Initials and decimals.
      {"J. R. R. Tolkien wrote it. It sold well.", "J. R. R. Tolkien wrote it. || It sold well."},
      {"Growth was 3.5 percent. Inflation was 2.1.",
       "Growth was 3.5 percent. || Inflation was 2.1."},
      // Ellipses.
      {"We waited... and waited. Then it came.", "We waited... and waited. || Then it came."},
      {"We waited… Nothing happened.", "We waited… || Nothing happened."},
      // Questions, exclamations, lower case after a stop (web text).
      {"Is it over? Yes! It is.", "Is it over? || Yes! || It is."},
      {"nice sarcasm. that's fine.", "nice sarcasm. || that's fine."},
      // Headlines and paragraphs.
      {"Russia warns Ukraine\n\nMoscow said on Tuesday it was ready.",
       "Russia warns Ukraine || Moscow said on Tuesday it was ready."},
      {"One line\nwrapped here. Next.", "One line\nwrapped here. || Next."},
      // Datelines are a unit of their own.
      {"KYIV, Feb 3 (Reuters) - Ukraine said on Thursday it was ready.",
       "KYIV, Feb 3 (Reuters) - || Ukraine said on Thursday it was ready."},
      {"WASHINGTON (AP) -- The Senate voted.", "WASHINGTON (AP) -- || The Senate voted."},
      {"LONDON, March 2 - Britain said.", "LONDON, March 2 - || Britain said."},
      {"NATO - the alliance - met.", "NATO - the alliance - met."},
      // Unfinished text is still a sentence.
      {"With reporting by AFP, Reuters, and AP", "With reporting by AFP, Reuters, and AP"},
      {"", ""},
      {"   \n\n  ", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Sentences(c.text), c.sentences) << c.text;
}

TEST(SentenceSplitterTest, BlankLinesCountParagraphs) {
  Document doc;
  doc.text = "Headline here\n\nFirst para. Still first.\n\n\n\nSecond para.\n \nThird";
  ASSERT_TRUE(Segment(&doc).ok());
  std::vector<uint32_t> paragraphs;
  for (const Sentence& s : doc.sentences) paragraphs.push_back(s.paragraph);
  EXPECT_EQ(paragraphs, (std::vector<uint32_t>{0, 1, 1, 2, 3}));
}

TEST(SentenceSplitterTest, LongRunsAreCutIntoBoundedPieces) {
  std::vector<Token> tokens(1001);
  std::vector<uint8_t> newlines(1001, 0);
  for (size_t i = 0; i < tokens.size(); ++i) {
    tokens[i].begin = static_cast<uint32_t>(2 * i);
    tokens[i].end = static_cast<uint32_t>(2 * i + 1);
    tokens[i].form.assign(1, 'w');
  }
  std::vector<Sentence> sentences;
  SplitSentences(tokens, newlines, 100, &sentences);
  ASSERT_EQ(sentences.size(), 11u);
  uint32_t next = 0;
  for (const Sentence& s : sentences) {
    EXPECT_EQ(s.first, next);
    EXPECT_LE(s.size, 100u);
    EXPECT_GE(s.size, 1u);
    next += s.size;
  }
  EXPECT_EQ(next, 1001u);
}

}  // namespace
}  // namespace faultline
