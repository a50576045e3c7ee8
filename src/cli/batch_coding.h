// The loop shared by the commands that code stories (`code`, `ingest`):
// stories are read in batches, coded in parallel, and handed on in input
// order, so what a command writes does not depend on --threads.
#ifndef FAULTLINE_CLI_BATCH_CODING_H_
#define FAULTLINE_CLI_BATCH_CODING_H_

#include <functional>
#include <vector>

#include "base/stage_profile.h"
#include "faultline/document.h"
#include "faultline/event.h"
#include "faultline/status.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace faultline::cli {

// Runs fn(0..n-1) on `threads` threads (inline when 1).
void ParallelFor(size_t n, unsigned threads, const std::function<void(size_t)>& fn);

struct BatchOptions {
  const char* command = "faultline";   // prefix of the messages on stderr
  unsigned threads = 1;
  size_t batch_size = 64;              // stories per batch (times threads)
  // Stories for which this returns true are not coded (ingest: already stored).
  std::function<bool(const Document&)> skip;
  // When set, reading is charged to Stage::kRead and the sink to
  // Stage::kWrite (the pipeline times its own stages).
  StageProfile* profile = nullptr;
};

struct BatchTotals {
  size_t coded = 0;          // stories coded and accepted by the sink
  size_t bad = 0;            // unreadable records and stories the pipeline refused
  size_t passed_over = 0;    // stories `skip` said need no coding
};

// A batch: the documents and their coded results, same order, only the
// stories that were coded successfully.
using BatchSink = std::function<Status(std::vector<Document>& docs, std::vector<CodedDocument>& coded)>;

// Reads everything from `reader`, printing each bad record on stderr
// ("<command>: file:line: what (skipped)"). Stops at the first sink error and
// returns it; bad input never stops it.
Status CodeInBatches(DocumentReader& reader, const Pipeline& pipeline, const BatchOptions& options,
                     const BatchSink& sink, BatchTotals* totals);

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_BATCH_CODING_H_
