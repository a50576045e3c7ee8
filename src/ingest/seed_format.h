// seed_format.h — the plain-text story format of ../shared/seed:
//
//    date 2022-02-03 Russian President Vladimir Putin and ...
//   <blank line>
//   Johnson visited Kyiv ...
//
// A story starts with a space, "date", a space, an ISO date and a space; the
// text follows. A later line that starts the same way, after a blank line,
// begins the next story of the same file. See doc/input_formats.md.
#ifndef FAULTLINE_INGEST_SEED_FORMAT_H_
#define FAULTLINE_INGEST_SEED_FORMAT_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/line_reader.h"
#include "ingest/story_parser.h"

namespace faultline {

// True when `line` opens a story: " date " followed by anything, or "date "
// followed by a digit. `at_start` (first non-blank line of the input) also
// accepts "date " followed by anything, so a bad first header is reported as
// a bad date rather than a missing one.
bool IsSeedHeader(std::string_view line, bool at_start);

// Stories from `lines`. `name` is used in error locations and origins
// ("name:line"); story ids are `id_base`, `id_base#2`, `id_base#3`, ...
std::unique_ptr<StoryParser> NewSeedParser(std::unique_ptr<LineReader> lines, std::string name,
                                           std::string id_base, size_t max_story_bytes);

}  // namespace faultline

#endif  // FAULTLINE_INGEST_SEED_FORMAT_H_
