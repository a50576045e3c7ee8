// Aggregates over events: a dyad's timeline, the top dyads, the most active
// actors. Each is one or two GROUP BY queries; bucketing days into weeks is
// done here rather than in SQL so both dialects share the code.
//
// Timelines and top dyads filtered by nothing but a dyad and dates read the
// dyad_days rollup (one row per directed dyad and day, kept in the same
// transaction as the events): on 10 million events the busiest dyad's
// ten-year timeline reads ~7,000 rollup rows instead of 135,000 events.
// Incidents are counted exactly from two columns of it: an incident grows
// one day at a time (an event joins only within one day of its span), so it
// has events on every day of its span, and the incidents with an event in
// the days [a, b] are those active on day a (`active`) plus those whose
// first day lies in (a, b] (`starts`).
#include <algorithm>
#include <climits>
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

// The filters the rollup can answer: a dyad (either direction or directed)
// and a date range, nothing about the events themselves.
bool RollupServes(const EventFilter& f) {
  return f.actor.empty() && f.source.empty() && f.target.empty() && f.code.empty() && f.root.empty() &&
         f.quad_class == 0 && f.status.empty() && f.doc_id.empty() && f.incident == 0;
}

// Per-period totals -> the timeline, with the empty periods between the
// first and the last event listed so that a chart's x axis is continuous.
Result<std::vector<TimelinePoint>> ContinuousTimeline(std::map<int64_t, TimelinePoint>& points,
                                                      std::map<int64_t, int64_t>& incidents, Interval interval) {
  std::vector<TimelinePoint> out;
  if (points.empty()) return out;
  const int64_t step = interval == Interval::kWeek ? 7 : 1;
  const int64_t first = points.begin()->first, last = points.rbegin()->first;
  if ((last - first) / step > 12000) return Status::Invalid("timeline spans too many periods; narrow the dates");
  for (int64_t t = first; t <= last; t += step) {
    TimelinePoint p;
    if (auto it = points.find(t); it != points.end()) p = it->second;
    p.start = IsoDay(t);
    p.incidents = incidents[t];
    p.goldstein_sum /= kGoldsteinScale;
    p.goldstein_mean = p.events ? p.goldstein_sum / static_cast<double>(p.events) : 0;
    out.push_back(p);
  }
  return out;
}

constexpr const char* kQuadSums =
    ", SUM(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN e.quad_class = 2 THEN 1 ELSE 0 END)"
    ", SUM(CASE WHEN e.quad_class = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END)";

// A row (day, events, Goldstein hundredths, q1..q4) of either timeline
// query, added to its period (the sum stays in hundredths until
// ContinuousTimeline).
void AddDayTotals(const SqlRow& r, TimelinePoint* p) {
  p->events += r.Int(1);
  p->goldstein_sum += r.Real(2);
  for (int q = 1; q <= 4; ++q) p->quad[q] += r.Int(2 + q);
}

// Rows (source, target, events, incidents, Goldstein hundredths, q1..q4) of
// either top-dyads query.
std::vector<DyadCount> DyadCounts(const std::vector<SqlRow>& rows) {
  std::vector<DyadCount> out;
  for (const SqlRow& r : rows) {
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

}  // namespace

Result<std::vector<TimelinePoint>> EventStore::Timeline(const EventFilter& filter, Interval interval) {
  if (use_rollups_ && RollupServes(filter)) return TimelineFromRollup(filter, interval);
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
    AddDayTotals(r, &points[Bucket(r.Int(0), interval)]);
  }
  std::map<int64_t, std::set<int64_t>> incident_sets;
  for (const SqlRow& r : *incidents) incident_sets[Bucket(r.Int(0), interval)].insert(r.Int(1));
  std::map<int64_t, int64_t> incident_counts;
  for (const auto& [t, ids] : incident_sets) incident_counts[t] = static_cast<int64_t>(ids.size());
  return ContinuousTimeline(points, incident_counts, interval);
}

Result<std::vector<TimelinePoint>> EventStore::TimelineFromRollup(const EventFilter& filter, Interval interval) {
  auto where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  auto per_day = db_->Query(
      "SELECT e.day, SUM(e.events), SUM(e.goldstein), SUM(e.q1), SUM(e.q2), SUM(e.q3), SUM(e.q4), SUM(e.starts),"
      " SUM(e.active) FROM dyad_days e" +
          where->sql + " GROUP BY e.day ORDER BY e.day",
      where->params);
  if (!per_day.ok()) return per_day.status();
  const int64_t from = filter.from.empty() ? INT64_MIN : *DayNumber(filter.from);  // BuildWhere checked it
  std::map<int64_t, TimelinePoint> points;
  std::map<int64_t, int64_t> incidents;
  for (const SqlRow& r : *per_day) {
    const int64_t day = r.Int(0), bucket = Bucket(day, interval);
    AddDayTotals(r, &points[bucket]);
    // The period's first day within the dates: incidents active then; on
    // later days, the incidents that start there.
    incidents[bucket] += day == std::max(bucket, from) ? r.Int(8) : r.Int(7);
  }
  return ContinuousTimeline(points, incidents, interval);
}

Result<std::vector<DyadCount>> EventStore::TopDyads(const EventFilter& filter) {
  if (use_rollups_ && RollupServes(filter)) return TopDyadsFromRollup(filter);
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
  return DyadCounts(*rows);
}

Result<std::vector<DyadCount>> EventStore::TopDyadsFromRollup(const EventFilter& filter) {
  auto where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  // Incidents over [from, to]: active on `from`, or starting after it (with
  // no `from`, every start up to `to`).
  // (INT32_MIN: no day, and still a PostgreSQL integer.)
  const int64_t from = filter.from.empty() ? INT32_MIN : *DayNumber(filter.from);
  std::vector<SqlValue> params{from};
  params.insert(params.end(), where->params.begin(), where->params.end());
  params.emplace_back(SqlCount(filter.limit));
  params.emplace_back(SqlCount(filter.offset));
  auto rows = db_->Query(
      "SELECT e.source, e.target, SUM(e.events), SUM(CASE WHEN e.day = ? THEN e.active ELSE e.starts END),"
      " SUM(e.goldstein), SUM(e.q1), SUM(e.q2), SUM(e.q3), SUM(e.q4) FROM dyad_days e" +
          where->sql + (where->sql.empty() ? " WHERE" : " AND") +
          " e.target <> '' GROUP BY e.source, e.target ORDER BY 3 DESC, 4 DESC, 1, 2 LIMIT ? OFFSET ?",
      params);
  if (!rows.ok()) return rows.status();
  return DyadCounts(*rows);
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
