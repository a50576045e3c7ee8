// IncidentCache: assigns a batch's events to incidents (doc/store.md,
// "Incidents") in a few statements a batch instead of several an event:
// Prefetch() reads the incidents of the batch's (dyad, root)s in one query
// per ~100 of them, WriteNew() inserts the incidents a story started in one
// statement, and Flush() writes the spans and mentions of those the batch
// joined in one upsert per 64. On PostgreSQL each statement is a round trip
// to the server, and these were three quarters of a batch's.
//
// The rule is the one the store always applied event by event, in the same
// order, so every event gets the incident it got before: an event of day d
// joins the first of the dyad's incidents of its root with first_day in
// [d - W - S, d + W] and last_day >= d - W (W = kIncidentWindowDays, S =
// kIncidentMaxSpanDays), newest first_day first, then lowest id, among the
// first 8 of them, whose span joined with d stays within S days; else it
// starts one. Load() reads, per (dyad, root), every incident any event of
// the batch could join; later joins only widen spans of incidents already
// read, so nothing the rule could pick is missed. New incidents take the
// ids the database would have given them one by one (SQLite: the largest
// id + 1; PostgreSQL: the table's sequence).
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
  // Reads the incidents the events Expect()ed may join, for every (dyad,
  // root) whose events lie within a month (the others are read around each
  // event by Assign).
  Status Prefetch();
  // The incident of the event. One it starts has no id yet (a negative
  // stand-in) until WriteNew().
  Result<IncidentChange> Assign(const Event& e, int64_t day);
  // Gives the incidents started since the last call their ids, inserts
  // them, and puts the ids in place of the stand-ins in *changes (the event
  // rows need them; inserted before those rows, which reference them).
  Status WriteNew(std::vector<IncidentChange>* changes);
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
  // The first_day range Assign() reads for an event of `day` in group g.
  static std::pair<int64_t, int64_t> Reach(const Group& g, int64_t day);
  // Reads the incidents with first_day in [from, to] not read yet.
  Status Load(const Key& key, int64_t from, int64_t to, Group* group);
  // Prefetch() of some groups: one query.
  Status PrefetchGroups(const std::vector<std::pair<const Key*, Group*>>& groups);
  // Appends the row of `incident` (of `key`) with `mentions` to the values
  // of an incidents insert or upsert.
  static void AppendIncidentRow(const Key& key, const Incident& incident, int64_t mentions,
                                std::vector<SqlValue>* rows);
  // n ids for new incidents, in increasing order.
  Result<std::vector<int64_t>> ReserveIds(size_t n);

  SqlConnection* db_;
  std::map<Key, Group> groups_;
  // Incidents started and not yet written: where each is (stand-in id
  // -1 - index).
  std::vector<std::pair<const Key*, size_t>> unwritten_;
};

}  // namespace faultline

#endif  // FAULTLINE_STORE_INCIDENT_CACHE_H_
