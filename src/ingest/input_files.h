// input_files.h — turns the paths a user gave into the list of files to read:
// folders are walked for story files, missing paths are errors.
#ifndef FAULTLINE_INGEST_INPUT_FILES_H_
#define FAULTLINE_INGEST_INPUT_FILES_H_

#include <string>
#include <string_view>
#include <vector>

#include "faultline/status.h"
#include "ingest/reader.h"

namespace faultline {

// True for names a folder walk picks up: *.txt, *.json, *.jsonl, *.xml.
bool IsStoryFileName(std::string_view path);

// True for *.json and *.jsonl, read as JSON Lines without sniffing.
bool IsJsonLinesName(std::string_view path);

// True for *.xml, read as PETRARCH XML without sniffing.
bool IsPetrarchXmlName(std::string_view path);

// Appends to *files the file for `path` ("-" stays "-"), or every story file
// below it in sorted path order when it is a folder. Returns NotFound when
// `path` does not exist, IOError when it cannot be opened or listed.
// Sub-folders that cannot be listed are reported in *walk_errors instead.
Status ExpandInputPath(const std::string& path, std::vector<std::string>* files,
                       std::vector<InputError>* walk_errors);

}  // namespace faultline

#endif  // FAULTLINE_INGEST_INPUT_FILES_H_
