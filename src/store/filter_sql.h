// EventFilter -> a SQL WHERE clause over `events e` (joined with
// `documents d` when the filter names a document), values bound, never
// spliced into the text.
#ifndef FAULTLINE_STORE_FILTER_SQL_H_
#define FAULTLINE_STORE_FILTER_SQL_H_

#include <string>
#include <vector>

#include "faultline/status.h"
#include "store/event_store.h"
#include "store/sql.h"

namespace faultline {

struct SqlWhere {
  std::string sql;                 // " WHERE ..." or ""
  std::vector<SqlValue> params;
  bool needs_documents = false;    // the caller must join documents d
};

Result<SqlWhere> BuildWhere(const EventFilter& filter);

// Goldstein weights are summed as whole hundredths. Adding the doubles
// themselves rounds differently in each order rows are scanned in, so SQLite
// and PostgreSQL gave different last digits for one store (and ten -0.1s made
// -0.9999999999999999). CAMEO weights have one decimal, so integer sums are
// exact and the same on both; divide by kGoldsteinScale after summing.
inline constexpr const char* kGoldsteinSumSql = "SUM(ROUND(e.goldstein * 100))";
inline constexpr double kGoldsteinScale = 100;

// A LIMIT or OFFSET value: sizes beyond INT64_MAX are clamped, because cast
// they turn negative, which SQLite reads as "no limit" and PostgreSQL rejects.
int64_t SqlCount(size_t n);

// "FROM events e" or "FROM events e JOIN documents d ON d.id = e.document_id".
std::string EventsFrom(const SqlWhere& where);

}  // namespace faultline

#endif  // FAULTLINE_STORE_FILTER_SQL_H_
