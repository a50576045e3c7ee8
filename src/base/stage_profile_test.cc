#include "base/stage_profile.h"

#include <gtest/gtest.h>

#include <thread>

namespace faultline {
namespace {

void Spin(std::chrono::milliseconds d) {
  const auto until = std::chrono::steady_clock::now() + d;
  while (std::chrono::steady_clock::now() < until) {
  }
}

TEST(StageProfileTest, NullProfileIsANoOp) {
  StageLap lap(nullptr);
  lap.Lap(Stage::kParse);  // must not crash or read a clock
  { LapOnExit on_exit(&lap, Stage::kClause); }
  SUCCEED();
}

TEST(StageProfileTest, LapsChargeTheTimeSinceThePreviousLap) {
  StageProfile profile;
  StageLap lap(&profile);
  Spin(std::chrono::milliseconds(20));
  lap.Lap(Stage::kTag);
  lap.Lap(Stage::kParse);  // right after: the spin is not charged twice
  EXPECT_GE(profile.Seconds(Stage::kTag), 0.019);
  EXPECT_GE(profile.Seconds(Stage::kParse), 0.0);
  EXPECT_EQ(profile.Seconds(Stage::kWrite), 0.0);
}

TEST(StageProfileTest, LapOnExitCoversEveryWayOut) {
  StageProfile profile;
  StageLap lap(&profile);
  for (int i = 0; i < 3; ++i) {
    LapOnExit on_exit(&lap, Stage::kClause);
    Spin(std::chrono::milliseconds(5));
    if (i == 1) continue;
  }
  EXPECT_GE(profile.Seconds(Stage::kClause), 0.014);
}

TEST(StageProfileTest, ThreadsAddUp) {
  StageProfile profile;
  auto work = [&] {
    StageLap lap(&profile);
    Spin(std::chrono::milliseconds(10));
    lap.Lap(Stage::kParse);
  };
  std::thread a(work), b(work);
  a.join();
  b.join();
  EXPECT_GE(profile.Seconds(Stage::kParse), 0.019);
}

TEST(StageProfileTest, EveryStageHasAName) {
  for (const char* name : kStageNames) EXPECT_NE(name, nullptr);
  EXPECT_STREQ(kStageNames[static_cast<int>(Stage::kWrite)], "write");
}

}  // namespace
}  // namespace faultline
