// The store's tables and indexes, one definition for both dialects
// (doc/store.md explains every column).
#ifndef FAULTLINE_STORE_SCHEMA_H_
#define FAULTLINE_STORE_SCHEMA_H_

#include "faultline/status.h"
#include "store/sql.h"

namespace faultline {

// Bumped when a table changes. Open() upgrades a version-1 store (fills the
// dyad_days rollup from its events) and refuses any other version rather
// than misreading it.
inline constexpr int kSchemaVersion = 2;  // 2: dyad_days rollup, incidents_day index

// Creates what is missing (idempotent) and checks the version.
Status CreateSchema(SqlConnection* db);

}  // namespace faultline

#endif  // FAULTLINE_STORE_SCHEMA_H_
