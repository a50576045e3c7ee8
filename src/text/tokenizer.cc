// text/tokenizer.cc — see tokenizer.h. A hand-written scanner: whitespace
// separates chunks; each chunk is a URL/e-mail (one token) or a run of words
// and punctuation split by the rules below.
#include "text/tokenizer.h"

#include <array>
#include <cstdint>

#include "text/lexicon.h"
#include "text/normalize.h"
#include "text/url.h"

namespace faultline {
namespace {

// Byte classes for the ASCII fast paths (non-ASCII bytes go through
// ReadGlyph).
enum : uint8_t {
  kSpaceByte = 1,
  kWordByte = 2,
  kHighByte = 4,
  kAtOrColonByte = 8,  // '@' or ':': an e-mail address or a URL scheme
  kDotByte = 16,
  kWByte = 32,         // with kDotByte: maybe "www."
};

constexpr auto kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) t[c] = kSpaceByte;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) t[c] = kWordByte;
    if (c >= 0x80) t[c] = kHighByte;
    if (c == '@' || c == ':') t[c] |= kAtOrColonByte;
    if (c == '.') t[c] |= kDotByte;
    if (c == 'w' || c == 'W') t[c] |= kWByte;
  }
  return t;
}();

inline uint8_t ByteClass(char c) { return kByteClass[static_cast<unsigned char>(c)]; }

bool IsIntraWordHyphen(const Glyph& g) { return g.cp == '-' || g.cp == 0x2010 || g.cp == 0x2011; }

// ASCII symbols whose repeats form one token (rules, separators, "**").
bool IsRunSymbol(char c) {
  return c == '*' || c == '_' || c == '=' || c == '~' || c == '#' || c == '+' || c == '^' ||
         c == '<' || c == '>' || c == '/' || c == '|';
}

char Lower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c | 0x20) : c; }

bool EqualsLower(std::string_view w, std::string_view lower) {
  if (w.size() != lower.size() || Lower(w[0]) != lower[0]) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    if (Lower(w[i]) != lower[i]) return false;
  }
  return true;
}

// Clitics split off after an apostrophe (n't is handled separately).
bool IsClitic(std::string_view w) {
  return EqualsLower(w, "s") || EqualsLower(w, "m") || EqualsLower(w, "d") ||
         EqualsLower(w, "re") || EqualsLower(w, "ve") || EqualsLower(w, "ll");
}

// Words EWT writes as two ("cannot" -> can not, "gonna" -> gon na, and the
// apostrophe-less contractions of web text: "dont" -> do nt). Returns the
// length of the first part, or 0.
size_t FusedSplit(std::string_view w) {
  if (w.empty()) return 0;
  const char last = Lower(w.back());
  if (last != 't' && last != 'a' && last != 'm' && last != 'e') return 0;  // cheap filter
  auto is = [w](std::string_view lower) { return EqualsLower(w, lower); };
  switch (w.size()) {  // one or two comparisons per word, not sixteen
    case 2:
      return is("im") ? 1 : 0;
    case 3:
      return is("ive") ? 1 : 0;
    case 4:
      return is("dont") || is("isnt") ? 2 : is("alot") ? 1 : 0;
    case 5:
      return is("gonna") || is("wanna") || is("gotta") || is("didnt") || is("wasnt") ? 3 : 0;
    case 6:
      return is("cannot") ? 3 : is("doesnt") || is("havent") ? 4 : 0;
    case 7:
      return is("couldnt") || is("wouldnt") ? 5 : 0;
    case 8:
      return is("shouldnt") ? 6 : 0;
    default:
      return 0;
  }
}

