// A RedisClient that waits out a Redis restart: a command whose connection
// fails is sent again on a new connection, with backoff, until it gets a
// reply (or the caller's stop flag is raised).
//
// Sending again means a command may run twice (its reply was lost with the
// connection). Every command the feed sends tolerates that: XADD of a story
// twice is stored once (the store is idempotent), XACK twice is a no-op, and
// messages XREADGROUP delivered into a lost reply stay pending for this
// consumer — which is why callers re-read their pending entries whenever
// reconnects() changes.
//
// Thread contract: as RedisClient.
#ifndef FAULTLINE_FEED_RELIABLE_REDIS_H_
#define FAULTLINE_FEED_RELIABLE_REDIS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "feed/backoff.h"
#include "feed/redis_client.h"

namespace faultline {

class ReliableRedis {
 public:
  ReliableRedis(RedisAddress address, RedisOptions options, RetryOptions retry);

  // The reply, which may be a server error value (-WRONGTYPE ...). Errors
  // that mean "not now" (-LOADING after a restart, -BUSY, -TRYAGAIN,
  // -MASTERDOWN) are retried like a lost connection. A failed Status only
  // when stop() became true while waiting.
  Result<RedisValue> Call(const std::vector<std::string>& args);
  // Pipelined; on a fault the whole list is sent again.
  Result<std::vector<RedisValue>> CallMany(const std::vector<std::vector<std::string>>& commands);

  // How many times a lost connection has been replaced.
  uint64_t reconnects() const { return reconnects_; }
  const RedisAddress& address() const { return client_.address(); }

 private:
  RedisClient client_;
  RetryOptions retry_;
  uint64_t reconnects_ = 0;
  bool ever_connected_ = false;
};

// True for a server error that goes away by itself (see Call).
bool IsTransientRedisError(const RedisValue& reply);

}  // namespace faultline

#endif  // FAULTLINE_FEED_RELIABLE_REDIS_H_
