// One consumer of a Redis stream in a consumer group: the delivery side of
// `faultline worker`.
//
// Delivery is at least once. A message stays pending (XPENDING) from its
// delivery until the consumer acknowledges it, which the worker does only
// after the message's story is committed to the store. So:
//  - a worker that dies leaves its messages pending; any other consumer
//    claims them (XAUTOCLAIM) once they have been idle for claim_idle_ms;
//  - a worker that loses its Redis connection, or restarts under the same
//    consumer name, reads its own pending messages again first (XREADGROUP
//    from id 0), then new ones ('>').
// A message may therefore be handled twice (claimed from a worker that was
// only slow, or redelivered after a lost reply); the store's idempotent Add
// makes that harmless.
//
// Thread contract: one thread uses a StreamConsumer (and its ReliableRedis).
#ifndef FAULTLINE_FEED_STREAM_CONSUMER_H_
#define FAULTLINE_FEED_STREAM_CONSUMER_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "faultline/status.h"
#include "feed/reliable_redis.h"

namespace faultline {

struct StreamMessage {
  std::string id;                                          // "1700000000000-0"
  std::vector<std::pair<std::string, std::string>> fields;
  // The entry was deleted from the stream (XDEL, trimming) while pending:
  // there is nothing to handle, only to acknowledge.
  bool deleted = false;

  // The value of field `name`, or nullptr.
  const std::string* Field(std::string_view name) const;
};

struct ConsumerOptions {
  std::string stream, group, consumer;
  size_t batch = 64;             // messages per read (COUNT)
  int block_ms = 1000;           // longest wait for new messages in one read
  // A message pending this long with another consumer is taken over
  // (XAUTOCLAIM): its consumer is presumed dead. Default 30 s; keep it well
  // above the time one batch takes, or slow workers lose messages to others
  // (harmless, but the work is done twice).
  int64_t claim_idle_ms = 30000;
};

class StreamConsumer {
 public:
  StreamConsumer(ReliableRedis* redis, ConsumerOptions options);

  // XGROUP CREATE <stream> <group> 0 MKSTREAM: a new group starts at the
  // beginning of the stream, so stories queued before the first worker are
  // read. An existing group (-BUSYGROUP) is fine.
  Status EnsureGroup();
  // The next messages to handle, at most `batch`: this consumer's own
  // pending ones first (at start and after a reconnect), then stale ones of
  // other consumers, then new ones (waiting up to block_ms). Empty when
  // nothing came. Fails on a server error reply, or when stopping.
  Result<std::vector<StreamMessage>> Next();
  // XACK; acknowledging twice is harmless.
  Status Ack(const std::vector<std::string>& ids);
  // XADD <stream>:dead with the message's fields plus `error`, `message_id`
  // and `consumer`, for someone to inspect.
  Status DeadLetter(const StreamMessage& message, const std::string& error);
  // Whether no message of the group is pending with any consumer.
  Result<bool> NothingPending();

  const std::string& dead_letter_stream() const { return dead_stream_; }
  // Redis connections replaced so far (ReliableRedis::reconnects).
  uint64_t reconnects() const { return redis_->reconnects(); }

 private:
  Result<RedisValue> GroupCall(const std::vector<std::string>& args);
  Result<std::vector<StreamMessage>> ReadOwnPending();
  Result<std::vector<StreamMessage>> Claim();
  Result<std::vector<StreamMessage>> ReadNew();

  ReliableRedis* redis_;
  ConsumerOptions options_;
  std::string dead_stream_;
  // While re-reading our own pending entries, the id after which to continue
  // (empty: not re-reading). Starts at "0" so a restarted consumer finishes
  // its old work first.
  std::string pending_from_ = "0";
  uint64_t seen_reconnects_ = 0;
  std::string claim_cursor_ = "0-0";
  std::chrono::steady_clock::time_point next_claim_{};
};

}  // namespace faultline

#endif  // FAULTLINE_FEED_STREAM_CONSUMER_H_
