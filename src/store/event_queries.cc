// Reading events back: lists with filters (each read by the plan that suits
// it: PagePlanner below), one event with its evidence, and the store's totals.
#include <algorithm>
#include <limits>
#include <map>
#include <optional>
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

constexpr const char* kNewestFirst = " ORDER BY e.day DESC, e.id DESC";
constexpr const char* kWalkIndex = "events_day";
constexpr const char* kEventsJoin = " FROM events e JOIN documents d ON d.id = e.document_id";
// A path through more stored pairs, or stored actors with a code, than this
// is not offered: one statement per branch (SQLite allows 500 in a UNION
// ALL), and with many branches the plain ranges are as good.
constexpr size_t kMaxStoredBranches = 64;

// One statement per branch of a seek path: branch k takes the rows of its
// range that no earlier branch took, so an event in two ranges (RUS>RUSMIL
// for the actor RUS) is read once.
struct BranchSql {
  std::string sql;  // "<columns> FROM events e ... WHERE ..."
  std::vector<SqlValue> params;
};

// Chooses how Events() and CountEvents() read a filter (EventsPlan in
// event_store.h) and writes the SQL for it. Sizes come from events_by_value
// and events_by_day: how many index entries a seek path visits, how many
// events the filter's date range holds, what share of all events each
// criterion takes. SQLite is told which index to use (INDEXED BY);
// PostgreSQL gets the same statements without that.
class PagePlanner {
 public:
  PagePlanner(SqlConnection* db, const EventFilter& filter, const SqlWhere& where)
      : db_(db), filter_(filter), where_(where), paths_(SeekPaths(filter)) {}

  std::string From(const char* index) const {
    std::string from = " FROM events e";
    if (db_->dialect() == SqlDialect::kSqlite) from += std::string(" INDEXED BY ") + index;
    return from;
  }

  // Document and incident filters: their own indexes are small, the
  // database's planner finds them.
  bool ForPlanner() const { return !filter_.doc_id.empty() || filter_.incident != 0; }
  bool HasPaths() const { return !paths_.empty(); }

  // The path visiting the fewest index entries (the filter must have one).
  Result<const SeekPath*> Narrowest(int64_t* entries) {
    if (Status s = SizePaths(); !s.ok()) return s;
    size_t best = 0;
    for (size_t i = 1; i < paths_.size(); ++i) {
      if (entries_[i] < entries_[best]) best = i;
    }
    *entries = entries_[best];
    return &paths_[best];
  }

  // A guess at the share of all events the filter takes: each criterion's
  // share (a dyad's events, else its narrowest path's entries, a quad
  // class's or a status's events, over all events), multiplied as if they
  // were independent — except a code and a quad class, which are not (a
  // code has one quad class), counted together, and a source and a target,
  // counted by their stored pairs. Dates do not count: a walk keeps to them.
  // The counts are exact, so a share of 0 means that no event matches.
  // Each criterion's share is kept for shares().
  Result<double> Share() {
    if (Status s = SizePaths(); !s.ok()) return s;
    auto all = Sum("SELECT SUM(events) FROM events_by_value WHERE col = 'quad_class'", {});
    if (!all.ok()) return all.status();
    if (*all == 0) return 0.0;
    const std::string quad = filter_.quad_class ? std::to_string(filter_.quad_class) : "";
    if (no_pairs_) return 0.0;
    std::map<Criterion, int64_t> events;  // criterion -> its narrowest path's entries
    for (size_t i = 0; i < paths_.size(); ++i) {
      // A dyad's share is its pairs' events, below; an actor's codes are
      // an estimate from the actor's and the code's own paths.
      if (paths_[i].kind != SeekPath::Kind::kRanges) continue;
      int64_t n = entries_[i];
      if (paths_[i].criterion == Criterion::kDyad) n = pair_events_;
      if (paths_[i].criterion == Criterion::kCode && !quad.empty()) {
        const SeekBranch& code = paths_[i].branches.front();
        auto both = Sum("SELECT SUM(events) FROM events_by_value WHERE col = 'quad_code' AND value >= ? AND value < ?",
                        {quad + ":" + code.lo, quad + ":" + code.hi});
        if (!both.ok()) return both.status();
        n = *both;
        events[Criterion::kQuad] = n;
      }
      auto [at, added] = events.emplace(paths_[i].criterion, n);
      if (!added) at->second = std::min(at->second, n);
    }
    if (filter_.dyad_a.empty() && events.count(Criterion::kSource) && events.count(Criterion::kTarget)) {
      // A source and a target: their stored pairs' events, not a product
      // (a busy pair is far busier than its sides' shares multiplied).
      events[Criterion::kSource] = pair_events_;
      events.erase(Criterion::kTarget);
    }
    const std::pair<Criterion, std::string> values[] = {{Criterion::kQuad, quad}, {Criterion::kStatus, filter_.status}};
    for (const auto& [criterion, value] : values) {
      if (value.empty() || events.count(criterion)) continue;
      auto n = Sum("SELECT SUM(events) FROM events_by_value WHERE col = ? AND value = ?",
                   {std::string(criterion == Criterion::kQuad ? "quad_class" : "status"), value});
      if (!n.ok()) return n.status();
      events[criterion] = *n;
    }
    double share = 1;
    for (const auto& [criterion, n] : events) {
      shares_[criterion] = std::min(1.0, static_cast<double>(n) / *all);
      if (criterion == Criterion::kQuad && events.count(Criterion::kCode)) continue;
      share *= shares_[criterion];
    }
    return share;
  }
  // The share of all events each criterion takes (after Share()).
  const std::map<Criterion, double>& shares() const { return shares_; }

