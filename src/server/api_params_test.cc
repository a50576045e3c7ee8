// Parameter checks of the HTTP API and the request guard: every bad value is
// an error naming the parameter; good values land in the filter.
#include "server/api_params.h"

#include <gtest/gtest.h>

#include "server/request_guard.h"

namespace faultline {
namespace {

const QuerySpec kList{.limit = true, .offset = true, .default_limit = 100};

Result<ApiQuery> Parse(QueryParams p, const QuerySpec& spec = kList) { return ParseApiQuery(p, spec); }

// The error message of a query that must fail.
std::string Error(QueryParams p, const QuerySpec& spec = kList) {
  auto q = ParseApiQuery(p, spec);
  EXPECT_FALSE(q.ok()) << "accepted";
  if (q.ok()) return "";
  EXPECT_EQ(q.status().code(), Status::Code::kInvalidArgument);
  return q.status().message();
}

TEST(ApiParams, DefaultsAndFilters) {
  auto q = Parse({});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->filter.limit, 100u);
  EXPECT_EQ(q->filter.offset, 0u);
  q = Parse({{"actor", "RUS"}, {"code", "19"}, {"root", "19"}, {"quad", "4"}, {"status", "reported"},
             {"from", "2022-02-01"}, {"to", "2022-02-28"}, {"doc", "story-1"}, {"incident", "7"},
             {"limit", "1000"}, {"offset", "50"}});
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_EQ(q->filter.actor, "RUS");
  EXPECT_EQ(q->filter.code, "19");
  EXPECT_EQ(q->filter.root, "19");
  EXPECT_EQ(q->filter.quad_class, 4);
  EXPECT_EQ(q->filter.status, "reported");
  EXPECT_EQ(q->filter.from, "2022-02-01");
  EXPECT_EQ(q->filter.to, "2022-02-28");
  EXPECT_EQ(q->filter.doc_id, "story-1");
  EXPECT_EQ(q->filter.incident, 7);
  EXPECT_EQ(q->filter.limit, 1000u);
  EXPECT_EQ(q->filter.offset, 50u);
}

TEST(ApiParams, Dyads) {
  auto either = Parse({{"dyad", "RUS-UKR"}});
  ASSERT_TRUE(either.ok());
  EXPECT_EQ(either->filter.dyad_a, "RUS");
  EXPECT_EQ(either->filter.dyad_b, "UKR");
  EXPECT_FALSE(either->filter.dyad_directed);
  auto directed = Parse({{"dyad", "RUSMIL>UKR"}});
  ASSERT_TRUE(directed.ok());
  EXPECT_EQ(directed->filter.dyad_a, "RUSMIL");
  EXPECT_TRUE(directed->filter.dyad_directed);
  for (const char* bad : {"RUS", "RUS-", "-UKR", "RUS-UKR-USA", "rus-ukr", "RUS UKR", "RUS>UKR>USA", "RUS-U'KR"}) {
    EXPECT_NE(Error({{"dyad", bad}}).find("dyad"), std::string::npos) << bad;
  }
}

TEST(ApiParams, ActorCodesAreCheckedButNeedNotExist) {
  EXPECT_TRUE(Parse({{"actor", "ZZZ"}}).ok());  // matches nothing: an empty answer, not an error
  EXPECT_TRUE(Parse({{"source", "A1B2C3D4E5F6G7H"}}).ok());  // 15 characters
  for (const char* bad : {"rus", "RUS%", "RUS'--", "A1B2C3D4E5F6G7H8", "RÜS", "RUS GOV"}) {
    EXPECT_NE(Error({{"actor", bad}}).find("actor"), std::string::npos) << bad;
  }
  EXPECT_NE(Error({{"target", "u"}}).find("target"), std::string::npos);
}

TEST(ApiParams, Numbers) {
  EXPECT_NE(Error({{"limit", "1001"}}).find("maximum 1000"), std::string::npos);
  EXPECT_NE(Error({{"limit", "0"}}).find("limit"), std::string::npos);
  EXPECT_NE(Error({{"limit", "-1"}}).find("whole number"), std::string::npos);
  EXPECT_NE(Error({{"limit", "1e3"}}).find("whole number"), std::string::npos);
  EXPECT_NE(Error({{"limit", " 10"}}).find("whole number"), std::string::npos);
  EXPECT_NE(Error({{"limit", "99999999999999999999999"}}).find("too large"), std::string::npos);
  EXPECT_NE(Error({{"offset", "1000001"}}).find("offset"), std::string::npos);
  EXPECT_NE(Error({{"quad", "5"}}).find("quad"), std::string::npos);
  EXPECT_NE(Error({{"incident", "0"}}).find("incident"), std::string::npos);
  EXPECT_NE(Error({{"code", "19a"}}).find("code"), std::string::npos);
  EXPECT_NE(Error({{"code", "19001"}}).find("code"), std::string::npos);
  EXPECT_NE(Error({{"root", "21"}}).find("root"), std::string::npos);
  EXPECT_NE(Error({{"root", "1"}}).find("root"), std::string::npos);
}

TEST(ApiParams, Dates) {
  EXPECT_NE(Error({{"from", "2022-02-30"}}).find("from"), std::string::npos);
  EXPECT_NE(Error({{"to", "2022-13-01"}}).find("to"), std::string::npos);
  EXPECT_NE(Error({{"from", "yesterday"}}).find("from"), std::string::npos);
  EXPECT_NE(Error({{"from", "2022-2-3"}}).find("from"), std::string::npos);
  EXPECT_NE(Error({{"from", "2022-03-01"}, {"to", "2022-02-01"}}).find("after"), std::string::npos);
  EXPECT_TRUE(Parse({{"from", "2022-02-01"}, {"to", "2022-02-01"}}).ok());
}

TEST(ApiParams, UnknownRepeatedAndEmpty) {
  EXPECT_NE(Error({{"acter", "RUS"}}).find("unknown parameter"), std::string::npos);
  EXPECT_NE(Error({{"foo", ""}}).find("unknown parameter"), std::string::npos);  // a bare name is still checked
  EXPECT_NE(Error({{"limit", "1"}, {"limit", "2"}}).find("more than once"), std::string::npos);
  EXPECT_NE(Error({{"status", "rumoured"}}).find("status"), std::string::npos);
  auto empty = Parse({{"actor", ""}, {"from", ""}, {"limit", ""}});  // as an HTML form sends them
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->filter.actor, "");
  EXPECT_EQ(empty->filter.limit, 100u);
}

