// Table-driven tests of the whole path on real sentences: story text in,
// events out, with the shipped dictionaries and models.
#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace faultline {
namespace {

class PipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto p = Pipeline::Open({});
    ASSERT_TRUE(p.ok()) << p.status().message();
    pipeline_ = std::move(p).value().release();
  }
  static void TearDownTestSuite() { delete pipeline_; }

  CodedDocument Code(const std::string& text, const std::string& date = "2022-02-03") {
    Document doc;
    doc.id = "t";
    doc.date = date;
    doc.text = text;
    doc.origin = "test";
    auto r = pipeline_->Process(&doc);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? std::move(r).value() : CodedDocument();
  }
  static Pipeline* pipeline_;
};

Pipeline* PipelineTest::pipeline_ = nullptr;

struct EventCase {
  const char* text;
  const char* source;  // prefix
  const char* target;  // prefix ("" = any)
  const char* root;
  const char* status;
};

bool Has(const CodedDocument& d, const EventCase& c) {
  return std::any_of(d.events.begin(), d.events.end(), [&](const Event& e) {
    return e.source.rfind(c.source, 0) == 0 && e.target.rfind(c.target, 0) == 0 && e.root == c.root &&
           e.status == c.status;
  });
}

std::string Dump(const CodedDocument& d) {
  std::string s;
  for (const Event& e : d.events) s += e.source + ">" + e.target + ":" + e.code + "[" + e.status + "] ";
  return s;
}

TEST_F(PipelineTest, CodesWireConstructions) {
  const EventCase cases[] = {
      // active voice, person resolved by role on the date
      {"Boris Johnson visited Kyiv on Tuesday.", "GBRGOV", "UKR", "04", "reported"},
      // passive with "by"
      {"The embassy in Kabul was attacked by Taliban fighters on Monday.", "AFG", "", "19", "reported"},
      // compound subject: two sources
      {"Britain and Poland condemned the attack on Ukraine.", "GBR", "", "11", "reported"},
      {"Britain and Poland condemned the attack on Ukraine.", "POL", "", "11", "reported"},
      // object control: urge X to step back
      {"Antony Blinken urged Russia to step back from the border.", "USAGOV", "RUS", "02", "reported"},
      // planned with "will"
      {"Germany will impose sanctions on Russia.", "DEU", "RUS", "16", "planned"},
      // reported speech codes the embedded act
      {"Officials said Russian troops had shelled the Ukrainian town of Kharkiv.", "RUSMIL", "", "19", "reported"},
  };
  for (const EventCase& c : cases) {
    CodedDocument d = Code(c.text);
    EXPECT_TRUE(Has(d, c)) << c.text << "\n  got: " << Dump(d);
  }
}

TEST_F(PipelineTest, DeniedAndHypotheticalAttacksAreNotEvents) {
  const char* texts[] = {
      "Russia denies that it is planning to invade Ukraine.",
      "Russia did not attack Ukraine.",
      "An invasion of Ukraine by Russia would be met with severe consequences.",
  };
  for (const char* t : texts) {
    CodedDocument d = Code(t);
    for (const Event& e : d.events) {
      EXPECT_FALSE(e.root >= "18" && e.status == "reported") << t << " -> " << Dump(d);
    }
  }
}

TEST_F(PipelineTest, PersonCodedByOfficeOnTheEventDate) {
  CodedDocument in_office = Code("Boris Johnson criticized Russia.", "2022-02-03");
  CodedDocument after = Code("Boris Johnson criticized Russia.", "2023-05-01");
  ASSERT_FALSE(in_office.events.empty()) << Dump(in_office);
  ASSERT_FALSE(after.events.empty()) << Dump(after);
  EXPECT_EQ(in_office.events[0].source, "GBRGOV");
  EXPECT_EQ(after.events[0].source, "GBR");
}

TEST_F(PipelineTest, PronounsAndSurnamesResolveInTheDocument) {
  CodedDocument d = Code(
      "Polish Prime Minister Mateusz Morawiecki arrived in Kyiv on Monday.\n\n"
      "Morawiecki praised Ukraine. He also criticized Russia.",
      "2022-02-03");
  // "Morawiecki" alone after the full name; "He" the subject before.
  EXPECT_TRUE(Has(d, {"", "POLGOV", "UKR", "05", "reported"})) << Dump(d);
  EXPECT_TRUE(Has(d, {"", "POLGOV", "RUS", "11", "reported"})) << Dump(d);
}

TEST_F(PipelineTest, RelativeDatesResolveAgainstPublication) {
  // 2022-02-03 was a Thursday: "on Tuesday" is 2022-02-01.
  CodedDocument d = Code("Boris Johnson visited Kyiv on Tuesday.", "2022-02-03");
  ASSERT_FALSE(d.events.empty()) << Dump(d);
  EXPECT_EQ(d.events[0].date, "2022-02-01");
  CodedDocument ago = Code("Russia annexed Crimea eight years ago.", "2022-02-03");
  ASSERT_FALSE(ago.events.empty()) << Dump(ago);
  EXPECT_EQ(ago.events[0].date.substr(0, 4), "2014");
}

