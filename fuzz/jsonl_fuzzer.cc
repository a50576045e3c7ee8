// Fuzz target: JSON Lines input. Each line through ParseJsonStory(), and the
// whole input through the JSON Lines StoryParser (line reader, length cap,
// skipped records) as DocumentReader uses it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "story_drain.h"
#include "ingest/jsonl_format.h"
#include "ingest/line_reader.h"

using namespace faultline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  const std::string_view input = fuzz::AsText(data, size);

  size_t start = 0;
  while (start <= input.size()) {
    size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    // A copy of exactly the line, so a read past its end is caught.
    const std::string line(input.substr(start, end - start));
    Document doc;
    std::string why;
    if (!ParseJsonStory(line, "fuzz:1", &doc, &why)) FUZZ_CHECK(!why.empty());
    start = end + 1;
  }

  // A small story cap (4 KiB) so the over-long path is reached too.
  auto lines = std::make_unique<LineReader>(fuzz::MemoryFile(input), true, 4096);
  auto parser = NewJsonlParser(std::move(lines), "fuzz.jsonl", 4096);
  fuzz::DrainStories(parser.get(), size, [](const Document& doc) {
    FUZZ_CHECK(!doc.text.empty() && doc.text.size() <= 4096);
  });
  return 0;
}
