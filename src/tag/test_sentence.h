// Test helper: a Document from whitespace-separated tokens, so tag and parse
// tests do not depend on the tokeniser.
#ifndef FAULTLINE_TAG_TEST_SENTENCE_H_
#define FAULTLINE_TAG_TEST_SENTENCE_H_

#include <string>
#include <string_view>

#include "faultline/document.h"

namespace faultline {

inline Document WhitespaceDocument(std::string_view text) {
  Document doc;
  doc.text = std::string(text);
  Sentence s;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    if (end > pos) {
      Token t;
      t.begin = static_cast<uint32_t>(pos);
      t.end = static_cast<uint32_t>(end);
      t.form = std::string(text.substr(pos, end - pos));
      doc.tokens.push_back(std::move(t));
    }
    pos = end + 1;
  }
  s.size = static_cast<uint32_t>(doc.tokens.size());
  s.end = static_cast<uint32_t>(text.size());
  doc.sentences.push_back(s);
  return doc;
}

}  // namespace faultline

#endif  // FAULTLINE_TAG_TEST_SENTENCE_H_
