// text/sentence_splitter.cc — see sentence_splitter.h.
#include "text/sentence_splitter.h"

#include <string_view>

#include "text/lexicon.h"
#include "text/normalize.h"

namespace faultline {
namespace {

// . ! ? and their runs ("...", "?!").
bool IsTerminal(std::string_view f) {
  if (f.empty()) return false;
  for (char c : f) {
    if (c != '.' && c != '!' && c != '?') return false;
  }
  return true;
}

// A token that carries an abbreviation's period ("U.S.", "Gen.", "J.").
bool IsAbbreviation(std::string_view f) { return f.size() >= 2 && f.back() == '.' && IsAsciiAlpha(f[0]); }

bool IsCloser(std::string_view f) {
  return f == "\"" || f == "'" || f == ")" || f == "]" || f == "}";
}

bool IsCapitalized(std::string_view f) { return !f.empty() && IsAsciiUpper(f[0]); }

// Whether the sentence may end before a token starting with this form.
bool CanStartSentence(std::string_view f) {
  if (f.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(f[0]);
  if (IsAsciiLower(static_cast<char>(c))) return false;
  // Punctuation that continues a sentence ("Yahoo!, the firm", "... ; and"),
  // more final punctuation ("? ?"), or an obfuscated address ("franz...@x.com").
  return !(c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '}' || c == '%' ||
           c == '-' || c == '.' || c == '!' || c == '?' || c == '@');
}

class Splitter {
 public:
  Splitter(const std::vector<Token>& tokens, const std::vector<uint8_t>& newlines, size_t max,
           std::vector<Sentence>* out)
      : tokens_(tokens), newlines_(newlines), max_(max), out_(out) {}

  void Run();

 private:
  std::string_view Form(size_t i) const { return tokens_[i].form; }
  bool ParagraphBreakBefore(size_t i) const { return i > 0 && newlines_[i] >= 2; }
  size_t DatelineEnd(size_t start) const;
  size_t AbsorbClosers(size_t i) const;
  bool EndsAfter(size_t term, size_t next, bool quoted) const;
  bool AttributionFollows(size_t next) const;
  void Close(size_t first, size_t end);

  const std::vector<Token>& tokens_;
  const std::vector<uint8_t>& newlines_;
  size_t max_;
  std::vector<Sentence>* out_;
  uint32_t paragraph_ = 0;
};

void Splitter::Run() {
  const size_t n = tokens_.size();
  size_t start = 0;
  bool paragraph_start = true;
  for (size_t i = 0; i < n;) {
    if (ParagraphBreakBefore(i)) {
      if (i > start) Close(start, i);
      start = i;
      ++paragraph_;
      paragraph_start = true;
    }
    if (paragraph_start) {
      paragraph_start = false;
      if (const size_t d = DatelineEnd(i); d != 0 && d - i <= max_) {
        Close(i, d);
        start = i = d;
        continue;
      }
    }
    size_t next = i + 1;
    bool ends = false;
    const std::string_view f = Form(i);
    if (IsTerminal(f) || IsAbbreviation(f)) {
      next = AbsorbClosers(i);
      ends = next < n && !ParagraphBreakBefore(next) && EndsAfter(i, next, next > i + 1);
    }
    // Bound the piece: cut at max_ tokens (closers may have pushed past it).
    while (next - start > max_) {
      Close(start, start + max_);
      start += max_;
    }
    if (next > start && (ends || (next - start == max_ && next < n))) {
      Close(start, next);
      start = next;
    }
    i = next;
  }
  if (n > start) Close(start, n);
}

// Index just past the closing quotes and brackets that touch token i.
size_t Splitter::AbsorbClosers(size_t i) const {
  size_t j = i + 1;
  while (j < tokens_.size() && !tokens_[j - 1].space_after && IsCloser(Form(j)) &&
         !ParagraphBreakBefore(j)) {
    ++j;
  }
  return j;
}

bool Splitter::EndsAfter(size_t term, size_t next, bool quoted) const {
  const std::string_view f = Form(term);
  const std::string_view nf = Form(next);
  if (nf.empty()) return false;
  if (!IsTerminal(f)) {
    const std::string_view word = f.substr(0, f.size() - 1);
    if (word.find('.') == std::string_view::npos && word.size() == 1) return false;  // initial
    switch (LookupAbbreviation(word)) {
      case AbbrevKind::kTitle:
      case AbbrevKind::kBeforeNumber:
        return false;
      case AbbrevKind::kMonth:
        if (IsAsciiDigit(nf[0])) return false;
        break;
      default:
        break;
    }
    return IsSentenceStarter(nf) || (quoted && CanStartSentence(nf));
  }
  // Before a lower-case word a stop still ends the sentence: known
  // abbreviations keep their period on the token, so what is left is a real
  // stop in text that ignores capitals ("nice sarcasm. that's fine",
  // "really? i had"). An ellipsis or a closing quote continues it
  // ("... and then", '"Stop!" he said').
  if (IsAsciiLower(nf[0])) return !quoted && !(f.size() >= 2 && f[0] == '.');
  if (!CanStartSentence(nf)) return false;
  if (quoted && AttributionFollows(next)) return false;
  return true;
}

// '"Why now?" Putin asked.' — a capitalised name (one to three words), a
// speech verb and then punctuation or the end continue the sentence after a
// closing quote ('lifetimes." Johnson warned London' is a new sentence).
bool Splitter::AttributionFollows(size_t next) const {
  const size_t n = tokens_.size();
  for (size_t k = next; k < n && k < next + 4; ++k) {
    if (IsSpeechVerb(Form(k))) {
      if (k == next) return false;
      return k + 1 == n || ParagraphBreakBefore(k + 1) || Form(k + 1) == "." ||
             Form(k + 1) == "," || Form(k + 1) == ";";
    }
    if (!IsCapitalized(Form(k))) return false;
  }
  return false;
}

// A dateline at a paragraph start: up to 15 tokens ending in a spaced dash,
// either right after "(Agency)" or after an all-capitals place name followed
// by a comma ("KYIV, Feb 3 -"). Returns the index past the dash, or 0.
size_t Splitter::DatelineEnd(size_t start) const {
  const size_t n = tokens_.size();
  bool caps_then_comma = false;
  {
    std::string_view f0 = Form(start);
    bool caps = f0.size() >= 2;
    for (char c : f0) caps &= IsAsciiUpper(c);
    size_t k = start + 1;
    while (caps && k < n && k < start + 4 && Form(k) != ",") {
      bool word_caps = true;
      for (char c : Form(k)) word_caps &= IsAsciiUpper(c);
      if (!word_caps) break;
      ++k;
    }
    caps_then_comma = caps && k < n && Form(k) == ",";
  }
  for (size_t k = start + 1; k < n && k < start + 15; ++k) {
    if (ParagraphBreakBefore(k)) return 0;
    const std::string_view f = Form(k);
    if (IsTerminal(f)) return 0;
    if ((f == "-" || f == "--") && tokens_[k - 1].space_after && tokens_[k].space_after &&
        k + 1 < n && !ParagraphBreakBefore(k + 1)) {
      const bool agency = k >= start + 3 && Form(k - 1) == ")" && Form(k - 3) == "(";
      return (agency || caps_then_comma) ? k + 1 : 0;
    }
  }
  return 0;
}

void Splitter::Close(size_t first, size_t end) {
  Sentence& s = out_->emplace_back();
  s.first = static_cast<uint32_t>(first);
  s.size = static_cast<uint32_t>(end - first);
  s.begin = tokens_[first].begin;
  s.end = tokens_[end - 1].end;
  s.paragraph = paragraph_;
}

}  // namespace

void SplitSentences(const std::vector<Token>& tokens, const std::vector<uint8_t>& newlines_before,
                    size_t max_tokens, std::vector<Sentence>* sentences) {
  Splitter(tokens, newlines_before, max_tokens == 0 ? 1 : max_tokens, sentences).Run();
}

}  // namespace faultline
