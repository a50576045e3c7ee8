#include "ingest/jsonl_format.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/jsonl_fast_path.h"
#include "ingest/reader.h"
#include "ingest/test_files.h"

namespace faultline {
namespace {

TEST(JsonlFormatTest, ReadsAllFields) {
  TempDir dir;
  const std::string path = dir.Write(
      "feed.jsonl",
      "{\"id\":\"a1\",\"date\":\"2022-02-03\",\"text\":\"Putin met Johnson.\\n\\nThey talked.\","
      "\"title\":\"Talks\",\"source\":\"Wire\",\"url\":\"https://example.org/1\",\"extra\":[1]}\n"
      "\n"
      "{\"id\":42,\"date\":\"2022-02-04T10:15:00Z\",\"text\":\"Caf\\u00e9 \xE2\x80\x9Cquote\xE2\x80\x9D\"}\n"
      "{\"date\":\"2022-02-05\",\"text\":\"No id here.\",\"title\":null}\r\n");
  std::vector<InputError> errors;
  const auto docs = ReadAll({path}, &errors);
  EXPECT_TRUE(errors.empty()) << Describe(errors);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "a1");
  EXPECT_EQ(docs[0].date, "2022-02-03");
  EXPECT_EQ(docs[0].text, "Putin met Johnson.\n\nThey talked.");
  EXPECT_EQ(docs[0].title, "Talks");
  EXPECT_EQ(docs[0].source, "Wire");
  EXPECT_EQ(docs[0].url, "https://example.org/1");
  EXPECT_EQ(docs[0].origin, path + ":1");
  EXPECT_EQ(docs[1].id, "42");
  EXPECT_EQ(docs[1].date, "2022-02-04");
  EXPECT_EQ(docs[1].text, "Caf\xC3\xA9 \xE2\x80\x9Cquote\xE2\x80\x9D");
  EXPECT_EQ(docs[1].title, "") << "fields of the previous document must not leak";
  EXPECT_EQ(docs[1].origin, path + ":3");
  EXPECT_EQ(docs[2].id, path + ":4");
}

struct BadLine {
  const char* name;
  std::string line;
  std::string message;  // expected substring
};

class JsonlFaultTest : public testing::TestWithParam<BadLine> {};

// The bad line is line 2 of 3; lines 1 and 3 must still be read.
TEST_P(JsonlFaultTest, SkipsBadLineAndReadsTheOthers) {
  TempDir dir;
  const BadLine& c = GetParam();
  const std::string path =
      dir.Write("x.jsonl", "{\"id\":\"first\",\"date\":\"2022-02-03\",\"text\":\"One.\"}\n" + c.line +
                               "\n{\"id\":\"last\",\"date\":\"2022-02-05\",\"text\":\"Three.\"}\n");
  std::vector<InputError> errors;
  const auto docs = ReadAll({path}, &errors);
  ASSERT_EQ(docs.size(), 2u) << Describe(errors);
  EXPECT_EQ(docs[0].id, "first");
  EXPECT_EQ(docs[1].id, "last");
  ASSERT_EQ(errors.size(), 1u) << Describe(errors);
  EXPECT_EQ(errors[0].where, path + ":2");
  EXPECT_NE(errors[0].message.find(c.message), std::string::npos) << errors[0].message;
}

INSTANTIATE_TEST_SUITE_P(
    Faults, JsonlFaultTest,
    testing::Values(
        BadLine{"Truncated", "{\"id\":\"t\",\"date\":\"2022-02-04\",\"text\":\"cut of",
                "broken JSON at column"},
        BadLine{"NotAnObject", "[\"2022-02-04\", \"text\"]", "not a JSON object (found array)"},
        BadLine{"Scalar", "17", "not a JSON object (found number)"},
        BadLine{"TextNotString", "{\"id\":\"n\",\"date\":\"2022-02-04\",\"text\":12}",
                "record \"n\": \"text\" is not a string (found number)"},
        BadLine{"MissingText", "{\"date\":\"2022-02-04\"}", "missing \"text\""},
        BadLine{"MissingDate", "{\"text\":\"Some story.\"}", "missing \"date\""},
        BadLine{"DateNotString", "{\"date\":20220204,\"text\":\"x\"}", "\"date\" is not a string"},
        BadLine{"ImpossibleDate", "{\"date\":\"2022-02-30\",\"text\":\"x\"}",
                "bad date: 2022-02-30 is not a date: February 2022 has 28 days"},
        BadLine{"MonthThirteen", "{\"date\":\"2022-13-01\",\"text\":\"x\"}", "no month 13"},
        BadLine{"HugeYear", "{\"date\":\"99999-01-01\",\"text\":\"x\"}",
                "year 99999 is out of range"},
        BadLine{"MalformedDate", "{\"date\":\"Feb 4, 2022\",\"text\":\"x\"}",
                "'Feb 4, 2022' is not a date in YYYY-MM-DD form"},
        BadLine{"EmptyText", "{\"date\":\"2022-02-04\",\"text\":\"\"}", "empty story"},
        BadLine{"BlankText", "{\"date\":\"2022-02-04\",\"text\":\" \\n\\t \"}", "empty story"},
        BadLine{"InvalidUtf8", "{\"date\":\"2022-02-04\",\"text\":\"bad \xC3\x28\"}",
                "invalid UTF-8 (bytes 0xC3 0x28 0x22 0x7D) at byte 34 of the line"},
        BadLine{"RawNul", std::string("{\"date\":\"2022-02-04\",\"text\":\"a\0\"}", 33),
                "NUL byte at byte 31 of the line"},
        BadLine{"EscapedNul", "{\"date\":\"2022-02-04\",\"text\":\"ab\\u0000\"}",
                "NUL byte in \"text\" at byte 3"},
        BadLine{"IdIsObject", "{\"id\":{},\"date\":\"2022-02-04\",\"text\":\"x\"}",
                "\"id\" is not a string or number (found object)"},
        BadLine{"TitleNotString", "{\"date\":\"2022-02-04\",\"text\":\"x\",\"title\":5}",
                "\"title\" is not a string (found number)"}),
    [](const testing::TestParamInfo<BadLine>& info) { return info.param.name; });

TEST(JsonlFormatTest, LongParseErrorMessageIsCut) {
  Document doc;
  std::string why;
  const std::string line = "{\"date\":\"2022-02-04\",\"text\":\"" + std::string(100000, 'z');
  EXPECT_FALSE(ParseJsonStory(line, "f:1", &doc, &why));
  EXPECT_LE(why.size(), 210u) << why.substr(0, 300);
  EXPECT_TRUE(why.starts_with("broken JSON at column")) << why.substr(0, 300);
}

TEST(JsonlFormatTest, LineOverLimitIsSkipped) {
  TempDir dir;
  const std::string big =
      "{\"date\":\"2022-02-04\",\"text\":\"" + std::string(2000, 'w') + "\"}";
  const std::string path =
      dir.Write("big.jsonl", big + "\n{\"date\":\"2022-02-05\",\"text\":\"fits\"}\n");
  ReaderOptions opts;
  opts.max_story_bytes = 1000;
  std::vector<InputError> errors;
  const auto docs = ReadAll({path}, &errors, opts);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "fits");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where, path + ":1");
  EXPECT_EQ(errors[0].message, "line of " + std::to_string(big.size()) +
                                   " bytes is over the limit of 1000 bytes (max_story_bytes)");
}

