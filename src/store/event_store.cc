// EventStore: opening, adding stories (one transaction per batch), and the
// small helpers (dates as day numbers, the duplicate-text hash, dyads).
#include "store/event_store.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>
#include <cstdio>
#include <iterator>

#include "dates/civil_date.h"
#include "store/incident_cache.h"
#include "store/schema.h"

namespace faultline {

std::optional<int64_t> DayNumber(std::string_view iso) {
  if (iso.size() < 10) return std::nullopt;
  auto date = ParseIsoDate(iso.substr(0, 10));
  if (!date.ok()) return std::nullopt;
  return ToDayNumber(*date);
}

std::string IsoDay(int64_t day) { return ToIso(FromDayNumber(day)); }

// Bytes of white space at text[i]: ASCII space and controls, and the Unicode
// spaces scraped news is full of (U+00A0 no-break, U+2000..U+200A, U+202F,
// U+205F, U+3000); 0 when text[i] starts something else.
static size_t SpaceAt(std::string_view t, size_t i) {
  const unsigned char c = t[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  auto at = [&](size_t k) { return i + k < t.size() ? static_cast<unsigned char>(t[i + k]) : 0u; };
  if (c == 0xC2 && at(1) == 0xA0) return 2;
  if (c == 0xE2 && at(1) == 0x80 && (at(2) <= 0x8A || at(2) == 0xAF) && at(2) >= 0x80) return 3;
  if (c == 0xE2 && at(1) == 0x81 && at(2) == 0x9F) return 3;
  if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;
  return 0;
}

std::string NormalisedTextHash(std::string_view text) {
  // Two FNV-1a streams with different bases over the text with runs of
  // white space (ASCII and Unicode) collapsed and ASCII folded to lower case:
  // 128 bits, so two different stories in a 50-million-story archive do not
  // collide.
  uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
  bool space = false, started = false;  // leading whitespace is dropped
  auto feed = [&](unsigned char c) {
    a = (a ^ c) * 0x100000001b3ULL;
    b = (b ^ c) * 0x100000001b3ULL + 0x9e3779b97f4a7c15ULL;
  };
  for (size_t i = 0; i < text.size();) {
    if (size_t n = SpaceAt(text, i)) {
      space = true;
      i += n;
      continue;
    }
    const unsigned char c = text[i++];
    if (space && started) feed(' ');
    space = false;
    started = true;
    feed(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(a),
                static_cast<unsigned long long>(b));
  return hex;
}

Status ParseDyad(const std::string& text, EventFilter* filter) {
  size_t at = text.find_first_of("->");
  if (at == std::string::npos || at == 0 || at + 1 >= text.size() ||
      text.find_first_of("->", at + 1) != std::string::npos) {
    return Status::Invalid("dyad '" + text + "' must be A-B (either direction) or A>B (directed), e.g. RUS-UKR");
  }
  filter->dyad_a = text.substr(0, at);
  filter->dyad_b = text.substr(at + 1);
  filter->dyad_directed = text[at] == '>';
  return Status::Ok();
}

// Opens with the schema; then a bulk load defers the event indexes (unless
// an unfinished one already did), anything else builds them if deferred.
static Result<std::unique_ptr<EventStore>> OpenStore(const std::string& where, bool bulk_load) {
  auto db = OpenDatabase(where);
  if (!db.ok()) return db.status();
  auto store = std::make_unique<EventStore>(std::move(db).value());
  if (Status s = CreateSchema(&store->db()); !s.ok()) return s.Prefixed(where);
  auto deferred = EventIndexesDeferred(&store->db());
  if (!deferred.ok()) return deferred.status().Prefixed(where);
  Status s = Status::Ok();
  if (bulk_load && !*deferred) {
    s = DeferEventIndexes(&store->db());
  } else if (!bulk_load && *deferred) {
    std::fprintf(stderr, "faultline: %s: building the event indexes of an unfinished bulk load\n", where.c_str());
    s = store->FinishBulkLoad();
  }
  if (!s.ok()) return s.Prefixed(where);
  return store;
}

Result<std::unique_ptr<EventStore>> EventStore::Open(const std::string& where) { return OpenStore(where, false); }

Result<std::unique_ptr<EventStore>> EventStore::OpenForBulkLoad(const std::string& where) {
  return OpenStore(where, true);
}

Status EventStore::FinishBulkLoad() { return BuildEventIndexes(db_.get()); }

EventStore::EventStore(std::unique_ptr<SqlConnection> db) : db_(std::move(db)) {}
EventStore::~EventStore() = default;

Result<bool> EventStore::Contains(const std::string& doc_id, const std::string& text) {
  auto rows = db_->Query("SELECT 1 FROM documents WHERE doc_key = ? OR text_hash = ? LIMIT 1",
                         {doc_id, NormalisedTextHash(text)});
  if (!rows.ok()) return rows.status();
  return !rows->empty();
}

namespace {

// The day an event is counted on: its own date when known to the day, else
// the publication day ("in February" in a story of 2022-02-03 counts on the
// 3rd: the report is the best day-level evidence there is).
int64_t EventDay(const Event& e, int64_t doc_day) {
  if (e.date.size() == 10) {
    if (auto d = DayNumber(e.date)) return *d;
  }
  return doc_day;
}

SqlValue OptionalText(const std::optional<Location>& loc, const std::string Location::*field) {
  if (!loc) return std::monostate{};
  return (*loc).*field;
}

SqlValue OptionalReal(const std::optional<Location>& loc, double Location::*field) {
  if (!loc) return std::monostate{};
  return (*loc).*field;
}

}  // namespace

namespace {

// One dyad_days row's increments, summed over a batch before they are
// written: one upsert per (dyad, day) instead of one per event.
// `starts` counts the dyad's incidents whose first day this is, `active`
// those whose span holds this day: an incident meets the days [a, b] when
// it is active on a or starts in (a, b] (aggregates.cc counts incidents of
// any period so).
struct DayTotals {
  int64_t events = 0, goldstein = 0, quad[5] = {0, 0, 0, 0, 0}, starts = 0, active = 0;
};
using DyadDayKey = std::tuple<std::string, std::string, int64_t>;
using Rollup = std::map<DyadDayKey, DayTotals>;

void AddToRollup(const Event& e, int64_t day, Rollup* rollup) {
  DayTotals& t = (*rollup)[DyadDayKey{e.source, e.target, day}];
  ++t.events;
  // The same rounding as kGoldsteinSumSql: whole hundredths, half away from zero.
  t.goldstein += std::llround(e.goldstein * 100);
  if (e.quad_class >= 1 && e.quad_class <= 4) ++t.quad[e.quad_class];
}

void AddToRollup(const Event& e, int64_t day, const IncidentChange& c, Rollup* rollup) {
  auto at = [&](int64_t d) -> DayTotals& { return (*rollup)[DyadDayKey{e.source, e.target, d}]; };
  if (c.created) {
    ++at(day).starts;
    ++at(day).active;
  } else if (day < c.old_first) {  // the incident now starts a day earlier
    --at(c.old_first).starts;
    ++at(day).starts;
    ++at(day).active;
  } else if (day > c.old_last) {
    ++at(day).active;
  }
}

Status WriteRollup(SqlConnection* db, const Rollup& rollup) {
  std::vector<SqlValue> rows;
  rows.reserve(rollup.size() * 11);
  for (const auto& [key, t] : rollup) {
    const auto& [source, target, day] = key;
    SqlValue row[] = {source, target, day, t.events, t.goldstein, t.quad[1], t.quad[2], t.quad[3], t.quad[4],
                      t.starts, t.active};
    AppendRow(row, &rows);
  }
  return db->InsertRows(
      "INSERT INTO dyad_days (source, target, day, events, goldstein, q1, q2, q3, q4, starts, active)", 11,
      std::move(rows),
      " ON CONFLICT (source, target, day) DO UPDATE SET"
      " events = dyad_days.events + excluded.events, goldstein = dyad_days.goldstein + excluded.goldstein,"
      " q1 = dyad_days.q1 + excluded.q1, q2 = dyad_days.q2 + excluded.q2,"
      " q3 = dyad_days.q3 + excluded.q3, q4 = dyad_days.q4 + excluded.q4,"
      " starts = dyad_days.starts + excluded.starts, active = dyad_days.active + excluded.active");
}

// How many of a batch's events have each code, directed dyad ("RUS>UKR"),
// quad class, quad class with code ("4:190"), source, status and target, and
// each day: added to
// events_by_value and events_by_day (what event_queries.cc reads to choose
// how to find a page), one upsert per value, in key order.
struct EventCounts {
  // "column\tvalue" -> events: hashed, as a batch looks values up 7 times
  // per event (a map of (column, value) pairs was 7% of ingest time).
  std::unordered_map<std::string, int64_t> by_value;
  std::map<int64_t, int64_t> by_day;

  void Add(const Event& e, int64_t day) {
    const std::string quad = std::to_string(e.quad_class);
    Bump("code", e.code);
    Bump("dyad", e.source, ">", e.target);
    Bump("quad_class", quad);
    Bump("quad_code", quad, ":", e.code);
    Bump("source", e.source);
    Bump("status", e.status);
    Bump("target", e.target);
    ++by_day[day];
  }

 private:
  void Bump(std::string_view column, std::string_view a, std::string_view sep = {}, std::string_view b = {}) {
    key_.assign(column);
    key_ += '\t';
    key_.append(a).append(sep).append(b);
    ++by_value[key_];
  }
  std::string key_;  // reused
};

Status WriteEventCounts(SqlConnection* db, const EventCounts& counts) {
  // In (column, value) order: no column name is a prefix of another.
  std::vector<std::pair<std::string_view, int64_t>> values(counts.by_value.begin(), counts.by_value.end());
  std::sort(values.begin(), values.end());
  std::vector<SqlValue> rows;
  rows.reserve(values.size() * 3);
  for (const auto& [key, n] : values) {
    const size_t tab = key.find('\t');
    rows.push_back(std::string(key.substr(0, tab)));
    rows.push_back(std::string(key.substr(tab + 1)));
    rows.push_back(n);
  }
  Status s = db->InsertRows("INSERT INTO events_by_value (col, value, events)", 3, std::move(rows),
                            " ON CONFLICT (col, value) DO UPDATE SET events = events_by_value.events + excluded.events");
  if (!s.ok()) return s;
  rows.clear();
  for (const auto& [day, n] : counts.by_day) {
    rows.push_back(day);
    rows.push_back(n);
  }
  return db->InsertRows("INSERT INTO events_by_day (day, events)", 2, std::move(rows),
                        " ON CONFLICT (day) DO UPDATE SET events = events_by_day.events + excluded.events");
}

}  // namespace

// An event row: kEventColumns values in this order.
constexpr const char* kInsertEvents =
    "INSERT INTO events (document_id, sentence, day, date, source, target, source_text, target_text, code, root,"
    " quad_class, goldstein, plover, status, place, place_country, place_admin, lat, lon, span_begin, span_end,"
    " rule, incident_id)";
constexpr size_t kEventColumns = 23;

// Adds a story's events, quotes and counts: one multi-row INSERT per table
// (SqlConnection::InsertRows), after each event has its incident.

static Status StoreEvents(SqlConnection* db, int64_t doc, int64_t doc_day, const CodedDocument& coded,
                          IncidentCache* incidents, Rollup* rollup, EventCounts* counts) {
  // Incidents first: the events' rows name them, and the incidents a story
  // starts are inserted together (IncidentCache::WriteNew).
  std::vector<IncidentChange> changes;
  std::vector<int64_t> days;
  changes.reserve(coded.events.size());
  days.reserve(coded.events.size());
  for (const Event& e : coded.events) {
    const int64_t day = days.emplace_back(EventDay(e, doc_day));
    AddToRollup(e, day, rollup);
    counts->Add(e, day);
    auto incident = incidents->Assign(e, day);
    if (!incident.ok()) return incident.status();
    AddToRollup(e, day, *incident, rollup);
    changes.push_back(*incident);
  }
  if (Status s = incidents->WriteNew(&changes); !s.ok()) return s;
  std::vector<SqlValue> rows;
  rows.reserve(coded.events.size() * kEventColumns);
  for (size_t i = 0; i < coded.events.size(); ++i) {
    const Event& e = coded.events[i];
    const int64_t day = days[i];
    SqlValue row[] = {doc, int64_t{e.sentence}, day, e.date.empty() ? IsoDay(day) : e.date, e.source, e.target,
                      e.source_text, e.target_text, e.code, e.root, int64_t{e.quad_class}, e.goldstein, e.plover,
                      e.status, OptionalText(e.location, &Location::name),
                      OptionalText(e.location, &Location::country), OptionalText(e.location, &Location::admin),
                      OptionalReal(e.location, &Location::lat), OptionalReal(e.location, &Location::lon),
                      int64_t{e.span_begin}, int64_t{e.span_end}, e.rule, changes[i].id};
    static_assert(std::size(row) == kEventColumns);
    AppendRow(row, &rows);
  }
  if (Status s = db->InsertRows(kInsertEvents, kEventColumns, std::move(rows)); !s.ok()) return s;
  rows.clear();
  for (const Quote& q : coded.quotes) {
    SqlValue row[] = {doc, int64_t{q.sentence}, q.speaker, q.speaker_text, q.quote, int64_t{q.span_begin},
                      int64_t{q.span_end}};
    AppendRow(row, &rows);
  }
  if (Status s = db->InsertRows(
          "INSERT INTO quotes (document_id, sentence, speaker, speaker_text, quote, span_begin, span_end)", 7,
          std::move(rows));
      !s.ok()) {
    return s;
  }
  rows.clear();
  for (const Count& c : coded.counts) {
    SqlValue row[] = {doc,    int64_t{c.sentence}, c.value, c.qualifier, c.unit, c.actor, int64_t{c.span_begin},
                      int64_t{c.span_end}, c.text};
    AppendRow(row, &rows);
  }
  return db->InsertRows(
      "INSERT INTO counts (document_id, sentence, value, qualifier, unit, actor, span_begin, span_end, text)", 9,
      std::move(rows));
}

// Stores one story; false when it was already there.
static Result<bool> StoreStory(SqlConnection* db, const Document& doc, const CodedDocument& coded,
                               IncidentCache* incidents, Rollup* rollup, EventCounts* counts) {
  auto doc_day = DayNumber(doc.date);
  auto id = db->InsertReturningId(
      "INSERT INTO documents (doc_key, text_hash, date, day, title, source, url, text)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      {doc.id, NormalisedTextHash(doc.text), doc.date, doc_day ? SqlValue(*doc_day) : SqlValue(), doc.title,
       doc.source, doc.url, doc.text});
  if (!id.ok()) return id.status();
  if (!*id) return false;
  std::vector<SqlValue> rows;
  rows.reserve(doc.sentences.size() * 4);
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    SqlValue row[] = {**id, static_cast<int64_t>(i), int64_t{s.begin}, int64_t{s.end}};
    AppendRow(row, &rows);
  }
  if (Status s = db->InsertRows("INSERT INTO sentences (document_id, idx, span_begin, span_end)", 4, std::move(rows));
      !s.ok()) {
    return s;
  }
  if (Status s = StoreEvents(db, **id, doc_day.value_or(0), coded, incidents, rollup, counts); !s.ok()) return s;
  return true;
}

Result<AddStats> EventStore::Add(const std::vector<StoryToStore>& batch) {
  AddStats stats;
  Rollup rollup;
  EventCounts counts;
  IncidentCache incidents(db_.get());
  for (const StoryToStore& item : batch) {
    const int64_t doc_day = DayNumber(item.doc->date).value_or(0);
    for (const faultline::Event& e : item.coded->events) incidents.Expect(e, EventDay(e, doc_day));
  }
  if (Status s = db_->Begin(); !s.ok()) return s;
  if (Status s = incidents.Prefetch(); !s.ok()) {
    (void)db_->Rollback();
    return s.Prefixed("incidents");
  }
  for (const StoryToStore& item : batch) {
    auto stored = StoreStory(db_.get(), *item.doc, *item.coded, &incidents, &rollup, &counts);
    if (!stored.ok()) {
      (void)db_->Rollback();
      return stored.status().Prefixed(item.doc->id);
    }
    if (!*stored) {
      ++stats.duplicates;
      continue;
    }
    ++stats.stories;
    stats.events += item.coded->events.size();
    stats.quotes += item.coded->quotes.size();
    stats.counts += item.coded->counts.size();
  }
  if (Status s = incidents.Flush(); !s.ok()) {
    (void)db_->Rollback();
    return s.Prefixed("incidents");
  }
  // In the same transaction as the events: the rollup never disagrees with them.
  if (Status s = WriteRollup(db_.get(), rollup); !s.ok()) {
    (void)db_->Rollback();
    return s.Prefixed("dyad_days rollup");
  }
  if (Status s = WriteEventCounts(db_.get(), counts); !s.ok()) {
    (void)db_->Rollback();
    return s.Prefixed("event counts");
  }
  if (Status s = db_->Commit(); !s.ok()) {
    (void)db_->Rollback();
    return s;
  }
  return stats;
}

}  // namespace faultline