TEST(ApiParams, EachEndpointTakesOnlyItsNames) {
  const QuerySpec timeline{.interval = true};
  EXPECT_NE(Error({{"limit", "10"}}, timeline).find("unknown parameter"), std::string::npos);
  auto week = Parse({{"interval", "week"}}, timeline);
  ASSERT_TRUE(week.ok());
  EXPECT_EQ(week->interval, Interval::kWeek);
  EXPECT_NE(Error({{"interval", "month"}}, timeline).find("interval"), std::string::npos);
  EXPECT_NE(Error({{"interval", "week"}}).find("unknown parameter"), std::string::npos);
  const QuerySpec none{.filters = false};
  EXPECT_NE(Error({{"actor", "RUS"}}, none).find("takes no parameters"), std::string::npos);
}

TEST(ApiParams, ExactTotal) {
  const QuerySpec events{.limit = true, .offset = true, .exact_total = true, .default_limit = 100};
  EXPECT_FALSE(Parse({}, events)->exact_total);  // capped unless asked
  EXPECT_TRUE(Parse({{"exact_total", "true"}}, events)->exact_total);
  EXPECT_FALSE(Parse({{"exact_total", "false"}}, events)->exact_total);
  EXPECT_NE(Error({{"exact_total", "yes"}}, events).find("exact_total: 'yes' is not true or false"), std::string::npos);
  EXPECT_NE(Error({{"exact_total", "true"}}).find("unknown parameter"), std::string::npos);
}

