// Output records carry every documented field, escape text correctly and are
// deterministic.
#include "output/writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace faultline {
namespace {

Event SampleEvent() {
  Event e;
  e.doc_id = "story-1";
  e.sentence = 3;
  e.date = "2022-02-01";
  e.source = "GBRGOV";
  e.target = "UKRGOV";
  e.source_text = "Boris Johnson";
  e.target_text = "Volodymyr Zelenskiy";
  e.code = "042";
  e.root = "04";
  e.quad_class = 1;
  e.goldstein = 1.9;
  e.plover = "CONSULT";
  e.status = "reported";
  e.span_begin = 10;
  e.span_end = 17;
  e.text = "Johnson visited \"Kyiv\"\ton Tuesday.";
  e.rule = "data/verbs/04_consult.verbs:84";
  return e;
}

TEST(WriterTest, EventJsonHasEveryField) {
  auto j = nlohmann::json::parse(EventJson(SampleEvent()));
  for (const char* k : {"kind", "doc_id", "sentence", "date", "source", "target", "source_text", "target_text", "code",
                        "root", "quad_class", "goldstein", "plover", "status", "location", "span", "text", "rule"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  EXPECT_EQ(j["kind"], "event");
  EXPECT_TRUE(j["location"].is_null());
  EXPECT_EQ(j["span"][0], 10);
  EXPECT_EQ(j["text"], "Johnson visited \"Kyiv\"\ton Tuesday.");
}

TEST(WriterTest, LocationIsAnObjectWhenKnown) {
  Event e = SampleEvent();
  e.location = Location{"Kyiv", "UKR", "", 50.45, 30.52};
  auto j = nlohmann::json::parse(EventJson(e));
  EXPECT_EQ(j["location"]["country"], "UKR");
  EXPECT_NEAR(j["location"]["lat"].get<double>(), 50.45, 1e-9);
}

TEST(WriterTest, QuoteAndCountRecords) {
  Quote q{"story-1", 2, "GBRGOV", "Johnson", "we have the sanctions ready.", 5, 30};
  auto jq = nlohmann::json::parse(QuoteJson(q));
  EXPECT_EQ(jq["kind"], "quote");
  EXPECT_EQ(jq["speaker"], "GBRGOV");
  Count c{"story-1", 1, 100000, "more than", "troops", "RUSMIL", 0, 20, "more than 100,000 Russian troops"};
  auto jc = nlohmann::json::parse(CountJson(c));
  EXPECT_EQ(jc["value"], 100000);
  EXPECT_EQ(jc["actor"], "RUSMIL");
}

TEST(WriterTest, TsvKeepsOneEventPerLine) {
  char* buf = nullptr;
  size_t len = 0;
  FILE* out = open_memstream(&buf, &len);
  auto w = MakeWriter("tsv", out);
  ASSERT_NE(w, nullptr);
  CodedDocument d;
  d.events.push_back(SampleEvent());
  w->Write(d);
  w->Finish();
  std::fclose(out);
  std::string s(buf, len);
  free(buf);
  EXPECT_EQ(std::count(s.begin(), s.end(), '\n'), 2);  // header + one event: the tab in the text was replaced
  EXPECT_EQ(MakeWriter("xml", stdout), nullptr);
}

}  // namespace
}  // namespace faultline
