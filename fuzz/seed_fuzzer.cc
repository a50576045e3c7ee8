// Fuzz target: the seed story format (" date 2022-02-03 text..."), through
// the seed StoryParser as DocumentReader uses it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "story_drain.h"
#include "ingest/line_reader.h"
#include "ingest/seed_format.h"

using namespace faultline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  const std::string_view input = fuzz::AsText(data, size);
  {
    const std::string first(input.substr(0, input.find('\n')));
    IsSeedHeader(first, true);
    IsSeedHeader(first, false);
  }
  auto lines = std::make_unique<LineReader>(fuzz::MemoryFile(input), true, 4096);
  auto parser = NewSeedParser(std::move(lines), "fuzz.txt", "fuzz", 4096);
  fuzz::DrainStories(parser.get(), size, [](const Document& doc) {
    FUZZ_CHECK(!doc.text.empty() && doc.date.size() == 10);
  });
  return 0;
}
