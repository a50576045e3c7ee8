// TABARI's FORWARD: option on the suite's own FRWD-001 sentences.
#include "peers/tabari_forward.h"

#include <gtest/gtest.h>

namespace faultline::peers {
namespace {

TEST(TabariForward, OptionOnAndOff) {
  bool on = false;
  EXPECT_FALSE(ApplyForwardOption("SET: CODE ALL", &on));
  ASSERT_TRUE(ApplyForwardOption(" FORWARD: ^^*****NNN*SSS ", &on));
  EXPECT_TRUE(on);
  ASSERT_TRUE(ApplyForwardOption("FORWARD: ^^*****NNN*SSS OFF", &on));
  EXPECT_FALSE(on);
}

TEST(TabariForward, LeadingPronounTakesThePreviousSource) {
  EXPECT_EQ(ForwardPronoun("He has also asked Gondor to provide help.", "Fornost"),
            "Fornost has also asked Gondor to provide help.");
  EXPECT_EQ(ForwardPronoun("However, it acknowledged the concerns.", "Gondor"), "However, Gondor acknowledged the concerns.");
  EXPECT_EQ(ForwardPronoun("Gondor expressed reluctance to help it.", "Fornost"), "Gondor expressed reluctance to help it.");
  ForwardState s;
  EXPECT_EQ(s.CodeFor("FRWD-001-002"), "");
  s.Coded("FRWD-001-001", "FOR", false);
  EXPECT_EQ(s.CodeFor("FRWD-001-002"), "FOR");
  s.Coded("FRWD-001-002", "FOR", true);
  s.Coded("FRWD-001-003", "GON", false);
  EXPECT_EQ(s.CodeFor("FRWD-001-004"), "GON");
  s.Coded("FRWD-001-004", "GON", true);
  EXPECT_EQ(s.CodeFor("FRWD-001-005"), "FOR");  // a forwarded source passes on the story's first
  EXPECT_EQ(s.CodeFor("FRWD-002-001"), "");     // another story
}

}  // namespace
}  // namespace faultline::peers
