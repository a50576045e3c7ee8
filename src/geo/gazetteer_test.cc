#include "geo/gazetteer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

namespace faultline {
namespace {

std::unique_ptr<Gazetteer> Small() {
  auto g = Gazetteer::Load("tests/data/gazetteer_small.tsv");
  EXPECT_TRUE(g.ok()) << g.status().ToString();
  return g.ok() ? std::move(g).value() : nullptr;
}

TEST(GazetteerTest, FindsByNameInAnyCase) {
  auto g = Small();
  ASSERT_TRUE(g);
  EXPECT_EQ(g->size(), 26u);
  auto paris = g->Find("paris");
  ASSERT_EQ(paris.size(), 3u);
  for (const PlaceMatch& m : paris) {
    EXPECT_EQ(m.place->name, "Paris");
    EXPECT_FALSE(m.alternate);
  }
  EXPECT_EQ(g->Find("PARIS").size(), 3u);
  EXPECT_TRUE(g->Find("Pari").empty());
  EXPECT_TRUE(g->Find("").empty());
}

TEST(GazetteerTest, FindsThroughAsciiSpellingAndAlternates) {
  auto g = Small();
  ASSERT_TRUE(g);
  auto zurich = g->Find("Zurich");
  ASSERT_EQ(zurich.size(), 1u);
  EXPECT_EQ(zurich[0].place->name, "Zürich");
  EXPECT_EQ(g->Find("zürich").size(), 1u);
  auto washington = g->Find("Washington");
  ASSERT_EQ(washington.size(), 2u);  // not the state of Washington's Geneva
  bool dc = false;
  for (const PlaceMatch& m : washington) {
    if (m.place->country == "USA") {
      dc = true;
      EXPECT_TRUE(m.alternate);
      EXPECT_TRUE(m.place->IsCapital());
      EXPECT_EQ(m.place->admin, "District of Columbia");
    }
  }
  EXPECT_TRUE(dc);
}

TEST(GazetteerTest, CountryRows) {
  auto g = Small();
  ASSERT_TRUE(g);
  const Place* ukr = g->Country("UKR");
  ASSERT_NE(ukr, nullptr);
  EXPECT_TRUE(ukr->IsCountry());
  EXPECT_EQ(ukr->name, "Ukraine");
  EXPECT_NEAR(ukr->lat, 50.45466, 1e-4);
  EXPECT_EQ(g->Country("XYZ"), nullptr);
}

TEST(GazetteerTest, ReportsBadLinesWithTheirNumber) {
  auto g = Gazetteer::Parse("# comment\nParis\tParis\t\tFRA\t11\t\tPPLC\t48.8\t2.3\t100\nBroken\tline\n", "t.tsv");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("t.tsv:3"), std::string::npos) << g.status().ToString();
  auto bad = Gazetteer::Parse("X\tX\t\tFRA\t\t\tPPL\tnorth\t2.3\t100\n", "u.tsv");
  EXPECT_FALSE(bad.ok());
}

// The gazetteer the build converts from GeoNames (tools/make_gazetteer.mjs).
TEST(GazetteerTest, RealGazetteerLoads) {
  std::string path = FindGazetteer("");
  if (path.empty()) {
    GTEST_SKIP() << "no gazetteer.tsv next to the test program or in $FAULTLINE_GAZETTEER: run scripts/setup.sh "
                    "(or node tools/make_gazetteer.mjs <build>/gazetteer.tsv) to convert GeoNames";
  }
  auto t0 = std::chrono::steady_clock::now();
  auto g = Gazetteer::Load(path);
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  std::printf("loaded %zu places from %s in %.1f ms\n", (*g)->size(), path.c_str(), ms);
  EXPECT_GT((*g)->size(), 130000u);
  // The load time is printed, not asserted: speed is measured by
  // benchmarks, never by timed tests (a loaded CI machine is not slow code).
  bool paris_capital = false;
  for (const PlaceMatch& m : (*g)->Find("Paris")) paris_capital |= m.place->country == "FRA" && m.place->IsCapital();
  EXPECT_TRUE(paris_capital);
  ASSERT_FALSE((*g)->Find("Kyiv").empty());
  const Place* ukr = (*g)->Country("UKR");
  ASSERT_NE(ukr, nullptr);
  EXPECT_NEAR(ukr->lat, 50.45, 0.1);  // Kyiv, the capital
  EXPECT_NE((*g)->Country("USA"), nullptr);
}

}  // namespace
}  // namespace faultline
