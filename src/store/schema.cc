#include "store/schema.h"

#include <string>

namespace faultline {
namespace {

// Written once with two placeholders: {ID} for a generated key and {CODE}
// for text compared byte-wise. Code prefixes are matched with ranges
// (source >= 'RUS' AND source < 'RUT'), which needs byte order to use the
// indexes; PostgreSQL's default collation is not byte order, hence COLLATE "C".
// The event indexes (kEventIndexes) cover the aggregates (timelines, top
// dyads, actors) and the event filters so that those never touch the table
// rows.
constexpr const char* kTables = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  id {ID},
  doc_key TEXT NOT NULL UNIQUE,
  text_hash TEXT NOT NULL UNIQUE,
  date TEXT NOT NULL,
  day INTEGER,
  title TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sentences (
  document_id BIGINT NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (document_id, idx));
CREATE TABLE IF NOT EXISTS incidents (
  id {ID},
  source TEXT {CODE} NOT NULL,
  target TEXT {CODE} NOT NULL,
  root TEXT {CODE} NOT NULL,
  first_day INTEGER NOT NULL,
  last_day INTEGER NOT NULL,
  mentions INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS incidents_key ON incidents (source, target, root, first_day, last_day);
CREATE INDEX IF NOT EXISTS incidents_day ON incidents (first_day, last_day, source, target);
CREATE TABLE IF NOT EXISTS events (
  id {ID},
  document_id BIGINT NOT NULL REFERENCES documents(id),
  sentence INTEGER NOT NULL,
  day INTEGER NOT NULL,
  date TEXT NOT NULL,
  source TEXT {CODE} NOT NULL,
  target TEXT {CODE} NOT NULL,
  source_text TEXT NOT NULL DEFAULT '',
  target_text TEXT NOT NULL DEFAULT '',
  code TEXT {CODE} NOT NULL,
  root TEXT {CODE} NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein DOUBLE PRECISION NOT NULL,
  plover TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  place TEXT,
  place_country TEXT,
  place_admin TEXT,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  rule TEXT NOT NULL DEFAULT '',
  incident_id BIGINT NOT NULL REFERENCES incidents(id));
CREATE INDEX IF NOT EXISTS events_document ON events (document_id);
CREATE INDEX IF NOT EXISTS events_incident ON events (incident_id);
CREATE TABLE IF NOT EXISTS quotes (
  id {ID},
  document_id BIGINT NOT NULL REFERENCES documents(id),
  sentence INTEGER NOT NULL,
  speaker TEXT {CODE} NOT NULL DEFAULT '',
  speaker_text TEXT NOT NULL DEFAULT '',
  quote TEXT NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS quotes_document ON quotes (document_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker);
CREATE TABLE IF NOT EXISTS counts (
  id {ID},
  document_id BIGINT NOT NULL REFERENCES documents(id),
  sentence INTEGER NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  qualifier TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT '',
  actor TEXT {CODE} NOT NULL DEFAULT '',
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS counts_document ON counts (document_id);
CREATE TABLE IF NOT EXISTS dyad_days (
  source TEXT {CODE} NOT NULL,
  target TEXT {CODE} NOT NULL,
  day INTEGER NOT NULL,
  events INTEGER NOT NULL,
  goldstein BIGINT NOT NULL,
  q1 INTEGER NOT NULL,
  q2 INTEGER NOT NULL,
  q3 INTEGER NOT NULL,
  q4 INTEGER NOT NULL,
  starts INTEGER NOT NULL,
  active INTEGER NOT NULL,
  PRIMARY KEY (source, target, day)){WITHOUT_ROWID};
CREATE INDEX IF NOT EXISTS dyad_days_day
  ON dyad_days (day, source, target, events, goldstein, q1, q2, q3, q4, starts, active);
CREATE TABLE IF NOT EXISTS events_by_value (
  col TEXT NOT NULL,
  value TEXT {CODE} NOT NULL,
  events BIGINT NOT NULL,
  PRIMARY KEY (col, value)){WITHOUT_ROWID};
CREATE TABLE IF NOT EXISTS events_by_day (
  day INTEGER PRIMARY KEY,
  events BIGINT NOT NULL);
)sql";

// The event indexes that filters and aggregates read (version 3: each holds
// every column an /api/events filter can name besides document and incident,
// so a filter is checked in whichever of them is read, without the table
// rows). events_day is walked newest first for a page of a filter that
// matches often; the others are read whole, range by range, for a filter
// that names an actor, a dyad or a code matching rarely (event_queries.cc
// chooses). A root is the first two digits of its codes, so the code
// ranges serve root filters too. events_source holds a stored pair's
// events by day (source = ? AND target = ?); version 4 keyed the target
// side by code (events_target_code replaced events_target (target, source,
// day)) and added events_source_code, so that an actor with a code or root
// is one range per stored actor code and side, holding its matches only.
// events_source_code leaves out goldstein and incident_id: aggregates read
// events_source, which has them.
struct IndexDefinition {
  const char* name;
  const char* columns;
};
constexpr IndexDefinition kEventIndexes[] = {
    {"events_day", "(day, source, target, quad_class, goldstein, incident_id, code, root, status)"},
    {"events_source", "(source, target, day, quad_class, goldstein, incident_id, code, root, status)"},
    {"events_target_code", "(target, code, day, source, quad_class, goldstein, incident_id, root, status)"},
    {"events_source_code", "(source, code, day, target, quad_class, root, status)"},
    {"events_code", "(code, day, source, target, quad_class, root, status)"},
};

// The CREATE statements of kEventIndexes (idempotent), and their DROPs: one
// list, so a bulk load defers every index the schema has.
std::string CreateEventIndexesSql() {
  std::string sql;
  for (const IndexDefinition& i : kEventIndexes) {
    sql += std::string("CREATE INDEX IF NOT EXISTS ") + i.name + " ON events " + i.columns + ";\n";
  }
  return sql;
}

std::string DropEventIndexesSql() {
  std::string sql;
  for (const IndexDefinition& i : kEventIndexes) sql += std::string("DROP INDEX IF EXISTS ") + i.name + ";\n";
  return sql;
}

// Version 2 -> 3 added events_by_value and events_by_day (how many events
// have each source, target, directed dyad ("RUS>UKR"), code, quad class,
// quad class with code ("4:190") and status, and each day), which event_queries.cc reads to choose how to
// find a page: filled here from the stored events, before the narrower
// indexes of versions 1 and 2 (same names) are replaced.
constexpr const char* kFillEventCounts = R"sql(
DELETE FROM events_by_value;
DELETE FROM events_by_day;
INSERT INTO events_by_value (col, value, events) SELECT 'source', source, COUNT(*) FROM events GROUP BY source;
INSERT INTO events_by_value (col, value, events) SELECT 'target', target, COUNT(*) FROM events GROUP BY target;
INSERT INTO events_by_value (col, value, events) SELECT 'code', code, COUNT(*) FROM events GROUP BY code;
INSERT INTO events_by_value (col, value, events)
  SELECT 'dyad', source || '>' || target, COUNT(*) FROM events GROUP BY source, target;
INSERT INTO events_by_value (col, value, events)
  SELECT 'quad_class', CAST(quad_class AS TEXT), COUNT(*) FROM events GROUP BY quad_class;
INSERT INTO events_by_value (col, value, events)
  SELECT 'quad_code', CAST(quad_class AS TEXT) || ':' || code, COUNT(*) FROM events GROUP BY quad_class, code;
INSERT INTO events_by_value (col, value, events) SELECT 'status', status, COUNT(*) FROM events GROUP BY status;
INSERT INTO events_by_day (day, events) SELECT day, COUNT(*) FROM events GROUP BY day;
)sql";
constexpr const char* kDropEventIndexes =
    "DROP INDEX IF EXISTS events_day; DROP INDEX IF EXISTS events_source;"
    " DROP INDEX IF EXISTS events_target; DROP INDEX IF EXISTS events_code;";
// Version 3 -> 4: events_target gives way to events_target_code; the
// others stay. (CreateSchema has already made the two version-4 indexes,
// which no earlier version has, when it upgrades.)
constexpr const char* kDropVersion3Indexes = "DROP INDEX IF EXISTS events_target;";

// Version 1 -> 2 added dyad_days (and incidents_day, created above with
// IF NOT EXISTS): filled here from the stored events.
constexpr const char* kFillDyadDays = R"sql(
INSERT INTO dyad_days (source, target, day, events, goldstein, q1, q2, q3, q4, starts, active)
SELECT e.source, e.target, e.day, COUNT(*), SUM(ROUND(e.goldstein * 100)),
       SUM(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN e.quad_class = 2 THEN 1 ELSE 0 END),
       SUM(CASE WHEN e.quad_class = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END),
       (SELECT COUNT(*) FROM incidents i WHERE i.source = e.source AND i.target = e.target AND i.first_day = e.day),
       COUNT(DISTINCT e.incident_id)
FROM events e GROUP BY e.source, e.target, e.day
)sql";

std::string Substitute(std::string sql, const std::string& from, const std::string& to) {
  for (size_t at = sql.find(from); at != std::string::npos; at = sql.find(from, at + to.size())) {
    sql.replace(at, from.size(), to);
  }
  return sql;
}

}  // namespace

Status CreateSchema(SqlConnection* db) {
  const bool pg = db->dialect() == SqlDialect::kPostgres;
  std::string sql = Substitute(kTables, "{ID}", pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY");
  sql = Substitute(std::move(sql), "{CODE}", pg ? "COLLATE \"C\"" : "");
  // SQLite stores a WITHOUT ROWID table in its primary key's b-tree: the
  // rollup rows of a dyad sit together, in day order.
  sql = Substitute(std::move(sql), "{WITHOUT_ROWID}", pg ? "" : " WITHOUT ROWID");
  if (Status s = db->Begin(); !s.ok()) return s;
  Status s = db->Execute(sql);
  // A bulk load in progress (or killed) keeps its event indexes for the end.
  auto deferred = s.ok() ? EventIndexesDeferred(db) : Result<bool>(false);
  if (!deferred.ok()) s = deferred.status();
  if (s.ok() && !*deferred) s = db->Execute(CreateEventIndexesSql());
  if (s.ok()) {
    auto rows = db->Query("SELECT value FROM meta WHERE key = 'schema_version'");
    const std::string version = rows.ok() && !rows->empty() ? rows->front().Text(0) : "";
    if (!rows.ok()) {
      s = rows.status();
    } else if (rows->empty()) {
      auto ins = db->Query("INSERT INTO meta (key, value) VALUES ('schema_version', ?)",
                           {std::string(std::to_string(kSchemaVersion))});
      if (!ins.ok()) s = ins.status();
    } else if ((version == "1" || version == "2" || version == "3") && !*deferred) {
      // 1 -> 2: the rollup from the events; 2 -> 3: the event counts and
      // the wider event indexes; 3 -> 4: the code-keyed actor indexes.
      if (version == "1") s = db->Execute(kFillDyadDays);
      if (s.ok() && version != "3") s = db->Execute(kFillEventCounts);
      if (s.ok()) s = db->Execute(version == "3" ? kDropVersion3Indexes : kDropEventIndexes);
      if (s.ok()) s = db->Execute(CreateEventIndexesSql());
      if (s.ok()) {
        auto up = db->Query("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                            {std::string(std::to_string(kSchemaVersion))});
        if (!up.ok()) s = up.status();
      }
    } else if (version != std::to_string(kSchemaVersion)) {
      s = Status::Invalid("store has schema version " + rows->front().Text(0) + ", this faultline reads version " +
                          std::to_string(kSchemaVersion));
    }
  }
  if (!s.ok()) {
    (void)db->Rollback();
    return s;
  }
  return db->Commit();
}

Result<bool> EventIndexesDeferred(SqlConnection* db) {
  auto rows = db->Query("SELECT 1 FROM meta WHERE key = 'event_indexes' AND value = 'deferred'");
  if (!rows.ok()) return rows.status();
  return !rows->empty();
}

namespace {

// `sql` in a transaction of its own: all of it, or (on an error) none.
Status ExecuteInTransaction(SqlConnection* db, const std::string& sql) {
  if (Status s = db->Begin(); !s.ok()) return s;
  Status s = db->Execute(sql);
  if (s.ok()) s = db->Commit();
  if (!s.ok()) (void)db->Rollback();
  return s;
}

}  // namespace

// The indexes go in one transaction with the meta row that says so: a
// process killed at any moment leaves either all five indexes or none and
// the mark.
Status DeferEventIndexes(SqlConnection* db) {
  return ExecuteInTransaction(db, DropEventIndexesSql() +
                                      "DELETE FROM meta WHERE key = 'event_indexes';"
                                      " INSERT INTO meta (key, value) VALUES ('event_indexes', 'deferred');");
}

Status BuildEventIndexes(SqlConnection* db) {
  // SQLite sorts each index's keys in its page cache and spills sorted runs
  // to temporary files, which the connection keeps in memory (temp_store =
  // MEMORY, for queries' small sorts): 1.4 GB at 10 million events, growing
  // with the store. On disk, the build's memory stays at the cache's size.
  const bool sqlite = db->dialect() == SqlDialect::kSqlite;
  if (sqlite) {
    if (Status s = db->Execute("PRAGMA temp_store = FILE"); !s.ok()) return s;
  }
  Status s = ExecuteInTransaction(db, CreateEventIndexesSql() + "DELETE FROM meta WHERE key = 'event_indexes';");
  if (sqlite) {
    Status back = db->Execute("PRAGMA temp_store = MEMORY");
    if (s.ok()) s = back;
  }
  return s;
}

}  // namespace faultline
