#include "feed/redis_client.h"

#include <hiredis/hiredis.h>

#include <charconv>
#include <sys/time.h>

namespace faultline {
namespace {

timeval Millis(int ms) {
  timeval tv;
  tv.tv_sec = ms / 1000;
  tv.tv_usec = (ms % 1000) * 1000;
  return tv;
}

RedisValue Copy(const redisReply* r) {
  RedisValue v;
  switch (r->type) {
    case REDIS_REPLY_STRING:
      v.kind = RedisValue::Kind::kString;
      v.str.assign(r->str, r->len);
      break;
    case REDIS_REPLY_STATUS:
      v.kind = RedisValue::Kind::kStatus;
      v.str.assign(r->str, r->len);
      break;
    case REDIS_REPLY_ERROR:
      v.kind = RedisValue::Kind::kError;
      v.str.assign(r->str, r->len);
      break;
    case REDIS_REPLY_INTEGER:
      v.kind = RedisValue::Kind::kInteger;
      v.integer = r->integer;
      break;
    case REDIS_REPLY_ARRAY:
      v.kind = RedisValue::Kind::kArray;
      v.elements.reserve(r->elements);
      for (size_t i = 0; i < r->elements; ++i) v.elements.push_back(Copy(r->element[i]));
      break;
    default:
      break;  // NIL
  }
  return v;
}

}  // namespace

Result<RedisAddress> ParseRedisAddress(const std::string& text) {
  RedisAddress a;
  std::string port;
  if (text.starts_with("[")) {  // [v6]:port
    const size_t close = text.find(']');
    if (close == std::string::npos) return Status::Invalid("bad Redis address '" + text + "'");
    a.host = text.substr(1, close - 1);
    if (close + 1 < text.size()) {
      if (text[close + 1] != ':') return Status::Invalid("bad Redis address '" + text + "'");
      port = text.substr(close + 2);
    }
  } else {
    const size_t colon = text.rfind(':');
    a.host = text.substr(0, colon);
    if (colon != std::string::npos) port = text.substr(colon + 1);
  }
  if (a.host.empty()) return Status::Invalid("bad Redis address '" + text + "': no host");
  if (!port.empty()) {
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), a.port);
    if (ec != std::errc() || end != port.data() + port.size() || a.port < 1 || a.port > 65535) {
      return Status::Invalid("bad Redis address '" + text + "': port must be 1..65535");
    }
  }
  return a;
}

RedisClient::RedisClient(RedisAddress address, RedisOptions options)
    : address_(std::move(address)), options_(options) {}

RedisClient::~RedisClient() { Disconnect(); }

void RedisClient::Disconnect() {
  if (ctx_ != nullptr) redisFree(ctx_);
  ctx_ = nullptr;
}

Status RedisClient::Connect() {
  if (ctx_ != nullptr) return Status::Ok();
  redisContext* c =
      redisConnectWithTimeout(address_.host.c_str(), address_.port, Millis(options_.connect_timeout_ms));
  if (c == nullptr) return Status::IOError("redis " + address_.ToString() + ": out of memory");
  if (c->err != 0) {
    Status s = Status::IOError("redis " + address_.ToString() + ": cannot connect: " + c->errstr);
    redisFree(c);
    return s;
  }
  // The reply timeout turns a silent, half-open connection into an error
  // instead of a worker that waits forever; keep-alive finds dead peers.
  redisSetTimeout(c, Millis(options_.reply_timeout_ms));
  redisEnableKeepAlive(c);
  ctx_ = c;
  return Status::Ok();
}

// The context is unusable once c->err is set: report and forget it.
Status RedisClient::Lost(const char* when) {
  std::string why = ctx_ != nullptr && ctx_->err != 0 ? ctx_->errstr : "no reply";
  if (why.empty()) why = "connection closed";
  Disconnect();
  return Status::IOError("redis " + address_.ToString() + ": connection lost " + when + ": " + why);
}

Status RedisClient::Append(const std::vector<std::string>& args) {
  std::vector<const char*> argv;
  std::vector<size_t> lens;
  argv.reserve(args.size());
  lens.reserve(args.size());
  for (const std::string& a : args) {
    argv.push_back(a.data());
    lens.push_back(a.size());
  }
  if (redisAppendCommandArgv(ctx_, static_cast<int>(args.size()), argv.data(), lens.data()) != REDIS_OK) {
    return Lost("sending a command");
  }
  return Status::Ok();
}

Result<RedisValue> RedisClient::ReadReply() {
  void* raw = nullptr;
  if (redisGetReply(ctx_, &raw) != REDIS_OK || raw == nullptr) return Lost("waiting for a reply");
  RedisValue v = Copy(static_cast<redisReply*>(raw));
  freeReplyObject(raw);
  return v;
}

Result<RedisValue> RedisClient::Call(const std::vector<std::string>& args) {
  auto replies = CallMany({args});
  if (!replies.ok()) return replies.status();
  return std::move(replies->front());
}

Result<std::vector<RedisValue>> RedisClient::CallMany(
    const std::vector<std::vector<std::string>>& commands) {
  if (Status s = Connect(); !s.ok()) return s;
  for (const auto& args : commands) {
    if (Status s = Append(args); !s.ok()) return s;
  }
  std::vector<RedisValue> replies;
  replies.reserve(commands.size());
  for (size_t i = 0; i < commands.size(); ++i) {
    auto r = ReadReply();
    if (!r.ok()) return r.status();
    replies.push_back(std::move(r).value());
  }
  return replies;
}

}  // namespace faultline
