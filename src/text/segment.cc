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
  doc->sentences.clear();
  if (doc->text.size() >= UINT32_MAX) {
    doc->tokens.clear();
    return Status::Invalid("text of " + std::to_string(doc->text.size()) +
                           " bytes is too long (limit 4 GiB)");
  }
  if (Status s = ValidateUtf8(doc->text); !s.ok()) {
    doc->tokens.clear();
    return s;
  }
  std::vector<uint8_t> newlines;
  {
    std::vector<TokenSpan> spans;  // freed before the sentences are built
    ScanTokens(doc->text, &spans);
    MakeTokens(doc->text, spans, &doc->tokens, &newlines);  // replaces the old tokens
  }
  doc->sentences.reserve(doc->tokens.size() / 16 + 4);
  SplitSentences(doc->tokens, newlines, opts.max_sentence_tokens, &doc->sentences);
  return Status::Ok();
}

}  // namespace faultline