  // Events in the filter's date range: what a full walk visits.
  Result<int64_t> InRange() {
    return Sum("SELECT SUM(events) FROM events_by_day WHERE day >= ? AND day <= ?", DayBounds());
  }

  // The latest day d such that the range's days from d on hold at least n
  // events; nullopt when the whole range holds fewer.
  Result<std::optional<int64_t>> NewestDays(int64_t n) {
    std::vector<SqlValue> bounds = DayBounds();
    for (int64_t seen = 0;;) {
      std::vector<SqlValue> params = bounds;
      params.emplace_back(int64_t{256});
      auto rows = db_->Query(
          "SELECT day, events FROM events_by_day WHERE day >= ? AND day <= ? ORDER BY day DESC LIMIT ?", params);
      if (!rows.ok()) return rows.status();
      for (const SqlRow& r : *rows) {
        if ((seen += r.Int(1)) >= n) return std::optional<int64_t>(r.Int(0));
      }
      if (rows->size() < 256) return std::optional<int64_t>();
      bounds[1] = rows->back().Int(0) - 1;
    }
  }

  // A page of the filter's events (newest first; the id breaks ties so that
  // paging is stable) by one of the plans: the planner's; the walk, along
  // events_day newest first until the page is full; the seek, through every
  // entry of `path`'s ranges. The walk and the seek pick the page's ids from
  // an index alone, then read those rows. `where` is the filter's, or, for a
  // walk of its newest days only, that of those.
  //
  // With `matches`, a seek also counts every match it reads (COUNT(*) OVER
  // () before the LIMIT: the seek reads them all anyway) into *matches; it
  // stays -1 when nothing counted them (another plan, or a page past the end).
  Result<std::vector<StoredEvent>> Page(EventsPlan::Mode mode, const SqlWhere& where, const SeekPath* path,
                                        int64_t* matches = nullptr) {
    const bool count = matches && mode == EventsPlan::Mode::kSeek;
    std::string sql = std::string(kEventColumns) + kEventsJoin;
    std::vector<SqlValue> params;
    if (mode == EventsPlan::Mode::kPlanner) {
      sql += where.sql + kNewestFirst + " LIMIT ? OFFSET ?";
      params = where.params;
    } else if (mode == EventsPlan::Mode::kWalk) {
      sql += " WHERE e.id IN (SELECT e.id" + From(kWalkIndex) + where.sql + kNewestFirst + " LIMIT ? OFFSET ?)" +
             kNewestFirst;
      params = where.params;
    } else {
      std::string ids = std::string("SELECT p.id") + (count ? ", COUNT(*) OVER () AS n" : "") + " FROM (";
      std::vector<BranchSql> branches = Branches(*path, "SELECT e.id, e.day");
      for (size_t k = 0; k < branches.size(); ++k) {
        ids += (k ? " UNION ALL " : "") + branches[k].sql;
        params.insert(params.end(), branches[k].params.begin(), branches[k].params.end());
      }
      ids += ") p ORDER BY p.day DESC, p.id DESC LIMIT ? OFFSET ?";
      sql = count ? std::string(kEventColumns) + ", q.n FROM (" + ids +
                        ") q JOIN events e ON e.id = q.id JOIN documents d ON d.id = e.document_id" + kNewestFirst
                  : sql + " WHERE e.id IN (" + ids + ")" + kNewestFirst;
    }
    params.emplace_back(SqlCount(filter_.limit));
    params.emplace_back(SqlCount(filter_.offset));
    auto rows = db_->Query(sql, params);
    if (!rows.ok()) return rows.status();
    std::vector<StoredEvent> out;
    out.reserve(rows->size());
    for (const SqlRow& r : *rows) out.push_back(ReadEvent(r));
    if (count && !rows->empty()) *matches = rows->front().Int(kEventColumnCount);
    return out;
  }

