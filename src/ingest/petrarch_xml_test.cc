// PETRARCH XML stories through the DocumentReader, on small files written
// like PETRARCH's GigaWord sample, and on the sample itself when
// ../shared/peers is there.
#include "ingest/petrarch_xml.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "ingest/test_files.h"

namespace faultline {
namespace {

TEST(PetrarchXmlTest, SentencesBecomeStoriesAndBadRecordsAreReportedAndSkipped) {
  TempDir dir;
  const std::string path = dir.Write("sample.xml",
                                     "<!-- a comment\n"
                                     "<Sentence date=\"19990101\" id=\"IN_COMMENT\"> -->\n"
                                     "<Sentences>\n"
                                     "<Sentence date = \"20080804\" id =\"AFP_1\" source = \"AFP\"\n"
                                     "   sentence = \"True\">\n"
                                     "<Text>\n"
                                     "Russia &amp; China   warned\n"
                                     "  Japan on Monday.\n"
                                     "</Text>\n"
                                     "<Parse>\n(ROOT (S (NP (NNP Russia))))\n</Parse>\n"
                                     "</Sentence>\n"
                                     "<Sentence date=\"20080231\" id=\"BAD_DATE\"><Text>Iran protested.</Text></Sentence>\n"
                                     "<Sentence date=\"20080805\" id=\"EMPTY\">\n<Text>\n\n</Text>\n</Sentence>\n"
                                     "<Sentence date=\"20080806\" id=\"AFP_2\"><Text>Egypt &lt;quietly&gt; agreed.</Text></Sentence>\n"
                                     "<Sentence date=\"20080807\"><Text>No id here.</Text></Sentence>\n"
                                     "<Sentence date=\"20080808\" id=\"CUT\">\n<Text>never closed\n");
  std::vector<InputError> errors;
  std::vector<Document> docs = ReadAll({path}, &errors);
  ASSERT_EQ(docs.size(), 3u) << Describe(errors);
  EXPECT_EQ(docs[0].id, "AFP_1");
  EXPECT_EQ(docs[0].date, "2008-08-04");
  EXPECT_EQ(docs[0].text, "Russia & China warned Japan on Monday.");
  EXPECT_EQ(docs[0].origin, path + ":4");
  EXPECT_EQ(docs[1].id, "AFP_2");
  EXPECT_EQ(docs[1].text, "Egypt <quietly> agreed.");
  EXPECT_EQ(docs[2].id, "sample#5");  // the fifth record, no id attribute
  ASSERT_EQ(errors.size(), 3u) << Describe(errors);
  EXPECT_EQ(errors[0].where, path + ":14");
  EXPECT_NE(errors[0].message.find("bad date '20080231'"), std::string::npos) << errors[0].message;
  EXPECT_EQ(errors[1].where, path + ":15");
  EXPECT_NE(errors[1].message.find("empty <Text> (record EMPTY)"), std::string::npos) << errors[1].message;
  EXPECT_EQ(errors[2].where, path + ":22");
  EXPECT_NE(errors[2].message.find("never closed"), std::string::npos) << errors[2].message;
}

TEST(PetrarchXmlTest, AFileIsSniffedByItsFirstCharacter) {
  TempDir dir;
  // Not named .xml: the leading '<' picks the format.
  const std::string path = dir.Write("records.txt", "\n  <Sentence date=\"20150609\" id=\"X_1\"><Text>Peru voted.</Text></Sentence>\n");
  std::vector<InputError> errors;
  std::vector<Document> docs = ReadAll({path}, &errors);
  ASSERT_EQ(docs.size(), 1u) << Describe(errors);
  EXPECT_EQ(docs[0].text, "Peru voted.");
}

TEST(PetrarchXmlTest, TheGigaWordSampleReads) {
  const std::string sample = std::string(FAULTLINE_SHARED_DIR) + "/peers/petrarch2/GigaWord.sample.PETR.xml";
  if (!std::filesystem::exists(sample)) GTEST_SKIP() << "no " << sample;
  std::vector<InputError> errors;
  std::vector<Document> docs = ReadAll({sample}, &errors);
  // 76 records; the nine TEST_n records have an empty <Text> (PETRARCH2 codes
  // their parse trees only).
  EXPECT_EQ(docs.size(), 67u);
  EXPECT_EQ(errors.size(), 9u) << Describe(errors);
  EXPECT_EQ(docs[0].id, "AFP0808020625_4");
  EXPECT_EQ(docs[0].date, "2008-08-04");
  EXPECT_TRUE(docs[0].text.starts_with("The stopover came as the US leader prepared to attend the Beijing Olympics, an event"))
      << docs[0].text;
}

}  // namespace
}  // namespace faultline
