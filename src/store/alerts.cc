// The escalation signal (doc/store.md): for each directed dyad and week, the
// change of the mean Goldstein weight and of the material-conflict share
// against the dyad's own pooled baseline of the weeks before.
#include <algorithm>
#include <map>
#include <tuple>

#include "store/event_store.h"
#include "store/filter_sql.h"

namespace faultline {
namespace {

int64_t WeekOf(int64_t day) { return day - (((day + 3) % 7 + 7) % 7); }

struct WeekStats {
  int64_t events = 0, conflict = 0;
  double goldstein = 0;  // in hundredths (kGoldsteinSumSql)
  void Add(const WeekStats& o) {
    events += o.events;
    conflict += o.conflict;
    goldstein += o.goldstein;
  }
  double Mean() const { return events ? goldstein / kGoldsteinScale / static_cast<double>(events) : 0; }
  double ConflictShare() const { return events ? static_cast<double>(conflict) / static_cast<double>(events) : 0; }
};

}  // namespace

Result<std::vector<Alert>> EventStore::Alerts(const AlertOptions& o) {
  if (o.baseline_weeks < 1 || o.baseline_weeks > 520) return Status::Invalid("baseline weeks must be 1..520");
  if (o.min_events < 1) return Status::Invalid("min events must be at least 1");
  int64_t first_week, last_week;
  if (o.to.empty()) {
    auto last = db_->Query("SELECT MAX(day) FROM events");
    if (!last.ok()) return last.status();
    if (last->front().IsNull(0)) return std::vector<Alert>();
    last_week = WeekOf(last->front().Int(0));
  } else {
    auto d = DayNumber(o.to);
    if (!d || o.to.size() != 10) return Status::Invalid("to: '" + o.to + "' is not a date (YYYY-MM-DD)");
    last_week = WeekOf(*d);
  }
  if (o.from.empty()) {
    first_week = last_week;
  } else {
    auto d = DayNumber(o.from);
    if (!d || o.from.size() != 10) return Status::Invalid("from: '" + o.from + "' is not a date (YYYY-MM-DD)");
    first_week = WeekOf(*d + 6);  // weeks whose Monday is on or after `from`
  }
  if (first_week > last_week) return std::vector<Alert>();
  if ((last_week - first_week) / 7 > 520) return Status::Invalid("alerts cover at most 520 weeks at once");

  EventFilter filter;
  filter.actor = o.actor;
  filter.from = IsoDay(first_week - 7 * static_cast<int64_t>(o.baseline_weeks));
  filter.to = IsoDay(last_week + 6);
  auto where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  auto rows = db_->Query(
      "SELECT e.source, e.target, e.day, COUNT(*), " + std::string(kGoldsteinSumSql) +
          ", SUM(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END)" +
          EventsFrom(*where) + where->sql + " AND e.target <> '' GROUP BY e.source, e.target, e.day",
      where->params);
  if (!rows.ok()) return rows.status();

  std::map<std::pair<std::string, std::string>, std::map<int64_t, WeekStats>> dyads;
  for (const SqlRow& r : *rows) {
    WeekStats& w = dyads[{r.Text(0), r.Text(1)}][WeekOf(r.Int(2))];
    w.events += r.Int(3);
    w.goldstein += r.Real(4);
    w.conflict += r.Int(5);
  }
  std::vector<Alert> out;
  for (const auto& [dyad, weeks] : dyads) {
    for (int64_t week = first_week; week <= last_week; week += 7) {
      auto it = weeks.find(week);
      if (it == weeks.end() || it->second.events < o.min_events) continue;
      WeekStats base;
      for (auto b = weeks.lower_bound(week - 7 * static_cast<int64_t>(o.baseline_weeks)); b != it; ++b) {
        base.Add(b->second);
      }
      if (base.events < o.min_events) continue;
      const WeekStats& now = it->second;
      Alert a;
      a.source = dyad.first;
      a.target = dyad.second;
      a.week = IsoDay(week);
      a.events = now.events;
      a.baseline_events = base.events;
      a.goldstein_mean = now.Mean();
      a.baseline_goldstein_mean = base.Mean();
      a.conflict_share = now.ConflictShare();
      a.baseline_conflict_share = base.ConflictShare();
      a.score = -(a.goldstein_mean - a.baseline_goldstein_mean) / 10.0 +
                (a.conflict_share - a.baseline_conflict_share);
      if (a.score >= o.threshold) out.push_back(std::move(a));
    }
  }
  std::sort(out.begin(), out.end(), [](const Alert& x, const Alert& y) {
    if (x.score != y.score) return x.score > y.score;  // strongest first
    return std::tie(x.week, x.source, x.target) < std::tie(y.week, y.source, y.target);
  });
  if (out.size() > o.limit) out.resize(o.limit);
  return out;
}

}  // namespace faultline
