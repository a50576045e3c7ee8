// Fuzz target: the seed story format (" date 2022-02-03 text..."), through
// the seed StoryParser as DocumentReader uses it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_util.h"
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
  Document doc;
  std::vector<InputError> errors;
  size_t stories = 0;
  while (parser->Next(&doc, &errors)) {
    FUZZ_CHECK(!doc.text.empty() && doc.date.size() == 10);
    FUZZ_CHECK(++stories <= size);
  }
  for (const InputError& e : errors) FUZZ_CHECK(!e.where.empty() && !e.message.empty());
  return 0;
}
