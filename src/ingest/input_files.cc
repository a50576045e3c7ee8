// Path expansion. Folders are walked by hand rather than with
// recursive_directory_iterator so that an unreadable sub-folder becomes an
// InputError instead of ending the walk or being skipped in silence.
#include "ingest/input_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace faultline {
namespace fs = std::filesystem;
namespace {

void WalkFolder(const fs::path& dir, std::vector<std::string>* files,
                std::vector<InputError>* errors) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::error_code type_ec;
    // Symlinked folders are not followed: they can form cycles.
    if (entry.is_directory(type_ec) && !entry.is_symlink(type_ec)) {
      WalkFolder(entry.path(), files, errors);
    } else if (entry.is_regular_file(type_ec) && IsStoryFileName(entry.path().native())) {
      files->push_back(entry.path().native());
    }
  }
  if (ec) errors->push_back({dir.native(), "cannot list folder: " + ec.message()});
}

}  // namespace

bool IsStoryFileName(std::string_view path) {
  return path.ends_with(".txt") || IsJsonLinesName(path) || IsPetrarchXmlName(path);
}

bool IsPetrarchXmlName(std::string_view path) { return path.ends_with(".xml"); }

bool IsJsonLinesName(std::string_view path) {
  return path.ends_with(".jsonl") || path.ends_with(".json");
}

Status ExpandInputPath(const std::string& path, std::vector<std::string>* files,
                       std::vector<InputError>* walk_errors) {
  if (path == "-") {
    files->push_back(path);
    return Status::Ok();
  }
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    const std::string reason = ec ? ec.message() : "No such file or directory";
    return Status::NotFound(path + ": cannot read input: " + reason);
  }
  if (fs::is_directory(st)) {
    fs::directory_iterator probe(path, ec);
    if (ec) return Status::IOError(path + ": cannot list folder: " + ec.message());
    std::vector<std::string> found;
    WalkFolder(path, &found, walk_errors);
    std::sort(found.begin(), found.end());
    files->insert(files->end(), found.begin(), found.end());
    return Status::Ok();
  }
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  close(fd);
  files->push_back(path);
  return Status::Ok();
}

}  // namespace faultline
