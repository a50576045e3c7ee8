#include "ingest/line_reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <thread>
#include <vector>

#include "ingest/test_files.h"

namespace faultline {
namespace {

using Kind = LineReader::Kind;

struct Got {
  Kind kind;
  std::string text;
  uint64_t number;
  uint64_t length;
};

std::vector<Got> ReadLines(LineReader* reader) {
  std::vector<Got> out;
  LineReader::Line line;
  for (;;) {
    const Kind kind = reader->Next(&line);
    if (kind == Kind::kEnd || kind == Kind::kError) break;
    out.push_back({kind, std::string(line.text), line.number, line.length});
  }
  return out;
}

std::vector<Got> ReadFile(const std::string& path, size_t max_line) {
  LineReader reader(open(path.c_str(), O_RDONLY), true, max_line);
  return ReadLines(&reader);
}

TEST(LineReaderTest, SplitsLinesAndKeepsLastLineWithoutNewline) {
  TempDir dir;
  const auto lines = ReadFile(dir.Write("a.txt", "one\n\nthree\r\nlast"), 100);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].text, "one");
  EXPECT_EQ(lines[1].text, "");
  EXPECT_EQ(lines[2].text, "three\r");  // CR is the caller's business
  EXPECT_EQ(lines[3].text, "last");
  EXPECT_EQ(lines[3].number, 4u);
}

TEST(LineReaderTest, EmptyInputHasNoLines) {
  TempDir dir;
  EXPECT_TRUE(ReadFile(dir.Write("empty.txt", ""), 100).empty());
  // One "\n" is one empty line.
  EXPECT_EQ(ReadFile(dir.Write("nl.txt", "\n"), 100).size(), 1u);
}

TEST(LineReaderTest, DropsByteOrderMark) {
  TempDir dir;
  const auto lines = ReadFile(dir.Write("bom.txt", "\xEF\xBB\xBFhello\nworld\n"), 100);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "hello");
}

TEST(LineReaderTest, SkipsOverLongLinesAndReportsLengthAndPrefix) {
  TempDir dir;
  const std::string long_line(1000, 'x');
  const auto lines =
      ReadFile(dir.Write("long.txt", "short\n" + long_line + "\nafter\n" + long_line), 100);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[1].kind, Kind::kTooLong);
  EXPECT_EQ(lines[1].length, 1000u);
  EXPECT_EQ(lines[1].number, 2u);
  EXPECT_EQ(lines[1].text, std::string(64, 'x'));
  EXPECT_EQ(lines[2].kind, Kind::kLine);
  EXPECT_EQ(lines[2].text, "after");
  EXPECT_EQ(lines[3].kind, Kind::kTooLong);  // over-long and unterminated
  EXPECT_EQ(lines[3].length, 1000u);
}

TEST(LineReaderTest, LineExactlyAtLimitIsKept) {
  TempDir dir;
  const auto lines = ReadFile(dir.Write("edge.txt", std::string(100, 'y') + "\n"), 100);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].kind, Kind::kLine);
  EXPECT_EQ(lines[0].text.size(), 100u);
}

// Lines longer than the first buffer (256 KiB) but under the cap make the
// buffer grow; lines far over the cap must not.
TEST(LineReaderTest, GrowsForLongLinesButStaysBounded) {
  TempDir dir;
  const size_t cap = 1 << 20;
  std::string content = std::string(700000, 'a') + "\n";
  content += std::string(5 * cap, 'b') + "\nok\n";
  LineReader reader(open(dir.Write("big.txt", content).c_str(), O_RDONLY), true, cap);
  const auto lines = ReadLines(&reader);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text.size(), 700000u);
  EXPECT_EQ(lines[1].kind, Kind::kTooLong);
  EXPECT_EQ(lines[1].length, 5 * cap);
  EXPECT_EQ(lines[2].text, "ok");
  EXPECT_LE(reader.buffer_capacity(), 2 * cap + (256 << 10));
}

TEST(LineReaderTest, PeekDoesNotConsume) {
  TempDir dir;
  LineReader reader(open(dir.Write("p.txt", "\n  \n {\"a\":1}\n").c_str(), O_RDONLY), true, 100);
  EXPECT_EQ(reader.PeekFirstNonBlank(), '{');
  const auto lines = ReadLines(&reader);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[2].text, " {\"a\":1}");
}

// A pipe delivers a byte at a time: lines and the BOM must survive any split.
TEST(LineReaderTest, ReadsFromSlowPipe) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const std::string content = "\xEF\xBB\xBF" "alpha\nbeta\n\ngamma";
  std::thread writer([&] {
    for (char c : content) {
      ASSERT_EQ(write(fds[1], &c, 1), 1);
    }
    close(fds[1]);
  });
  LineReader reader(fds[0], true, 100);
  EXPECT_EQ(reader.PeekFirstNonBlank(), 'a');
  const auto lines = ReadLines(&reader);
  writer.join();
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].text, "alpha");
  EXPECT_EQ(lines[3].text, "gamma");
}

TEST(LineReaderTest, ReportsReadError) {
  TempDir dir;
  // Reading a directory descriptor fails with EISDIR.
  LineReader reader(open(dir.path().c_str(), O_RDONLY), true, 100);
  LineReader::Line line;
  EXPECT_EQ(reader.Next(&line), Kind::kError);
  EXPECT_NE(reader.error().find("directory"), std::string::npos) << reader.error();
  EXPECT_EQ(reader.Next(&line), Kind::kError);
}

}  // namespace
}  // namespace faultline
