#include "geo/place_resolver.h"

#include <gtest/gtest.h>

namespace faultline {
namespace {

class PlaceResolverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto g = Gazetteer::Load("tests/data/gazetteer_small.tsv");
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    g_ = std::move(g).value();
  }
  std::string Resolve(std::string_view name, const PlaceContext& ctx, bool* context = nullptr) {
    const Place* p = ResolvePlace(*g_, name, ctx, context);
    if (!p) return "-";
    std::string out(p->country);
    if (!p->admin.empty()) out.append("/").append(p->admin);
    return out;
  }
  std::unique_ptr<Gazetteer> g_;
};

TEST_F(PlaceResolverTest, WithoutContextTheCapitalAndTheLargestWin) {
  PlaceContext ctx;
  EXPECT_EQ(Resolve("Paris", ctx), "FRA");
  EXPECT_EQ(Resolve("Moscow", ctx), "RUS");
  EXPECT_EQ(Resolve("Washington", ctx), "USA/District of Columbia");
  EXPECT_EQ(Resolve("Atlantis", ctx), "-");
}

TEST_F(PlaceResolverTest, QualifierDecides) {
  PlaceContext ctx;
  ctx.qualifier = "Texas";
  EXPECT_EQ(Resolve("Paris", ctx), "USA/Texas");
  ctx.qualifier = "TX";
  EXPECT_EQ(Resolve("Paris", ctx), "USA/Texas");
  ctx.qualifier = "France";
  EXPECT_EQ(Resolve("Paris", ctx), "FRA");
  PlaceContext demonym;  // "the Idaho town of Moscow" comes as a division; a country as a code
  demonym.qualifier_countries = {"USA"};
  EXPECT_EQ(Resolve("Moscow", demonym), "USA/Idaho");
}

TEST_F(PlaceResolverTest, StoryNamingTheDivisionDecides) {
  std::map<std::string, int> countries = {{"USA", 4}};
  PlaceContext ctx;
  ctx.story_countries = &countries;
  ctx.actor_countries = {"USA"};
  // An American story alone does not make Paris Texan...
  ctx.story = "Police said a man was arrested in Paris on Friday.";
  EXPECT_EQ(Resolve("Paris", ctx), "FRA");
  // ...one that names Texas does.
  ctx.story = "A tornado hit north-east Texas. Police said a man was arrested in Paris on Friday.";
  EXPECT_EQ(Resolve("Paris", ctx), "USA/Texas");
  // "Texas" must be a word of the story, not part of one.
  ctx.story = "Texasville news: a man was arrested in Paris.";
  EXPECT_EQ(Resolve("Paris", ctx), "FRA");
}

TEST_F(PlaceResolverTest, ContextCountryWinsAmongTownsButNotOverACapitalOfThatSize) {
  std::map<std::string, int> lebanon = {{"LBN", 6}};
  PlaceContext ctx;
  ctx.story_countries = &lebanon;
  ctx.actor_countries = {"LBN"};
  EXPECT_EQ(Resolve("Tripoli", ctx), "LBN");
  // A British story's "in Washington" is still the American capital.
  std::map<std::string, int> britain = {{"GBR", 8}};
  PlaceContext uk;
  uk.story_countries = &britain;
  uk.actor_countries = {"GBR"};
  EXPECT_EQ(Resolve("Washington", uk), "USA/District of Columbia");
  // An English name the converter marks ('*') is the place news means,
  // even in an American story.
  std::map<std::string, int> us = {{"USA", 6}};
  PlaceContext american;
  american.story_countries = &us;
  american.actor_countries = {"USA"};
  EXPECT_EQ(Resolve("Geneva", american), "CHE/Genève");
  // A story that says "Washington" means the capital, not the state with
  // a Geneva in it.
  american.story = "Officials in Washington said talks in Geneva went well.";
  EXPECT_EQ(Resolve("Geneva", american), "CHE/Genève");
  american.qualifier = "Illinois";
  EXPECT_EQ(Resolve("Geneva", american), "USA/Illinois");
}

TEST_F(PlaceResolverTest, CountryNameIsTheCountry) {
  PlaceContext ctx;
  const Place* p = ResolvePlace(*g_, "Mexico", ctx);
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->IsCountry());
  Location l = ToLocation(*p);
  EXPECT_EQ(l.name, "Mexico");
  EXPECT_EQ(l.country, "MEX");
  EXPECT_EQ(l.admin, "");
  EXPECT_DOUBLE_EQ(l.lat, 19.42847);  // its capital's coordinates
  EXPECT_DOUBLE_EQ(l.lon, -99.12766);
}

TEST_F(PlaceResolverTest, ReportsWhetherContextSupportsTheChoice) {
  std::map<std::string, int> ukraine = {{"UKR", 2}};
  PlaceContext none, ctx;
  ctx.story_countries = &ukraine;
  bool context = true;
  EXPECT_EQ(Resolve("Smalltown", none, &context), "UKR");
  EXPECT_FALSE(context);
  EXPECT_EQ(Resolve("Smalltown", ctx, &context), "UKR");
  EXPECT_TRUE(context);
}

}  // namespace
}  // namespace faultline
