// story_drain.h — the loop the story-format fuzz targets share.
#ifndef FAULTLINE_FUZZ_STORY_DRAIN_H_
#define FAULTLINE_FUZZ_STORY_DRAIN_H_

#include <cstddef>
#include <vector>

#include "faultline/document.h"
#include "fuzz_util.h"
#include "ingest/reader.h"
#include "ingest/story_parser.h"

namespace faultline::fuzz {

// Reads every story `parser` gives from an input of `size` bytes, passing
// each to `check`; no input may give more stories than it has bytes, and
// every error must say where and what.
template <typename Check>
void DrainStories(StoryParser* parser, size_t size, Check check) {
  Document doc;
  std::vector<InputError> errors;
  size_t stories = 0;
  while (parser->Next(&doc, &errors)) {
    check(doc);
    FUZZ_CHECK(++stories <= size);
  }
  for (const InputError& e : errors) FUZZ_CHECK(!e.where.empty() && !e.message.empty());
}

}  // namespace faultline::fuzz

#endif  // FAULTLINE_FUZZ_STORY_DRAIN_H_
