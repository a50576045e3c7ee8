// Writing the worker's batches to the event store through database restarts.
//
// A batch is one EventStore::Add, one transaction. When it fails the batch is
// simply written again after a backoff: Add is idempotent (a story already
// stored is skipped), so a retry after a COMMIT whose outcome was lost with
// the connection stores nothing twice. The PostgreSQL driver opens a new
// session by itself on the next Begin(), so waiting is all a restart needs.
//
// A batch that keeps failing with an error that is not a lost connection
// (a story the database refuses) would block the stream forever, so after
// kPoisonAttempts such failures its stories are written one by one and the
// ones that still fail are handed back as rejected (the worker dead-letters
// them).
//
// Thread contract: as EventStore (one thread per store).
#ifndef FAULTLINE_FEED_STORE_RETRY_H_
#define FAULTLINE_FEED_STORE_RETRY_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "faultline/status.h"
#include "feed/backoff.h"
#include "store/event_store.h"

namespace faultline {

inline constexpr int kPoisonAttempts = 3;

// EventStore::Open, retried with backoff while the database cannot be
// reached. Fails when stop() turns true, or at once on an error that is not
// about reaching it (a bad URL, an unwritable file).
Result<std::unique_ptr<EventStore>> OpenStoreWithRetry(const std::string& where,
                                                       const RetryOptions& retry);

struct StoreOutcome {
  AddStats stats;
  // (index into the batch, why) of stories the store refused for good.
  std::vector<std::pair<size_t, std::string>> rejected;
};

// Adds `batch` (see the top of the file). Fails only when stop() turned true
// before the batch was committed: then nothing of it may be acknowledged.
Result<StoreOutcome> StoreWithRetry(EventStore* store, const std::vector<StoryToStore>& batch,
                                    const RetryOptions& retry);

}  // namespace faultline

#endif  // FAULTLINE_FEED_STORE_RETRY_H_
