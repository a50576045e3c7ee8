#include "text/normalize.h"

#include <gtest/gtest.h>

#include <string>

namespace faultline {
namespace {

TEST(NormalizeTest, MapsTypographicVariantsToAscii) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"Ukraine’s", "Ukraine's"},
      {"“the moment”", "\"the moment\""},
      {"‘single’ ‚low‛", "'single' 'low'"},
      {"«Paris» ‹x›", "\"Paris\" 'x'"},
      {"„Berlin‟", "\"Berlin\""},
      {"5′ 10″", "5' 10\""},
      {"2014–2022", "2014-2022"},
      {"wait — no", "wait -- no"},
      {"−5 ‒ 3", "-5 - 3"},
      {"non\xC2\xADstop", "nonstop"},  // soft hyphen dropped
      {"100\xC2\xA0km", "100 km"},      // NBSP
      {"a\xE2\x80\x89" "b", "a b"},      // thin space
      {"and so…", "and so..."},
      {"ＵＳ＄５", "US$5"},               // fullwidth forms
      {"ﬁnal", "final"},
      {"café", "café"},                  // letters are kept
  };
  for (const Case& c : cases) EXPECT_EQ(Normalize(c.in), c.out) << c.in;
}

TEST(NormalizeTest, EveryFullwidthAsciiFormMapsToItsAscii) {
  for (uint32_t cp = 0xFF01; cp <= 0xFF5E; ++cp) {
    const char* s = NormalizedSpelling(cp);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(std::string(s), std::string(1, static_cast<char>(cp - 0xFEE0)));
  }
}

TEST(NormalizeTest, ClassifiesGlyphs) {
  struct Case {
    const char* text;
    char ascii;
  } cases[] = {
      {"’", '\''}, {"”", '"'}, {"–", '-'},       {"—", '-'},
      {"\xC2\xA0", ' '},       {"\xE2\x80\xA8", '\n'},    {"…", kEllipsisGlyph},
      {"\xC2\xAD", kIgnorableGlyph},                       {"€", kSymbolGlyph},
      {"•", kSymbolGlyph},     {"é", kWordGlyph},          {"Ж", kWordGlyph},
      {"Ａ", 'A'},
  };
  for (const Case& c : cases) {
    const Glyph g = ReadGlyph(c.text, 0);
    EXPECT_EQ(g.ascii, c.ascii) << c.text;
    EXPECT_EQ(g.len, std::string(c.text).size()) << c.text;
  }
}

}  // namespace
}  // namespace faultline
