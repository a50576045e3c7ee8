// Aggregates over events: a dyad's timeline, the top dyads, the most active
// actors. Each is one or two GROUP BY queries; bucketing days into weeks is
// done here rather than in SQL so both dialects share the code.
//
// Timelines and top dyads filtered by nothing but a dyad and dates read the
// dyad_days rollup (one row per directed dyad and day, kept in the same
// transaction as the events) and count incidents from the incidents table:
// on 10 million events the busiest dyad's ten-year timeline reads ~7,000
// rollup rows instead of 135,000 events. Incidents are counted exactly: an
// incident grows one day at a time (an event joins only within one day of
// its span), so it has events on every day of its span, and "an incident
// with an event in this period" is "an incident whose span meets it".
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

// " WHERE <the filter's dyad> AND the span meets [from, to]" over
// `incidents e`. The first_day >= from - max span bound lets the
// incidents_day index do the work.
Result<SqlWhere> IncidentsMeeting(const EventFilter& filter) {
  EventFilter pair = filter;
  pair.from.clear();
  pair.to.clear();
  auto where = BuildWhere(pair);
  if (!where.ok()) return where.status();
  auto add = [&](const char* sql, int64_t v) {
    where->sql += where->sql.empty() ? " WHERE " : " AND ";
    where->sql += sql;
    where->params.emplace_back(v);
  };
  if (!filter.from.empty()) {
    const int64_t from = *DayNumber(filter.from);  // BuildWhere checked it
    add("e.first_day >= ?", from - kIncidentMaxSpanDays);
    add("e.last_day >= ?", from);
  }
  if (!filter.to.empty()) add("e.first_day <= ?", *DayNumber(filter.to));
  return where;
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

// Sorted as TopDyads documents (events, incidents, then the codes), paged.
std::vector<DyadCount> RankDyads(std::vector<DyadCount> dyads, const EventFilter& filter) {
  std::sort(dyads.begin(), dyads.end(), [](const DyadCount& a, const DyadCount& b) {
    if (a.events != b.events) return a.events > b.events;
    if (a.incidents != b.incidents) return a.incidents > b.incidents;
    if (a.source != b.source) return a.source < b.source;  // byte order, as COLLATE "C"
    return a.target < b.target;
  });
  const size_t begin = std::min(filter.offset, dyads.size());
  const size_t end = begin + std::min(filter.limit, dyads.size() - begin);
  return std::vector<DyadCount>(dyads.begin() + begin, dyads.begin() + end);
}

constexpr const char* kQuadSums =
    ", SUM(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN e.quad_class = 2 THEN 1 ELSE 0 END)"
    ", SUM(CASE WHEN e.quad_class = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END)";

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
    TimelinePoint& p = points[Bucket(r.Int(0), interval)];
    p.events += r.Int(1);
    p.goldstein_sum += r.Real(2);  // hundredths until the output loop
    for (int q = 1; q <= 4; ++q) p.quad[q] += r.Int(2 + q);
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
      "SELECT e.day, SUM(e.events), SUM(e.goldstein), SUM(e.q1), SUM(e.q2), SUM(e.q3), SUM(e.q4) FROM dyad_days e" +
          where->sql + " GROUP BY e.day ORDER BY e.day",
      where->params);
  if (!per_day.ok()) return per_day.status();
  auto meeting = IncidentsMeeting(filter);
  if (!meeting.ok()) return meeting.status();
  auto spans = db_->Query("SELECT e.first_day, e.last_day FROM incidents e" + meeting->sql, meeting->params);
  if (!spans.ok()) return spans.status();

  std::map<int64_t, TimelinePoint> points;
  for (const SqlRow& r : *per_day) {
    TimelinePoint& p = points[Bucket(r.Int(0), interval)];
    p.events += r.Int(1);
    p.goldstein_sum += r.Real(2);  // hundredths until ContinuousTimeline
    for (int q = 1; q <= 4; ++q) p.quad[q] += r.Int(2 + q);
  }
  const int64_t from = filter.from.empty() ? INT64_MIN : *DayNumber(filter.from);
  const int64_t to = filter.to.empty() ? INT64_MAX : *DayNumber(filter.to);
  std::map<int64_t, int64_t> incidents;
  for (const SqlRow& r : *spans) {
    // Each period the span meets (within the dates) counts the incident once.
    const int64_t lo = std::max(r.Int(0), from), hi = std::min(r.Int(1), to);
    int64_t last_bucket = INT64_MIN;
    for (int64_t day = lo; day <= hi; ++day) {
      const int64_t b = Bucket(day, interval);
      if (b != last_bucket) ++incidents[b];
      last_bucket = b;
    }
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

Result<std::vector<DyadCount>> EventStore::TopDyadsFromRollup(const EventFilter& filter) {
  auto where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  const char* and_target = where->sql.empty() ? " WHERE e.target <> ''" : " AND e.target <> ''";
  auto totals = db_->Query(
      "SELECT e.source, e.target, SUM(e.events), SUM(e.goldstein), SUM(e.q1), SUM(e.q2), SUM(e.q3), SUM(e.q4)"
      " FROM dyad_days e" + where->sql + and_target + " GROUP BY e.source, e.target",
      where->params);
  if (!totals.ok()) return totals.status();
  auto meeting = IncidentsMeeting(filter);
  if (!meeting.ok()) return meeting.status();
  auto incidents = db_->Query("SELECT e.source, e.target, COUNT(*) FROM incidents e" + meeting->sql +
                                  (meeting->sql.empty() ? " WHERE e.target <> ''" : " AND e.target <> ''") +
                                  " GROUP BY e.source, e.target",
                              meeting->params);
  if (!incidents.ok()) return incidents.status();

  std::map<std::pair<std::string, std::string>, DyadCount> by_dyad;
  for (const SqlRow& r : *totals) {
    DyadCount& d = by_dyad[{r.Text(0), r.Text(1)}];
    d.source = r.Text(0);
    d.target = r.Text(1);
    d.events = r.Int(2);
    d.goldstein_mean = d.events ? r.Real(3) / kGoldsteinScale / static_cast<double>(d.events) : 0;
    for (int q = 1; q <= 4; ++q) d.quad[q] = r.Int(3 + q);
  }
  for (const SqlRow& r : *incidents) {
    auto it = by_dyad.find({r.Text(0), r.Text(1)});
    if (it != by_dyad.end()) it->second.incidents = r.Int(2);
  }
  std::vector<DyadCount> all;
  all.reserve(by_dyad.size());
  for (auto& [key, d] : by_dyad) all.push_back(std::move(d));
  return RankDyads(std::move(all), filter);
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
