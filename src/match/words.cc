#include "match/words.h"

namespace faultline {

namespace {

bool IsHyphen(const Token& t) { return t.form == "-"; }

// True when tokens i and i+1 touch (no space between them).
bool Touch(const Token* toks, uint32_t i) { return toks[i].end == toks[i + 1].begin; }

}  // namespace

void BuildWords(const Document& doc, const Sentence& s, std::vector<Word>* words) {
  words->clear();
  const Token* toks = doc.begin_of(s);
  uint32_t i = 0;
  while (i < s.size) {
    uint32_t last = i;
    // word - word - word, all touching: one word.
    while (last + 2 < s.size && IsHyphen(toks[last + 1]) && !IsHyphen(toks[last]) &&
           !IsHyphen(toks[last + 2]) && Touch(toks, last) && Touch(toks, last + 1)) {
      last += 2;
    }
    Word w;
    w.first = i;
    w.last = last;
    w.head = static_cast<int32_t>(last);
    for (uint32_t t = i; t <= last; ++t) {
      w.surface += toks[t].form;
      if (t < last) {
        w.lemma += AsciiLower(toks[t].form);
      } else {
        w.lemma += AsciiLower(toks[t].lemma.empty() ? toks[t].form : toks[t].lemma);
      }
      int32_t h = toks[t].head;
      if (h < static_cast<int32_t>(i) || h > static_cast<int32_t>(last)) w.head = static_cast<int32_t>(t);
    }
    w.key = AsciiLower(w.surface);
    words->push_back(std::move(w));
    i = last + 1;
  }
}

}  // namespace faultline
