// text/url.cc — see url.h.
#include "text/url.h"

#include "text/normalize.h"

namespace faultline {
namespace {

// Whether the parentheses in s are balanced, so a final ')' is its own.
bool Balanced(std::string_view s) {
  int depth = 0;
  for (char c : s) depth += (c == '(') - (c == ')');
  return depth == 0;
}

}  // namespace

bool FindUrl(std::string_view c, size_t* url_begin, size_t* url_end) {
  const size_t at = c.find('@');
  const size_t scheme = c.find("://");
  size_t start;
  if (scheme != std::string_view::npos && scheme > 0) {
    start = scheme;
    while (start > 0 && IsAsciiAlpha(c[start - 1])) --start;
    if (start == scheme) return false;
  } else if (size_t w = c.find("www."); w != std::string_view::npos &&
             (w == 0 || !IsAsciiAlpha(c[w - 1]))) {
    start = w;
  } else if (at != std::string_view::npos && at > 0 && c.find('.', at) != std::string_view::npos &&
             (IsAsciiAlpha(c[at - 1]) || IsAsciiDigit(c[at - 1]))) {
    start = at;
    while (start > 0 && (IsAsciiAlpha(c[start - 1]) || IsAsciiDigit(c[start - 1]) ||
                         c[start - 1] == '.' || c[start - 1] == '_' || c[start - 1] == '-' ||
                         c[start - 1] == '+')) {
      --start;
    }
    if (c.substr(0, start).ends_with("mailto:")) start -= 7;
  } else {
    return false;
  }
  size_t end = c.size();
  // Trailing punctuation belongs to the sentence, not the address; a ')' stays
  // when the address itself opened one (Wikipedia links).
  while (end > start) {
    const char last = c[end - 1];
    if (last == ')' && Balanced(c.substr(start, end - start))) break;
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' ||
        last == '"' || last == '\'' || last == ')' || last == ']' || last == '>' || last == '}') {
      --end;
    } else if (end - start >= 3 && static_cast<unsigned char>(last) >= 0x80) {
      size_t k = end - 1;  // step back to the lead byte of the last glyph
      while (k > start && (static_cast<unsigned char>(c[k]) & 0xC0) == 0x80) --k;
      const Glyph g = ReadGlyph(c, k);
      if (g.ascii != '\'' && g.ascii != '"') break;
      end = k;
    } else {
      break;
    }
  }
  if (end - start < 4) return false;
  *url_begin = start;
  *url_end = end;
  return true;
}

}  // namespace faultline
