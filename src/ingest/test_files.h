// test_files.h — helpers for the ingest tests: a temporary folder that
// cleans up after itself, and reading everything a DocumentReader yields.
// Test-only; no library code includes it.
#ifndef FAULTLINE_INGEST_TEST_FILES_H_
#define FAULTLINE_INGEST_TEST_FILES_H_

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/reader.h"

namespace faultline {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "faultline-ingest-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
    path_ = tmpl;
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `content` to `name` (sub-folders are created) and returns its path.
  std::string Write(const std::string& name, const std::string& content) const {
    const std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string path() const { return path_.string(); }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Everything the reader yields for `paths`; Open() must succeed.
inline std::vector<Document> ReadAll(std::vector<std::string> paths,
                                     std::vector<InputError>* errors,
                                     ReaderOptions opts = {}) {
  auto reader = DocumentReader::Open(std::move(paths), opts);
  EXPECT_TRUE(reader.ok()) << reader.status().message();
  std::vector<Document> docs;
  if (!reader.ok()) return docs;
  Document doc;
  while ((*reader)->Next(&doc, errors)) docs.push_back(doc);
  return docs;
}

// "where: message" lines, for readable assertion failures.
inline std::string Describe(const std::vector<InputError>& errors) {
  std::string out;
  for (const InputError& e : errors) out += e.ToString() + "\n";
  return out;
}

}  // namespace faultline

#endif  // FAULTLINE_INGEST_TEST_FILES_H_
