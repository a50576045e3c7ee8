// `faultline train tagger|parser --train FILE --dev FILE --out FILE
//  [--epochs N] [--seed S]`: trains a model on CoNLL-U and writes it.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "cli/command.h"
#include "learn/binary_io.h"
#include "parse/conllu.h"
#include "parse/parser.h"
#include "tag/lemmatizer.h"
#include "tag/tagger.h"

namespace faultline::cli {

namespace {

struct TrainArgs {
  std::string what, train, dev, out, tagger, wordnet = "/usr/share/wordnet";
  int epochs = 0;
  int jackknife = 0;
  uint64_t seed = 1;
};

int Usage() {
  std::fprintf(stderr,
               "usage: faultline train tagger|parser|lemmas --train TRAIN.conllu --dev DEV.conllu\n"
               "         --out MODEL [--epochs N] [--seed S] [--tagger TAGGER.bin]\n"
               "  lemmas: learns the lemma exception table\n"
               "  --wordnet DIR: WordNet's files (default /usr/share/wordnet); the tagger's\n"
               "          features read its word classes\n"
               "         [--jackknife K]\n"
               "  --tagger (parser only): tag dev (and train, unless --jackknife) with this\n"
               "           tagger, so the parser learns from the tags it will see\n"
               "  --jackknife K (parser only): tag each of K folds of train with a tagger\n"
               "           trained on the other folds\n");
  return 2;
}

bool ParseArgs(int argc, char** argv, TrainArgs* a) {
  if (argc < 2) return false;
  a->what = argv[1];
  for (int i = 2; i < argc; ++i) {
    std::string flag = argv[i];
    if (i + 1 >= argc) return false;
    const char* v = argv[++i];
    if (flag == "--train") a->train = v;
    else if (flag == "--dev") a->dev = v;
    else if (flag == "--out") a->out = v;
    else if (flag == "--tagger") a->tagger = v;
    else if (flag == "--wordnet") a->wordnet = v;
    else if (flag == "--epochs") a->epochs = std::atoi(v);
    else if (flag == "--jackknife") a->jackknife = std::atoi(v);
    else if (flag == "--seed") a->seed = std::strtoull(v, nullptr, 10);
    else return false;
  }
  return (a->what == "tagger" || a->what == "parser" || a->what == "lemmas") && !a->train.empty() && !a->out.empty();
}

int Fail(const Status& st) {
  std::fprintf(stderr, "faultline train: %s\n", st.message().c_str());
  return 2;
}

int TrainTaggerCommand(const TrainArgs& a, const std::vector<Document>& train,
                       const std::vector<Document>& dev) {
  TaggerTrainOptions opts;
  if (a.epochs > 0) opts.epochs = a.epochs;
  opts.seed = a.seed;
  auto wordnet = WordNet::Load(a.wordnet);
  if (!wordnet.ok()) return Fail(wordnet.status());
  auto tagger = TrainTagger(train, dev, *wordnet, opts, stderr);
  if (!tagger.ok()) return Fail(tagger.status());
  Status st = (*tagger)->Save(a.out);
  return st.ok() ? 0 : Fail(st);
}

void TagAll(const Tagger& tagger, std::vector<Document>* docs) {
  for (Document& d : *docs) {
    for (const Sentence& s : d.sentences) tagger.Tag(&d, s);
  }
}

// Tags document i of `train` with a tagger trained on the documents whose
// index differs from i modulo k: train tags get a realistic error rate.
Status Jackknife(int k, uint64_t seed, std::shared_ptr<const WordNet> wordnet,
                 std::vector<Document>* train) {
  std::vector<Document> tagged = *train;
  for (int fold = 0; fold < k; ++fold) {
    std::vector<Document> rest;
    for (size_t i = 0; i < train->size(); ++i) {
      if (static_cast<int>(i % k) != fold) rest.push_back((*train)[i]);
    }
    TaggerTrainOptions opts;
    opts.seed = seed;
    auto tagger = TrainTagger(rest, {}, wordnet, opts, nullptr);
    if (!tagger.ok()) return tagger.status();
    for (size_t i = fold; i < train->size(); i += k) {
      for (const Sentence& s : tagged[i].sentences) (*tagger)->Tag(&tagged[i], s);
    }
    std::fprintf(stderr, "jackknife: tagged fold %d of %d\n", fold + 1, k);
  }
  *train = std::move(tagged);
  return Status::Ok();
}

int TrainParserCommand(const TrainArgs& a, std::vector<Document>& train,
                       std::vector<Document>& dev) {
  ParserTrainOptions opts;
  if (a.epochs > 0) opts.epochs = a.epochs;
  opts.seed = a.seed;
  auto wordnet = WordNet::Load(a.wordnet);
  if (!wordnet.ok()) return Fail(wordnet.status());
  if (!a.tagger.empty()) {
    auto tagger = Tagger::Load(a.tagger, *wordnet);
    if (!tagger.ok()) return Fail(tagger.status());
    TagAll(**tagger, &dev);
    if (a.jackknife < 2) TagAll(**tagger, &train);
  }
  if (a.jackknife >= 2) {
    Status st = Jackknife(a.jackknife, a.seed, *wordnet, &train);
    if (!st.ok()) return Fail(st);
  }
  auto parser = TrainParser(train, dev, opts, stderr);
  if (!parser.ok()) return Fail(parser.status());
  Status st = (*parser)->Save(a.out);
  return st.ok() ? 0 : Fail(st);
}

int TrainLemmasCommand(const TrainArgs& a, const std::vector<Document>& train) {
  auto rules = Lemmatizer::Load(a.wordnet, "");
  if (!rules.ok()) return Fail(rules.status());
  Status st = WriteWholeFile(a.out, (*rules)->LearnTable(train));
  return st.ok() ? 0 : Fail(st);
}

int Train(int argc, char** argv) {
  TrainArgs a;
  if (!ParseArgs(argc, argv, &a)) return Usage();
  auto start = std::chrono::steady_clock::now();
  auto train = ReadConlluFile(a.train);
  if (!train.ok()) return Fail(train.status());
  std::vector<Document> dev;
  if (!a.dev.empty()) {
    auto d = ReadConlluFile(a.dev);
    if (!d.ok()) return Fail(d.status());
    dev = std::move(*d);
  }
  int rc = a.what == "tagger"   ? TrainTaggerCommand(a, *train, dev)
           : a.what == "lemmas" ? TrainLemmasCommand(a, *train)
                                : TrainParserCommand(a, *train, dev);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "trained %s in %.1f s -> %s\n", a.what.c_str(), secs, a.out.c_str());
  return rc;
}

}  // namespace

FAULTLINE_COMMAND(train, "train", "train the tagger or parser on CoNLL-U", Train);

}  // namespace faultline::cli
