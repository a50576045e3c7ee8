// EventFilter -> a SQL WHERE clause over `events e` (joined with
// `documents d` when the filter names a document), values bound, never
// spliced into the text.
#ifndef FAULTLINE_STORE_FILTER_SQL_H_
#define FAULTLINE_STORE_FILTER_SQL_H_

#include <map>
#include <string>
#include <vector>

#include "faultline/status.h"
#include "store/event_store.h"
#include "store/sql.h"

namespace faultline {

// What a term of a filter's WHERE clause tests.
enum class Criterion { kActor, kSource, kTarget, kDyad, kCode, kQuad, kStatus, kDates, kDocument, kIncident };

struct SqlTerm {
  Criterion criterion;
  std::string sql;
  std::vector<SqlValue> params;
};

struct SqlWhere {
  std::string sql;                 // " WHERE ..." or "": the terms joined by AND
  std::vector<SqlValue> params;
  bool needs_documents = false;    // the caller must join documents d
  std::vector<SqlTerm> terms;

  // Puts the terms in order of `rank` (terms of criteria it lacks last, in
  // their order) and rewrites sql and params: SQLite tests a row's terms in
  // the order written and stops at the first that fails, so the rarest
  // first test least.
  void Order(const std::map<Criterion, double>& rank);
};

Result<SqlWhere> BuildWhere(const EventFilter& filter);

// One index range of a seek path: the entries of `index` whose `column`
// lies in [lo, hi) (a code prefix as a byte range).
// Or, with `target` set, the entries of events_source whose source is `lo`
// and whose target is `target`: one stored directed pair, a range of that
// index which the filter's dates narrow further (its next column is day).
// Or, with `code_lo` set, the entries of events_source_code or
// events_target_code whose `column` (source or target) is the stored actor
// `lo` and whose code lies in [code_lo, code_hi): one actor's events of a
// code prefix, less those whose source lies in [skip_lo, skip_hi) when that
// is set (a target side's events that the source side already read).
struct SeekBranch {
  const char* index;               // events_source, events_target_code, events_code, events_source_code
  const char* column;              // source, target or code
  std::string lo, hi;
  std::string target;              // a pair's target (lo is its source)
  std::string code_lo, code_hi;    // an actor's code range (lo is the actor)
  std::string skip_lo, skip_hi;    // sources whose events another branch reads

  std::string Sql() const;         // "(e.source >= ? AND e.source < ?)", "(e.source = ? AND e.target = ?)", ...
  std::vector<SqlValue> Params() const;
};
// A way to reach every event of a filter through index ranges: the filter's
// events all lie in the union of the branches' ranges (an actor's events are
// its source range plus its target range). Reading a path visits every entry
// of its ranges, whatever the rest of the filter; the indexes hold all the
// filter's columns, so no table row is read for that.
struct SeekPath {
  enum class Kind {
    kRanges,      // prefix ranges, an earlier branch's events left out of a later one
    kPairs,       // distinct stored pairs (disjoint)
    kActorCodes,  // an actor's stored values with a code range (disjoint: see skip_lo)
  };
  Criterion criterion;             // paths of one criterion (a dyad's two sides) share it
  std::vector<SeekBranch> branches;
  Kind kind = Kind::kRanges;
};

// The prefix range of a code ("RUS" -> [RUS, RUT)).
std::pair<std::string, std::string> PrefixBounds(const std::string& prefix);

// The seek paths of a (valid) filter for each indexed criterion it names:
// actor, source, target, dyad (by its source side or by its target side),
// code or root. Empty when it names none of them.
std::vector<SeekPath> SeekPaths(const EventFilter& filter);

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
