// `faultline worker`: codes stories from a Redis stream (consumer group) and
// writes their events to the event store, acknowledging each message only
// after the transaction holding its story has committed. Several workers, on
// one machine or many, share a stream by using the same group
// (doc/scaling.md).
//
// Exactly-once storage comes from at-least-once delivery plus an idempotent
// store: a message is redelivered (or claimed by another worker) whenever it
// was not acknowledged, and EventStore::Add skips a story it already holds.
// A message whose story cannot be read or coded is reported, copied to the
// dead-letter stream <stream>:dead with the error, and acknowledged, so it is
// not delivered forever.
//
// SIGTERM/SIGINT: the current batch is finished (stored and acknowledged),
// then the worker exits 0. A second signal exits at once; the unacknowledged
// batch stays pending and is handled again later.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>

#include "cli/batch_coding.h"
#include "cli/command.h"
#include "feed/story_message.h"
#include "feed/store_retry.h"
#include "feed/stream_consumer.h"

namespace faultline::cli {
namespace {

using Clock = std::chrono::steady_clock;
constexpr char kWho[] = "faultline worker";

volatile std::sig_atomic_t g_stop = 0;

void OnSignal(int) {
  if (g_stop) std::_Exit(1);  // second signal: nothing acknowledged is lost
  g_stop = 1;
}

struct WorkerTotals {
  size_t messages = 0, dead = 0;
  AddStats added;
};

// Codes, stores and acknowledges batches of messages.
class BatchHandler {
 public:
  BatchHandler(const Pipeline& pipeline, EventStore* store, StreamConsumer* consumer,
               const RetryOptions& retry, unsigned threads, std::string stream)
      : pipeline_(pipeline), store_(store), consumer_(consumer), retry_(retry), threads_(threads),
        stream_(std::move(stream)) {}

  // Fails only when stopping before the batch was stored; then nothing of it
  // is acknowledged.
  Status Handle(const std::vector<StreamMessage>& messages);
  const WorkerTotals& totals() const { return totals_; }

 private:
  void Code(const std::vector<StreamMessage>& messages);
  Status StoreGood();
  Status DeadLetterBad(const std::vector<StreamMessage>& messages);

