// A small synchronous Redis client over hiredis, for the stream commands the
// worker and `faultline enqueue` need.
//
// Every command is sent as an argument vector (redisCommandArgv): values are
// binary-safe and never formatted into command text. Replies are copied into
// RedisValue trees, so no hiredis object outlives a call.
//
// A lost connection (server restarted, network dropped, timeout) makes the
// context unusable; the client drops it and returns IOError, and the next
// call connects again. Retrying with backoff is ReliableRedis's job
// (reliable_redis.h), not this class's.
//
// Thread contract: one thread uses a RedisClient at a time. Not copyable: it
// owns a socket.
#ifndef FAULTLINE_FEED_REDIS_CLIENT_H_
#define FAULTLINE_FEED_REDIS_CLIENT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "faultline/status.h"

struct redisContext;

namespace faultline {

// One reply. Errors from the server ("-NOGROUP ...") are values of kind
// kError, not a failed Status: the connection is fine.
struct RedisValue {
  enum class Kind { kNil, kString, kStatus, kError, kInteger, kArray };
  Kind kind = Kind::kNil;
  std::string str;                   // kString, kStatus, kError
  int64_t integer = 0;               // kInteger
  std::vector<RedisValue> elements;  // kArray

  bool is_error() const { return kind == Kind::kError; }
  bool is_nil() const { return kind == Kind::kNil; }
  bool is_array() const { return kind == Kind::kArray; }
};

struct RedisAddress {
  std::string host = "127.0.0.1";
  int port = 6379;
  std::string ToString() const { return host + ":" + std::to_string(port); }
};

// "HOST:PORT" or "HOST" (port 6379); "[::1]:6380" for IPv6.
Result<RedisAddress> ParseRedisAddress(const std::string& text);

struct RedisOptions {
  int connect_timeout_ms = 2000;
  // A reply slower than this counts as a lost connection. Must exceed the
  // longest BLOCK a command asks for.
  int reply_timeout_ms = 10000;
};

class RedisClient {
 public:
  RedisClient(RedisAddress address, RedisOptions options);
  ~RedisClient();
  RedisClient(const RedisClient&) = delete;
  RedisClient& operator=(const RedisClient&) = delete;

  // Connects when not connected. IOError when the server cannot be reached.
  Status Connect();
  bool connected() const { return ctx_ != nullptr; }
  void Disconnect();

  // Sends one command and waits for its reply. IOError (and the connection
  // dropped) when the connection fails; the command may or may not have run.
  Result<RedisValue> Call(const std::vector<std::string>& args);
  // Sends several commands in one round trip (pipelining) and returns their
  // replies in order. On IOError some of them may have run.
  Result<std::vector<RedisValue>> CallMany(const std::vector<std::vector<std::string>>& commands);

  const RedisAddress& address() const { return address_; }

 private:
  Status Append(const std::vector<std::string>& args);
  Result<RedisValue> ReadReply();
  Status Lost(const char* when);

  RedisAddress address_;
  RedisOptions options_;
  redisContext* ctx_ = nullptr;
};

}  // namespace faultline

#endif  // FAULTLINE_FEED_REDIS_CLIENT_H_
