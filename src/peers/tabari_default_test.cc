// TABARI's DEFAULT: option as the validation suite writes it.
#include "peers/tabari_default.h"

#include <gtest/gtest.h>

namespace faultline::peers {
namespace {

TEST(TabariDefault, SourcePriorTargetAfterAndOff) {
  DefaultActors d;
  EXPECT_FALSE(ApplyDefaultOption("SET: CODE ALL", &d));
  ASSERT_TRUE(ApplyDefaultOption(" DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER  ", &d));
  EXPECT_EQ(d.source, "DEFSRC");
  EXPECT_EQ(d.target, "DEFTAR");
  EXPECT_TRUE(d.source_prior);
  EXPECT_TRUE(d.target_after);
  ASSERT_TRUE(ApplyDefaultOption("DEFAULT: SOURCE [DEFSRC]  TARGET [DEFTAR] AFTER", &d));
  EXPECT_FALSE(d.source_prior);
  EXPECT_TRUE(d.target_after);
  ASSERT_TRUE(ApplyDefaultOption("DEFAULT: OFF", &d));
  EXPECT_FALSE(d.any());
}

}  // namespace
}  // namespace faultline::peers
