#include "store/schema.h"

#include <string>

namespace faultline {
namespace {

// Written once with two placeholders: {ID} for a generated key and {CODE}
// for text compared byte-wise. Code prefixes are matched with ranges
// (source >= 'RUS' AND source < 'RUT'), which needs byte order to use the
// indexes; PostgreSQL's default collation is not byte order, hence COLLATE "C".
// The three wide event indexes cover the aggregates (timelines, top dyads,
// actors) so that those never touch the table rows. A root is the first two
// digits of its codes, so the code index serves root filters too.
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
CREATE INDEX IF NOT EXISTS events_day ON events (day, source, target, quad_class, goldstein, incident_id);
CREATE INDEX IF NOT EXISTS events_source ON events (source, target, day, quad_class, goldstein, incident_id);
CREATE INDEX IF NOT EXISTS events_target ON events (target, source, day, quad_class, goldstein, incident_id);
CREATE INDEX IF NOT EXISTS events_code ON events (code, day);
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
)sql";

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
  if (s.ok()) {
    auto rows = db->Query("SELECT value FROM meta WHERE key = 'schema_version'");
    if (!rows.ok()) {
      s = rows.status();
    } else if (rows->empty()) {
      auto ins = db->Query("INSERT INTO meta (key, value) VALUES ('schema_version', ?)",
                           {std::string(std::to_string(kSchemaVersion))});
      if (!ins.ok()) s = ins.status();
    } else if (rows->front().Text(0) == "1") {
      s = db->Execute(kFillDyadDays);
      if (s.ok()) {
        auto up = db->Query("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                            {std::string(std::to_string(kSchemaVersion))});
        if (!up.ok()) s = up.status();
      }
    } else if (rows->front().Text(0) != std::to_string(kSchemaVersion)) {
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

}  // namespace faultline
