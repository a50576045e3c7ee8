// DocumentReader: walks the expanded file list, opening one input at a time
// and choosing its format, then delegates to that format's StoryParser.
#include "ingest/reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

#include "ingest/input_files.h"
#include "ingest/jsonl_format.h"
#include "ingest/line_reader.h"
#include "ingest/petrarch_xml.h"
#include "ingest/seed_format.h"
#include "ingest/story_parser.h"

namespace faultline {
namespace {

constexpr const char* kStdinName = "<stdin>";
constexpr const char* kStdinIdBase = "stdin";

// *.json / *.jsonl are JSON Lines and *.xml PETRARCH XML; anything else is
// sniffed: a first non-blank '{' means JSON Lines, '<' PETRARCH XML,
// everything else is the seed format.
std::unique_ptr<StoryParser> NewParser(std::unique_ptr<LineReader> lines, const std::string& path,
                                       size_t max_story_bytes) {
  const bool is_stdin = path == "-";
  std::string name = is_stdin ? kStdinName : path;
  const bool jsonl = (!is_stdin && IsJsonLinesName(path)) || lines->PeekFirstNonBlank() == '{';
  if (jsonl) return NewJsonlParser(std::move(lines), std::move(name), max_story_bytes);
  std::string id_base = is_stdin ? kStdinIdBase : std::filesystem::path(path).stem().native();
  if ((!is_stdin && IsPetrarchXmlName(path)) || lines->PeekFirstNonBlank() == '<') {
    return NewPetrarchXmlParser(std::move(lines), std::move(name), std::move(id_base), max_story_bytes);
  }
  return NewSeedParser(std::move(lines), std::move(name), std::move(id_base), max_story_bytes);
}

}  // namespace

Result<std::unique_ptr<DocumentReader>> DocumentReader::Open(std::vector<std::string> paths,
                                                             ReaderOptions opts) {
  if (paths.empty()) paths.push_back("-");
  std::vector<std::string> files;
  std::vector<InputError> walk_errors;
  for (const std::string& path : paths) {
    Status status = ExpandInputPath(path, &files, &walk_errors);
    if (!status.ok()) return status;
  }
  return std::unique_ptr<DocumentReader>(
      new DocumentReader(std::move(files), std::move(walk_errors), opts));
}

DocumentReader::DocumentReader(std::vector<std::string> files,
                               std::vector<InputError> walk_errors, ReaderOptions opts)
    : files_(std::move(files)), pending_errors_(std::move(walk_errors)), opts_(opts) {}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::OpenNextFile(std::vector<InputError>* errors) {
  while (next_file_ < files_.size()) {
    const std::string& path = files_[next_file_++];
    int fd = 0;  // standard input, not ours to close
    if (path != "-") {
      fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        errors->push_back({path, std::string("cannot open: ") + std::strerror(errno)});
        continue;
      }
      posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    }
    auto lines = std::make_unique<LineReader>(fd, path != "-", opts_.max_story_bytes);
    parser_ = NewParser(std::move(lines), path, opts_.max_story_bytes);
    return true;
  }
  return false;
}

bool DocumentReader::Next(Document* doc, std::vector<InputError>* errors) {
  std::vector<InputError> ignored;
  if (errors == nullptr) errors = &ignored;
  if (!pending_errors_.empty()) {
    errors->insert(errors->end(), pending_errors_.begin(), pending_errors_.end());
    pending_errors_.clear();
  }
  for (;;) {
    if (parser_ == nullptr && !OpenNextFile(errors)) return false;
    if (parser_->Next(doc, errors)) return true;
    parser_.reset();
  }
}

}  // namespace faultline
