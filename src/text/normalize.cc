// text/normalize.cc — see normalize.h.
#include "text/normalize.h"

#include <array>

#include "text/utf8.h"

namespace faultline {
namespace {

// Spaces (and space-like format characters) that separate tokens.
bool IsUnicodeSpace(uint32_t cp) {
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool IsLineSeparator(uint32_t cp) { return cp == 0x85 || cp == 0x2028 || cp == 0x2029; }

// Non-ASCII punctuation and symbols without an ASCII stand-in: each is a
// token of its own (currency signs, bullets, arrows, emoji, CJK punctuation).
bool IsSymbol(uint32_t cp) {
  if (cp >= 0xA1 && cp <= 0xBF) {
    return cp != 0xAA && cp != 0xB2 && cp != 0xB3 && cp != 0xB5 && cp != 0xB9 && cp != 0xBA &&
           !(cp >= 0xBC && cp <= 0xBE);
  }
  return cp == 0xD7 || cp == 0xF7 || (cp >= 0x2016 && cp <= 0x205E) ||
         (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2190 && cp <= 0x2BFF) ||
         (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFE10 && cp <= 0xFE6F) ||
         (cp >= 0x1F000 && cp <= 0x1FAFF);
}

}  // namespace

const char* NormalizedSpelling(uint32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) {
    // Fullwidth ASCII: a static table of NUL-terminated one-char strings keeps
    // the returned pointer valid.
    static constexpr auto kAscii = [] {
      std::array<std::array<char, 2>, 94> t{};
      for (int i = 0; i < 94; ++i) t[i] = {static_cast<char>('!' + i), '\0'};
      return t;
    }();
    return kAscii[cp - 0xFF01].data();
  }
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2039:
    case 0x203A: case 0xB4:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0xAB: case 0xBB:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE63:
      return "-";
    case 0x2014: case 0x2015:
      return "--";
    case 0x2026:
      return "...";
    case 0x2044:
      return "/";
    case 0xFB01:
      return "fi";
    case 0xFB02:
      return "fl";
    case 0xAD: case 0x200C: case 0x200D: case 0x2060:
      return "";
    default:
      break;
  }
  if (IsUnicodeSpace(cp) || IsLineSeparator(cp)) return " ";
  return nullptr;
}

Glyph ReadGlyph(std::string_view text, size_t pos) {
  Glyph g;
  const unsigned char b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) {
    g.cp = b;
    g.len = 1;
    g.ascii = static_cast<char>(b);
    return g;
  }
  g.len = static_cast<uint8_t>(DecodeUtf8(text, pos, &g.cp));
  if (g.len == 0) {  // Callers validate first; be safe anyway.
    g.len = 1;
    g.ascii = kSymbolGlyph;
    return g;
  }
  if (IsUnicodeSpace(g.cp)) {
    g.ascii = ' ';
  } else if (IsLineSeparator(g.cp)) {
    g.ascii = '\n';
  } else if (g.cp == 0x2026) {
    g.ascii = kEllipsisGlyph;
  } else if (g.cp == 0xAD || g.cp == 0x200C || g.cp == 0x200D || g.cp == 0x2060) {
    g.ascii = kIgnorableGlyph;
  } else if (const char* s = NormalizedSpelling(g.cp); s != nullptr && s[0] != '\0') {
    g.ascii = s[0];  // quotes, dashes, fullwidth forms, ligatures
  } else if (IsSymbol(g.cp)) {
    g.ascii = kSymbolGlyph;
  } else {
    g.ascii = kWordGlyph;
  }
  return g;
}

void AppendNormalized(std::string_view original, std::string* out) {
  size_t i = 0;
  while (i < original.size()) {
    const unsigned char b = static_cast<unsigned char>(original[i]);
    if (b < 0x80) {
      out->push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    uint32_t cp;
    int len = DecodeUtf8(original, i, &cp);
    if (len == 0) {  // not reachable for validated text; keep the byte
      out->push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    if (const char* s = NormalizedSpelling(cp)) {
      out->append(s);
    } else {
      out->append(original.substr(i, len));
    }
    i += len;
  }
}

}  // namespace faultline