  std::vector<BranchSql> Branches(const SeekPath& path, const char* columns) const {
    const std::vector<SeekBranch>& ranges = path.branches;
    std::vector<BranchSql> out;
    for (size_t k = 0; k < ranges.size(); ++k) {
      BranchSql b{std::string(columns) + From(ranges[k].index) + where_.sql + " AND " + ranges[k].Sql(),
                  where_.params};
      for (SqlValue& v : ranges[k].Params()) b.params.push_back(std::move(v));
      for (size_t j = 0; j < k && path.kind == SeekPath::Kind::kRanges; ++j) {
        b.sql += " AND NOT " + ranges[j].Sql();
        for (SqlValue& v : ranges[j].Params()) b.params.push_back(std::move(v));
      }
      out.push_back(std::move(b));
    }
    return out;
  }

  static std::string Describe(const SeekPath& path) {
    std::string out = "seek ";
    for (const SeekBranch& b : path.branches) {
      if (out.find(b.index) == std::string::npos) out += std::string(out.size() > 5 ? "+" : "") + b.index;
    }
    return path.kind == SeekPath::Kind::kPairs ? out + " pairs" : out;
  }

 private:
  Result<int64_t> Sum(const std::string& sql, const std::vector<SqlValue>& params) {
    auto rows = db_->Query(sql, params);
    if (!rows.ok()) return rows.status();
    return rows->front().Int(0);  // SUM of no rows is NULL, read as 0
  }

  // The stored directed pairs ("RUSMIL>UKR" in events_by_value) whose
  // source has the prefix a and target the prefix b (or, undirected, the
  // other way round too), with their events.
  Result<std::map<std::pair<std::string, std::string>, int64_t>> Pairs(const std::string& a, const std::string& b,
                                                                        bool directed) {
    std::map<std::pair<std::string, std::string>, int64_t> pairs;
    for (int side = 0; side < (directed ? 1 : 2); ++side) {
      const std::string& from = side ? b : a;
      const std::string& to = side ? a : b;
      std::string hi = from;
      hi.back() = static_cast<char>(hi.back() + 1);
      auto rows = db_->Query("SELECT value, events FROM events_by_value WHERE col = 'dyad' AND value >= ? AND value < ?",
                             {from, hi});
      if (!rows.ok()) return rows.status();
      for (const SqlRow& r : *rows) {
        const std::string value = r.Text(0);
        const size_t gt = value.find('>');
        if (gt != std::string::npos && value.compare(gt + 1, to.size(), to) == 0 && r.Int(1) > 0) {
          pairs[{value.substr(0, gt), value.substr(gt + 1)}] = r.Int(1);
        }
      }
    }
    return pairs;
  }

