// Aggregates over events: a dyad's timeline, the top dyads, the most active
// actors. Each is one or two GROUP BY queries; bucketing days into weeks is
// done here rather than in SQL so both dialects share the code.
#include <algorithm>
#include <map>
#include <set>

#include "store/event_store.h"
#include "store/filter_sql.h"

namespace faultline {
namespace {

// Monday of the week holding `day` (1970-01-01 was a Thursday).
int64_t WeekStart(int64_t day) {
  int64_t since_monday = ((day + 3) % 7 + 7) % 7;
  return day - since_monday;
}

int64_t Bucket(int64_t day, Interval interval) { return interval == Interval::kWeek ? WeekStart(day) : day; }

constexpr const char* kQuadSums =
    ", SUM(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN e.quad_class = 2 THEN 1 ELSE 0 END)"
    ", SUM(CASE WHEN e.quad_class = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END)";

}  // namespace

Result<std::vector<TimelinePoint>> EventStore::Timeline(const EventFilter& filter, Interval interval) {
  auto where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  const std::string from = EventsFrom(*where);
  auto per_day = db_->Query("SELECT e.day, COUNT(*), " + std::string(kGoldsteinSumSql) + kQuadSums + from +
                                where->sql + " GROUP BY e.day ORDER BY e.day",
                            where->params);
  if (!per_day.ok()) return per_day.status();
  // Incidents are counted once per period even when they span two days.
  auto incidents = db_->Query("SELECT DISTINCT e.day, e.incident_id" + from + where->sql, where->params);
  if (!incidents.ok()) return incidents.status();

  std::map<int64_t, TimelinePoint> points;
  for (const SqlRow& r : *per_day) {
    TimelinePoint& p = points[Bucket(r.Int(0), interval)];
    p.events += r.Int(1);
    p.goldstein_sum += r.Real(2);  // hundredths until the output loop
    for (int q = 1; q <= 4; ++q) p.quad[q] += r.Int(2 + q);
  }
  std::map<int64_t, std::set<int64_t>> incident_sets;
  for (const SqlRow& r : *incidents) incident_sets[Bucket(r.Int(0), interval)].insert(r.Int(1));

  std::vector<TimelinePoint> out;
  if (points.empty()) return out;
  const int64_t step = interval == Interval::kWeek ? 7 : 1;
  // Empty periods between the first and the last event are listed so that a
  // chart's x axis is continuous (at most ~30 years of days).
  const int64_t first = points.begin()->first, last = points.rbegin()->first;
  if ((last - first) / step > 12000) return Status::Invalid("timeline spans too many periods; narrow the dates");
  for (int64_t t = first; t <= last; t += step) {
    TimelinePoint p;
    if (auto it = points.find(t); it != points.end()) p = it->second;
    p.start = IsoDay(t);
    p.incidents = static_cast<int64_t>(incident_sets[t].size());
    p.goldstein_sum /= kGoldsteinScale;
    p.goldstein_mean = p.events ? p.goldstein_sum / static_cast<double>(p.events) : 0;
    out.push_back(p);
  }
  return out;
}

Result<std::vector<DyadCount>> EventStore::TopDyads(const EventFilter& filter) {
  auto where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  std::string sql = "SELECT e.source, e.target, COUNT(*), COUNT(DISTINCT e.incident_id), " +
                    std::string(kGoldsteinSumSql) + kQuadSums + EventsFrom(*where) + where->sql +
                    (where->sql.empty() ? " WHERE" : " AND") +
                    " e.target <> '' GROUP BY e.source, e.target ORDER BY 3 DESC, 4 DESC, 1, 2 LIMIT ? OFFSET ?";
  std::vector<SqlValue> params = where->params;
  params.emplace_back(SqlCount(filter.limit));
  params.emplace_back(SqlCount(filter.offset));
  auto rows = db_->Query(sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<DyadCount> out;
  for (const SqlRow& r : *rows) {
    DyadCount d;
    d.source = r.Text(0);
    d.target = r.Text(1);
    d.events = r.Int(2);
    d.incidents = r.Int(3);
    d.goldstein_mean = d.events ? r.Real(4) / kGoldsteinScale / static_cast<double>(d.events) : 0;
    for (int q = 1; q <= 4; ++q) d.quad[q] = r.Int(4 + q);
    out.push_back(d);
  }
  return out;
}

Result<std::vector<ActorCount>> EventStore::Actors(const EventFilter& filter) {
  auto where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  // One row per (actor, role): events in which the actor is the source, then
  // the target; an event counts once per actor even if both sides are equal.
  const std::string from = EventsFrom(*where);
  const std::string and_target = where->sql.empty() ? " WHERE e.target <> ''" : " AND e.target <> ''";
  // `self_pair` marks the target row of an event whose target is its source, so
  // that SUM(s) + SUM(t) - SUM(self_pair) counts that event once.
  std::string sql = "SELECT actor, SUM(s), SUM(t), COUNT(DISTINCT incident_id), SUM(s) + SUM(t) - SUM(self_pair) FROM ("
                    "SELECT e.source AS actor, 1 AS s, 0 AS t, 0 AS self_pair, e.incident_id AS incident_id" +
                    from + where->sql +
                    " UNION ALL SELECT e.target AS actor, 0 AS s, 1 AS t,"
                    " CASE WHEN e.target = e.source THEN 1 ELSE 0 END AS self_pair, e.incident_id AS incident_id" +
                    from + where->sql + and_target +
                    ") roles GROUP BY actor ORDER BY 5 DESC, actor LIMIT ? OFFSET ?";
  std::vector<SqlValue> params = where->params;
  params.insert(params.end(), where->params.begin(), where->params.end());
  params.emplace_back(SqlCount(filter.limit));
  params.emplace_back(SqlCount(filter.offset));
  auto rows = db_->Query(sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<ActorCount> out;
  for (const SqlRow& r : *rows) {
    ActorCount a;
    a.actor = r.Text(0);
    a.as_source = r.Int(1);
    a.as_target = r.Int(2);
    a.events = r.Int(4);
    a.incidents = r.Int(3);
    out.push_back(a);
  }
  return out;
}

}  // namespace faultline
