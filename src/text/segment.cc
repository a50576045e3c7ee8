// text/segment.cc — see segment.h.
#include "text/segment.h"

#include <cstdint>
#include <string>
#include <vector>

#include "text/sentence_splitter.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace faultline {

Status Segment(Document* doc, const SegmentOptions& opts) {
  doc->tokens.clear();
  doc->sentences.clear();
  if (doc->text.size() >= UINT32_MAX) {
    return Status::Invalid("text of " + std::to_string(doc->text.size()) +
                           " bytes is too long (limit 4 GiB)");
  }
  if (Status s = ValidateUtf8(doc->text); !s.ok()) return s;
  // News text averages five to six bytes per token; reserving avoids
  // regrowth copies on large inputs.
  doc->tokens.reserve(doc->text.size() / 5 + 16);
  std::vector<uint8_t> newlines;
  newlines.reserve(doc->tokens.capacity());
  Tokenize(doc->text, &doc->tokens, &newlines);
  doc->sentences.reserve(doc->tokens.size() / 16 + 4);
  SplitSentences(doc->tokens, newlines, opts.max_sentence_tokens, &doc->sentences);
  return Status::Ok();
}

}  // namespace faultline