// A .txt file whose content is JSON Lines is sniffed as JSON Lines.
TEST(JsonlFormatTest, SniffedFromContent) {
  TempDir dir;
  const std::string path =
      dir.Write("looks-like-text.txt", "\n  {\"date\":\"2022-02-05\",\"text\":\"sniffed\"}\n");
  std::vector<InputError> errors;
  const auto docs = ReadAll({path}, &errors);
  ASSERT_EQ(docs.size(), 1u) << Describe(errors);
  EXPECT_EQ(docs[0].text, "sniffed");
}

}  // namespace
}  // namespace faultline

namespace faultline {
namespace {

// The simdjson fast path must yield exactly what the full parser yields for
// good records, and must decline every bad one.
TEST(JsonlFastPathTest, AgreesWithFullParser) {
  const std::string good[] = {
      R"({"id":"a1","date":"2022-02-03","text":"One.\n\nTwo \"q\" \u00e9","title":"T","source":"S","url":"U"})",
      R"({"id":7,"date":"2022-02-03T00:00:00Z","text":"x","extra":{"nested":[1,2]}})",
      R"({"id":-7,"date":"2022-02-03","text":"x","title":null})",
      R"({"id":18446744073709551615,"date":"2022-02-03","text":"x"})",
      R"({"date":"2022-02-03","text":"no id","id":""})",
      R"({"id":"dup","id":"second","date":"2024-02-29","text":"x","text":"last wins"})",
      R"(  {"text":"order","date":"2022-02-03"}  )",
  };
  FastJsonStoryParser fast;
  for (const std::string& line : good) {
    Document a, b;
    std::string why;
    ASSERT_TRUE(fast.Parse(line, "f:1", &a)) << line;
    ASSERT_TRUE(ParseJsonStory(line, "f:1", &b, &why)) << line << ": " << why;
    EXPECT_EQ(a.id, b.id) << line;
    EXPECT_EQ(a.date, b.date) << line;
    EXPECT_EQ(a.text, b.text) << line;
    EXPECT_EQ(a.title, b.title) << line;
    EXPECT_EQ(a.source, b.source) << line;
    EXPECT_EQ(a.url, b.url) << line;
  }
}

TEST(JsonlFastPathTest, DeclinesWhatItCannotVouchFor) {
  const std::string bad[] = {
      R"({"date":"2022-02-03","text":"x")",
      R"(["2022-02-03","x"])",
      R"({"date":"2022-02-30","text":"x"})",
      R"({"date":"2022-02-03","text":""})",
      R"({"date":"2022-02-03","text":"a\u0000b"})",
      R"({"date":"2022-02-03"})",
      R"({"text":"x"})",
      R"({"id":1.5,"date":"2022-02-03","text":"x"})",
      R"({"id":true,"date":"2022-02-03","text":"x"})",
      R"({"date":"2022-02-03","text":"x","url":3})",
      "{\"date\":\"2022-02-03\",\"text\":\"bad \xC3(\"}",
  };
  FastJsonStoryParser fast;
  for (const std::string& line : bad) {
    Document doc;
    EXPECT_FALSE(fast.Parse(line, "f:1", &doc)) << line;
  }
}

// A float id is declined by the fast path and spelled by the full parser.
TEST(JsonlFastPathTest, FloatIdTakesFullPath) {
  TempDir dir;
  const std::string path = dir.Write("f.jsonl", R"({"id":1.5,"date":"2022-02-03","text":"x"})");
  std::vector<InputError> errors;
  const auto docs = ReadAll({path}, &errors);
  ASSERT_EQ(docs.size(), 1u) << Describe(errors);
  EXPECT_EQ(docs[0].id, "1.5");
}

}  // namespace
}  // namespace faultline
