// `faultline eval-parse [--test FILE] [--models DIR] [--wordnet DIR]`: tags,
// lemmatises and parses a CoNLL-U file from its gold tokens and scores
// UPOS, XPOS, lemma, UAS and LAS over all words (punctuation included, as in
// the CoNLL 2018 shared task), plus tagging and parsing speed.
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <cstdio>
#include <string>

#include "cli/command.h"
#include "learn/binary_io.h"
#include "parse/conllu.h"
#include "parse/parser.h"
#include "tag/lemmatizer.h"
#include "tag/tagger.h"

namespace faultline::cli {

namespace {

struct Scores {
  size_t words = 0, upos = 0, xpos = 0, lemma = 0, heads = 0, labelled = 0;
};

void Count(const Document& gold, const Document& pred, Scores* s) {
  for (size_t i = 0; i < gold.tokens.size(); ++i) {
    const Token& g = gold.tokens[i];
    const Token& p = pred.tokens[i];
    ++s->words;
    s->upos += g.upos == p.upos;
    s->xpos += g.xpos == p.xpos;
    s->lemma += g.lemma == p.lemma;
    bool head = g.head == p.head;
    s->heads += head;
    s->labelled += head && g.deprel == p.deprel;
  }
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// CPU time of this thread: speeds stay meaningful on a shared machine.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int Fail(const Status& st) {
  std::fprintf(stderr, "faultline eval-parse: %s\n", st.message().c_str());
  return 2;
}

int EvalParse(int argc, char** argv) {
  std::string test = std::string(FAULTLINE_SHARED_DIR) + "/ud-english-ewt/en_ewt-ud-test.conllu";
  std::string models = "models";
  std::string wordnet = "/usr/share/wordnet";
  std::string out;  // optional: predicted CoNLL-U
  std::string prune;  // optional: prune the parser's weights below this first
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (i + 1 >= argc || (flag != "--test" && flag != "--models" && flag != "--wordnet" &&
                          flag != "--out" && flag != "--prune")) {
      std::fprintf(stderr, "usage: faultline eval-parse [--test FILE] [--models DIR] [--wordnet DIR]\n"
                   "         [--out PRED.conllu] [--prune N]\n"
                   "  --prune N: drop parser weights below N (int16 units) before scoring,\n"
                   "             to measure a smaller, faster model\n");
      return 2;
    }
    (flag == "--test"     ? test
     : flag == "--models" ? models
     : flag == "--out"    ? out
     : flag == "--prune"  ? prune
                          : wordnet) = argv[++i];
  }
  auto start = std::chrono::steady_clock::now();
  auto wn = WordNet::Load(wordnet);
  if (!wn.ok()) return Fail(wn.status());
  auto tagger = Tagger::Load(models + "/tagger.bin", *wn);
  if (!tagger.ok()) return Fail(tagger.status());
  auto parser = Parser::Load(models + "/parser.bin");
  if (!parser.ok()) return Fail(parser.status());
  if (!prune.empty()) {
    (*parser)->Prune(std::atoi(prune.c_str()));
    std::printf("parser pruned below %s: %zu features, %zu weights\n", prune.c_str(),
                (*parser)->num_features(), (*parser)->num_weights());
  }
  auto lemmatizer = Lemmatizer::Load(*wn, models + "/lemmas.tsv");
  if (!lemmatizer.ok()) return Fail(lemmatizer.status());
  double load_secs = Seconds(start);
  auto gold = ReadConlluFile(test);
  if (!gold.ok()) return Fail(gold.status());

  std::vector<Document> docs = *gold;
  for (Document& d : docs) {
    for (Token& t : d.tokens) t = Token{t.begin, t.end, t.form, "", "", "", -1, "", t.space_after};
  }
  double cpu = CpuSeconds();
  for (Document& d : docs) {
    for (const Sentence& s : d.sentences) (*tagger)->Tag(&d, s);
  }
  double tag_secs = CpuSeconds() - cpu;
  cpu = CpuSeconds();
  for (Document& d : docs) {
    for (const Sentence& s : d.sentences) (*lemmatizer)->Lemmatize(&d, s);
  }
  double lemma_secs = CpuSeconds() - cpu;
  cpu = CpuSeconds();
  for (Document& d : docs) {
    for (const Sentence& s : d.sentences) (*parser)->Parse(&d, s);
  }
  double parse_secs = CpuSeconds() - cpu;

  if (!out.empty()) {
    std::string text;
    for (const Document& d : docs) text += WriteConllu(d);
    Status st = WriteWholeFile(out, text);
    if (!st.ok()) return Fail(st);
  }
  Scores s;
  for (size_t i = 0; i < docs.size(); ++i) Count((*gold)[i], docs[i], &s);
  double n = static_cast<double>(s.words);
  std::printf("test: %s (%zu words)\n", test.c_str(), s.words);
  std::printf("UPOS   %6.2f%%\n", 100 * s.upos / n);
  std::printf("XPOS   %6.2f%%\n", 100 * s.xpos / n);
  std::printf("Lemma  %6.2f%%\n", 100 * s.lemma / n);
  std::printf("UAS    %6.2f%%\n", 100 * s.heads / n);
  std::printf("LAS    %6.2f%%\n", 100 * s.labelled / n);
  std::printf("models loaded in %.3f s\n", load_secs);
  std::printf("speed (one thread, CPU time):\n");
  std::printf("tagging     %10.0f tokens/s\n", n / tag_secs);
  std::printf("lemmatising %10.0f tokens/s\n", n / lemma_secs);
  std::printf("parsing     %10.0f tokens/s\n", n / parse_secs);
  return 0;
}

}  // namespace

FAULTLINE_COMMAND(eval_parse, "eval-parse",
                  "score tagger, lemmatiser and parser on CoNLL-U with gold tokens", EvalParse);

}  // namespace faultline::cli
