#include "ingest/seed_format.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "ingest/test_files.h"

namespace faultline {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The project's seed article, read from ../shared (tests run in the repo root).
TEST(SeedFormatTest, ReadsSeedArticleByteForByte) {
  const std::string path = "../shared/seed/article-2022-02-03.txt";
  const std::string raw = Slurp(path);
  ASSERT_GT(raw.size(), 1000u) << "missing " << path;
  std::vector<InputError> errors;
  const auto docs = ReadAll({path}, &errors);
  ASSERT_EQ(docs.size(), 1u) << Describe(errors);
  EXPECT_TRUE(errors.empty()) << Describe(errors);
  const Document& d = docs[0];
  EXPECT_EQ(d.id, "article-2022-02-03");
  EXPECT_EQ(d.date, "2022-02-03");
  EXPECT_EQ(d.origin, path + ":1");
  std::string expected = raw.substr(std::string(" date 2022-02-03 ").size());
  while (!expected.empty() && expected.back() == '\n') expected.pop_back();
  EXPECT_EQ(d.text, expected);
  EXPECT_TRUE(d.text.starts_with("Russian President Vladimir Putin"));
  EXPECT_NE(d.text.find(".\n\nJohnson visited Kyiv"), std::string::npos);
}

TEST(SeedFormatTest, SeveralStoriesInOneFile) {
  TempDir dir;
  const std::string path = dir.Write("wire.txt",
                                     " date 2022-02-03 First story.\n\nIts second paragraph.\n"
                                     "\n"
                                     " date 2022-02-04 Second story.\n"
                                     "\n\n"
                                     "date 2022-02-05 Third, without the leading space.\n\n\n");
  std::vector<InputError> errors;
  const auto docs = ReadAll({path}, &errors);
  EXPECT_TRUE(errors.empty()) << Describe(errors);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "wire");
  EXPECT_EQ(docs[0].text, "First story.\n\nIts second paragraph.");
  EXPECT_EQ(docs[1].id, "wire#2");
  EXPECT_EQ(docs[1].date, "2022-02-04");
  EXPECT_EQ(docs[1].text, "Second story.");
  EXPECT_EQ(docs[1].origin, path + ":5");
  EXPECT_EQ(docs[2].id, "wire#3");
  EXPECT_EQ(docs[2].text, "Third, without the leading space.");
}

// " date " inside a paragraph, or right after a text line, is text.
TEST(SeedFormatTest, DateWordInsideStoryIsText) {
  TempDir dir;
  const std::string path = dir.Write("a.txt",
                                     " date 2022-02-03 Talks set.\n"
                                     " date 2022-02-04 is not a header here.\n"
                                     "\n"
                                     "date of the summit is unknown.\n");
  std::vector<InputError> errors;
  const auto docs = ReadAll({path}, &errors);
  ASSERT_EQ(docs.size(), 1u) << Describe(errors);
  EXPECT_EQ(docs[0].text,
            "Talks set.\n date 2022-02-04 is not a header here.\n\ndate of the summit is unknown.");
}

TEST(SeedFormatTest, DateOnItsOwnLineAndCrLf) {
  TempDir dir;
  const std::string path = dir.Write("crlf.txt", " date 2022-02-03\r\n\r\nBody line.\r\n\r\n");
  std::vector<InputError> errors;
  const auto docs = ReadAll({path}, &errors);
  ASSERT_EQ(docs.size(), 1u) << Describe(errors);
  EXPECT_EQ(docs[0].date, "2022-02-03");
  EXPECT_EQ(docs[0].text, "Body line.");
}

struct BadCase {
  const char* name;
  std::string story;       // the faulty second story of a three-story file
  std::string where_line;  // expected line in InputError::where
  std::string message;     // expected substring of the message
};

// Each fault skips only its own story; the stories around it are read.
class SeedFaultTest : public testing::TestWithParam<BadCase> {};

TEST_P(SeedFaultTest, SkipsBadStoryAndReadsTheOthers) {
  TempDir dir;
  const BadCase& c = GetParam();
  const std::string path = dir.Write(
      "mixed.txt", " date 2022-02-03 Good one.\n\n" + c.story + "\n\n date 2022-02-05 Good two.\n");
  std::vector<InputError> errors;
  const auto docs = ReadAll({path}, &errors);
  ASSERT_EQ(docs.size(), 2u) << Describe(errors);
  EXPECT_EQ(docs[0].text, "Good one.");
  EXPECT_EQ(docs[1].text, "Good two.");
  EXPECT_EQ(docs[1].id, "mixed#3");
  ASSERT_EQ(errors.size(), 1u) << Describe(errors);
  EXPECT_EQ(errors[0].where, path + ":" + c.where_line);
  EXPECT_NE(errors[0].message.find(c.message), std::string::npos) << errors[0].message;
  EXPECT_NE(errors[0].message.find("(story mixed#2 from line 3)"), std::string::npos)
      << errors[0].message;
}

