// IncidentCache: assigns a batch's events to incidents (doc/store.md,
// "Incidents") with one read of the incidents table per (dyad, root) of the
// batch instead of one per event, and one update per incident the batch
// joined instead of one per event.
//
// The rule is the one the store always applied event by event, in the same
// order, so every event gets the incident it got before: an event of day d
// joins the first of the dyad's incidents of its root with first_day in
// [d - W - S, d + W] and last_day >= d - W (W = kIncidentWindowDays, S =
// kIncidentMaxSpanDays), newest first_day first, then lowest id, among the
// first 8 of them, whose span joined with d stays within S days; else it
// starts one. Load() reads, per (dyad, root), every incident any event of
// the batch could join; later joins only widen spans of incidents already
// read, so nothing the rule could pick is missed.
//
// Thread contract: one per batch, inside the batch's transaction (the
// incidents read stay current: SQLite holds the write lock, and a
// PostgreSQL transaction sees only its own writes).
#ifndef FAULTLINE_STORE_INCIDENT_CACHE_H_
#define FAULTLINE_STORE_INCIDENT_CACHE_H_

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "faultline/event.h"
#include "faultline/status.h"
#include "store/sql.h"

namespace faultline {

// What assigning an event to an incident did to the incident's span: spans
// grow one day at a time (an event joins only within a day of the span),
// so the incident has events on every day of its span.
struct IncidentChange {
  int64_t id = 0;
  bool created = false;
  int64_t old_first = 0, old_last = 0;  // the span before (joined only)
};

class IncidentCache {
 public:
  explicit IncidentCache(SqlConnection* db) : db_(db) {}

  // Notes an event of the batch before any Assign(), so that Load() reads
  // the days every event of its (dyad, root) may reach.
  void Expect(const Event& e, int64_t day);
  // The incident of the event (starting one is an INSERT, at once: the
  // event row needs its id).
  Result<IncidentChange> Assign(const Event& e, int64_t day);
  // Writes the new spans and mention counts of the incidents joined.
  Status Flush();

 private:
  struct Incident {
    int64_t id, first, last, joined;  // joined: mentions added by this batch and not yet written
  };
  using Key = std::tuple<std::string, std::string, std::string>;  // source, target, root
  struct Group {
    int64_t min_day, max_day;  // of the batch's events (Expect)
    // first_day ranges read (disjoint): every stored incident of the key
    // with first_day in them is in `incidents`, as are those the batch made.
    std::vector<std::pair<int64_t, int64_t>> read;
    std::vector<Incident> incidents;
  };
  // Reads the incidents with first_day in [from, to] not read yet.
  Status Load(const Key& key, int64_t from, int64_t to, Group* group);

  SqlConnection* db_;
  std::map<Key, Group> groups_;
};

}  // namespace faultline

#endif  // FAULTLINE_STORE_INCIDENT_CACHE_H_
