// jsonl_format.h — JSON Lines stories: one object a line,
//   {"id": "a1", "date": "2022-02-03", "text": "...", "title": "...",
//    "source": "...", "url": "..."}
// "date" and "text" are required; see doc/input_formats.md for the rules.
#ifndef FAULTLINE_INGEST_JSONL_FORMAT_H_
#define FAULTLINE_INGEST_JSONL_FORMAT_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/line_reader.h"
#include "ingest/story_parser.h"

namespace faultline {

// Fills *doc from one JSON line; on a fault returns false and sets *why.
// `fallback_id` is used when the record has no "id". Sets id, date, text,
// title, source and url; leaves origin alone.
bool ParseJsonStory(std::string_view line, const std::string& fallback_id, Document* doc,
                    std::string* why);

// Stories from `lines`, one per non-blank line. `name` is used in error
// locations, origins and ids of records without one ("name:line").
std::unique_ptr<StoryParser> NewJsonlParser(std::unique_ptr<LineReader> lines, std::string name,
                                            size_t max_story_bytes);

}  // namespace faultline

#endif  // FAULTLINE_INGEST_JSONL_FORMAT_H_