  // entries_[i]: the index entries paths_[i] visits (its values' events).
  // A filter naming both sides of a pair (a dyad, or a source and a target)
  // also gets the path through its stored pairs, when they are few; the
  // entries of that one are those its dates leave, taking the pairs' events
  // as spread like all events (its ranges go by day, the others' do not).
  Status SizePaths() {
    if (!entries_.empty()) return Status::Ok();
    for (const SeekPath& p : paths_) {
      int64_t n = 0;
      for (const SeekBranch& b : p.branches) {
        auto events = Sum("SELECT SUM(events) FROM events_by_value WHERE col = ? AND value >= ? AND value < ?",
                          {std::string(b.column), b.lo, b.hi});
        if (!events.ok()) return events.status();
        n += *events;
      }
      entries_.push_back(n);
    }
    if (Status s = AddActorCodes(); !s.ok()) return s;
    const bool dyad = !filter_.dyad_a.empty();
    if (!dyad && (filter_.source.empty() || filter_.target.empty())) return Status::Ok();
    auto pairs = dyad ? Pairs(filter_.dyad_a, filter_.dyad_b, filter_.dyad_directed)
                      : Pairs(filter_.source, filter_.target, true);
    if (!pairs.ok()) return pairs.status();
    no_pairs_ = pairs->empty();
    SeekPath path{dyad ? Criterion::kDyad : Criterion::kSource, {}, SeekPath::Kind::kPairs};
    for (const auto& [pair, events] : *pairs) {
      path.branches.push_back(SeekBranch{"events_source", "source", pair.first, "", pair.second});
      pair_events_ += events;
    }
    if (no_pairs_ || pairs->size() > kMaxStoredBranches) return Status::Ok();
    double entries = static_cast<double>(pair_events_);
    if (!filter_.from.empty() || !filter_.to.empty()) {
      auto in_range = InRange();
      auto all = Sum("SELECT SUM(events) FROM events_by_day", {});
      if (!in_range.ok() || !all.ok()) return in_range.ok() ? all.status() : in_range.status();
      if (*all > 0) entries = entries * static_cast<double>(*in_range) / static_cast<double>(*all);
    }
    paths_.push_back(std::move(path));
    entries_.push_back(static_cast<int64_t>(entries));
    return Status::Ok();
  }

  // A filter naming an actor (or a source, or a target) and a code or root
  // also gets the path through the actor's stored values with the code
  // range (events_by_value's sources and targets of the actor's prefix):
  // per value one range of events_source_code or events_target_code that
  // holds its matches and no other entry, so it never reads more than the
  // actor's or the code's own path. Its entries are a guess, the actor's
  // events times the code's share of all events (nothing counts an actor's
  // events per code), so Share() leaves it out.
  Status AddActorCodes() {
    const std::string& code = filter_.code.size() >= filter_.root.size() ? filter_.code : filter_.root;
    const std::string& actor = !filter_.actor.empty() ? filter_.actor : !filter_.source.empty() ? filter_.source
                                                                                                 : filter_.target;
    if (code.empty() || actor.empty()) return Status::Ok();
    const auto [code_lo, code_hi] = PrefixBounds(code);
    const auto [actor_lo, actor_hi] = PrefixBounds(actor);
    auto all = Sum("SELECT SUM(events) FROM events_by_value WHERE col = 'quad_class'", {});
    auto coded = Sum("SELECT SUM(events) FROM events_by_value WHERE col = 'code' AND value >= ? AND value < ?",
                     {code_lo, code_hi});
    if (!all.ok() || !coded.ok()) return all.ok() ? coded.status() : all.status();
    if (*all == 0) return Status::Ok();
    SeekPath path{Criterion::kActor, {}, SeekPath::Kind::kActorCodes};
    int64_t events = 0;
    // An actor is read on both sides; a source, or else a target, on its own.
    const bool both = !filter_.actor.empty(), by_source = both || !filter_.source.empty();
    for (const char* side : {"source", "target"}) {
      const bool source = side[0] == 's';
      if (!both && source != by_source) continue;
      auto rows = db_->Query("SELECT value, events FROM events_by_value WHERE col = ? AND value >= ? AND value < ?"
                             " AND events > 0",
                             {std::string(side), actor_lo, actor_hi});
      if (!rows.ok()) return rows.status();
      for (const SqlRow& r : *rows) {
        SeekBranch b{source ? "events_source_code" : "events_target_code", side, r.Text(0), "", "", code_lo, code_hi};
        // An event of the actor on both sides is read on the source side.
        if (!source && both) b.skip_lo = actor_lo, b.skip_hi = actor_hi;
        path.branches.push_back(std::move(b));
        events += r.Int(1);
      }
    }
    if (path.branches.empty() || path.branches.size() > kMaxStoredBranches) return Status::Ok();
    paths_.push_back(std::move(path));
    entries_.push_back(static_cast<int64_t>(static_cast<double>(events) * static_cast<double>(*coded) /
                                            static_cast<double>(*all)));
    return Status::Ok();
  }