INSTANTIATE_TEST_SUITE_P(
    Faults, SeedFaultTest,
    testing::Values(
        BadCase{"ImpossibleDay", " date 2022-02-30 Text.", "3",
                "bad date: 2022-02-30 is not a date: February 2022 has 28 days"},
        BadCase{"ImpossibleMonth", " date 2022-13-01 Text.", "3",
                "bad date: 2022-13-01 is not a date: there is no month 13"},
        BadCase{"HugeYear", " date 99999-01-01 Text.", "3",
                "year 99999 is out of range 1000..2999"},
        BadCase{"MalformedDate", " date 3/2/2022 Text.", "3",
                "bad date: '3/2/2022' is not a date in YYYY-MM-DD form"},
        BadCase{"EmptyDate", " date  Text.", "3", "bad date: '' is not a date"},
        BadCase{"InvalidUtf8", " date 2022-02-04 Fine line.\nBad \xC3( byte.", "4",
                "invalid UTF-8 (bytes 0xC3 0x28 0x20 0x62) at byte 5 of line 4"},
        BadCase{"InvalidUtf8InHeader", " date 2022-02-04 Bad\xFF.", "3",
                "invalid UTF-8 (bytes 0xFF 0x2E) at byte 21 of line 3"},
        BadCase{"NulByte", std::string(" date 2022-02-04 A\0B", 20), "3",
                "NUL byte at byte 19 of line 3"},
        BadCase{"EmptyStory", " date 2022-02-04 ", "3", "empty story"},
        BadCase{"WhitespaceStory", " date 2022-02-04  \t \n   ", "3", "empty story"}),
    [](const testing::TestParamInfo<BadCase>& info) { return info.param.name; });

TEST(SeedFormatTest, MissingDate) {
  TempDir dir;
  const std::string path =
      dir.Write("nodate.txt", "\nNo header on this story.\n\nSecond paragraph.\n\n"
                              " date 2022-02-05 Dated story.\n");
  std::vector<InputError> errors;
  const auto docs = ReadAll({path}, &errors);
  ASSERT_EQ(docs.size(), 1u) << Describe(errors);
  EXPECT_EQ(docs[0].text, "Dated story.");
  EXPECT_EQ(docs[0].id, "nodate#2");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where, path + ":2");
  EXPECT_NE(errors[0].message.find("missing date"), std::string::npos) << errors[0].message;
}

TEST(SeedFormatTest, StoryOverLimitIsSkipped) {
  TempDir dir;
  const std::string big = " date 2022-02-04 " + std::string(300, 'a') + "\n\n" +
                          std::string(300, 'b');
  const std::string path = dir.Write(
      "big.txt", " date 2022-02-03 Small.\n\n" + big + "\n\n date 2022-02-05 Also small.\n");
  std::vector<InputError> errors;
  ReaderOptions opts;
  opts.max_story_bytes = 500;
  const auto docs = ReadAll({path}, &errors, opts);
  ASSERT_EQ(docs.size(), 2u) << Describe(errors);
  EXPECT_EQ(docs[1].text, "Also small.");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where, path + ":3");
  EXPECT_NE(errors[0].message.find("story of 602 bytes is over the limit of 500 bytes"),
            std::string::npos)
      << errors[0].message;
}

// An over-long single line that is itself a header still starts a new story,
// so the good story before it is not lost.
TEST(SeedFormatTest, OverLongHeaderLineStartsNewStory) {
  TempDir dir;
  const std::string path = dir.Write("long.txt", " date 2022-02-03 Before.\n\n date 2022-02-04 " +
                                                     std::string(5000, 'x') +
                                                     "\n\n date 2022-02-05 After.\n");
  std::vector<InputError> errors;
  ReaderOptions opts;
  opts.max_story_bytes = 1000;
  const auto docs = ReadAll({path}, &errors, opts);
  ASSERT_EQ(docs.size(), 2u) << Describe(errors);
  EXPECT_EQ(docs[0].text, "Before.");
  EXPECT_EQ(docs[1].text, "After.");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where, path + ":3");
  EXPECT_NE(errors[0].message.find("over the limit of 1000 bytes"), std::string::npos);
}

TEST(SeedFormatTest, HeaderRecognition) {
  EXPECT_TRUE(IsSeedHeader(" date 2022-02-03 Text", false));
  EXPECT_TRUE(IsSeedHeader(" date garbage", false));
  EXPECT_TRUE(IsSeedHeader("date 2022-02-03 Text", false));
  EXPECT_FALSE(IsSeedHeader("date of the talks", false));
  EXPECT_TRUE(IsSeedHeader("date of the talks", true));
  EXPECT_FALSE(IsSeedHeader("  date 2022-02-03", false));
  EXPECT_FALSE(IsSeedHeader("Date 2022-02-03", true));
}

}  // namespace
}  // namespace faultline
