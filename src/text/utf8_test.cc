#include "text/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace faultline {
namespace {

TEST(Utf8Test, DecodesOneToFourByteSequences) {
  struct Case {
    std::string text;
    uint32_t cp;
    int len;
  } cases[] = {
      {"A", 'A', 1},
      {"\xC3\xA9", 0xE9, 2},             // é
      {"\xE2\x80\x99", 0x2019, 3},       // ’
      {"\xF0\x9F\x98\x80", 0x1F600, 4},  // 😀
  };
  for (const Case& c : cases) {
    uint32_t cp = 0;
    EXPECT_EQ(DecodeUtf8(c.text, 0, &cp), c.len) << c.text;
    EXPECT_EQ(cp, c.cp) << c.text;
    std::string back;
    AppendUtf8(cp, &back);
    EXPECT_EQ(back, c.text);
  }
}

TEST(Utf8Test, RejectsMalformedSequencesWithTheirOffset) {
  struct Case {
    std::string text;
    std::string message;
  } cases[] = {
      {"Kyiv \xFF talks", "invalid UTF-8 at byte offset 5"},
      {"ab\xC0\xAF", "invalid UTF-8 at byte offset 2"},         // overlong '/'
      {"x\xED\xA0\x80", "invalid UTF-8 at byte offset 1"},      // surrogate U+D800
      {"Ukraine\xE2\x80", "invalid UTF-8 at byte offset 7"},    // truncated ’
      {"\x80start", "invalid UTF-8 at byte offset 0"},          // lone continuation
      {"\xF4\x90\x80\x80", "invalid UTF-8 at byte offset 0"},   // above U+10FFFF
      {std::string("long ascii run before nul", 25) + '\0' + "x", "NUL byte at byte offset 25"},
  };
  for (const Case& c : cases) {
    const Status s = ValidateUtf8(c.text);
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(s.message(), c.message);
  }
}

TEST(Utf8Test, AcceptsRealText) {
  EXPECT_TRUE(ValidateUtf8("Blinken “emphasized” Ukraine’s sovereignty — 100,000 troops…").ok());
  EXPECT_TRUE(ValidateUtf8("").ok());
}

}  // namespace
}  // namespace faultline
