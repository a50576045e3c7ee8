#include "store/incident_cache.h"

#include <algorithm>

#include "store/event_store.h"

namespace faultline {
namespace {

constexpr int64_t kW = kIncidentWindowDays, kS = kIncidentMaxSpanDays;
// A (dyad, root) whose events in the batch lie within this many days is
// read in one range; one spread wider (an archive not in date order) is
// read around each event, so a batch never reads years of incidents.
constexpr int64_t kWholeRangeDays = 31;
// The event-by-event rule looked at this many candidates, newest first.
constexpr size_t kCandidates = 8;
// Groups read by one Prefetch query (5 parameters each).
constexpr size_t kGroupsPerQuery = 100;

// An incidents row as WriteNew() and Flush() write it (kIncidentColumns values).
constexpr const char* kInsertIncidents =
    "INSERT INTO incidents (id, source, target, root, first_day, last_day, mentions)";
constexpr size_t kIncidentColumns = 7;

// Ids in the order the database gives them: a stand-in (-1, -2, ... for the
// incidents started and not yet written, in the order they were started)
// comes after every stored id, as the id it will get will.
std::pair<bool, int64_t> IdOrder(int64_t id) { return {id < 0, id < 0 ? -id : id}; }

}  // namespace

void IncidentCache::Expect(const Event& e, int64_t day) {
  auto [it, fresh] = groups_.try_emplace(Key{e.source, e.target, e.root});
  Group& g = it->second;
  g.min_day = fresh ? day : std::min(g.min_day, day);
  g.max_day = fresh ? day : std::max(g.max_day, day);
}

std::pair<int64_t, int64_t> IncidentCache::Reach(const Group& g, int64_t day) {
  const bool whole = g.max_day - g.min_day <= kWholeRangeDays;
  return {(whole ? g.min_day : day) - kW - kS, (whole ? g.max_day : day) + kW};
}

Status IncidentCache::Prefetch() {
  std::vector<std::pair<const Key*, Group*>> part;
  for (auto& [key, g] : groups_) {
    if (g.max_day - g.min_day > kWholeRangeDays || !g.read.empty()) continue;
    part.push_back({&key, &g});
    if (part.size() == kGroupsPerQuery) {
      if (Status s = PrefetchGroups(part); !s.ok()) return s;
      part.clear();
    }
  }
  return part.empty() ? Status::Ok() : PrefetchGroups(part);
}

Status IncidentCache::PrefetchGroups(const std::vector<std::pair<const Key*, Group*>>& groups) {
  // The keys and ranges as a table joined with incidents_key. The days are
  // cast: PostgreSQL takes untyped parameters in VALUES as text.
  std::string sql = "WITH k (source, target, root, a, b) AS (VALUES ";
  std::vector<SqlValue> params;
  params.reserve(groups.size() * 5);
  for (size_t i = 0; i < groups.size(); ++i) {
    const auto& [source, target, root] = *groups[i].first;
    const auto [from, to] = Reach(*groups[i].second, groups[i].second->min_day);
    sql += i ? ", (?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?)";
    SqlValue row[] = {source, target, root, from, to};
    AppendRow(row, &params);
    groups[i].second->read.push_back({from, to});
  }
  sql +=
      ") SELECT i.source, i.target, i.root, i.id, i.first_day, i.last_day FROM k JOIN incidents i"
      " ON i.source = k.source AND i.target = k.target AND i.root = k.root"
      " AND i.first_day >= CAST(k.a AS BIGINT) AND i.first_day <= CAST(k.b AS BIGINT)";
  auto rows = db_->Query(sql, params);
  if (!rows.ok()) return rows.status();
  for (const SqlRow& r : *rows) {
    auto it = groups_.find(Key{r.Text(0), r.Text(1), r.Text(2)});
    if (it == groups_.end()) return Status::Internal("incidents: a prefetched incident of no group of the batch");
    it->second.incidents.push_back({r.Int(3), r.Int(4), r.Int(5), 0});
  }
  return Status::Ok();
}

Status IncidentCache::Load(const Key& key, int64_t from, int64_t to, Group* group) {
  // The parts of [from, to] outside every range read so far.
  std::sort(group->read.begin(), group->read.end());
  std::vector<std::pair<int64_t, int64_t>> missing;
  int64_t at = from;
  for (const auto& [a, b] : group->read) {
    if (b < at || a > to) continue;
    if (a > at) missing.push_back({at, a - 1});
    at = std::max(at, b + 1);
  }
  if (at <= to) missing.push_back({at, to});
  const auto& [source, target, root] = key;
  for (const auto& [a, b] : missing) {
    auto rows = db_->Query(
        "SELECT id, first_day, last_day FROM incidents WHERE source = ? AND target = ? AND root = ?"
        " AND first_day >= ? AND first_day <= ?",
        {source, target, root, a, b});
    if (!rows.ok()) return rows.status();
    for (const SqlRow& r : *rows) group->incidents.push_back({r.Int(0), r.Int(1), r.Int(2), 0});
    group->read.push_back({a, b});
  }
  return Status::Ok();
}

Result<IncidentChange> IncidentCache::Assign(const Event& e, int64_t day) {
  Key key{e.source, e.target, e.root};
  auto it = groups_.find(key);
  if (it == groups_.end()) {  // not announced by Expect(): read around this event alone
    it = groups_.emplace(key, Group{day, day, {}, {}}).first;
  }
  Group& g = it->second;
  const auto [from, to] = Reach(g, day);
  if (Status s = Load(it->first, from, to, &g); !s.ok()) return s;

  // The candidates the SQL rule read: first_day in [day - W - S, day + W],
  // last_day >= day - W, newest first_day first, then lowest id, at most 8.
  std::vector<Incident*> near;
  for (Incident& i : g.incidents) {
    if (i.first >= day - kW - kS && i.first <= day + kW && i.last >= day - kW) near.push_back(&i);
  }
  std::sort(near.begin(), near.end(), [](const Incident* a, const Incident* b) {
    return a->first != b->first ? a->first > b->first : IdOrder(a->id) < IdOrder(b->id);
  });
  if (near.size() > kCandidates) near.resize(kCandidates);
  for (Incident* i : near) {
    const int64_t first = std::min(i->first, day), last = std::max(i->last, day);
    if (last - first > kS) continue;  // joining would stretch it too far
    IncidentChange c;
    c.id = i->id;
    c.old_first = i->first;
    c.old_last = i->last;
    i->first = first;
    i->last = last;
    ++i->joined;
    return c;
  }
  const int64_t stand_in = -1 - static_cast<int64_t>(unwritten_.size());
  unwritten_.push_back({&it->first, g.incidents.size()});
  g.incidents.push_back({stand_in, day, day, 0});
  IncidentChange c;
  c.id = stand_in;
  c.created = true;
  return c;
}

void IncidentCache::AppendIncidentRow(const Key& key, const Incident& incident, int64_t mentions,
                                      std::vector<SqlValue>* rows) {
  const auto& [source, target, root] = key;
  SqlValue row[] = {incident.id, source, target, root, incident.first, incident.last, mentions};
  static_assert(std::size(row) == kIncidentColumns);
  AppendRow(row, rows);
}

Result<std::vector<int64_t>> IncidentCache::ReserveIds(size_t n) {
  std::vector<int64_t> ids;
  if (db_->dialect() == SqlDialect::kPostgres) {
    // nextval is what the BIGSERIAL default would have called for each row;
    // concurrent writers get other ids.
    auto rows = db_->Query("SELECT nextval(pg_get_serial_sequence('incidents', 'id')) FROM generate_series(1, ?)",
                           {static_cast<int64_t>(n)});
    if (!rows.ok()) return rows.status();
    for (const SqlRow& r : *rows) ids.push_back(r.Int(0));
    std::sort(ids.begin(), ids.end());
  } else {
    // SQLite gives a new row the largest id + 1; the batch holds the write lock.
    auto rows = db_->Query("SELECT COALESCE(MAX(id), 0) FROM incidents", {});
    if (!rows.ok()) return rows.status();
    for (size_t i = 1; i <= n; ++i) ids.push_back(rows->front().Int(0) + static_cast<int64_t>(i));
  }
  if (ids.size() != n) return Status::Internal("incidents: asked for " + std::to_string(n) + " ids, got " +
                                               std::to_string(ids.size()));
  return ids;
}

Status IncidentCache::WriteNew(std::vector<IncidentChange>* changes) {
  if (unwritten_.empty()) return Status::Ok();
  auto ids = ReserveIds(unwritten_.size());
  if (!ids.ok()) return ids.status();
  std::vector<SqlValue> rows;
  rows.reserve(unwritten_.size() * kIncidentColumns);
  for (size_t i = 0; i < unwritten_.size(); ++i) {
    const auto& [key, index] = unwritten_[i];
    Incident& incident = groups_.find(*key)->second.incidents[index];
    incident.id = (*ids)[i];
    AppendIncidentRow(*key, incident, 1, &rows);
  }
  for (IncidentChange& c : *changes) {
    if (c.id < 0) c.id = (*ids)[static_cast<size_t>(-1 - c.id)];
  }
  unwritten_.clear();
  // The span as it is now (later events of the story may have widened it);
  // mentions 1, the starting event's, as a one-by-one insert would have
  // written: the joins are added by Flush().
  return db_->InsertRows(kInsertIncidents, kIncidentColumns, std::move(rows));
}

Status IncidentCache::Flush() {
  struct Joined {
    const Incident* incident;
    const Key* key;
  };
  std::vector<Joined> joined;
  for (const auto& [key, g] : groups_) {
    for (const Incident& i : g.incidents) {
      if (i.joined > 0) joined.push_back({&i, &key});
    }
  }
  std::sort(joined.begin(), joined.end(),
            [](const Joined& a, const Joined& b) { return a.incident->id < b.incident->id; });
  // An upsert of rows that all exist: an UPDATE of many rows in one
  // statement that both back ends take (their UPDATE ... FROM differ).
  std::vector<SqlValue> rows;
  rows.reserve(joined.size() * kIncidentColumns);
  for (const auto& [i, key] : joined) AppendIncidentRow(*key, *i, i->joined, &rows);
  return db_->InsertRows(kInsertIncidents, kIncidentColumns, std::move(rows),
                         " ON CONFLICT (id) DO UPDATE SET first_day = excluded.first_day,"
                         " last_day = excluded.last_day, mentions = incidents.mentions + excluded.mentions");
}

}  // namespace faultline
