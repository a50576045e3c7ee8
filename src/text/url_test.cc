#include "text/url.h"

#include <gtest/gtest.h>

#include <string>

namespace faultline {
namespace {

TEST(UrlTest, FindsAddressesWithoutSurroundingPunctuation) {
  struct Case {
    const char* chunk;
    const char* url;  // "" = none
  } cases[] = {
      {"https://example.org/a?b=1.", "https://example.org/a?b=1"},
      {"(www.reuters.com),", "www.reuters.com"},
      {"<press@example.org>", "press@example.org"},
      {"\"http://x.org/news”", "http://x.org/news"},
      {"https://en.wikipedia.org/wiki/Kyiv_(city))", "https://en.wikipedia.org/wiki/Kyiv_(city)"},
      {"mailto:a.b@c.com", "mailto:a.b@c.com"},
      {"10:30", ""},
      {"U.S.", ""},
      {"said:", ""},
      {"@user", ""},
      {"between", ""},
  };
  for (const Case& c : cases) {
    size_t b = 0, e = 0;
    const std::string chunk = c.chunk;
    const bool found = FindUrl(chunk, &b, &e);
    EXPECT_EQ(found ? chunk.substr(b, e - b) : "", c.url) << c.chunk;
  }
}

}  // namespace
}  // namespace faultline
