// Throughput of the tagger and parser on EWT dev sentences (gold tokens),
// reported as tokens/s. Run from the repository root (models/ and
// ../shared/ud-english-ewt are opened relative to it).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "parse/conllu.h"
#include "parse/parser.h"
#include "tag/lemmatizer.h"
#include "tag/tagger.h"

namespace faultline {
namespace {

struct Fixture {
  std::unique_ptr<Tagger> tagger;
  std::unique_ptr<Parser> parser;
  std::unique_ptr<Lemmatizer> lemmatizer;
  std::vector<Document> docs;
  size_t tokens = 0;
};

const Fixture& Get() {
  static Fixture* f = [] {
    auto* f = new Fixture;
    auto tagger = Tagger::Load("models/tagger.bin", "/usr/share/wordnet");
    auto parser = Parser::Load("models/parser.bin");
    auto lemmatizer = Lemmatizer::Load("/usr/share/wordnet", "models/lemmas.tsv");
    auto docs = ReadConlluFile("../shared/ud-english-ewt/en_ewt-ud-dev.conllu");
    if (!tagger.ok() || !parser.ok() || !lemmatizer.ok() || !docs.ok()) {
      std::fprintf(stderr, "lang_bench: run from the repository root with models/ built\n");
      std::abort();
    }
    f->tagger = std::move(*tagger);
    f->parser = std::move(*parser);
    f->lemmatizer = std::move(*lemmatizer);
    f->docs = std::move(*docs);
    for (Document& d : f->docs) {
      for (const Sentence& s : d.sentences) f->tagger->Tag(&d, s);  // parser input
      f->tokens += d.tokens.size();
    }
    return f;
  }();
  return *f;
}

void BM_Tag(benchmark::State& state) {
  const Fixture& f = Get();
  std::vector<Document> docs = f.docs;
  for (auto _ : state) {
    for (Document& d : docs) {
      for (const Sentence& s : d.sentences) f.tagger->Tag(&d, s);
    }
    benchmark::ClobberMemory();
  }
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(f.tokens) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tag)->Unit(benchmark::kMillisecond);

void BM_Lemmatize(benchmark::State& state) {
  const Fixture& f = Get();
  std::vector<Document> docs = f.docs;
  for (auto _ : state) {
    for (Document& d : docs) {
      for (const Sentence& s : d.sentences) f.lemmatizer->Lemmatize(&d, s);
    }
    benchmark::ClobberMemory();
  }
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(f.tokens) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Lemmatize)->Unit(benchmark::kMillisecond);

void BM_Parse(benchmark::State& state) {
  const Fixture& f = Get();
  std::vector<Document> docs = f.docs;
  for (auto _ : state) {
    for (Document& d : docs) {
      for (const Sentence& s : d.sentences) f.parser->Parse(&d, s);
    }
    benchmark::ClobberMemory();
  }
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(f.tokens) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

// One story parsed over and over, so the model lines it touches stay in
// cache: against BM_Parse it shows how much of parsing waits on memory
// (measured: as fast as BM_Parse, so the cost is the lookups themselves).
void BM_ParseOneStory(benchmark::State& state) {
  const Fixture& f = Get();
  std::vector<Document> docs(f.docs.begin(), f.docs.begin() + 1);
  size_t tokens = 0;
  for (auto& d : docs) tokens += d.tokens.size();
  for (auto _ : state) {
    for (Document& d : docs) {
      for (const Sentence& s : d.sentences) f.parser->Parse(&d, s);
    }
    benchmark::ClobberMemory();
  }
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(tokens) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseOneStory)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace faultline

BENCHMARK_MAIN();