  std::vector<SqlValue> DayBounds() const {
    return {DayNumber(filter_.from).value_or(std::numeric_limits<int32_t>::min()),
            DayNumber(filter_.to).value_or(std::numeric_limits<int32_t>::max())};
  }

  SqlConnection* db_;
  const EventFilter& filter_;
  const SqlWhere& where_;
  std::vector<SeekPath> paths_;
  std::vector<int64_t> entries_;
  int64_t pair_events_ = 0;  // the events of the filter's stored pairs (after SizePaths)
  bool no_pairs_ = false;    // the filter names a pair no event has
  std::map<Criterion, double> shares_;
};

}  // namespace

// kAdaptive: reading the narrowest seek path costs its entries, M; walking
// costs the entries before the page is full, about (offset + limit) / share
// if the filter's criteria were independent. So: a filter with a criterion
// no event meets has an empty page; a date range of at most M events is
// walked; a path of at most plan.seek_below entries, or one the walk is not
// expected to beat, is read; otherwise the newest M events of the range are
// walked, and if they do not hold the page (the criteria were not
// independent) the path is read — a wrong guess costs at most twice the
// entries of the path. The filter's terms are written rarest first.
Result<std::vector<StoredEvent>> EventStore::Events(const EventFilter& filter) {
  return FindPage(filter, nullptr, 0);
}

Result<std::vector<StoredEvent>> EventStore::FindPage(const EventFilter& filter, int64_t* matches, int64_t cap) {
  if (matches) *matches = -1;
  auto where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  PagePlanner planner(db_.get(), filter, *where);
  EventsPlan::Mode mode = planner.ForPlanner() ? EventsPlan::Mode::kPlanner : events_plan_.mode;
  if (!planner.HasPaths() && mode != EventsPlan::Mode::kPlanner) mode = EventsPlan::Mode::kWalk;
  const SeekPath* seek = nullptr;
  int64_t entries = 0;
  if (mode == EventsPlan::Mode::kSeek || mode == EventsPlan::Mode::kAdaptive) {
    auto narrowest = planner.Narrowest(&entries);
    if (!narrowest.ok()) return narrowest.status();
    seek = *narrowest;
  }
  std::string tried;
  if (mode == EventsPlan::Mode::kAdaptive) {
    auto in_range = planner.InRange();
    if (!in_range.ok()) return in_range.status();
    auto share = planner.Share();
    if (!share.ok()) return share.status();
    if (*share == 0) {
      last_events_plan_ = "none";
      if (matches) *matches = 0;
      return std::vector<StoredEvent>();
    }
    where->Order(planner.shares());
    mode = *in_range <= entries ? EventsPlan::Mode::kWalk : EventsPlan::Mode::kSeek;
    // Counting every match in the seek's pass materialises them all (the
    // window before the LIMIT); when they are expected to be many more than
    // the cap, the page alone keeps only its rows and the count stops at
    // the cap (CountEventsUpTo), which reads fewer entries than the seek.
    if (cap > 0 && *share * static_cast<double>(*in_range) > 2.0 * static_cast<double>(cap)) matches = nullptr;
    const double end = static_cast<double>(filter.offset) + static_cast<double>(filter.limit);
    if (mode == EventsPlan::Mode::kSeek && entries > static_cast<int64_t>(events_plan_.seek_below) &&
        end < *share * static_cast<double>(entries)) {
      auto since = planner.NewestDays(entries);
      if (!since.ok()) return since.status();
      if (*since) {
        // The newest days as the filter's own lower bound: given two lower
        // bounds, SQLite would range over the index from either.
        EventFilter newest = filter;
        newest.from = IsoDay(**since);
        auto newest_where = BuildWhere(newest);
        if (!newest_where.ok()) return newest_where.status();
        newest_where->Order(planner.shares());
        auto page = planner.Page(EventsPlan::Mode::kWalk, *newest_where, nullptr);
        if (!page.ok() || page->size() == filter.limit) {
          last_events_plan_ = "walk";
          return page;
        }
        tried = "walk, then ";
      }
    }
  }
  last_events_plan_ = mode == EventsPlan::Mode::kPlanner ? "planner"
                      : mode == EventsPlan::Mode::kWalk  ? "walk"
                                                         : tried + PagePlanner::Describe(*seek);
  return planner.Page(mode, *where, seek, matches);
}

