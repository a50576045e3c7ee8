// Fuzz target: the text stage. Story text -> Segment() -> tokens and
// sentences, with the invariants segment.h promises checked.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "text/segment.h"

using namespace faultline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxInput) return 0;
  Document doc;
  doc.text.assign(fuzz::AsText(data, size));
  // The first byte also picks a small sentence cap now and then, so the
  // cutting of long runs is exercised on short inputs.
  SegmentOptions opts;
  if (size > 0 && data[0] % 4 == 0) opts.max_sentence_tokens = data[0] / 4;
  Status st = Segment(&doc, opts);
  if (!st.ok()) {
    FUZZ_CHECK(doc.tokens.empty() && doc.sentences.empty());
    return 0;
  }
  const size_t cap = opts.max_sentence_tokens < 1 ? 1 : opts.max_sentence_tokens;
  for (const Token& t : doc.tokens) {
    FUZZ_CHECK(t.begin <= t.end && t.end <= doc.text.size());
  }
  size_t next = 0;
  for (const Sentence& s : doc.sentences) {
    FUZZ_CHECK(s.first == next);  // contiguous, in order
    FUZZ_CHECK(s.size >= 1 && s.size <= cap);
    FUZZ_CHECK(s.first + s.size <= doc.tokens.size());
    FUZZ_CHECK(s.begin <= s.end && s.end <= doc.text.size());
    next = s.first + s.size;
  }
  FUZZ_CHECK(next == doc.tokens.size());
  return 0;
}
