// UTF-8 and NUL checking. Stories are mostly ASCII, so the scan tests 8 bytes
// at a time for "any high bit or any zero byte" and only decodes sequences
// when that word test fails.
#include "ingest/text_fault.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace faultline {
namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;

// True when all 8 bytes are ASCII and none is zero.
bool IsPlainAsciiWord(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof(w));
  const bool has_zero = ((w - kOnes) & ~w & kHighs) != 0;
  return (w & kHighs) == 0 && !has_zero;
}

// Length of the well-formed sequence starting at p[0] (a byte >= 0x80), or
// 0 when it is not well-formed. `left` is the number of bytes available.
size_t SequenceLength(const unsigned char* p, size_t left) {
  const unsigned char b = p[0];
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b >= 0xC2 && b <= 0xDF) {
    len = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    len = 3;
    if (b == 0xE0) lo = 0xA0;  // overlong
    if (b == 0xED) hi = 0x9F;  // surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4;
    if (b == 0xF0) lo = 0x90;  // overlong
    if (b == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (left < len || p[1] < lo || p[1] > hi) return 0;
  for (size_t i = 2; i < len; ++i) {
    if (p[i] < 0x80 || p[i] > 0xBF) return 0;
  }
  return len;
}

}  // namespace

TextFault FindTextFault(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n && IsPlainAsciiWord(p + i)) {
      i += 8;
    } else if (p[i] == 0) {
      return {TextFault::Kind::kNul, i};
    } else if (p[i] < 0x80) {
      ++i;
    } else {
      const size_t len = SequenceLength(p + i, n - i);
      if (len == 0) return {TextFault::Kind::kBadUtf8, i};
      i += len;
    }
  }
  return {};
}

std::string DescribeTextFault(std::string_view text, const TextFault& fault) {
  if (fault.kind == TextFault::Kind::kNul) return "NUL byte";
  std::string out = "invalid UTF-8 (bytes";
  const size_t end = std::min(text.size(), fault.offset + 4);
  for (size_t i = fault.offset; i < end; ++i) {
    char hex[8];
    std::snprintf(hex, sizeof(hex), " 0x%02X", static_cast<unsigned char>(text[i]));
    out += hex;
  }
  return out + ")";
}

}  // namespace faultline
