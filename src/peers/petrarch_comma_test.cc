// PETRARCH's terminal comma clause, on hand-made tagged sentences.
#include "peers/petrarch_comma.h"

#include <gtest/gtest.h>

#include <sstream>

namespace faultline::peers {
namespace {

// One sentence of "word/UPOS" items, blank-separated.
Document Tagged(const std::string& items) {
  Document doc;
  std::istringstream in(items);
  Sentence s;
  for (std::string item; in >> item;) {
    size_t slash = item.rfind('/');
    Token t;
    t.form = item.substr(0, slash);
    static const std::string_view kTags[] = {"NOUN", "PROPN", "VERB", "PUNCT", "DET", "ADJ", "CCONJ", "ADP"};
    for (std::string_view tag : kTags) {
      if (item.substr(slash + 1) == tag) t.upos = tag;
    }
    if (!doc.text.empty()) doc.text += ' ';
    t.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += t.form;
    t.end = static_cast<uint32_t>(doc.text.size());
    doc.tokens.push_back(t);
  }
  s.size = static_cast<uint32_t>(doc.tokens.size());
  s.end = static_cast<uint32_t>(doc.text.size());
  doc.sentences.push_back(s);
  return doc;
}

TEST(PetrarchComma, OptionsSetTheirLimits) {
  PetrarchCommaRule rule;
  EXPECT_TRUE(ApplyPetrarchCommaOption("comma_emax=0", &rule));
  EXPECT_EQ(rule.emax, 0);
  EXPECT_TRUE(ApplyPetrarchCommaOption("comma_bmin=3", &rule));
  EXPECT_EQ(rule.bmin, 3);
  EXPECT_FALSE(ApplyPetrarchCommaOption("require_dyad=false", &rule));
  EXPECT_FALSE(ApplyPetrarchCommaOption("comma_emax=x", &rule));
}

TEST(PetrarchComma, TerminalClauseWithAVerbWithinTheLimits) {
  Document said = Tagged("Arnor/PROPN restored/VERB ties/NOUN ,/PUNCT a/DET senior/ADJ official/NOUN said/VERB ./PUNCT");
  PetrarchCommaRule rule;
  EXPECT_EQ(DeletedTerminalClause(said, said.sentences[0], rule), said.tokens[3].begin);
  rule.emax = 3;  // four words
  EXPECT_EQ(DeletedTerminalClause(said, said.sentences[0], rule), said.sentences[0].end);
  rule.emax = 0;
  EXPECT_EQ(DeletedTerminalClause(said, said.sentences[0], rule), said.sentences[0].end);
  // A list of names is no clause.
  Document list = Tagged("Arnor/PROPN welcomed/VERB Mordor/PROPN ,/PUNCT Rohan/PROPN and/CCONJ Bree/PROPN ./PUNCT");
  EXPECT_EQ(DeletedTerminalClause(list, list.sentences[0], PetrarchCommaRule{}), list.sentences[0].end);
}

}  // namespace
}  // namespace faultline::peers
