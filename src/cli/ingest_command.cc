// `faultline ingest PATH... --db FILE|postgresql://...`: codes stories and
// stores them with their sentences, events, quotes and counts. Stories already
// in the store (same id or same normalised text) are neither coded nor stored
// again, so re-ingesting a folder adds only what is new, and a rerun after a
// crash completes the work.
#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>

#include "cli/batch_coding.h"
#include "cli/command.h"
#include "cli/progress.h"
#include "store/event_store.h"

namespace faultline::cli {
namespace {

int RunIngest(int argc, char** argv) {
  CLI::App app{"Code stories and keep them in an event store (SQLite file or PostgreSQL)", "faultline ingest"};
  std::vector<std::string> paths;
  std::string db;
  PipelineOptions opts;
  BatchOptions batch;
  batch.command = "faultline ingest";
  bool all_statuses = false, quiet = false, bulk = false;
  app.add_option("paths", paths, "files, folders, or - for standard input")->required();
  app.add_option("--db", db, "SQLite file (created if missing) or postgresql://user@host:port/db")->required();
  app.add_flag("--all-statuses", all_statuses, "also store negated and hypothetical events");
  app.add_option("--threads", batch.threads, "coding threads")->check(CLI::Range(1u, 256u));
  app.add_option("--batch", batch.batch_size, "stories per transaction (per thread)")->check(CLI::Range(1, 100000));
  app.add_flag("-q,--quiet", quiet, "no progress lines");
  app.add_flag("--bulk", bulk,
               "defer the store's event indexes and build them once at the end (for loads as large as the store"
               " or larger; doc/store.md)");
  app.add_option("--home", opts.home, "folder with data/ and models/");
  CLI11_PARSE(app, argc, argv);
  opts.coder.emit_unreal = all_statuses;
  // A write past a file size limit (ulimit -f) must fail like a full disk
  // (SQLite reports it, the batch rolls back) instead of killing the process.
  std::signal(SIGXFSZ, SIG_IGN);

  auto store = bulk ? EventStore::OpenForBulkLoad(db) : EventStore::Open(db);
  if (!store.ok()) {
    std::fprintf(stderr, "faultline ingest: %s\n", store.status().message().c_str());
    return 2;
  }
  auto pipeline = Pipeline::Open(opts);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "faultline ingest: %s\n", pipeline.status().message().c_str());
    return 2;
  }
  auto reader = DocumentReader::Open(paths);
  if (!reader.ok()) {
    std::fprintf(stderr, "faultline ingest: %s\n", reader.status().message().c_str());
    return 2;
  }
  Progress progress("faultline ingest", quiet ? 0 : EstimateStories(paths));
  AddStats added;
  BatchTotals totals;
  Status lookup = Status::Ok();
  // Checking before coding saves the coding of stories already stored; Add()
  // checks again inside its transaction, which is what makes it exact.
  batch.skip = [&](const Document& doc) {
    auto seen = (*store)->Contains(doc.id, doc.text);
    if (!seen.ok()) {
      if (lookup.ok()) lookup = seen.status();
      return false;
    }
    if (*seen) ++added.duplicates;
    return *seen;
  };
  auto started = std::chrono::steady_clock::now();
  Status run = CodeInBatches(**reader, **pipeline, batch,
                             [&](std::vector<Document>& docs, std::vector<CodedDocument>& coded) {
                               std::vector<StoryToStore> items;
                               for (size_t i = 0; i < docs.size(); ++i) items.push_back({&docs[i], &coded[i]});
                               auto stats = (*store)->Add(items);
                               if (!stats.ok()) return stats.status();
                               added.stories += stats->stories;
                               added.duplicates += stats->duplicates;
                               added.events += stats->events;
                               added.quotes += stats->quotes;
                               added.counts += stats->counts;
                               if (!quiet) progress.Update(added.stories + added.duplicates + totals.bad, added.events);
                               return Status::Ok();
                             },
                             &totals);
  if (!quiet) progress.Finish();
  // Built even after a failed run: what was stored is whole and indexed.
  Status indexed = Status::Ok();
  if (bulk) {
    auto building = std::chrono::steady_clock::now();
    if (!quiet) std::fprintf(stderr, "faultline ingest: building the event indexes\n");
    indexed = (*store)->FinishBulkLoad();
    if (!quiet && indexed.ok()) {
      std::fprintf(stderr, "faultline ingest: event indexes built in %.2f s\n",
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - building).count());
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr,
               "faultline ingest: %zu stories stored, %zu already there, %zu skipped; %zu events, %zu quotes, "
               "%zu counts in %.2f s (%.1f stories/s, %.0f events/s)\n",
               added.stories, added.duplicates, totals.bad, added.events, added.quotes, added.counts, seconds,
               seconds > 0 ? added.stories / seconds : 0.0, seconds > 0 ? added.events / seconds : 0.0);
  if (!run.ok()) {
    std::fprintf(stderr, "faultline ingest: %s (stories stored before this are kept)\n", run.message().c_str());
    return 1;
  }
  if (!indexed.ok()) {
    std::fprintf(stderr, "faultline ingest: building the event indexes: %s (the next open of the store builds them)\n",
                 indexed.message().c_str());
    return 1;
  }
  if (!lookup.ok()) std::fprintf(stderr, "faultline ingest: %s\n", lookup.message().c_str());
  return totals.bad || !lookup.ok() ? 1 : 0;
}

}  // namespace

FAULTLINE_COMMAND(ingest, "ingest", "code stories and store them (SQLite file or PostgreSQL)", RunIngest);

}  // namespace faultline::cli
