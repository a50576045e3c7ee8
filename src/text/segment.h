// text/segment.h — the text stage: tokens and sentences for a Document.
//
// Segment() validates the text, tokenises it in the UD English EWT convention
// (tokenizer.h) and splits sentences (sentence_splitter.h). It runs once per
// document; every later stage annotates the tokens it leaves in place.
// Thread contract: one Document per call; concurrent calls on distinct
// Documents are safe.
#ifndef FAULTLINE_TEXT_SEGMENT_H_
#define FAULTLINE_TEXT_SEGMENT_H_

#include <cstddef>

#include "faultline/document.h"
#include "faultline/status.h"

namespace faultline {

struct SegmentOptions {
  // A run of tokens with no sentence end that reaches this length is cut
  // into pieces of at most this many tokens, so later stages (parser, coder)
  // see bounded input. Default: 200. Values below 1 act as 1.
  size_t max_sentence_tokens = 200;
};

// Fills doc->tokens (begin/end = byte offsets into doc->text; form =
// normalised spelling; space_after) and doc->sentences (first, size, begin,
// end, paragraph) from doc->text, replacing what was there.
// Errors (doc->tokens and doc->sentences are left empty):
//   InvalidArgument "invalid UTF-8 at byte offset N" / "NUL byte at byte
//   offset N", or when the text is 4 GiB or longer (offsets are 32-bit).
// Time and memory are linear in the text size.
Status Segment(Document* doc, const SegmentOptions& opts = {});

}  // namespace faultline

#endif  // FAULTLINE_TEXT_SEGMENT_H_