  const Pipeline& pipeline_;
  EventStore* store_;
  StreamConsumer* consumer_;
  const RetryOptions& retry_;
  unsigned threads_;
  std::string stream_;
  WorkerTotals totals_;
  // Per message of the current batch.
  std::vector<Document> docs_;
  std::vector<Result<CodedDocument>> coded_;
  std::vector<std::string> why_;  // empty = good so far
};

// Reads each message's story and codes the good ones in parallel; the
// reason a message is bad goes into why_.
void BatchHandler::Code(const std::vector<StreamMessage>& messages) {
  const size_t n = messages.size();
  docs_.assign(n, Document());
  why_.assign(n, std::string());
  coded_.assign(n, Status::Internal("not coded"));
  for (size_t i = 0; i < n; ++i) {
    ReaderOptions limits;
    if (!StoryFromMessage(messages[i], stream_, limits.max_story_bytes, &docs_[i], &why_[i]) &&
        why_[i].empty()) {
      why_[i] = "unreadable story";
    }
  }
  ParallelFor(n, threads_, [&](size_t i) {
    if (why_[i].empty()) coded_[i] = pipeline_.Process(&docs_[i]);
  });
  for (size_t i = 0; i < n; ++i) {
    if (why_[i].empty() && !coded_[i].ok()) why_[i] = coded_[i].status().message();
  }
}

Status BatchHandler::StoreGood() {
  std::vector<StoryToStore> items;
  std::vector<size_t> index;
  for (size_t i = 0; i < docs_.size(); ++i) {
    if (!why_[i].empty()) continue;
    items.push_back({&docs_[i], &coded_[i].value()});
    index.push_back(i);
  }
  if (items.empty()) return Status::Ok();
  auto outcome = StoreWithRetry(store_, items, retry_);
  if (!outcome.ok()) return outcome.status();
  for (const auto& [k, why] : outcome->rejected) why_[index[k]] = "the store refused it: " + why;
  const AddStats& a = outcome->stats;
  totals_.added.stories += a.stories;
  totals_.added.duplicates += a.duplicates;
  totals_.added.events += a.events;
  return Status::Ok();
}

Status BatchHandler::DeadLetterBad(const std::vector<StreamMessage>& messages) {
  for (size_t i = 0; i < messages.size(); ++i) {
    if (why_[i].empty() || messages[i].deleted) continue;
    std::fprintf(stderr, "%s: %s/%s: %s (moved to %s)\n", kWho, stream_.c_str(), messages[i].id.c_str(),
                 why_[i].c_str(), consumer_->dead_letter_stream().c_str());
    if (Status s = consumer_->DeadLetter(messages[i], why_[i]); !s.ok()) return s;
    ++totals_.dead;
  }
  return Status::Ok();
}

Status BatchHandler::Handle(const std::vector<StreamMessage>& messages) {
  Code(messages);
  if (Status s = StoreGood(); !s.ok()) return s;
  if (Status s = DeadLetterBad(messages); !s.ok()) return s;
  std::vector<std::string> ids;
  for (const StreamMessage& m : messages) ids.push_back(m.id);
  if (Status s = consumer_->Ack(ids); !s.ok()) return s;
  totals_.messages += messages.size();
  return Status::Ok();
}

struct WorkerArgs {
  std::string redis = "127.0.0.1:6379", db;
  ConsumerOptions consumer;
  unsigned threads = 1;
  int64_t exit_when_idle_ms = 0;  // 0 = run until signalled
  PipelineOptions pipeline;
  bool all_statuses = false;
};

std::string DefaultConsumerName() {
  char host[256] = "worker";
  gethostname(host, sizeof host - 1);
  return std::string(host) + "-" + std::to_string(getpid());
}

void PrintTotals(const WorkerTotals& t, const std::string& consumer, Clock::time_point started) {
  const double s = std::chrono::duration<double>(Clock::now() - started).count();
  std::fprintf(stderr,
               "%s: %s: %zu messages, %zu stories stored, %zu already stored, %zu dead-lettered; "
               "%zu events in %.1f s\n",
               kWho, consumer.c_str(), t.messages, t.added.stories, t.added.duplicates, t.dead,
               t.added.events, s);
}

// The main loop; returns the exit code.
int Serve(const WorkerArgs& args, BatchHandler& handler, StreamConsumer& consumer) {
  const auto started = Clock::now();
  auto idle_since = started, last_report = started;
  size_t reported = 0;
  uint64_t seen_reconnects = 0;
  while (!g_stop) {
    auto batch = consumer.Next();
    if (!batch.ok()) {
      if (g_stop) break;
      std::fprintf(stderr, "%s: %s\n", kWho, batch.status().message().c_str());
      PrintTotals(handler.totals(), args.consumer.consumer, started);
      return 1;
    }
    if (!batch->empty()) {
      if (Status s = handler.Handle(*batch); !s.ok()) {
        std::fprintf(stderr, "%s: %s; %zu messages left pending\n", kWho, s.message().c_str(), batch->size());
        PrintTotals(handler.totals(), args.consumer.consumer, started);
        return 1;
      }
      idle_since = Clock::now();
    } else if (args.exit_when_idle_ms > 0) {
      // Pending messages of another consumer may still come our way (claimed
      // if it died), so the group must be empty, not just our reads. Time
      // spent waiting for Redis to come back is not idleness either.
      auto none = consumer.NothingPending();
      if ((none.ok() && !*none) || consumer.reconnects() != seen_reconnects) idle_since = Clock::now();
      seen_reconnects = consumer.reconnects();
      if (Clock::now() - idle_since >= std::chrono::milliseconds(args.exit_when_idle_ms)) break;
    }
    if (Clock::now() - last_report >= std::chrono::minutes(1) && handler.totals().messages != reported) {
      PrintTotals(handler.totals(), args.consumer.consumer, started);
      reported = handler.totals().messages;
      last_report = Clock::now();
    }
  }
  PrintTotals(handler.totals(), args.consumer.consumer, started);
  return 0;
}

void AddOptions(CLI::App& app, WorkerArgs& a) {
  app.add_option("--redis", a.redis, "Redis server HOST:PORT")->capture_default_str();
  app.add_option("--stream", a.consumer.stream, "stream key")->required();
  app.add_option("--group", a.consumer.group, "consumer group (created when missing)")->capture_default_str();
  app.add_option("--consumer", a.consumer.consumer, "this worker's name in the group (default host-pid)");
  app.add_option("--db", a.db, "SQLite file or postgresql://user@host:port/db")->required();
  app.add_option("--threads", a.threads, "coding threads")->check(CLI::Range(1u, 256u))->capture_default_str();
  app.add_option("--batch", a.consumer.batch, "messages per read and per transaction")
      ->check(CLI::Range(1, 10000))->capture_default_str();
  app.add_option("--claim-idle-ms", a.consumer.claim_idle_ms,
                 "take over messages pending this long with another consumer")
      ->check(CLI::Range(int64_t{1}, int64_t{86400000}))->capture_default_str();
  app.add_option("--exit-when-idle-ms", a.exit_when_idle_ms,
                 "exit 0 after this long with nothing to read and nothing pending (0: never)")
      ->check(CLI::Range(int64_t{0}, int64_t{86400000}));
  app.add_flag("--all-statuses", a.all_statuses, "also store negated and hypothetical events");
  app.add_option("--home", a.pipeline.home, "folder with data/ and models/");
}

int RunWorker(int argc, char** argv) {
  CLI::App app{"Code stories from a Redis stream into the event store", kWho};
  WorkerArgs a;
  a.consumer.group = "faultline";
  AddOptions(app, a);
  CLI11_PARSE(app, argc, argv);
  if (a.consumer.consumer.empty()) a.consumer.consumer = DefaultConsumerName();
  a.pipeline.coder.emit_unreal = a.all_statuses;
  std::signal(SIGPIPE, SIG_IGN);  // a vanished Redis must be an error, not death
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGINT, OnSignal);

