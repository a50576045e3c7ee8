// text/normalize.h — what each code point means to the scanner, and the
// normalised spelling the models see.
//
// Normalisation maps typographic variants onto the ASCII the treebank and the
// dictionaries use: curly and angle quotes -> ' or ", dashes -> "-" (em dash
// and horizontal bar -> "--", as EWT writes a double hyphen), NBSP and the
// other Unicode spaces -> ' ', "…" -> "...", fullwidth ASCII -> ASCII, the
// "fi"/"fl" ligatures -> letters; soft hyphens and zero-width characters are
// dropped. Offsets are never changed: only Token::form is normalised.
// Stateless; safe to call from any thread.
#ifndef FAULTLINE_TEXT_NORMALIZE_H_
#define FAULTLINE_TEXT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace faultline {

// Classes of non-ASCII glyphs that have no single ASCII stand-in.
inline constexpr char kWordGlyph = 0;       // letters, digits, marks of any script
inline constexpr char kIgnorableGlyph = 1;  // soft hyphen, zero-width joiners: part of a word, dropped
inline constexpr char kEllipsisGlyph = 2;   // U+2026
inline constexpr char kSymbolGlyph = 3;     // other punctuation/symbols: a token of its own

// One code point as the scanner sees it.
struct Glyph {
  uint32_t cp = 0;
  uint8_t len = 1;  // bytes in the original text
  // ASCII stand-in used for classification: the byte itself for ASCII; the
  // mapped character for quotes, dashes and fullwidth forms ('’' -> '\'',
  // '–' -> '-'); ' ' for any space; '\n' for line and paragraph separators;
  // otherwise one of the k*Glyph classes above.
  char ascii = 0;
};

// Reads the glyph at text[pos]. REQUIRES: text is valid UTF-8, pos < size.
Glyph ReadGlyph(std::string_view text, size_t pos);

// Replacement spelling of a non-ASCII code point, or nullptr when it is kept
// as is ("" means dropped).
const char* NormalizedSpelling(uint32_t cp);

// Appends the normalised spelling of `original` (valid UTF-8) to *out.
void AppendNormalized(std::string_view original, std::string* out);

inline std::string Normalize(std::string_view original) {
  std::string out;
  AppendNormalized(original, &out);
  return out;
}

inline bool IsAsciiAlpha(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
inline bool IsAsciiDigit(char c) { return static_cast<unsigned char>(c - '0') < 10; }
inline bool IsAsciiUpper(char c) { return static_cast<unsigned char>(c - 'A') < 26; }
inline bool IsAsciiLower(char c) { return static_cast<unsigned char>(c - 'a') < 26; }

// True for glyphs that continue a word: letters, digits, non-ASCII word
// characters and ignorables.
inline bool IsWordGlyph(const Glyph& g) {
  return g.ascii == kWordGlyph || g.ascii == kIgnorableGlyph || IsAsciiAlpha(g.ascii) ||
         IsAsciiDigit(g.ascii);
}

inline bool IsSpaceGlyph(const Glyph& g) {
  return g.ascii == ' ' || g.ascii == '\n' || g.ascii == '\t' || g.ascii == '\r' ||
         g.ascii == '\v' || g.ascii == '\f';
}

}  // namespace faultline

#endif  // FAULTLINE_TEXT_NORMALIZE_H_
