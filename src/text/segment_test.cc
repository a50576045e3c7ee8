#include "text/segment.h"

#include <gtest/gtest.h>

#include <tuple>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/segment_eval.h"

namespace faultline {
namespace {

std::string ReadSeedStory() {
  std::ifstream in("../shared/seed/article-2022-02-03.txt", std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  // " date 2022-02-03 " precedes the story.
  if (text.starts_with(" date ")) text.erase(0, 17);
  return text;
}

// Every token and sentence points into the original bytes, in order, and the
// sentences cover the tokens exactly once.
void ExpectConsistent(const Document& doc) {
  uint32_t next_token = 0, last_end = 0;
  for (const Sentence& s : doc.sentences) {
    ASSERT_EQ(s.first, next_token);
    ASSERT_GE(s.size, 1u);
    const Token* t = doc.begin_of(s);
    EXPECT_EQ(s.begin, t[0].begin);
    EXPECT_EQ(s.end, t[s.size - 1].end);
    next_token += s.size;
  }
  ASSERT_EQ(next_token, doc.tokens.size());
  for (const Token& t : doc.tokens) {
    ASSERT_LE(last_end, t.begin);
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, doc.text.size());
    last_end = t.end;
  }
}

TEST(SegmentTest, SeedStoryHas29SentencesIn24Paragraphs) {
  Document doc;
  doc.text = ReadSeedStory();
  ASSERT_FALSE(doc.text.empty()) << "run from the repository root";
  ASSERT_TRUE(Segment(&doc).ok());
  ExpectConsistent(doc);
  ASSERT_EQ(doc.sentences.size(), 29u);
  EXPECT_EQ(doc.sentences.back().paragraph, 23u);
  auto sentence = [&](size_t i) {
    return std::string(doc.slice(doc.sentences[i].begin, doc.sentences[i].end));
  };
  EXPECT_TRUE(sentence(2).starts_with("He noted that more than 100,000"));
  EXPECT_TRUE(sentence(2).ends_with("in our lifetimes.”"));
  EXPECT_TRUE(sentence(4).ends_with("\"we have the sanctions ready.”"));
  EXPECT_TRUE(sentence(16).starts_with("Earlier in a phone call"));
  EXPECT_TRUE(sentence(16).ends_with("near Ukraine's borders."));
  EXPECT_EQ(sentence(22), "He also said it would be a \"tragedy\" if an escalation begins.");
  EXPECT_EQ(sentence(28), "With reporting by AFP, Reuters, and AP");
}

TEST(SegmentTest, SeedStoryTokens) {
  Document doc;
  doc.text = ReadSeedStory();
  ASSERT_TRUE(Segment(&doc).ok());
  std::string forms;
  for (const Token& t : doc.tokens) forms += t.form + "|";
  const char* expected[] = {
      "|Moscow|'s|troop|build|-|up|at|",
      "|more|than|100,000|Russian|troops|",
      "|U.S.|Secretary|of|State|Antony|Blinken|",
      "|commitment|to|Ukraine|'s|sovereignty|",
      "|the|\"|immediate|\"|de-escalation|",
      "|battling|Russia|-|backed|separatists|",
      "|a|full|-|scale|war|",
      "|in|our|lifetimes|.|\"|Johnson|",
      "|more|than|13,200|people|",
  };
  for (const char* e : expected) EXPECT_NE(forms.find(e), std::string::npos) << e;
  for (const Token& t : doc.tokens) {
    if (t.form == "'s" && doc.slice(t.begin, t.end) == "’s") return;  // curly original kept
  }
  ADD_FAILURE() << "no curly ’s token";
}

TEST(SegmentTest, InvalidUtf8IsAnErrorNamingTheOffset) {
  Document doc;
  doc.text = "Talks began.\n\nKyiv \xC3\x28 said";
  const Status s = Segment(&doc);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "invalid UTF-8 at byte offset 19");
  EXPECT_TRUE(doc.tokens.empty());
  EXPECT_TRUE(doc.sentences.empty());
}

// A reused Document (the reader's) gets exactly the tokens a fresh one gets:
// the old tokens' lemmas, tags and heads do not survive, and a failed
// Segment leaves no tokens.
TEST(SegmentTest, ReusedDocumentIsLikeAFreshOne) {
  Document reused;
  reused.text = "Russian President Vladimir Putin and British Prime Minister Boris Johnson will talk on Wednesday.";
  ASSERT_TRUE(Segment(&reused).ok());
  for (Token& t : reused.tokens) {
    t.lemma = "a-lemma-long-enough-to-live-on-the-heap";
    t.upos = "NOUN";
    t.xpos = "NN";
    t.head = 3;
    t.deprel = "nsubj";
  }
  Document fresh;
  fresh.text = reused.text = "Kyiv \u2019s “allies” met.";
  ASSERT_TRUE(Segment(&reused).ok());
  ASSERT_TRUE(Segment(&fresh).ok());
  ASSERT_EQ(reused.tokens.size(), fresh.tokens.size());
  for (size_t i = 0; i < fresh.tokens.size(); ++i) {
    const Token &a = reused.tokens[i], &b = fresh.tokens[i];
    EXPECT_EQ(std::tie(a.begin, a.end, a.form, a.lemma, a.upos, a.xpos, a.head, a.deprel, a.space_after),
              std::tie(b.begin, b.end, b.form, b.lemma, b.upos, b.xpos, b.head, b.deprel, b.space_after))
        << i;
  }
  reused.text = "bad \xff byte";
  EXPECT_FALSE(Segment(&reused).ok());
  EXPECT_TRUE(reused.tokens.empty());
}

TEST(SegmentTest, NulByteIsAnError) {
  Document doc;
  doc.text = std::string("Talks\0began.", 12);
  const Status s = Segment(&doc);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "NUL byte at byte offset 5");
}

