// A story survives the trip through a stream message unchanged, and every way
// a message can be bad is named (the worker dead-letters it with that reason).
#include "feed/story_message.h"

#include <gtest/gtest.h>

namespace faultline {
namespace {

StreamMessage Message(std::string story) {
  StreamMessage m;
  m.id = "1-0";
  m.fields.emplace_back(kStoryField, std::move(story));
  return m;
}

TEST(StoryMessageTest, RoundTripKeepsEveryField) {
  Document in;
  in.id = "a\"1";
  in.date = "2022-02-24";
  in.text = "Russian forces \"attacked\" Kyiv.\n\nUkraine said — in Kiev.";
  in.title = "Title";
  in.source = "Wire";
  in.url = "https://example.org/a?b=1";
  Document out;
  std::string why;
  ASSERT_TRUE(StoryFromMessage(Message(StoryRecord(in)), "s", 1 << 20, &out, &why)) << why;
  EXPECT_EQ(out.id, in.id);
  EXPECT_EQ(out.date, in.date);
  EXPECT_EQ(out.text, in.text);
  EXPECT_EQ(out.title, in.title);
  EXPECT_EQ(out.source, in.source);
  EXPECT_EQ(out.url, in.url);
  EXPECT_EQ(out.origin, "s/1-0");
}

TEST(StoryMessageTest, RecordIsOneLine) {
  Document in;
  in.id = "x";
  in.date = "2022-02-24";
  in.text = "line one\nline two";
  EXPECT_EQ(StoryRecord(in).find('\n'), std::string::npos);
}

TEST(StoryMessageTest, MissingIdFallsBackToMessageId) {
  Document out;
  std::string why;
  ASSERT_TRUE(StoryFromMessage(Message(R"({"date":"2022-02-24","text":"Hi."})"), "s", 1 << 20, &out, &why));
  EXPECT_EQ(out.id, "s/1-0");
}

TEST(StoryMessageTest, BadMessagesAreNamed) {
  struct Case {
    StreamMessage message;
    const char* reason;
  };
  StreamMessage no_field;
  no_field.id = "2-0";
  no_field.fields.emplace_back("other", "x");
  const Case cases[] = {
      {no_field, "no \"story\" field"},
      {Message("{\"date\":\"2022-02-24\",\"text\":\"\xC3\x28\"}"), "invalid UTF-8"},
      {Message(R"({"date":"2022-02-30","text":"Hi."})"), "bad date"},
      {Message(R"({"date":"2022-02-24"})"), "missing \"text\""},
      {Message(R"({"date":"2022-02-24","text":)"), "broken JSON"},
      {Message(R"({"date":"2022-02-24","text":")" + std::string(100, 'a') + "\"}"), "over the limit"},
  };
  for (const Case& c : cases) {
    Document out;
    std::string why;
    EXPECT_FALSE(StoryFromMessage(c.message, "s", 64, &out, &why));
    EXPECT_NE(why.find(c.reason), std::string::npos) << why;
  }
}

}  // namespace
}  // namespace faultline