// "U.S", "e.g", "a.m", "Ph.D": letters in segments of one or two, joined by
// periods — the shape of an abbreviation that keeps its final period.
bool IsDottedAbbreviation(std::string_view w) {
  size_t seg = 0;
  bool dotted = false;
  for (char c : w) {
    if (c == '.') {
      if (seg == 0) return false;
      dotted = true;
      seg = 0;
    } else if (IsAsciiAlpha(c) && ++seg <= 2) {
      continue;
    } else {
      return false;
    }
  }
  return dotted && seg > 0;
}

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<TokenSpan>* spans) : text_(text), spans_(spans) {}

  void Run();

 private:
  Glyph At(size_t p) const {
    const unsigned char b = static_cast<unsigned char>(text_[p]);
    if (b < 0x80) {
      Glyph g;
      g.cp = b;
      g.ascii = static_cast<char>(b);
      return g;
    }
    return ReadGlyph(text_, p);
  }
  bool WordAt(size_t p, size_t e) const { return p < e && IsWordGlyph(At(p)); }

  size_t ChunkEnd(size_t p, bool* url_hint, bool* ascii) const;
  void Chunk(size_t b, size_t e, bool url_hint);
  void Piece(size_t b, size_t e);
  size_t NumberPrefixEnd(size_t p, size_t e, const Glyph& g) const;
  size_t Word(size_t b, size_t e, size_t token_begin = SIZE_MAX);
  size_t Apostrophe(size_t start, size_t q, size_t e, bool* split);
  bool AttachPeriod(std::string_view word, size_t period) const;
  void EmitWord(size_t b, size_t e);
  void Emit(size_t b, size_t e);

  std::string_view text_;
  std::vector<TokenSpan>* spans_;
  uint8_t pending_newlines_ = 0;
  bool space_before_ = true;
  bool chunk_ascii_ = true;  // the current chunk has no byte >= 0x80
};

void Scanner::Run() {
  size_t p = 0;
  const size_t n = text_.size();
  while (p < n) {
    if (text_[p] == ' ') {  // the common case, without decoding
      space_before_ = true;
      ++p;
      continue;
    }
    const Glyph g = At(p);
    if (IsSpaceGlyph(g)) {
      // "\r\n" counts once: a lone '\r' is a break, '\n' after '\r' is not.
      const bool crlf = g.cp == '\n' && p > 0 && text_[p - 1] == '\r';
      if ((g.ascii == '\n' || g.cp == '\r' || g.cp == '\f' || g.cp == '\v') && !crlf &&
          pending_newlines_ < 2) {
        ++pending_newlines_;
      }
      space_before_ = true;
      p += g.len;
      continue;
    }
    bool url_hint;
    const size_t e = ChunkEnd(p, &url_hint, &chunk_ascii_);
    Chunk(p, e, url_hint);
    p = e;
  }
  if (!spans_->empty()) spans_->back().space_after = space_before_;
}

// End of the run of non-space glyphs at p. Sets *url_hint when the run has
// the bytes a URL or e-mail address needs ('@' or ':', or '.' and 'w').
size_t Scanner::ChunkEnd(size_t p, bool* url_hint, bool* ascii) const {
  const size_t n = text_.size();
  uint8_t seen = 0;
  while (p < n) {
    const uint8_t c = ByteClass(text_[p]);
    if (c & kSpaceByte) break;
    seen |= c;
    if (!(c & kHighByte)) {
      ++p;
      continue;
    }
    const Glyph g = ReadGlyph(text_, p);
    if (IsSpaceGlyph(g)) break;
    p += g.len;
  }
  *url_hint = (seen & kAtOrColonByte) || ((seen & kDotByte) && (seen & kWByte));
  *ascii = !(seen & kHighByte);
  return p;
}

void Scanner::Chunk(size_t b, size_t e, bool url_hint) {
  size_t ub, ue;
  if (url_hint && e - b >= 4 && FindUrl(text_.substr(b, e - b), &ub, &ue)) {
    Piece(b, b + ub);
    Emit(b + ub, b + ue);
    Piece(b + ue, e);
  } else {
    Piece(b, e);
  }
}

