// Reading events back: lists with filters, one event with its evidence, and
// the store's totals.
#include <string>

#include "store/event_store.h"
#include "store/filter_sql.h"

namespace faultline {
namespace {

constexpr const char* kEventColumns =
    "SELECT e.id, e.incident_id, e.day, d.doc_key, e.sentence, e.date, e.source, e.target, e.source_text,"
    " e.target_text, e.code, e.root, e.quad_class, e.goldstein, e.plover, e.status, e.place, e.place_country,"
    " e.place_admin, e.lat, e.lon, e.span_begin, e.span_end, e.rule";
constexpr size_t kEventColumnCount = 24;

StoredEvent ReadEvent(const SqlRow& r) {
  StoredEvent s;
  s.id = r.Int(0);
  s.incident = r.Int(1);
  s.day = r.Int(2);
  Event& e = s.event;
  e.doc_id = r.Text(3);
  e.sentence = static_cast<uint32_t>(r.Int(4));
  e.date = r.Text(5);
  e.source = r.Text(6);
  e.target = r.Text(7);
  e.source_text = r.Text(8);
  e.target_text = r.Text(9);
  e.code = r.Text(10);
  e.root = r.Text(11);
  e.quad_class = static_cast<int>(r.Int(12));
  e.goldstein = r.Real(13);
  e.plover = r.Text(14);
  e.status = r.Text(15);
  if (!r.IsNull(16)) e.location = Location{r.Text(16), r.Text(17), r.Text(18), r.Real(19), r.Real(20)};
  e.span_begin = static_cast<uint32_t>(r.Int(21));
  e.span_end = static_cast<uint32_t>(r.Int(22));
  e.rule = r.Text(23);
  return s;
}

}  // namespace

Result<std::vector<StoredEvent>> EventStore::Events(const EventFilter& filter) {
  auto where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  // Newest first; the id breaks ties so that paging is stable.
  std::string sql = std::string(kEventColumns) +
                    " FROM events e JOIN documents d ON d.id = e.document_id" + where->sql +
                    " ORDER BY e.day DESC, e.id DESC LIMIT ? OFFSET ?";
  std::vector<SqlValue> params = where->params;
  params.emplace_back(SqlCount(filter.limit));
  params.emplace_back(SqlCount(filter.offset));
  auto rows = db_->Query(sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<StoredEvent> out;
  out.reserve(rows->size());
  for (const SqlRow& r : *rows) out.push_back(ReadEvent(r));
  return out;
}

Result<int64_t> EventStore::CountEvents(const EventFilter& filter) {
  auto where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  auto rows = db_->Query("SELECT COUNT(*)" + EventsFrom(*where) + where->sql, where->params);
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Result<std::optional<EventDetail>> EventStore::Event(int64_t id) {
  auto rows = db_->Query(std::string(kEventColumns) +
                             ", d.date, d.title, d.source, d.url, d.text, s.span_begin, s.span_end"
                             " FROM events e JOIN documents d ON d.id = e.document_id"
                             " LEFT JOIN sentences s ON s.document_id = e.document_id AND s.idx = e.sentence"
                             " WHERE e.id = ?",
                         {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<EventDetail>();
  const SqlRow& r = rows->front();
  EventDetail d;
  d.stored = ReadEvent(r);
  size_t c = kEventColumnCount;
  d.doc_date = r.Text(c);
  d.doc_title = r.Text(c + 1);
  d.doc_source = r.Text(c + 2);
  d.doc_url = r.Text(c + 3);
  std::string text = r.Text(c + 4);
  size_t begin = static_cast<size_t>(r.Int(c + 5)), end = static_cast<size_t>(r.Int(c + 6));
  if (!r.IsNull(c + 5) && begin <= end && end <= text.size()) {
    d.sentence = text.substr(begin, end - begin);
    d.sentence_begin = static_cast<uint32_t>(begin);
  }
  auto incident = db_->Query("SELECT COUNT(*), COUNT(DISTINCT document_id) FROM events WHERE incident_id = ?",
                             {d.stored.incident});
  if (!incident.ok()) return incident.status();
  d.incident_mentions = static_cast<size_t>(incident->front().Int(0));
  d.incident_documents = static_cast<size_t>(incident->front().Int(1));
  return std::optional<EventDetail>(std::move(d));
}

Result<StoreSummary> EventStore::Summary() {
  StoreSummary s;
  const std::pair<const char*, int64_t*> tables[] = {
      {"documents", &s.documents}, {"sentences", &s.sentences}, {"events", &s.events},
      {"incidents", &s.incidents}, {"quotes", &s.quotes},       {"counts", &s.counts}};
  for (auto [table, out] : tables) {
    auto rows = db_->Query(std::string("SELECT COUNT(*) FROM ") + table);
    if (!rows.ok()) return rows.status();
    *out = rows->front().Int(0);
  }
  auto days = db_->Query("SELECT MIN(day), MAX(day) FROM events");
  if (!days.ok()) return days.status();
  if (!days->front().IsNull(0)) {
    s.first_day = IsoDay(days->front().Int(0));
    s.last_day = IsoDay(days->front().Int(1));
  }
  return s;
}

}  // namespace faultline
