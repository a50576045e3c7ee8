#include "feed/store_retry.h"

namespace faultline {
namespace {

// Adds `batch` until it commits. Sets *poisoned instead when it failed
// kPoisonAttempts times in a row with errors other than lost connections.
Result<AddStats> AddUntilDone(EventStore* store, const std::vector<StoryToStore>& batch,
                              const RetryOptions& retry, Status* poisoned) {
  Backoff backoff(retry);
  int refusals = 0;
  for (;;) {
    auto added = store->Add(batch);
    if (added.ok()) {
      backoff.Succeeded("database: batch stored");
      return added;
    }
    const Status& s = added.status();
    refusals = s.code() == Status::Code::kIOError ? 0 : refusals + 1;
    if (refusals >= kPoisonAttempts) {
      *poisoned = s;
      return AddStats{};
    }
    if (!backoff.Wait("database: " + s.message() + " (batch not stored, not acknowledged)")) {
      return Status::IOError("database: gave up storing a batch: stopping");
    }
  }
}

void Accumulate(const AddStats& a, AddStats* total) {
  total->stories += a.stories;
  total->duplicates += a.duplicates;
  total->events += a.events;
  total->quotes += a.quotes;
  total->counts += a.counts;
}

}  // namespace

Result<std::unique_ptr<EventStore>> OpenStoreWithRetry(const std::string& where,
                                                       const RetryOptions& retry) {
  Backoff backoff(retry);
  int refusals = 0;
  for (;;) {
    auto store = EventStore::Open(where);
    if (store.ok()) {
      backoff.Succeeded("database: connected");
      return store;
    }
    // A SQLite file is not a server to wait for. A PostgreSQL error other than
    // an unreachable server gets a few tries: workers starting together on an
    // empty database race to create the schema, and the losers see conflicts.
    const bool unreachable = store.status().code() == Status::Code::kIOError;
    if (!IsPostgresUrl(where) || (!unreachable && ++refusals >= kPoisonAttempts)) return store.status();
    if (!backoff.Wait("database: " + store.status().message())) return store.status();
  }
}

Result<StoreOutcome> StoreWithRetry(EventStore* store, const std::vector<StoryToStore>& batch,
                                    const RetryOptions& retry) {
  StoreOutcome out;
  Status poisoned;
  auto added = AddUntilDone(store, batch, retry, &poisoned);
  if (!added.ok()) return added.status();
  if (poisoned.ok()) {
    out.stats = *added;
    return out;
  }
  // Find the story (or stories) the database refuses; store the others.
  for (size_t i = 0; i < batch.size(); ++i) {
    Status refused;
    auto one = AddUntilDone(store, {batch[i]}, retry, &refused);
    if (!one.ok()) return one.status();
    if (!refused.ok()) {
      out.rejected.emplace_back(i, refused.message());
    } else {
      Accumulate(*one, &out.stats);
    }
  }
  return out;
}

}  // namespace faultline
