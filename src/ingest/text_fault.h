// text_fault.h — finds the first byte that makes a text unusable as a story: a
// byte sequence that is not well-formed UTF-8, or a NUL byte (legal UTF-8,
// but it truncates C strings in every tool downstream).
//
// Pure functions; safe from any thread.
#ifndef FAULTLINE_INGEST_TEXT_FAULT_H_
#define FAULTLINE_INGEST_TEXT_FAULT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace faultline {

struct TextFault {
  enum class Kind { kNone, kNul, kBadUtf8 };
  Kind kind = Kind::kNone;
  size_t offset = 0;  // byte offset of the first bad byte in the text
};

// Scans `text` (fast path: 8 ASCII bytes at a time) and returns the first
// fault, or Kind::kNone. Well-formed means Unicode's Table 3-7: no overlong
// forms, no surrogates, nothing above U+10FFFF, no truncated sequences.
TextFault FindTextFault(std::string_view text);

// "NUL byte" or "invalid UTF-8 (bytes 0xC3 0x28)" for the fault at
// fault.offset, showing up to 4 bytes from there.
std::string DescribeTextFault(std::string_view text, const TextFault& fault);

}  // namespace faultline

#endif  // FAULTLINE_INGEST_TEXT_FAULT_H_
