// `faultline enqueue PATH... --redis HOST:PORT --stream KEY`: puts stories on
// a Redis stream for `faultline worker`, one message per story whose field
// `story` is its JSON Lines record (src/feed/story_message.h). Stories are
// read by the same readers as `faultline code`; bad records are reported as
// file:line and skipped.
//
// Messages are sent pipelined, kPipelineDepth at a time. If Redis goes away
// the whole group is sent again after a reconnect, so a story may be queued
// twice; the worker's store keeps it once.
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>

#include "cli/command.h"
#include "feed/reliable_redis.h"
#include "feed/story_message.h"
#include "ingest/reader.h"

namespace faultline::cli {
namespace {

constexpr size_t kPipelineDepth = 128;
constexpr char kWho[] = "faultline enqueue";

struct EnqueueTotals {
  size_t queued = 0, skipped = 0;
};

// XADDs the group; false (message printed) on a server error.
bool Flush(ReliableRedis& redis, const std::string& stream, std::vector<std::vector<std::string>>* pending,
           EnqueueTotals* totals) {
  if (pending->empty()) return true;
  auto replies = redis.CallMany(*pending);
  if (!replies.ok()) {
    std::fprintf(stderr, "%s: %s\n", kWho, replies.status().message().c_str());
    return false;
  }
  for (const RedisValue& r : *replies) {
    if (r.is_error()) {
      std::fprintf(stderr, "%s: redis: XADD %s: %s\n", kWho, stream.c_str(), r.str.c_str());
      return false;
    }
  }
  totals->queued += pending->size();
  pending->clear();
  return true;
}

int RunEnqueue(int argc, char** argv) {
  CLI::App app{"Queue stories on a Redis stream for `faultline worker`", kWho};
  std::vector<std::string> paths;
  std::string redis_at = "127.0.0.1:6379", stream;
  app.add_option("paths", paths, "files, folders, or - for standard input")->required();
  app.add_option("--redis", redis_at, "Redis server HOST:PORT")->capture_default_str();
  app.add_option("--stream", stream, "stream key")->required();
  CLI11_PARSE(app, argc, argv);
  // hiredis writes with write(2): a server that went away must give EPIPE
  // (and a reconnect), not kill the process.
  std::signal(SIGPIPE, SIG_IGN);

  auto address = ParseRedisAddress(redis_at);
  if (!address.ok()) {
    std::fprintf(stderr, "%s: %s\n", kWho, address.status().message().c_str());
    return 2;
  }
  auto reader = DocumentReader::Open(paths);
  if (!reader.ok()) {
    std::fprintf(stderr, "%s: %s\n", kWho, reader.status().message().c_str());
    return 2;
  }
  RetryOptions retry;
  retry.who = kWho;
  ReliableRedis redis(*address, RedisOptions{}, retry);
  EnqueueTotals totals;
  std::vector<std::vector<std::string>> pending;
  std::vector<InputError> errors;
  Document doc;
  bool more = true;
  while (more) {
    more = (*reader)->Next(&doc, &errors);
    for (const InputError& e : errors) {
      std::fprintf(stderr, "%s: %s: %s (skipped)\n", kWho, e.where.c_str(), e.message.c_str());
    }
    totals.skipped += errors.size();
    errors.clear();
    if (more) pending.push_back({"XADD", stream, "*", kStoryField, StoryRecord(doc)});
    if ((pending.size() >= kPipelineDepth || !more) && !Flush(redis, stream, &pending, &totals)) return 1;
  }
  std::fprintf(stderr, "%s: %zu stories queued on %s at %s, %zu skipped\n", kWho, totals.queued,
               stream.c_str(), address->ToString().c_str(), totals.skipped);
  return totals.skipped ? 1 : 0;
}

}  // namespace

FAULTLINE_COMMAND(enqueue, "enqueue", "queue stories on a Redis stream for `faultline worker`", RunEnqueue);

}  // namespace faultline::cli
