// TABARI's CODE BY options on a sentence analysed by hand: "Gondor condemned
// Rohan and promised aid to Arnor" has two clauses (the conjunction joins
// two verbs); "Gondor and Rohan met" has one (it joins two names).
#include "peers/tabari_code_by.h"

#include <gtest/gtest.h>

namespace faultline::peers {
namespace {

Token Tok(uint32_t begin, const char* form, const char* upos, int head, const char* deprel) {
  Token t;
  t.begin = begin;
  t.form = form;
  t.end = begin + static_cast<uint32_t>(t.form.size());
  t.upos = InternTag(upos);
  t.head = head;
  t.deprel = InternTag(deprel);
  return t;
}

Event Ev(uint32_t span_begin, const char* code, const char* target = "ROH") {
  Event e;
  e.sentence = 0;
  e.span_begin = span_begin;
  e.source = "GON";
  e.target = target;
  e.code = code;
  return e;
}

Document TwoClauses() {
  Document doc;
  doc.text = "Gondor condemned Rohan and promised aid to Arnor";
  doc.tokens = {Tok(0, "Gondor", "PROPN", 1, "nsubj"),   Tok(7, "condemned", "VERB", -1, "root"),
                Tok(17, "Rohan", "PROPN", 1, "obj"),     Tok(23, "and", "CCONJ", 4, "cc"),
                Tok(27, "promised", "VERB", 1, "conj"),  Tok(36, "aid", "NOUN", 4, "obj"),
                Tok(40, "to", "ADP", 7, "case"),         Tok(43, "Arnor", "PROPN", 4, "obl")};
  doc.sentences = {Sentence{0, 8, 0, 48, 0}};
  return doc;
}

std::vector<std::string> Codes(const std::vector<Event>& events) {
  std::vector<std::string> out;
  for (const Event& e : events) out.push_back(e.code);
  return out;
}

TEST(TabariCodeBy, FirstMatchOfEachClauseOrSentence) {
  Document doc = TwoClauses();
  auto counts = [](const Event& e) { return !e.target.empty(); };
  // Two matches in the first clause (at 7 and 17), one in the second (27).
  std::vector<Event> events = {Ev(17, "222"), Ev(7, "122"), Ev(27, "071", "ARN")};
  std::vector<Event> by_clause = events;
  KeepFirstMatches(doc, CodeBy::kClause, counts, &by_clause);
  EXPECT_EQ(Codes(by_clause), (std::vector<std::string>{"122", "071"}));
  std::vector<Event> by_sentence = events;
  KeepFirstMatches(doc, CodeBy::kSentence, counts, &by_sentence);
  EXPECT_EQ(Codes(by_sentence), (std::vector<std::string>{"122"}));
  std::vector<Event> all = events;
  KeepFirstMatches(doc, CodeBy::kAll, counts, &all);
  EXPECT_EQ(all.size(), 3u);
  // A first match that does not count (no target) yields to a later one.
  std::vector<Event> targetless = {Ev(7, "122", ""), Ev(17, "222")};
  KeepFirstMatches(doc, CodeBy::kClause, counts, &targetless);
  EXPECT_EQ(Codes(targetless), (std::vector<std::string>{"222"}));
}

TEST(TabariCodeBy, Options) {
  CodeBy mode = CodeBy::kClause;
  EXPECT_TRUE(ApplyCodeByOption("SET: CODE BY SENTENCE", &mode));
  EXPECT_EQ(mode, CodeBy::kSentence);
  EXPECT_TRUE(ApplyCodeByOption("SET: CODE ALL", &mode));
  EXPECT_EQ(mode, CodeBy::kAll);
  EXPECT_TRUE(ApplyCodeByOption("SET: CODE BY CLAUSE", &mode));
  EXPECT_EQ(mode, CodeBy::kClause);
  EXPECT_FALSE(ApplyCodeByOption("SET: MINIMUM WORDS = 4", &mode));
}

TEST(TabariCodeBy, DominantEventsOnly) {
  std::vector<Event> events{Ev(0, "032"), Ev(10, "031"), Ev(20, "033")};
  auto attend = [](const Event& e) { return e.code == "031"; };
  KeepDominant(attend, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].code, "031");
  std::vector<Event> none{Ev(0, "032"), Ev(20, "033")};
  KeepDominant(attend, &none);
  EXPECT_EQ(none.size(), 2u);
}

}  // namespace
}  // namespace faultline::peers
