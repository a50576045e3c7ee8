#include "feed/stream_consumer.h"

#include <algorithm>

namespace faultline {
namespace {

using Clock = std::chrono::steady_clock;

Status ReplyError(const std::string& what, const RedisValue& reply) {
  return Status::IOError("redis: " + what + ": " + reply.str);
}

// [id, [field, value, ...]] or [id, nil] (deleted while pending).
bool ParseEntry(const RedisValue& entry, StreamMessage* out) {
  if (!entry.is_array() || entry.elements.size() != 2) return false;
  out->id = entry.elements[0].str;
  const RedisValue& kv = entry.elements[1];
  out->deleted = kv.is_nil();
  for (size_t i = 0; i + 1 < kv.elements.size(); i += 2) {
    out->fields.emplace_back(kv.elements[i].str, kv.elements[i + 1].str);
  }
  return !out->id.empty();
}

std::vector<StreamMessage> ParseEntries(const RedisValue& entries) {
  std::vector<StreamMessage> out;
  for (const RedisValue& e : entries.elements) {
    StreamMessage m;
    if (ParseEntry(e, &m)) out.push_back(std::move(m));
  }
  return out;
}

// XREADGROUP's reply: nil (nothing) or [[stream, [entry, ...]]].
std::vector<StreamMessage> ParseRead(const RedisValue& reply) {
  if (!reply.is_array() || reply.elements.empty()) return {};
  const RedisValue& stream = reply.elements[0];
  if (stream.elements.size() != 2) return {};
  return ParseEntries(stream.elements[1]);
}

}  // namespace

const std::string* StreamMessage::Field(std::string_view name) const {
  for (const auto& [key, value] : fields) {
    if (key == name) return &value;
  }
  return nullptr;
}

StreamConsumer::StreamConsumer(ReliableRedis* redis, ConsumerOptions options)
    : redis_(redis), options_(std::move(options)), dead_stream_(options_.stream + ":dead") {}

Status StreamConsumer::EnsureGroup() {
  auto r = redis_->Call({"XGROUP", "CREATE", options_.stream, options_.group, "0", "MKSTREAM"});
  if (!r.ok()) return r.status();
  if (r->is_error() && !r->str.starts_with("BUSYGROUP")) return ReplyError("XGROUP CREATE", *r);
  return Status::Ok();
}

// A command on the group; when Redis lost the group (restarted without
// persistence, or the stream was deleted) it is created again once.
Result<RedisValue> StreamConsumer::GroupCall(const std::vector<std::string>& args) {
  auto r = redis_->Call(args);
  if (r.ok() && r->is_error() && r->str.starts_with("NOGROUP")) {
    if (Status s = EnsureGroup(); !s.ok()) return s;
    r = redis_->Call(args);
  }
  if (!r.ok()) return r.status();
  if (r->is_error()) return ReplyError(args[0], *r);
  return r;
}

Result<std::vector<StreamMessage>> StreamConsumer::Next() {
  if (redis_->reconnects() != seen_reconnects_) {
    // Messages delivered into a reply lost with the old connection are
    // pending for us; nobody else will see them until they go stale.
    seen_reconnects_ = redis_->reconnects();
    pending_from_.assign(1, '0');  // from the start (not = "0": GCC 12 warns wrongly, PR105329)
  }
  if (!pending_from_.empty()) {
    auto own = ReadOwnPending();
    if (!own.ok() || !own->empty()) return own;
  }
  if (Clock::now() >= next_claim_) {
    auto claimed = Claim();
    if (!claimed.ok() || !claimed->empty()) return claimed;
  }
  return ReadNew();
}

Result<std::vector<StreamMessage>> StreamConsumer::ReadOwnPending() {
  auto r = GroupCall({"XREADGROUP", "GROUP", options_.group, options_.consumer, "COUNT",
                      std::to_string(options_.batch), "STREAMS", options_.stream, pending_from_});
  if (!r.ok()) return r.status();
  std::vector<StreamMessage> messages = ParseRead(*r);
  if (messages.empty()) {
    pending_from_.clear();  // caught up: on to new messages
  } else {
    pending_from_ = messages.back().id;
  }
  return messages;
}

// One step of a sweep over the group's pending list. A sweep that reaches the
// end waits a fraction of claim_idle_ms before the next one starts.
Result<std::vector<StreamMessage>> StreamConsumer::Claim() {
  auto r = GroupCall({"XAUTOCLAIM", options_.stream, options_.group, options_.consumer,
                      std::to_string(options_.claim_idle_ms), claim_cursor_, "COUNT",
                      std::to_string(options_.batch)});
  if (!r.ok()) return r.status();
  if (!r->is_array() || r->elements.size() < 2) return Status::IOError("redis: XAUTOCLAIM: unexpected reply");
  claim_cursor_ = r->elements[0].str;
  if (claim_cursor_ == "0-0" || claim_cursor_.empty()) {
    claim_cursor_ = "0-0";
    const int64_t pause = std::clamp<int64_t>(options_.claim_idle_ms / 4, 100, 5000);
    next_claim_ = Clock::now() + std::chrono::milliseconds(pause);
  }
  return ParseEntries(r->elements[1]);
}

Result<std::vector<StreamMessage>> StreamConsumer::ReadNew() {
  auto r = GroupCall({"XREADGROUP", "GROUP", options_.group, options_.consumer, "COUNT",
                      std::to_string(options_.batch), "BLOCK", std::to_string(options_.block_ms),
                      "STREAMS", options_.stream, ">"});
  if (!r.ok()) return r.status();
  return ParseRead(*r);
}

Status StreamConsumer::Ack(const std::vector<std::string>& ids) {
  if (ids.empty()) return Status::Ok();
  std::vector<std::string> args = {"XACK", options_.stream, options_.group};
  args.insert(args.end(), ids.begin(), ids.end());
  auto r = GroupCall(args);
  return r.ok() ? Status::Ok() : r.status();
}

Status StreamConsumer::DeadLetter(const StreamMessage& message, const std::string& error) {
  std::vector<std::string> args = {"XADD", dead_stream_, "*"};
  for (const auto& [key, value] : message.fields) {
    args.push_back(key);
    args.push_back(value);
  }
  for (const std::string& s : {std::string("error"), error, std::string("message_id"), message.id,
                               std::string("consumer"), options_.consumer}) {
    args.push_back(s);
  }
  auto r = redis_->Call(args);
  if (!r.ok()) return r.status();
  if (r->is_error()) return ReplyError("XADD " + dead_stream_, *r);
  return Status::Ok();
}

Result<bool> StreamConsumer::NothingPending() {
  auto r = GroupCall({"XPENDING", options_.stream, options_.group});
  if (!r.ok()) return r.status();
  if (!r->is_array() || r->elements.empty()) return Status::IOError("redis: XPENDING: unexpected reply");
  return r->elements[0].integer == 0;
}

}  // namespace faultline