void Scanner::Piece(size_t b, size_t e) {
  size_t p = b;
  while (p < e) {
    const Glyph g = At(p);
    if (g.ascii == kIgnorableGlyph) {
      p += g.len;
    } else if (IsWordGlyph(g)) {
      p = Word(p, e);
    } else if (size_t k = NumberPrefixEnd(p, e, g); k != p) {
      p = Word(k, e, p);  // -6,363,217 and '67 are one token
    } else if (g.ascii == '.' || g.ascii == kEllipsisGlyph || g.ascii == '!' || g.ascii == '?' ||
               g.ascii == '-') {
      // Runs are one token: "...", "?!", "--".
      const bool stop = g.ascii == '!' || g.ascii == '?';
      const bool dots = g.ascii == '.' || g.ascii == kEllipsisGlyph;
      size_t q = p + g.len;
      while (q < e) {
        const Glyph h = At(q);
        const bool same = stop ? (h.ascii == '!' || h.ascii == '?')
                          : dots ? (h.ascii == '.' || h.ascii == kEllipsisGlyph)
                                 : h.ascii == '-';
        if (!same) break;
        q += h.len;
      }
      Emit(p, q);
      p = q;
    } else if (IsRunSymbol(g.ascii)) {
      size_t q = p + 1;  // "*****", "_____", "==" are one token in EWT
      while (q < e && text_[q] == g.ascii) ++q;
      Emit(p, q);
      p = q;
    } else {
      Emit(p, p + g.len);
      p += g.len;
    }
  }
}

// A sign or apostrophe that belongs to the number after it: "-6,363,217"
// (a minus at the start of a chunk) and "'67" (a year). Returns the index of
// the first digit, or p.
size_t Scanner::NumberPrefixEnd(size_t p, size_t e, const Glyph& g) const {
  const size_t r = p + g.len;
  if (r >= e || !IsAsciiDigit(text_[r])) return p;
  if (g.cp == '-' && !space_before_) return p;
  if (g.ascii == '\'' && (r + 2 > e || !IsAsciiDigit(text_[r + 1]) ||
                          (r + 2 < e && IsAsciiDigit(text_[r + 2])))) {
    return p;
  }
  return (g.cp == '-' || g.ascii == '\'') ? r : p;
}

// Scans the word starting at b (a word glyph); emits it (from token_begin
// when a sign or apostrophe came first) and any clitic or attached period;
// returns where scanning resumes.
size_t Scanner::Word(size_t b, size_t e, size_t token_begin) {
  size_t q = b;
  while (true) {
    while (q < e) {
      const uint8_t c = ByteClass(text_[q]);
      if (c & kWordByte) {
        ++q;
        continue;
      }
      if (!(c & kHighByte)) break;
      const Glyph g = ReadGlyph(text_, q);
      if (!IsWordGlyph(g)) break;
      q += g.len;
    }
    if (q >= e) break;
    const Glyph g = At(q);
    const size_t r = q + g.len;
    const char prev = text_[q - 1];
    if (g.ascii == '.' && WordAt(r, e)) {
      q = r;  // U.S, 3.5, e.g
    } else if (g.ascii == ',' && IsAsciiDigit(prev) && r + 3 <= e && IsAsciiDigit(text_[r]) &&
               IsAsciiDigit(text_[r + 1]) && IsAsciiDigit(text_[r + 2]) &&
               (r + 3 == e || !IsAsciiDigit(text_[r + 3]))) {
      q = r;  // 100,000
    } else if (g.ascii == ':' && IsAsciiDigit(prev) && r < e && IsAsciiDigit(text_[r])) {
      q = r;  // 10:30
    } else if (g.ascii == '/' && IsAsciiDigit(prev) && r < e && IsAsciiDigit(text_[r])) {
      q = r;  // 9/11, 06/02/2001
    } else if (g.ascii == '&' && IsAsciiAlpha(prev) && r < e && IsAsciiAlpha(text_[r])) {
      q = r;  // AT&T
    } else if (IsIntraWordHyphen(g) && WordAt(r, e) &&
               ((IsAsciiDigit(prev) && IsAsciiDigit(text_[r])) ||
                IsHyphenPrefix(text_.substr(b, q - b)))) {
      q = r;  // e-mail, de-escalation, 713-853-3989
    } else if (g.ascii == '\'') {
      bool split = false;
      const size_t next = Apostrophe(b, q, e, &split);
      if (split) return next;
      if (next == q) break;
      q = next;
    } else {
      break;
    }
  }
  if (q < e && text_[q] == '.' && AttachPeriod(text_.substr(b, q - b), q)) ++q;
  EmitWord(token_begin == SIZE_MAX ? b : token_begin, q);
  return q;
}

