// Fuzz target: PETRARCH XML story input (<Sentence date id><Text>...), through
// the XML StoryParser as DocumentReader uses it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "story_drain.h"
#include "ingest/line_reader.h"
#include "ingest/petrarch_xml.h"

using namespace faultline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  const std::string_view input = fuzz::AsText(data, size);
  // A small story cap (4 KiB) so the over-long paths are reached too.
  auto lines = std::make_unique<LineReader>(fuzz::MemoryFile(input), true, 4096);
  auto parser = NewPetrarchXmlParser(std::move(lines), "fuzz.xml", "fuzz", 4096);
  fuzz::DrainStories(parser.get(), size, [](const Document& doc) {
    FUZZ_CHECK(!doc.text.empty() && doc.text.size() <= 4096 && doc.date.size() == 10 && !doc.id.empty());
    FUZZ_CHECK(doc.text.front() != ' ' && doc.text.back() != ' ');
  });
  return 0;
}
