// The store's tables and indexes, one definition for both dialects
// (doc/store.md explains every column).
#ifndef FAULTLINE_STORE_SCHEMA_H_
#define FAULTLINE_STORE_SCHEMA_H_

#include "faultline/status.h"
#include "store/sql.h"

namespace faultline {

// Bumped when a table changes; Open() refuses a store of another version
// rather than misreading it.
inline constexpr int kSchemaVersion = 1;

// Creates what is missing (idempotent) and checks the version.
Status CreateSchema(SqlConnection* db);

}  // namespace faultline

#endif  // FAULTLINE_STORE_SCHEMA_H_
