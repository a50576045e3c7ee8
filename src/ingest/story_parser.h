// story_parser.h — the interface each input format implements, and helpers
// the formats share. Internal to the ingest stage.
//
// Thread contract: a StoryParser belongs to one DocumentReader.
#ifndef FAULTLINE_INGEST_STORY_PARSER_H_
#define FAULTLINE_INGEST_STORY_PARSER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/document.h"
#include "ingest/reader.h"

namespace faultline {

// Turns the lines of one input into Documents.
class StoryParser {
 public:
  virtual ~StoryParser() = default;
  // Same contract as DocumentReader::Next, for one input. `errors` is never
  // null here.
  virtual bool Next(Document* doc, std::vector<InputError>* errors) = 0;
};

// Empties every field of *doc, keeping the allocated capacity for reuse.
void ResetDocument(Document* doc);

// "name:line".
std::string Where(const std::string& name, uint64_t line);

// True when `s` holds only ASCII whitespace (or nothing).
bool IsBlankText(std::string_view s);

// "line of 52428800 bytes is over the limit of 8388608 bytes".
std::string OverLimitMessage(std::string_view what, uint64_t bytes, size_t limit);

}  // namespace faultline

#endif  // FAULTLINE_INGEST_STORY_PARSER_H_
