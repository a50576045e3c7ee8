// test_tokens.h — a tiny tokenizer and tree annotator for unit tests only.
//
// Tests of dates and counts must not depend on the real tokenizer (text/) or
// tagger/parser, so they build Documents with this: split on spaces, peel off
// punctuation and the clitic 's with correct byte offsets, keep numbers with
// separators ("100,000", "1.5") and a few dotted abbreviations ("Feb.",
// "No."). Like the real tokenizer (UD EWT convention) it splits hyphenated
// words ("62 - year - old") except ISO dates and a few prefixes ("mid-2021");
// HyphenStyle::kKeep keeps them whole, to test input from other tokenizers.
// Header-only so that no test helper is linked into the library. Not for
// production use.
#ifndef FAULTLINE_DATES_TEST_TOKENS_H_
#define FAULTLINE_DATES_TEST_TOKENS_H_

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/document.h"

namespace faultline::testutil {

inline bool IsKeptAbbreviation(std::string_view w) {
  for (std::string_view a : {"Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.",
                             "Nov.", "Dec.", "No.", "Mr.", "Dr.", "Gen.", "U.S.", "a.m.",
                             "p.m."}) {
    if (w == a) return true;
  }
  return false;
}

inline bool IsLeadingPunct(char c) { return c == '(' || c == '"' || c == '$' || c == '['; }
inline bool IsTrailingPunct(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' ||
         c == ')' || c == ']' || c == '%';
}

enum class HyphenStyle { kSplit, kKeep };

inline bool KeepsHyphen(std::string_view word) {
  size_t dash = word.find('-');
  if (dash == std::string_view::npos) return true;
  for (std::string_view p : {"mid", "Mid", "non", "anti", "pro", "ex", "co", "pre", "post"}) {
    if (word.substr(0, dash) == p) return true;
  }
  // ISO dates stay whole: 2022-02-01.
  return word.size() == 10 && word[4] == '-' && word[7] == '-';
}

// Appends the tokens of text[b, e) (no spaces inside) to doc->tokens.
inline void TokenizeChunk(Document* doc, uint32_t b, uint32_t e, HyphenStyle style) {
  const std::string& t = doc->text;
  auto push = [&](uint32_t from, uint32_t to) {
    Token tok;
    tok.begin = from;
    tok.end = to;
    tok.form = t.substr(from, to - from);
    tok.space_after = false;
    doc->tokens.push_back(tok);
  };
  while (b < e && IsLeadingPunct(t[b])) push(b, b + 1), ++b;
  std::vector<std::pair<uint32_t, uint32_t>> tail;  // in reverse order
  while (e > b + 1 && IsTrailingPunct(t[e - 1]) &&
         !IsKeptAbbreviation(std::string_view(t).substr(b, e - b))) {
    tail.emplace_back(e - 1, e);
    --e;
  }
  if (e > b + 2 && t.compare(e - 2, 2, "'s") == 0) {
    tail.emplace_back(e - 2, e);
    e -= 2;
  }
  std::string_view word = std::string_view(t).substr(b, e - b);
  if (style == HyphenStyle::kSplit && e > b + 2 && !KeepsHyphen(word)) {
    uint32_t from = b;
    for (uint32_t k = b; k < e; ++k) {
      if (t[k] != '-' || k == b || k + 1 == e) continue;
      push(from, k);
      push(k, k + 1);
      from = k + 1;
    }
    push(from, e);
  } else if (e > b) {
    push(b, e);
  }
  for (auto it = tail.rbegin(); it != tail.rend(); ++it) push(it->first, it->second);
  doc->tokens.back().space_after = true;
}

// One-sentence Document for `text`, published on `date`.
inline Document MakeDoc(std::string_view text, std::string date = "2022-02-03",
                        HyphenStyle style = HyphenStyle::kSplit) {
  Document doc;
  doc.id = "test";
  doc.date = std::move(date);
  doc.text = std::string(text);
  uint32_t i = 0;
  const uint32_t n = static_cast<uint32_t>(doc.text.size());
  while (i < n) {
    while (i < n && doc.text[i] == ' ') ++i;
    uint32_t j = i;
    while (j < n && doc.text[j] != ' ') ++j;
    if (j > i) TokenizeChunk(&doc, i, j, style);
    i = j;
  }
  Sentence s;
  s.first = 0;
  s.size = static_cast<uint32_t>(doc.tokens.size());
  s.begin = 0;
  s.end = n;
  doc.sentences.push_back(s);
  return doc;
}

// Sets tags and tree from `spec`: one "UPOS[/XPOS]:head:deprel[:lemma]" per
// token, whitespace-separated, e.g. "NOUN/NNS:2:nsubj:troop". Returns false
// when the spec does not have one entry per token.
inline bool SetTree(Document* doc, std::string_view spec) {
  std::istringstream in{std::string(spec)};
  std::vector<std::string> entries;
  for (std::string e; in >> e;) entries.push_back(e);
  if (entries.size() != doc->tokens.size()) return false;
  for (size_t i = 0; i < entries.size(); ++i) {
    std::vector<std::string> f;
    std::istringstream fields(entries[i]);
    for (std::string x; std::getline(fields, x, ':');) f.push_back(x);
    if (f.size() < 3) return false;
    Token& tok = doc->tokens[i];
    const size_t slash = f[0].find('/');
    tok.upos = InternTag(f[0].substr(0, slash));
    if (slash != std::string::npos) tok.xpos = InternTag(f[0].substr(slash + 1));
    tok.head = std::stoi(f[1]);
    tok.deprel = InternTag(f[2]);
    if (f.size() > 3) tok.lemma = f[3];
  }
  return true;
}

// The forms of tokens [b, e) of sentence 0 joined by spaces: for messages.
inline std::string Span(const Document& doc, uint32_t b, uint32_t e) {
  std::string out;
  for (uint32_t i = b; i < e && i < doc.tokens.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += doc.tokens[i].form;
  }
  return out;
}

}  // namespace faultline::testutil

#endif  // FAULTLINE_DATES_TEST_TOKENS_H_
