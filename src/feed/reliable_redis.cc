#include "feed/reliable_redis.h"

#include <string_view>

namespace faultline {

bool IsTransientRedisError(const RedisValue& reply) {
  if (!reply.is_error()) return false;
  for (std::string_view code : {"LOADING", "BUSY ", "TRYAGAIN", "MASTERDOWN", "CLUSTERDOWN"}) {
    if (std::string_view(reply.str).starts_with(code)) return true;
  }
  return false;
}

ReliableRedis::ReliableRedis(RedisAddress address, RedisOptions options, RetryOptions retry)
    : client_(std::move(address), options), retry_(std::move(retry)) {}

Result<RedisValue> ReliableRedis::Call(const std::vector<std::string>& args) {
  auto replies = CallMany({args});
  if (!replies.ok()) return replies.status();
  return std::move(replies->front());
}

Result<std::vector<RedisValue>> ReliableRedis::CallMany(
    const std::vector<std::vector<std::string>>& commands) {
  Backoff backoff(retry_);
  for (;;) {
    const bool was_connected = client_.connected();
    auto replies = client_.CallMany(commands);
    if (!was_connected && client_.connected()) {
      if (ever_connected_) ++reconnects_;  // a new session, not the first one
      ever_connected_ = true;
    }
    std::string fault;
    if (!replies.ok()) {
      fault = replies.status().message();
    } else {
      for (const RedisValue& r : *replies) {
        if (IsTransientRedisError(r)) fault = "redis " + address().ToString() + ": " + r.str;
      }
    }
    if (fault.empty()) {
      backoff.Succeeded("redis " + address().ToString() + ": reconnected");
      return replies;
    }
    if (!backoff.Wait(fault)) {
      return Status::IOError(fault + " (gave up: stopping)");
    }
  }
}

}  // namespace faultline
