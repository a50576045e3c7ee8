#include "parse/conllu.h"

#include <gtest/gtest.h>

#include "learn/binary_io.h"

namespace faultline {
namespace {

constexpr char kDev[] = "../shared/ud-english-ewt/en_ewt-ud-dev.conllu";

// The first ten columns-1..8 token lines of each sentence, without
// multiword-token and empty-node lines (which the reader skips).
std::vector<std::string> WordLines(std::string_view conllu, size_t max_sentences) {
  std::vector<std::string> out;
  size_t sentences = 0;
  size_t pos = 0;
  while (pos < conllu.size() && sentences < max_sentences) {
    size_t nl = conllu.find('\n', pos);
    std::string_view line = conllu.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty()) {
      ++sentences;
      continue;
    }
    if (line[0] == '#') continue;
    std::string_view id = line.substr(0, line.find('\t'));
    if (id.find_first_of("-.") != std::string_view::npos) continue;
    // Columns 1-8: drop DEPS and MISC, which the Document does not keep.
    size_t cut = 0;
    for (int tabs = 0; tabs < 8; ++tabs) cut = line.find('\t', cut) + 1;
    std::string cols(line.substr(0, cut - 1));
    // FEATS (column 6) is not kept either.
    size_t f0 = 0;
    for (int tabs = 0; tabs < 5; ++tabs) f0 = cols.find('\t', f0) + 1;
    size_t f1 = cols.find('\t', f0);
    cols.replace(f0, f1 - f0, "_");
    out.push_back(cols);
  }
  return out;
}

TEST(ConlluTest, RoundTripsTreebankSentences) {
  auto original = ReadWholeFile(kDev);
  ASSERT_TRUE(original.ok()) << original.status().message();
  auto docs = ParseConllu(*original, kDev);
  ASSERT_TRUE(docs.ok()) << docs.status().message();
  ASSERT_GT(docs->size(), 10u);

  std::string written;
  size_t sentences = 0;
  for (const Document& d : *docs) {
    written += WriteConllu(d);
    sentences += d.sentences.size();
  }
  EXPECT_EQ(sentences, 2001u);  // EWT dev
  EXPECT_EQ(WordLines(written, 300), WordLines(*original, 300));

  // Reading what we wrote gives the same tokens and text.
  auto again = ParseConllu(written, "written");
  ASSERT_TRUE(again.ok()) << again.status().message();
  const Document& a = (*docs)[0];
  const Document& b = (*again)[0];
  ASSERT_EQ(a.tokens.size(), b.tokens.size());
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    EXPECT_EQ(a.tokens[i].form, b.tokens[i].form);
    EXPECT_EQ(a.tokens[i].head, b.tokens[i].head);
    EXPECT_EQ(a.tokens[i].deprel, b.tokens[i].deprel);
    EXPECT_EQ(a.tokens[i].space_after, b.tokens[i].space_after);
  }
}

TEST(ConlluTest, SkipsMultiwordTokensAndKeepsOffsets) {
  const char* text =
      "# newdoc id = d1\n"
      "# text = I don't know.\n"
      "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
      "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
      "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
      "4.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
      "\n";
  auto docs = ParseConllu(text, "inline");
  ASSERT_TRUE(docs.ok()) << docs.status().message();
  const Document& d = (*docs)[0];
  EXPECT_EQ(d.id, "d1");
  ASSERT_EQ(d.tokens.size(), 5u);
  EXPECT_EQ(d.text, "I don't know.");
  EXPECT_EQ(d.slice(d.tokens[3].begin, d.tokens[3].end), "know");
  EXPECT_EQ(d.tokens[3].head, -1);
  EXPECT_EQ(d.tokens[3].deprel, "root");
  EXPECT_EQ(d.tokens[0].head, 3);
  EXPECT_EQ(d.tokens[2].lemma, "not");
  EXPECT_FALSE(d.tokens[1].space_after);
}

TEST(ConlluTest, ReportsLineOfBadInput) {
  auto docs = ParseConllu("1\tA\ta\tDET\tDT\t_\tx\tdet\t_\t_\n", "bad.conllu");
  ASSERT_FALSE(docs.ok());
  EXPECT_EQ(docs.status().message(), "bad.conllu:1: bad HEAD 'x'");
  auto short_line = ParseConllu("# c\n1\tA\ta\n", "bad.conllu");
  ASSERT_FALSE(short_line.ok());
  EXPECT_EQ(short_line.status().message(), "bad.conllu:2: expected 10 tab-separated columns");
}

}  // namespace
}  // namespace faultline
