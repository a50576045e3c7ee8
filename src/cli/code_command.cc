// `faultline code [PATH...]`: codes files, folders or standard input and
// writes events, quotes and counts to standard output.
#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>

#include "cli/batch_coding.h"
#include "cli/command.h"
#include "cli/peer_options.h"
#include "output/writer.h"
#include "pipeline/pipeline.h"

namespace faultline::cli {
namespace {

// What a run went through, for the --profile report.
struct RunTotals {
  size_t stories = 0, sentences = 0, bytes = 0, events = 0;
};

double CpuSeconds(const timeval& tv) { return static_cast<double>(tv.tv_sec) + tv.tv_usec * 1e-6; }

// The --profile table on stderr: seconds per stage (summed over threads),
// each stage's share of their sum, and rates. "per CPU-s" divides by the
// process's user+system time, so it reads as per core whatever --threads is.
void PrintProfile(const StageProfile& profile, const RunTotals& t, unsigned threads, double wall) {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  const double user = CpuSeconds(ru.ru_utime), sys = CpuSeconds(ru.ru_stime), cpu = user + sys;
  double sum = 0;
  for (int i = 0; i < static_cast<int>(Stage::kCount); ++i) sum += profile.Seconds(static_cast<Stage>(i));
  std::fprintf(stderr, "profile: %zu stories, %zu sentences, %.2f MB text, %zu events, %u thread(s)\n", t.stories,
               t.sentences, t.bytes / 1e6, t.events, threads);
  std::fprintf(stderr, "profile: %-14s %10s %7s\n", "stage", "seconds", "share");
  for (int i = 0; i < static_cast<int>(Stage::kCount); ++i) {
    const double sec = profile.Seconds(static_cast<Stage>(i));
    std::fprintf(stderr, "profile: %-14s %10.3f %6.1f%%\n", kStageNames[i], sec, sum > 0 ? 100 * sec / sum : 0.0);
  }
  std::fprintf(stderr, "profile: %-14s %10.3f\n", "sum of stages", sum);
  std::fprintf(stderr, "profile: wall %.3f s, cpu %.3f s (user %.3f, sys %.3f), peak RSS %.1f MB\n", wall, cpu, user,
               sys, ru.ru_maxrss / 1024.0);
  const double coding_cpu = cpu - profile.Seconds(Stage::kLoad);  // start-up is paid once per process
  if (wall <= 0 || coding_cpu <= 0) return;
  std::fprintf(stderr, "profile: sentences/s %.0f wall, %.0f per CPU-s; MB/s %.3f wall, %.3f per CPU-s; "
               "events/s %.0f wall, %.0f per CPU-s (per CPU-s excludes load)\n",
               t.sentences / wall, t.sentences / coding_cpu, t.bytes / 1e6 / wall, t.bytes / 1e6 / coding_cpu,
               t.events / wall, t.events / coding_cpu);
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
  bool profile_on = false;
  app.add_flag("--profile", profile_on, "print seconds per stage and rates on stderr at the end");
  PeerOptions peer;
  peer.AddTo(&app);
  CLI11_PARSE(app, argc, argv);
  if (Status s = peer.Apply("faultline code", &opts); !s.ok()) {
    std::fprintf(stderr, "faultline code: %s\n", s.message().c_str());
    return 2;
  }
  if (paths.empty()) paths.push_back("-");
  if (format.empty()) format = isatty(fileno(stdout)) ? "table" : "jsonl";
  opts.coder.emit_unreal = all_statuses;
  const auto started = std::chrono::steady_clock::now();
  StageProfile profile;
  if (profile_on) opts.profile = &profile;
  RunTotals totals;
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
  // Stories are read in batches and coded in parallel; results are written
  // in input order, so the output is the same whatever --threads is.
  BatchOptions batch;
  batch.command = "faultline code";
  batch.threads = threads;
  batch.profile = opts.profile;
  BatchTotals counted;
  Status run = CodeInBatches(**reader, **pipeline, batch,
                             [&](std::vector<Document>& docs, std::vector<CodedDocument>& coded) {
                               for (size_t i = 0; i < docs.size(); ++i) {
                                 writer->Write(coded[i]);
                                 totals.sentences += docs[i].sentences.size();
                                 totals.bytes += docs[i].text.size();
                                 totals.events += coded[i].events.size();
                               }
                               return Status::Ok();
                             },
                             &counted);
  writer->Finish();
  std::fflush(stdout);
  if (!run.ok()) std::fprintf(stderr, "faultline code: %s\n", run.message().c_str());  // the writer's sink never fails today
  const size_t coded = counted.coded, skipped = counted.bad;
  if (profile_on) {
    totals.stories = coded;
    PrintProfile(profile, totals, threads, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
  if (skipped) std::fprintf(stderr, "faultline code: %zu stories coded, %zu skipped\n", coded, skipped);
  return skipped ? 1 : 0;
}

}  // namespace

FAULTLINE_COMMAND(code, "code", "code stories into events (files, folders, - for stdin)", RunCode);

}  // namespace faultline::cli