// The page's own reading gives the total when it read every match (a seek
// expecting few matches) or when the page ends before its limit (then the
// matches are the offset plus its rows); otherwise the matches are counted
// up to the cap.
Result<EventsPage> EventStore::EventsWithTotal(const EventFilter& filter, int64_t cap) {
  int64_t matches = -1;
  auto page = FindPage(filter, &matches, cap);
  if (!page.ok()) return page.status();
  EventsPage out{std::move(*page), {}};
  const size_t rows = out.events.size();
  if (matches < 0 && rows < filter.limit && (rows > 0 || filter.offset == 0)) {
    matches = static_cast<int64_t>(filter.offset + rows);
  }
  if (matches < 0) {
    auto total = CountEventsUpTo(filter, cap);
    if (!total.ok()) return total.status();
    out.total = *total;
  } else {
    out.total = cap > 0 && matches > cap ? EventTotal{cap, false} : EventTotal{matches, true};
  }
  return out;
}

// Counting reads every match: through the narrowest seek path, or through
// the date range of events_day when that holds fewer entries (kAdaptive;
// nothing when the counts say that no event can match). A capped count
// reads each path's matches only up to the cap (SELECT 1 ... LIMIT n under
// the COUNT), so it costs at most cap + 1 matching entries and the entries
// passed over before them.
Result<EventTotal> EventStore::CountEventsUpTo(const EventFilter& filter, int64_t cap) {
  auto where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  PagePlanner planner(db_.get(), filter, *where);
  EventsPlan::Mode mode = planner.ForPlanner() ? EventsPlan::Mode::kPlanner : events_plan_.mode;
  if (!planner.HasPaths() && mode != EventsPlan::Mode::kPlanner) mode = EventsPlan::Mode::kWalk;
  const char* columns = cap > 0 ? "SELECT 1" : "SELECT COUNT(*)";
  std::vector<BranchSql> branches;
  if (mode == EventsPlan::Mode::kPlanner) {
    branches.push_back({columns + EventsFrom(*where) + where->sql, where->params});
  } else {
    const SeekPath* seek = nullptr;
    if (mode != EventsPlan::Mode::kWalk) {
      int64_t entries = 0;
      auto narrowest = planner.Narrowest(&entries);
      if (!narrowest.ok()) return narrowest.status();
      seek = *narrowest;
      if (mode == EventsPlan::Mode::kAdaptive) {
        auto share = planner.Share();
        if (!share.ok()) return share.status();
        if (*share == 0) return EventTotal{};  // a criterion no event meets
        where->Order(planner.shares());
        auto in_range = planner.InRange();
        if (!in_range.ok()) return in_range.status();
        if (*in_range <= entries) seek = nullptr;
      }
    }
    if (seek) {
      branches = planner.Branches(*seek, columns);
    } else {
      branches.push_back({columns + planner.From(kWalkIndex) + where->sql, where->params});
    }
  }
  int64_t total = 0;
  for (BranchSql& b : branches) {
    if (cap > 0) {  // the branches are disjoint: each counts up to what is left of cap + 1
      b.sql = "SELECT COUNT(*) FROM (" + b.sql + " LIMIT ?) capped";
      b.params.emplace_back(cap + 1 - total);
    }
    auto rows = db_->Query(b.sql, b.params);
    if (!rows.ok()) return rows.status();
    total += rows->front().Int(0);
    if (cap > 0 && total > cap) return EventTotal{cap, false};
  }
  return EventTotal{total, true};
}

Result<int64_t> EventStore::CountEvents(const EventFilter& filter) {
  auto total = CountEventsUpTo(filter, 0);
  if (!total.ok()) return total.status();
  return total->count;
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