TEST(SegmentTest, EmptyTextHasNoSentences) {
  Document doc;
  doc.tokens.resize(3);  // stale content is replaced
  ASSERT_TRUE(Segment(&doc).ok());
  EXPECT_TRUE(doc.tokens.empty());
  EXPECT_TRUE(doc.sentences.empty());
}

TEST(SegmentTest, TenMegabytesWithoutPunctuationGiveBoundedSentences) {
  Document doc;
  const std::string words = "troops gather near the border and tensions rise ";
  while (doc.text.size() < (10u << 20)) doc.text += words;
  SegmentOptions opts;
  opts.max_sentence_tokens = 150;
  ASSERT_TRUE(Segment(&doc, opts).ok());
  ASSERT_GT(doc.tokens.size(), 1'000'000u);
  EXPECT_EQ(doc.sentences.size(), (doc.tokens.size() + 149) / 150);
  for (const Sentence& s : doc.sentences) ASSERT_LE(s.size, 150u);
  ExpectConsistent(doc);
}

TEST(SegmentTest, OneHugeWordIsOneToken) {
  Document doc;
  doc.text.assign(1 << 20, 'a');
  ASSERT_TRUE(Segment(&doc).ok());
  ASSERT_EQ(doc.tokens.size(), 1u);
  EXPECT_EQ(doc.sentences.size(), 1u);
}

TEST(SegmentTest, EvalScoresAPerfectSegmentation) {
  const std::string conllu =
      "# newdoc id = d1\n# newpar id = p1\n# text = I don't know.\n"
      "1\tI\tI\t_\t_\t_\t0\t_\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdo\tdo\t_\t_\t_\t0\t_\t_\t_\n3\tn't\tnot\t_\t_\t_\t0\t_\t_\t_\n"
      "4\tknow\tknow\t_\t_\t_\t0\t_\t_\tSpaceAfter=No\n5\t.\t.\t_\t_\t_\t0\t_\t_\t_\n\n"
      "# text = Gen. Smith left.\n1\tGen.\t_\t_\t_\t_\t0\t_\t_\t_\n"
      "2\tSmith\t_\t_\t_\t_\t0\t_\t_\t_\n3\tleft\t_\t_\t_\t_\t0\t_\t_\tSpaceAfter=No\n"
      "4\t.\t_\t_\t_\t_\t0\t_\t_\t_\n\n"
      "# newpar id = p2\n# text = Bye\n1\tBye\t_\t_\t_\t_\t0\t_\t_\t_\n\n";
  Result<GoldSegmentation> gold = ReadConlluAsText(conllu);
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  EXPECT_EQ(gold->text, "I don't know. Gen. Smith left.\n\nBye");
  EXPECT_EQ(gold->sentence_ends, (std::vector<uint32_t>{13, 30, 35}));
  EXPECT_EQ(gold->paragraph_ends, (std::vector<uint32_t>{30, 35}));
  EXPECT_EQ(gold->tokens.size(), 10u);
  Document doc;
  doc.text = gold->text;
  ASSERT_TRUE(Segment(&doc).ok());
  const SegmentScores scores = ScoreSegmentation(*gold, doc);
  EXPECT_EQ(scores.sentences.correct, 3u);
  EXPECT_EQ(scores.sentences.predicted, 3u);
  EXPECT_DOUBLE_EQ(scores.inner_sentences.f1(), 1.0);
  EXPECT_DOUBLE_EQ(scores.tokens.precision(), 1.0);
  EXPECT_DOUBLE_EQ(scores.tokens.recall(), 1.0);
}

}  // namespace
}  // namespace faultline

namespace faultline {
namespace {

// Random mixes of the characters the rules care about never break the
// invariants (a cheap stand-in for a fuzzer).
TEST(SegmentTest, RandomTrickyTextKeepsInvariants) {
  const char* pieces[] = {"U.S.", ".", "...", "…", "’s", "'", "\"", "“", "”", "-", "—", "–",
                          "\n", "\n\n", " ", "\xC2\xA0", "\xC2\xAD", "Gen", "No", "1,000",
                          "3.5", "(Reuters)", "KYIV", ",", "?", "!", "don't", "http://x.org",
                          "a@b.com", "é", "Ж", "😀", "Ｕ", "www.", "'68", "$", "J", "the", "The"};
  uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1103515245 + 12345, (seed >> 16) & 0x7FFF; };
  for (int round = 0; round < 3000; ++round) {
    Document doc;
    const int n = static_cast<int>(next() % 40);
    for (int i = 0; i < n; ++i) doc.text += pieces[next() % std::size(pieces)];
    SegmentOptions opts;
    opts.max_sentence_tokens = 1 + next() % 8;
    ASSERT_TRUE(Segment(&doc, opts).ok()) << doc.text;
    ExpectConsistent(doc);
    for (const Sentence& s : doc.sentences) ASSERT_LE(s.size, opts.max_sentence_tokens);
    for (const Token& t : doc.tokens) ASSERT_FALSE(t.form.empty()) << doc.text;
  }
}

}  // namespace
}  // namespace faultline