  auto address = ParseRedisAddress(a.redis);
  if (!address.ok()) {
    std::fprintf(stderr, "%s: %s\n", kWho, address.status().message().c_str());
    return 2;
  }
  auto pipeline = Pipeline::Open(a.pipeline);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s: %s\n", kWho, pipeline.status().message().c_str());
    return 2;
  }
  RetryOptions retry;
  retry.who = std::string(kWho) + " " + a.consumer.consumer;
  retry.stop = [] { return g_stop != 0; };
  auto store = OpenStoreWithRetry(a.db, retry);
  if (!store.ok()) {
    std::fprintf(stderr, "%s: %s\n", kWho, store.status().message().c_str());
    return g_stop ? 0 : 2;
  }
  RedisOptions redis_options;
  a.consumer.block_ms = 1000;
  redis_options.reply_timeout_ms = a.consumer.block_ms + 10000;  // BLOCK must not look like a hang
  ReliableRedis redis(*address, redis_options, retry);
  StreamConsumer consumer(&redis, a.consumer);
  if (Status s = consumer.EnsureGroup(); !s.ok()) {
    std::fprintf(stderr, "%s: %s\n", kWho, s.message().c_str());
    return g_stop ? 0 : 2;
  }
  BatchHandler handler(**pipeline, store->get(), &consumer, retry, a.threads, a.consumer.stream);
  return Serve(a, handler, consumer);
}

}  // namespace

FAULTLINE_COMMAND(worker, "worker", "code stories from a Redis stream into the event store", RunWorker);

}  // namespace faultline::cli
