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

}  // namespace

void IncidentCache::Expect(const Event& e, int64_t day) {
  auto [it, fresh] = groups_.try_emplace(Key{e.source, e.target, e.root});
  Group& g = it->second;
  g.min_day = fresh ? day : std::min(g.min_day, day);
  g.max_day = fresh ? day : std::max(g.max_day, day);
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
  const bool whole = g.max_day - g.min_day <= kWholeRangeDays;
  const int64_t from = (whole ? g.min_day : day) - kW - kS, to = (whole ? g.max_day : day) + kW;
  if (Status s = Load(key, from, to, &g); !s.ok()) return s;

  // The candidates the SQL rule read: first_day in [day - W - S, day + W],
  // last_day >= day - W, newest first_day first, then lowest id, at most 8.
  std::vector<Incident*> near;
  for (Incident& i : g.incidents) {
    if (i.first >= day - kW - kS && i.first <= day + kW && i.last >= day - kW) near.push_back(&i);
  }
  std::sort(near.begin(), near.end(), [](const Incident* a, const Incident* b) {
    return a->first != b->first ? a->first > b->first : a->id < b->id;
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
  auto id = db_->InsertReturningId(
      "INSERT INTO incidents (source, target, root, first_day, last_day, mentions) VALUES (?, ?, ?, ?, ?, 1)",
      {e.source, e.target, e.root, day, day});
  if (!id.ok()) return id.status();
  if (!*id) return Status::Internal("incidents: an insert stored no row");
  g.incidents.push_back({**id, day, day, 0});
  IncidentChange c;
  c.id = **id;
  c.created = true;
  return c;
}

Status IncidentCache::Flush() {
  std::vector<const Incident*> joined;
  for (const auto& [key, g] : groups_) {
    for (const Incident& i : g.incidents) {
      if (i.joined > 0) joined.push_back(&i);
    }
  }
  std::sort(joined.begin(), joined.end(), [](const Incident* a, const Incident* b) { return a->id < b->id; });
  for (const Incident* i : joined) {
    auto up = db_->Query("UPDATE incidents SET first_day = ?, last_day = ?, mentions = mentions + ? WHERE id = ?",
                         {i->first, i->last, i->joined, i->id});
    if (!up.ok()) return up.status();
  }
  return Status::Ok();
}

}  // namespace faultline
