// PETRARCH's nesting of adverbial clauses, on a hand-made sentence.
#include "peers/petrarch_nesting.h"

#include <gtest/gtest.h>

#include <sstream>

namespace faultline::peers {
namespace {

// One sentence of blank-separated words (a comma is a word of its own).
Document Words(const std::string& text) {
  Document doc;
  doc.text = text;
  Sentence s;
  std::istringstream in(text);
  size_t at = 0;
  for (std::string w; in >> w;) {
    at = text.find(w, at);
    Token t;
    t.form = w;
    t.begin = static_cast<uint32_t>(at);
    t.end = static_cast<uint32_t>(at + w.size());
    at = t.end;
    doc.tokens.push_back(t);
  }
  s.size = static_cast<uint32_t>(doc.tokens.size());
  s.end = static_cast<uint32_t>(text.size());
  doc.sentences.push_back(s);
  return doc;
}

// An event whose evidence is the word `word` of doc's text.
Event At(const Document& doc, const std::string& word, const std::string& code) {
  Event e;
  e.code = code;
  e.span_begin = static_cast<uint32_t>(doc.text.find(word));
  e.span_end = e.span_begin + static_cast<uint32_t>(word.size());
  return e;
}

TEST(PetrarchNesting, ClauseOfACodedVerbCodesNothing) {
  auto all = [](const Event&) { return true; };
  Document doc = Words("Arnor celebrated Iftar with Gondor after leaving Eriador .");
  std::vector<Event> events{At(doc, "celebrated", "045"), At(doc, "leaving", "012")};
  DropEventsInSubordinateClauses(doc, all, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].code, "045");
  // Past a comma a new stretch begins.
  doc = Words("Arnor welcomed ties with Gondor after a rift , the agency said .");
  events = {At(doc, "welcomed", "041"), At(doc, "said", "023")};
  DropEventsInSubordinateClauses(doc, all, &events);
  EXPECT_EQ(events.size(), 2u);
  // An infinitival complement too; a conjoined verb is a verb of its own.
  doc = Words("Arnor is said to be about to restore ties to Gondor and attacked Mordor .");
  events = {At(doc, "said", "023"), At(doc, "restore", "064"), At(doc, "attacked", "190")};
  DropEventsInSubordinateClauses(doc, all, &events);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].code, "023");
  EXPECT_EQ(events[1].code, "190");
  // A subordinate event governs nothing.
  doc = Words("Arnor said after leaving Eriador .");
  events = {At(doc, "said", "023"), At(doc, "leaving", "012")};
  DropEventsInSubordinateClauses(doc, [](const Event& e) { return e.code != "023"; }, &events);
  EXPECT_EQ(events.size(), 2u);
}

}  // namespace
}  // namespace faultline::peers