TEST_F(PipelineTest, NegatedActsAreKeptOnlyWhenAsked) {
  Document doc;
  doc.id = "t";
  doc.date = "2022-02-03";
  doc.text = "Russia did not attack Ukraine.";
  PipelineOptions o;
  o.coder.emit_unreal = true;
  auto all = Pipeline::Open(o);
  ASSERT_TRUE(all.ok()) << all.status().message();
  auto r = (*all)->Process(&doc);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(Has(r.value(), {"", "RUS", "UKR", "19", "negated"}) || Has(r.value(), {"", "RUS", "UKR", "18", "negated"}))
      << Dump(r.value());
}

TEST_F(PipelineTest, CountsWithOwners) {
  CodedDocument d = Code("He noted that more than 100,000 Russian troops are gathering on Ukraine's border.");
  ASSERT_FALSE(d.counts.empty());
  EXPECT_EQ(d.counts[0].value, 100000);
  EXPECT_EQ(d.counts[0].qualifier, "more than");
  EXPECT_EQ(d.counts[0].unit, "troops");
  EXPECT_EQ(d.counts[0].actor, "RUSMIL");
}

TEST_F(PipelineTest, TitleAloneNamesItsHolderInTheStory) {
  CodedDocument d = Code(
      "British Prime Minister Boris Johnson arrived in Warsaw on Monday.\n\nThe prime minister criticized Russia.",
      "2022-02-03");
  EXPECT_TRUE(Has(d, {"", "GBRGOV", "RUS", "11", "reported"})) << Dump(d);
}

TEST_F(PipelineTest, QuotesGetTheirSpeakers) {
  CodedDocument d = Code(
      "\"We will not accept any threat to our borders,\" Polish Prime Minister Mateusz Morawiecki said.",
      "2022-02-03");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "POLGOV");
  EXPECT_EQ(d.quotes[0].quote, "We will not accept any threat to our borders,");
}

TEST_F(PipelineTest, EventsCarryTheirEvidence) {
  std::string text = "Russia annexed Crimea in 2014.";
  CodedDocument d = Code(text);
  ASSERT_FALSE(d.events.empty()) << Dump(d);
  const Event& e = d.events[0];
  EXPECT_EQ(e.date, "2014");
  EXPECT_EQ(text.substr(e.span_begin, e.span_end - e.span_begin), "annexed");
  EXPECT_FALSE(e.rule.empty());
  EXPECT_EQ(e.root, "19");
  EXPECT_EQ(e.quad_class, 4);
}

// ProcessBatch (what `code` and `ingest` use) gives each story what
// Process gives it, in order, and a story that cannot be segmented is an
// error of its own that costs the others nothing.
TEST_F(PipelineTest, BatchCodesEachStoryAsAlone) {
  const std::vector<std::string> texts = {
      "Russian President Vladimir Putin and British Prime Minister Boris Johnson will talk by phone "
      "on Wednesday, the Kremlin said. \"We will not invade,\" Putin said.",
      "bad \xff byte",
      "More than 100,000 Russian troops are gathering near Ukraine's border. NATO condemned Russia.",
      "",
      "Ukraine's foreign minister, Dmytro Kuleba, met his Polish counterpart in Kyiv on February 1.",
  };
  auto make = [&](size_t i) {
    Document d;
    d.id = "s" + std::to_string(i);
    d.date = "2022-02-03";
    d.text = texts[i];
    d.origin = "story " + std::to_string(i);
    return d;
  };
  std::vector<Document> batch;
  for (size_t i = 0; i < texts.size(); ++i) batch.push_back(make(i));
  std::vector<Result<CodedDocument>> got(texts.size(), Status::Internal("not coded"));
  pipeline_->ProcessBatch(batch.data(), batch.size(), got.data());
  size_t events = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    Document alone = make(i);
    Result<CodedDocument> want = pipeline_->Process(&alone);
    ASSERT_EQ(got[i].ok(), want.ok()) << i;
    if (!want.ok()) {
      EXPECT_EQ(got[i].status().message(), want.status().message());
      EXPECT_NE(got[i].status().message().find("story 1"), std::string::npos);
      continue;
    }
    const CodedDocument &a = *got[i], &b = *want;
    ASSERT_EQ(a.events.size(), b.events.size()) << i;
    for (size_t k = 0; k < a.events.size(); ++k) {
      const Event &x = a.events[k], &y = b.events[k];
      EXPECT_EQ(std::tie(x.doc_id, x.sentence, x.source, x.target, x.code, x.status, x.span_begin,
                         x.span_end, x.rule),
                std::tie(y.doc_id, y.sentence, y.source, y.target, y.code, y.status, y.span_begin,
                         y.span_end, y.rule))
          << i << " event " << k;
    }
    ASSERT_EQ(a.quotes.size(), b.quotes.size()) << i;
    for (size_t k = 0; k < a.quotes.size(); ++k) EXPECT_EQ(a.quotes[k].quote, b.quotes[k].quote);
    ASSERT_EQ(a.counts.size(), b.counts.size()) << i;
    events += a.events.size();
  }
  EXPECT_GE(events, 3u);  // the batch codes real events, not only errors
  EXPECT_FALSE(got[1].ok());
}

}  // namespace
}  // namespace faultline
