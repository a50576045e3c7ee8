// Fuzz target: verb-pattern dictionary text through VerbDictionary::AddText()
// (codes checked against data/cameo_codes.tsv, loaded once) and Finish().
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "dict/code_table.h"
#include "dict/verb_dictionary.h"
#include "fuzz_util.h"

using namespace faultline;

static const CodeTable* Codes() {
  static const CodeTable* codes = [] {
    auto t = CodeTable::Load(std::string(FAULTLINE_SOURCE_DIR) + "/data/cameo_codes.tsv");
    if (!t.ok()) {
      std::fprintf(stderr, "verbs_fuzzer: %s\n", t.status().message().c_str());
      std::abort();
    }
    return new CodeTable(std::move(*t));
  }();
  return codes;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  VerbDictionary d;
  (void)d.AddText(fuzz::AsText(data, size), "fuzz.verbs", Codes());
  d.Finish();
  for (const VerbPattern& p : d.patterns()) {
    const auto* list = d.PatternsFor(p.anchor, p.noun);
    FUZZ_CHECK(list != nullptr);
    for (uint32_t i : *list) FUZZ_CHECK(i < d.patterns().size());
  }
  return 0;
}
