// End-to-end throughput of the whole pipeline (segment, tag, lemmatise,
// parse, code) on the sample corpus, in sentences/s and MB/s, and of the
// coder alone on already analysed documents. Run from the repository root:
//   ./build/bench/pipeline_bench
#include <benchmark/benchmark.h>

#include <cstdio>

#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace faultline {
namespace {

const Pipeline& SharedPipeline() {
  static Pipeline* p = [] {
    auto r = Pipeline::Open({});
    if (!r.ok()) {
      std::fprintf(stderr, "pipeline_bench: %s\n", r.status().message().c_str());
      std::abort();
    }
    return std::move(r).value().release();
  }();
  return *p;
}

std::vector<Document> SampleStories() {
  std::vector<Document> docs;
  auto reader = DocumentReader::Open({"examples/stories", "examples/wire.jsonl"});
  if (!reader.ok()) return docs;
  Document d;
  while ((*reader)->Next(&d, nullptr)) docs.push_back(d);
  return docs;
}

void BM_Pipeline(benchmark::State& state) {
  const Pipeline& p = SharedPipeline();
  std::vector<Document> docs = SampleStories();
  size_t bytes = 0, sentences = 0, events = 0;
  for (auto _ : state) {
    for (Document d : docs) {
      auto r = p.Process(&d);
      bytes += d.text.size();
      sentences += d.sentences.size();
      if (r.ok()) events += r->events.size();
    }
  }
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMillisecond);

void BM_AnalyseOnly(benchmark::State& state) {
  const Pipeline& p = SharedPipeline();
  std::vector<Document> docs = SampleStories();
  size_t sentences = 0;
  for (auto _ : state) {
    for (Document d : docs) {
      benchmark::DoNotOptimize(p.Analyse(&d).ok());
      sentences += d.sentences.size();
    }
  }
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnalyseOnly)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace faultline

BENCHMARK_MAIN();
