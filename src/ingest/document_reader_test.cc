#include "ingest/reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/test_files.h"

namespace faultline {
namespace {

std::string Story(const char* date, const char* text) {
  return std::string(" date ") + date + " " + text + "\n";
}

std::string JsonStory(const char* id, const char* text) {
  return std::string("{\"id\":\"") + id + "\",\"date\":\"2022-02-03\",\"text\":\"" + text + "\"}\n";
}

std::vector<std::string> Ids(const std::vector<Document>& docs) {
  std::vector<std::string> ids;
  for (const Document& d : docs) ids.push_back(d.id);
  return ids;
}

// Makes `path` the process's standard input until destroyed.
class StdinFrom {
 public:
  explicit StdinFrom(const std::string& path) : saved_(dup(0)) {
    const int fd = open(path.c_str(), O_RDONLY);
    dup2(fd, 0);
    close(fd);
  }
  ~StdinFrom() {
    dup2(saved_, 0);
    close(saved_);
  }

 private:
  int saved_;
};

TEST(ReaderTest, NonexistentPathFailsToOpen) {
  TempDir dir;
  const std::string missing = dir.Path("no-such-file.txt");
  auto reader = DocumentReader::Open({dir.Write("ok.txt", Story("2022-02-03", "x")), missing});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(reader.status().message(),
            missing + ": cannot read input: No such file or directory");
}

TEST(ReaderTest, UnreadableFileFailsToOpen) {
  if (geteuid() == 0) GTEST_SKIP() << "root can read any file";
  TempDir dir;
  const std::string path = dir.Write("secret.txt", Story("2022-02-03", "x"));
  chmod(path.c_str(), 0);
  auto reader = DocumentReader::Open({path});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), Status::Code::kIOError);
  EXPECT_EQ(reader.status().message(), path + ": cannot open: Permission denied");
}

TEST(ReaderTest, FolderIsReadRecursivelyInSortedOrder) {
  TempDir dir;
  dir.Write("b/two.txt", Story("2022-02-03", "two"));
  dir.Write("c.jsonl", JsonStory("c-json", "four"));
  dir.Write("README.md", "not a story");
  dir.Write("a/one.txt", Story("2022-02-03", "one"));
  dir.Write("b/notes.csv", "ignored");
  dir.Write("b/z/three.json", JsonStory("three-json", "three"));
  std::vector<InputError> errors;
  const auto docs = ReadAll({dir.path()}, &errors);
  EXPECT_TRUE(errors.empty()) << Describe(errors);
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"one", "two", "three-json", "c-json"}));
  EXPECT_EQ(docs[0].origin, dir.path() + "/a/one.txt:1");
}

TEST(ReaderTest, FolderWithoutStoriesYieldsNothingAndNoError) {
  TempDir dir;
  dir.Write("README.md", "nothing here");
  std::filesystem::create_directories(dir.Path("empty/sub"));
  std::vector<InputError> errors;
  EXPECT_TRUE(ReadAll({dir.path()}, &errors).empty());
  EXPECT_TRUE(errors.empty()) << Describe(errors);
}

TEST(ReaderTest, UnreadableSubfolderIsReportedAndSkipped) {
  if (geteuid() == 0) GTEST_SKIP() << "root can list any folder";
  TempDir dir;
  dir.Write("locked/hidden.txt", Story("2022-02-03", "hidden"));
  dir.Write("open.txt", Story("2022-02-03", "visible"));
  chmod(dir.Path("locked").c_str(), 0);
  std::vector<InputError> errors;
  const auto docs = ReadAll({dir.path()}, &errors);
  chmod(dir.Path("locked").c_str(), 0755);
  EXPECT_EQ(Ids(docs), std::vector<std::string>{"open"});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where, dir.Path("locked"));
  EXPECT_NE(errors[0].message.find("cannot list folder"), std::string::npos);
}

TEST(ReaderTest, PathsAreReadInTheGivenOrder) {
  TempDir dir;
  const std::string z = dir.Write("z.txt", Story("2022-02-03", "z"));
  const std::string a = dir.Write("a.jsonl", JsonStory("a", "a"));
  std::vector<InputError> errors;
  EXPECT_EQ(Ids(ReadAll({z, a}, &errors)), (std::vector<std::string>{"z", "a"}));
}

TEST(ReaderTest, StdinSeedFormat) {
  TempDir dir;
  StdinFrom in(dir.Write("in", "\n\n" + Story("2022-02-03", "first") + "\n" +
                                   Story("2022-02-04", "second")));
  std::vector<InputError> errors;
  const auto docs = ReadAll({"-"}, &errors);
  ASSERT_EQ(docs.size(), 2u) << Describe(errors);
  EXPECT_EQ(docs[0].id, "stdin");
  EXPECT_EQ(docs[0].origin, "<stdin>:3");
  EXPECT_EQ(docs[1].id, "stdin#2");
  EXPECT_EQ(docs[1].text, "second");
}

