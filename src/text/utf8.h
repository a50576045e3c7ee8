// text/utf8.h — UTF-8 decoding and validation for the text stage.
//
// The segmenter works on the original bytes; these helpers decode one code
// point at a time so the scanner never builds per-character strings.
// Stateless; safe to call from any thread.
#ifndef FAULTLINE_TEXT_UTF8_H_
#define FAULTLINE_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "faultline/status.h"

namespace faultline {

// Decodes the code point starting at text[pos]. Returns its length in bytes
// (1-4) and stores it in *cp, or returns 0 when the bytes there are not a
// well-formed UTF-8 sequence (overlong forms, surrogates and values above
// U+10FFFF are rejected, as the standard requires).
// REQUIRES: pos < text.size().
int DecodeUtf8(std::string_view text, size_t pos, uint32_t* cp);

// OK when `text` is well-formed UTF-8 without NUL bytes; otherwise an
// InvalidArgument status naming the byte offset of the first bad byte.
Status ValidateUtf8(std::string_view text);

// Appends the UTF-8 encoding of `cp` to *out.
void AppendUtf8(uint32_t cp, std::string* out);

}  // namespace faultline

#endif  // FAULTLINE_TEXT_UTF8_H_
