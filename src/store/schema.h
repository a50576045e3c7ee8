// The store's tables and indexes, one definition for both dialects
// (doc/store.md explains every column).
#ifndef FAULTLINE_STORE_SCHEMA_H_
#define FAULTLINE_STORE_SCHEMA_H_

#include "faultline/status.h"
#include "store/sql.h"

namespace faultline {

// Bumped when a table or index changes. Open() upgrades version-1, 2 and 3
// stores (a v1 store gets the dyad_days rollup from its events; v1 and v2
// get the event counts by value and day and the wider event indexes; all get
// the code-keyed actor indexes) and refuses any other version rather than
// misreading it.
// 2: dyad_days rollup, incidents_day index; 3: events_by_value, events_by_day,
// event indexes holding every filter column; 4: events_source_code and
// events_target_code (an actor's events by code) in place of events_target
inline constexpr int kSchemaVersion = 4;

// Creates what is missing (idempotent) and checks the version. The five
// wide event indexes are left out while a bulk load has them deferred.
Status CreateSchema(SqlConnection* db);

// Bulk loading (doc/store.md, "Bulk loading"): a store's five wide event
// indexes (kEventIndexes in schema.cc) cost one B-tree insert each per event,
// at a random place, which is most of what an event costs to store in a large
// store. DeferEventIndexes drops them and marks the store (meta
// event_indexes = deferred) in one transaction; BuildEventIndexes creates them
// by sorting, once, and clears the mark. A store so marked answers queries
// correctly but slowly, so EventStore::Open builds them first.
Status DeferEventIndexes(SqlConnection* db);
Status BuildEventIndexes(SqlConnection* db);
Result<bool> EventIndexesDeferred(SqlConnection* db);

}  // namespace faultline

#endif  // FAULTLINE_STORE_SCHEMA_H_
