// Throughput of the text stage (Segment: validation, tokenisation, sentence
// splitting) on news-like text. Target: >= 100 MB/s on one core.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "text/segment.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace {

// Invented wire-style paragraphs covering the scanner's paths: curly quotes,
// clitics, abbreviations, numbers, hyphens, datelines, URLs, ellipses.
constexpr const char* kParagraphs[] = {
    "GENEVA, March 14 (Reuters) - Negotiators from both delegations met for a third day on "
    "Tuesday, officials said, as pressure grew for a ceasefire before the harvest season.",
    "The minister’s spokesman told reporters that “no agreement has been reached yet,” but "
    "added that talks would resume on Wednesday. \"We won't give up,\" he said.",
    "More than 25,000 people have fled the fighting since Jan. 9, according to the U.N. "
    "refugee agency, which put the cost of relief at $4.5 million a month.",
    "Gen. Amira Hassan, the army's chief of staff, said the troop build-up near the border "
    "was defensive. Critics called it a long-term threat to the region's fragile peace.",
    "Asked whether sanctions would follow, Dr. Lee replied: \"It's too early to say... "
    "we'll see what the council decides.\" The vote is set for Friday.",
    "Details were posted at https://example.org/news/2023/talks.html and questions can be "
    "sent to press@example.org — the office said it wouldn't comment further.",
    "Prime Minister J. K. Rowan's coalition, which holds 214 of 400 seats, faces a "
    "no-confidence motion next week; analysts expect it to survive by 3.5 percentage points.",
    "Protesters gathered outside the embassy in St. Louis on Saturday, chanting slogans "
    "against the U.S.-backed plan. Police said the crowd of about 1,200 dispersed peacefully.",
};

std::string MakeText(size_t target_bytes) {
  std::string text;
  text.reserve(target_bytes + 1024);
  for (size_t i = 0; text.size() < target_bytes; ++i) {
    text += kParagraphs[i % std::size(kParagraphs)];
    text += (i % 3 == 2) ? "\n\n" : " ";
  }
  return text;
}

void BM_Segment(benchmark::State& state) {
  faultline::Document doc;
  doc.text = MakeText(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    faultline::Status s = faultline::Segment(&doc);
    if (!s.ok()) state.SkipWithError(s.message().c_str());
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(doc.text.size()));
  state.counters["tokens"] = static_cast<double>(doc.tokens.size());
  state.counters["sentences"] = static_cast<double>(doc.sentences.size());
}
BENCHMARK(BM_Segment)->Arg(64 << 10)->Arg(8 << 20)->Unit(benchmark::kMillisecond);

// A stream of story-sized documents (2-8 KB, as wire stories are), each
// segmented into the one reused Document, as the readers do: the figure for
// coding a corpus, where BM_Segment/8388608 is one huge document whose
// 136-byte Tokens do not fit in cache.
void BM_SegmentStories(benchmark::State& state) {
  std::vector<std::string> stories;
  size_t bytes = 0;
  for (size_t i = 0; i < 512; ++i) {
    std::string text = MakeText(2048 + (i * 1531) % 6144);
    // Start each story at a different paragraph.
    text = text.substr(text.find(". ") + 2);
    bytes += text.size();
    stories.push_back(std::move(text));
  }
  faultline::Document doc;
  size_t tokens = 0;
  for (auto _ : state) {
    tokens = 0;
    for (const std::string& story : stories) {
      doc.text = story;
      faultline::Status s = faultline::Segment(&doc);
      if (!s.ok()) state.SkipWithError(s.message().c_str());
      tokens += doc.tokens.size();
    }
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
  state.counters["stories"] = static_cast<double>(stories.size());
  state.counters["tokens"] = static_cast<double>(tokens);
}
BENCHMARK(BM_SegmentStories)->Unit(benchmark::kMillisecond);

// The scanning pass alone (validation + token spans), to show how much of
// Segment's time goes to building the 136-byte Token objects and sentences.
void BM_ScanOnly(benchmark::State& state) {
  const std::string text = MakeText(static_cast<size_t>(state.range(0)));
  std::vector<faultline::TokenSpan> spans;
  for (auto _ : state) {
    spans.clear();
    faultline::Status s = faultline::ValidateUtf8(text);
    if (!s.ok()) state.SkipWithError(s.message().c_str());
    faultline::ScanTokens(text, &spans);
    benchmark::DoNotOptimize(spans.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ScanOnly)->Arg(64 << 10)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
