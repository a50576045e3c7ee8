// `faultline code [PATH...]`: codes files, folders or standard input and
// writes events, quotes and counts to standard output.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cstdio>
#include <functional>
#include <thread>

#include "cli/command.h"
#include "ingest/reader.h"
#include "output/writer.h"
#include "pipeline/pipeline.h"

namespace faultline::cli {
namespace {

// Runs fn(0..n-1) on `threads` threads (inline when 1).
void ParallelFor(size_t n, unsigned threads, const std::function<void(size_t)>& fn) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    });
  }
  for (std::thread& th : pool) th.join();
}

int RunCode(int argc, char** argv) {
  CLI::App app{"Code stories into CAMEO events (JSON Lines, TSV or a table)", "faultline code"};
  std::vector<std::string> paths;
  std::string format;
  bool all_statuses = false;
  PipelineOptions opts;
  app.add_option("paths", paths, "files, folders, or - for standard input (default)");
  app.add_option("--format", format, "jsonl | tsv | table (default: table on a terminal, else jsonl)");
  app.add_flag("--all-statuses", all_statuses, "also emit negated and hypothetical events");
  app.add_option("--home", opts.home, "folder with data/ and models/ (default $FAULTLINE_HOME or the source tree)");
  app.add_option("--actors", opts.actors, "actor dictionary file or folder");
  app.add_option("--verbs", opts.verbs, "verb pattern file or folder");
  unsigned threads = 1;
  app.add_option("--threads", threads, "worker threads (output order and bytes do not depend on it)")
      ->check(CLI::Range(1u, 256u));
  CLI11_PARSE(app, argc, argv);
  if (paths.empty()) paths.push_back("-");
  if (format.empty()) format = isatty(fileno(stdout)) ? "table" : "jsonl";
  opts.coder.emit_unreal = all_statuses;
  auto writer = MakeWriter(format, stdout);
  if (!writer) {
    std::fprintf(stderr, "faultline code: unknown format '%s' (jsonl, tsv, table)\n", format.c_str());
    return 2;
  }
  auto pipeline = Pipeline::Open(opts);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "faultline code: %s\n", pipeline.status().message().c_str());
    return 2;
  }
  auto reader = DocumentReader::Open(paths);
  if (!reader.ok()) {
    std::fprintf(stderr, "faultline code: %s\n", reader.status().message().c_str());
    return 2;
  }
  std::vector<InputError> errors;
  size_t skipped = 0, coded = 0;
  auto report = [&] {
    for (const InputError& e : errors) std::fprintf(stderr, "faultline code: %s: %s (skipped)\n", e.where.c_str(), e.message.c_str());
    skipped += errors.size();
    errors.clear();
  };
  // Stories are read in batches and coded in parallel; results are written
  // in input order, so the output is the same whatever --threads is.
  const size_t batch_size = 64 * threads;
  std::vector<Document> batch;
  std::vector<Result<CodedDocument>> results;
  bool more = true;
  while (more) {
    batch.clear();
    Document doc;
    while (batch.size() < batch_size && (more = (*reader)->Next(&doc, &errors))) {
      report();
      batch.push_back(std::move(doc));
      doc = Document();
    }
    report();
    results.assign(batch.size(), Status::Internal("not coded"));
    ParallelFor(batch.size(), threads, [&](size_t i) { results[i] = (*pipeline)->Process(&batch[i]); });
    for (size_t i = 0; i < batch.size(); ++i) {
      if (!results[i].ok()) {
        std::fprintf(stderr, "faultline code: %s (skipped)\n", results[i].status().message().c_str());
        ++skipped;
        continue;
      }
      writer->Write(results[i].value());
      ++coded;
    }
  }
  report();
  writer->Finish();
  std::fflush(stdout);
  if (skipped) std::fprintf(stderr, "faultline code: %zu stories coded, %zu skipped\n", coded, skipped);
  return skipped ? 1 : 0;
}

}  // namespace

FAULTLINE_COMMAND(code, "code", "code stories into events (files, folders, - for stdin)", RunCode);

}  // namespace faultline::cli
