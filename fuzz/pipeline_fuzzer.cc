// Fuzz target: the whole pipeline (segment, tag, lemmatise, parse, code) on
// one story. The first line is the publication date (2022-02-03 when it is
// not one), the rest the story. Dictionaries and models load once; the
// gazetteer is off so the target does not depend on a build folder. Slow, so
// inputs are capped at 4 KiB.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "dates/civil_date.h"
#include "fuzz_util.h"
#include "pipeline/pipeline.h"

using namespace faultline;

static const Pipeline& ThePipeline() {
  static const Pipeline* pipeline = [] {
    PipelineOptions o;
    o.home = FAULTLINE_SOURCE_DIR;
    o.gazetteer = "none";
    auto p = Pipeline::Open(o);
    if (!p.ok()) {
      std::fprintf(stderr, "pipeline_fuzzer: %s\n", p.status().message().c_str());
      std::abort();
    }
    return std::move(p).value().release();
  }();
  return *pipeline;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  ThePipeline();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  const std::string_view input = fuzz::AsText(data, size);
  const size_t nl = input.find('\n');
  Document doc;
  doc.id = "fuzz";
  doc.origin = "fuzz";
  doc.date = "2022-02-03";
  if (nl != std::string_view::npos && ParseIsoDate(input.substr(0, nl)).ok()) {
    doc.date.assign(input.substr(0, nl));
    doc.text.assign(input.substr(nl + 1));
  } else {
    doc.text.assign(input);
  }
  auto coded = ThePipeline().Process(&doc);
  (void)coded;  // invalid text is an error, not a crash
  return 0;
}