TEST(ReaderTest, StdinJsonLinesWhenNoPathGiven) {
  TempDir dir;
  StdinFrom in(dir.Write("in", "  \n" + JsonStory("j1", "one") + "{\"date\":\"2022-02-03\"}\n"));
  std::vector<InputError> errors;
  const auto docs = ReadAll({}, &errors);
  EXPECT_EQ(Ids(docs), std::vector<std::string>{"j1"});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where, "<stdin>:3");
  EXPECT_EQ(errors[0].message, "missing \"text\"");
}

TEST(ReaderTest, ClearsPreviousAnnotations) {
  TempDir dir;
  auto reader = DocumentReader::Open({dir.Write("a.txt", Story("2022-02-03", "Text."))});
  ASSERT_TRUE(reader.ok());
  Document doc;
  doc.tokens.resize(3);
  doc.sentences.resize(1);
  doc.title = "stale";
  ASSERT_TRUE((*reader)->Next(&doc, nullptr));
  EXPECT_TRUE(doc.tokens.empty());
  EXPECT_TRUE(doc.sentences.empty());
  EXPECT_TRUE(doc.title.empty());
  EXPECT_FALSE((*reader)->Next(&doc, nullptr));
  EXPECT_FALSE((*reader)->Next(&doc, nullptr)) << "end is sticky";
}

long PeakRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Writes `prefix`, `size` bytes of 'q', `suffix` without ever holding the
// big part in memory.
std::string WriteHugeLine(const TempDir& dir, const std::string& name, const std::string& prefix,
                          size_t size, const std::string& suffix) {
  const std::string path = dir.Path(name);
  FILE* f = std::fopen(path.c_str(), "wb");
  std::fputs(prefix.c_str(), f);
  const std::string chunk(1 << 20, 'q');
  for (size_t done = 0; done < size; done += chunk.size()) {
    std::fwrite(chunk.data(), 1, std::min(chunk.size(), size - done), f);
  }
  std::fputs(suffix.c_str(), f);
  std::fclose(f);
  return path;
}

constexpr size_t kHuge = 50 << 20;  // 50 MiB, far over the 8 MiB default limit

// Holding the huge line would add at least 50 MiB. The reader's own buffer
// may reach 2 x 8 MiB, and under AddressSanitizer freed buffers linger in
// quarantine, so the bound sits between the two.
constexpr long kMaxGrowthMiB = 40;

// The 50 MiB line is skipped without being held in memory, and the good line
// after it is read.
TEST(ReaderTest, HugeJsonLineIsSkippedWithBoundedMemory) {
  TempDir dir;
  const std::string head = "{\"date\":\"2022-02-03\",\"text\":\"";
  const std::string path =
      WriteHugeLine(dir, "huge.jsonl", head, kHuge, "\"}\n" + JsonStory("after", "good line"));
  const long before = PeakRssKiB();
  std::vector<InputError> errors;
  const auto docs = ReadAll({path}, &errors);
  const long grown_mib = (PeakRssKiB() - before) / 1024;
  EXPECT_LT(grown_mib, kMaxGrowthMiB) << "the huge line must not be held in memory";
  ASSERT_EQ(docs.size(), 1u) << Describe(errors);
  EXPECT_EQ(docs[0].id, "after");
  EXPECT_EQ(docs[0].origin, path + ":2");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where, path + ":1");
  EXPECT_EQ(errors[0].message, "line of " + std::to_string(head.size() + kHuge + 2) +
                                   " bytes is over the limit of 8388608 bytes (max_story_bytes)");
}

TEST(ReaderTest, HugeSeedStoryIsSkippedWithBoundedMemory) {
  TempDir dir;
  const std::string path = WriteHugeLine(dir, "huge.txt", " date 2022-02-03 ", kHuge,
                                         "\n\n" + Story("2022-02-04", "Good story."));
  const long before = PeakRssKiB();
  std::vector<InputError> errors;
  const auto docs = ReadAll({path}, &errors);
  EXPECT_LT((PeakRssKiB() - before) / 1024, kMaxGrowthMiB);
  ASSERT_EQ(docs.size(), 1u) << Describe(errors);
  EXPECT_EQ(docs[0].id, "huge#2");
  EXPECT_EQ(docs[0].text, "Good story.");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where, path + ":1");
  EXPECT_NE(errors[0].message.find("story of " + std::to_string(kHuge) + " bytes is over"),
            std::string::npos)
      << errors[0].message;
}

}  // namespace
}  // namespace faultline