// Handles an apostrophe at q inside the word that began at `start`. Emits
// word + clitic and sets *split, or returns where the word continues
// (O'Brien), or returns q to end the word before the apostrophe.
size_t Scanner::Apostrophe(size_t start, size_t q, size_t e, bool* split) {
  const size_t r = q + At(q).len;
  size_t k = r;
  while (k < e && IsAsciiAlpha(text_[k])) ++k;
  if (k == r) return q;  // "countries'" / closing quote: the apostrophe is its own token
  if (WordAt(k, e)) return k;  // letters continue past ASCII: keep as one word
  const std::string_view after = text_.substr(r, k - r);
  if (IsClitic(after)) {
    EmitWord(start, q);
    Emit(q, k);
    *split = true;
    return k;
  }
  if (EqualsLower(after, "t") && q - start >= 2 && Lower(text_[q - 1]) == 'n') {
    EmitWord(start, q - 1);  // don't -> do n't, can't -> ca n't
    Emit(q - 1, k);
    *split = true;
    return k;
  }
  return k;  // O'Brien, rock'n'roll
}

// Whether the period at `period` belongs to `word` (an abbreviation or an
// initial) rather than being a token of its own.
bool Scanner::AttachPeriod(std::string_view word, size_t period) const {
  const size_t after = period + 1;
  if (after < text_.size()) {
    const Glyph g = At(after);
    if (g.ascii == '.' || g.ascii == kEllipsisGlyph) return false;  // "etc..."
  }
  if (word.size() == 1 && IsAsciiUpper(word[0])) return word[0] != 'I';  // J. R. R. Tolkien
  if (IsDottedAbbreviation(word)) return true;
  switch (LookupAbbreviation(word)) {
    case AbbrevKind::kNone:
      return false;
    case AbbrevKind::kBeforeNumber: {
      size_t p = after;
      while (p < text_.size() && text_[p] == ' ') ++p;
      return p < text_.size() && IsAsciiDigit(text_[p]);
    }
    default:
      return true;
  }
}

void Scanner::EmitWord(size_t b, size_t e) {
  if (e <= b) return;
  const size_t cut = FusedSplit(text_.substr(b, e - b));
  if (cut != 0) {
    Emit(b, b + cut);
    Emit(b + cut, e);
  } else {
    Emit(b, e);
  }
}

void Scanner::Emit(size_t b, size_t e) {
  if (!spans_->empty()) spans_->back().space_after = space_before_;
  spans_->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), pending_newlines_, true,
                     chunk_ascii_});
  pending_newlines_ = 0;
  space_before_ = false;
}

}  // namespace

void ScanTokens(std::string_view text, std::vector<TokenSpan>* spans) {
  // News text averages five to six bytes per token; a compact span vector
  // may regrow cheaply, so the big Token vector is sized exactly once.
  spans->reserve(spans->size() + text.size() / 5 + 16);
  Scanner(text, spans).Run();
}

void MakeTokens(std::string_view text, const std::vector<TokenSpan>& spans,
                std::vector<Token>* tokens, std::vector<uint8_t>* newlines_before) {
  // Tokens already in the vector are overwritten, not destroyed and built
  // again: a reused Document (the reader's) keeps its strings' buffers, and
  // the 136-byte Tokens are written once instead of twice.
  tokens->resize(spans.size());
  newlines_before->resize(spans.size());
  Token* t = tokens->data();
  uint8_t* nl = newlines_before->data();
  for (const TokenSpan& sp : spans) {
    t->begin = sp.begin;
    t->end = sp.end;
    t->space_after = sp.space_after;
    const std::string_view s = text.substr(sp.begin, sp.end - sp.begin);
    if (sp.ascii) {
      t->form.assign(s.data(), s.size());
    } else {
      t->form.clear();
      AppendNormalized(s, &t->form);
    }
    t->lemma.clear();
    t->upos = {};
    t->xpos = {};
    t->head = -1;
    t->deprel = {};
    *nl++ = sp.newlines_before;
    ++t;
  }
}

void Tokenize(std::string_view text, std::vector<Token>* tokens,
              std::vector<uint8_t>* newlines_before) {
  std::vector<TokenSpan> spans;
  ScanTokens(text, &spans);
  MakeTokens(text, spans, tokens, newlines_before);
}

}  // namespace faultline