TEST(ApiParams, Alerts) {
  auto o = ParseAlertQuery({{"baseline_weeks", "4"}, {"min_events", "2"}, {"threshold", "0.5"},
                            {"limit", "10"}, {"actor", "RUS"}, {"to", "2022-02-28"}});
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->baseline_weeks, 4);
  EXPECT_EQ(o->min_events, 2);
  EXPECT_DOUBLE_EQ(o->threshold, 0.5);
  EXPECT_EQ(o->limit, 10u);
  EXPECT_EQ(o->actor, "RUS");
  EXPECT_TRUE(ParseAlertQuery({{"threshold", "-0.25"}}).ok());
  for (const char* bad : {"nan", "inf", "1e400", "0.5x", "11", ""}) {
    auto r = ParseAlertQuery({{"threshold", bad}});
    if (std::string(bad).empty()) {
      EXPECT_TRUE(r.ok());  // empty = absent
    } else {
      EXPECT_FALSE(r.ok()) << bad;
    }
  }
  EXPECT_FALSE(ParseAlertQuery({{"baseline_weeks", "0"}}).ok());
  EXPECT_FALSE(ParseAlertQuery({{"baseline_weeks", "521"}}).ok());
  EXPECT_FALSE(ParseAlertQuery({{"min_events", "x"}}).ok());
  EXPECT_FALSE(ParseAlertQuery({{"limit", "5000"}}).ok());
  EXPECT_FALSE(ParseAlertQuery({{"dyad", "RUS-UKR"}}).ok());
  EXPECT_FALSE(ParseAlertQuery({{"from", "2022-02-30"}}).ok());
}

TEST(ApiParams, EventIds) {
  auto id = ParseEventId("42");
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, 42);
  for (const char* bad : {"", "0", "-1", "abc", "1.5", "1/2", "9007199254740993", "99999999999999999999"}) {
    EXPECT_FALSE(ParseEventId(bad).ok()) << bad;
  }
}

TEST(RequestGuard, CanonicalPaths) {
  for (const char* good : {"/", "/index.html", "/api/events/12", "/vendor/echarts.min.js", "/api/top-dyads"}) {
    EXPECT_TRUE(IsCanonicalPath(good)) << good;
  }
  for (const char* bad : {"", "index.html", "/../etc/passwd", "/a/../b", "/%2e%2e/x", "/vendor%2fecharts.min.js",
                          "//etc/passwd", "/.git/config", "/a/./b", "/a\\b", "/a b", "/api/events?x"}) {
    EXPECT_FALSE(IsCanonicalPath(bad)) << bad;
  }
  EXPECT_FALSE(IsCanonicalPath("/" + std::string(1100, 'a')));
}

TEST(RequestGuard, WritesNeedTheToken) {
  EXPECT_FALSE(IsWriteMethod("GET"));
  EXPECT_FALSE(IsWriteMethod("HEAD"));
  EXPECT_TRUE(IsWriteMethod("POST"));
  EXPECT_TRUE(IsWriteMethod("DELETE"));
  EXPECT_TRUE(BearerMatches("Bearer s3cret", "s3cret"));
  EXPECT_FALSE(BearerMatches("Bearer s3creT", "s3cret"));
  EXPECT_FALSE(BearerMatches("Bearer s3cret ", "s3cret"));
  EXPECT_FALSE(BearerMatches("bearer s3cret", "s3cret"));
  EXPECT_FALSE(BearerMatches("s3cret", "s3cret"));
  EXPECT_FALSE(BearerMatches("Bearer ", ""));  // no --token: nothing is authorised
  EXPECT_FALSE(BearerMatches("", ""));
}

}  // namespace
}  // namespace faultline
