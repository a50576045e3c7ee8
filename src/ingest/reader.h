// reader.h — the INGEST stage: streams stories from files, folders and
// standard input as Documents (see doc/input_formats.md for the formats).
//
// Bad input never stops the stream: a record that cannot be read (bad date,
// invalid UTF-8, broken JSON, empty or over-long story, unreadable file) is
// skipped and described by an InputError, and the next good story follows.
//
// Thread contract: one thread uses a DocumentReader at a time. Not copyable:
// it owns open file descriptors and read buffers.
#ifndef FAULTLINE_INGEST_READER_H_
#define FAULTLINE_INGEST_READER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "faultline/document.h"
#include "faultline/status.h"

namespace faultline {

// A skipped record or an unreadable file.
struct InputError {
  std::string where;    // "path:line", "<stdin>:line", or just "path"
  std::string message;  // what is wrong, e.g. "missing \"date\""
  std::string ToString() const { return where + ": " + message; }
};

struct ReaderOptions {
  // Stories (and JSON Lines lines) longer than this are skipped with an
  // InputError. Also bounds memory: no more than about 2x this is buffered.
  // Default: 8 MiB.
  size_t max_story_bytes = 8 << 20;
};

class StoryParser;  // one per open input; see story_parser.h

class DocumentReader {
 public:
  // Reads `paths` in order; "-" (or an empty list) means standard input. A
  // folder stands for every *.txt, *.json and *.jsonl file below it, in
  // sorted path order. Returns NotFound when a path does not exist and
  // IOError when a file or folder cannot be opened; nothing else fails here.
  static Result<std::unique_ptr<DocumentReader>> Open(std::vector<std::string> paths,
                                                      ReaderOptions opts = {});
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Fills *doc (all fields; tokens and sentences cleared) with the next good
  // story and returns true; returns false when all inputs are exhausted.
  // Every record skipped on the way (and every file that could not be read)
  // appends an InputError to *errors (which may be null to ignore them).
  bool Next(Document* doc, std::vector<InputError>* errors);

 private:
  DocumentReader(std::vector<std::string> files, std::vector<InputError> walk_errors,
                 ReaderOptions opts);
  // Opens files_[next_file_++] into parser_; false when none is left.
  bool OpenNextFile(std::vector<InputError>* errors);

  std::vector<std::string> files_;           // expanded; "-" = stdin
  std::vector<InputError> pending_errors_;   // from walking folders in Open()
  ReaderOptions opts_;
  size_t next_file_ = 0;
  std::unique_ptr<StoryParser> parser_;
};

}  // namespace faultline

#endif  // FAULTLINE_INGEST_READER_H_
