#include "ingest/text_fault.h"

#include <gtest/gtest.h>

#include <string>

namespace faultline {
namespace {

using Kind = TextFault::Kind;

TEST(TextFaultTest, AcceptsWellFormedText) {
  const std::string texts[] = {
      "",
      "plain ASCII text that is longer than one eight-byte word",
      "Zelenskiy \xE2\x80\x9Cquoted\xE2\x80\x9D",    // curly quotes, 3 bytes
      "Caf\xC3\xA9 na\xC3\xAFve",                     // 2-byte sequences
      "emoji \xF0\x9F\x98\x80 end",                   // 4 bytes
      "\xF4\x8F\xBF\xBF",                             // U+10FFFF, the last code point
      "\xED\x9F\xBF",                                 // U+D7FF, just below surrogates
  };
  for (const std::string& t : texts) {
    EXPECT_EQ(FindTextFault(t).kind, Kind::kNone) << t;
  }
}

TEST(TextFaultTest, FindsFirstBadByte) {
  struct Case {
    std::string text;
    Kind kind;
    size_t offset;
  };
  const Case cases[] = {
      {"abc\xC3(def", Kind::kBadUtf8, 3},                 // truncated 2-byte
      {"0123456789\x80", Kind::kBadUtf8, 10},              // lone continuation
      {"\xC0\xAF", Kind::kBadUtf8, 0},                     // overlong '/'
      {"ab\xE0\x80\xAF", Kind::kBadUtf8, 2},               // overlong 3-byte
      {"\xED\xA0\x80", Kind::kBadUtf8, 0},                 // surrogate U+D800
      {"\xF4\x90\x80\x80", Kind::kBadUtf8, 0},             // above U+10FFFF
      {"xyz\xF0\x9F\x98", Kind::kBadUtf8, 3},              // cut at end of text
      {"\xFF", Kind::kBadUtf8, 0},
      {std::string("abcdefghij\0k", 12), Kind::kNul, 10},  // NUL inside an 8-byte word
      {std::string("\0", 1), Kind::kNul, 0},
  };
  for (const Case& c : cases) {
    const TextFault f = FindTextFault(c.text);
    EXPECT_EQ(f.kind, c.kind) << c.offset;
    EXPECT_EQ(f.offset, c.offset);
  }
}

TEST(TextFaultTest, DescribesFault) {
  const std::string text = "ab\xC3(";
  EXPECT_EQ(DescribeTextFault(text, FindTextFault(text)), "invalid UTF-8 (bytes 0xC3 0x28)");
  const std::string nul("a\0", 2);
  EXPECT_EQ(DescribeTextFault(nul, FindTextFault(nul)), "NUL byte");
}

}  // namespace
}  // namespace faultline
