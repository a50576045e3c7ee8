// `faultline query --db FILE [filters] [--what ...]` and `faultline alerts`:
// read an event store (SQLite file or postgresql://) and print events,
// counts, a dyad's timeline, top dyads, the most active actors, or the
// escalation alerts, as a table, CSV or JSON Lines.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/command.h"
#include "cli/query_table.h"
#include "store/event_store.h"

namespace faultline::cli {
namespace {

struct Common {
  std::string db, format;
};

void AddCommon(CLI::App& app, Common* c) {
  app.add_option("--db", c->db, "SQLite file or postgresql://user@host:port/db")->required();
  app.add_option("--format", c->format, "table | csv | jsonl (default: table on a terminal, else jsonl)");
}

int Fail(const char* command, const Status& s) {
  std::fprintf(stderr, "faultline %s: %s\n", command, s.message().c_str());
  return s.code() == Status::Code::kInvalidArgument ? 2 : 1;
}

int Print(const char* command, const QueryTable& t, std::string format) {
  if (format.empty()) format = isatty(fileno(stdout)) ? "table" : "jsonl";
  if (!PrintTable(t, format, stdout)) {
    std::fprintf(stderr, "faultline %s: unknown format '%s' (table, csv, jsonl)\n", command, format.c_str());
    return 2;
  }
  return 0;
}

QueryTable EventsTable(const std::vector<StoredEvent>& events) {
  QueryTable t{{"id", "date", "source", "target", "code", "root", "quad_class", "goldstein", "status", "doc_id",
                "sentence", "incident", "source_text", "target_text", "place", "rule"},
               {}};
  for (const StoredEvent& s : events) {
    const Event& e = s.event;
    t.rows.push_back({s.id, e.date, e.source, e.target, e.code, e.root, int64_t{e.quad_class}, e.goldstein,
                      e.status, e.doc_id, int64_t{e.sentence}, s.incident, e.source_text, e.target_text,
                      e.location ? e.location->name : std::string(), e.rule});
  }
  return t;
}

QueryTable TimelineTable(const std::vector<TimelinePoint>& points) {
  QueryTable t{{"start", "events", "incidents", "quad1", "quad2", "quad3", "quad4", "goldstein_sum",
                "goldstein_mean"},
               {}};
  for (const TimelinePoint& p : points) {
    t.rows.push_back({p.start, p.events, p.incidents, p.quad[1], p.quad[2], p.quad[3], p.quad[4], p.goldstein_sum,
                      p.goldstein_mean});
  }
  return t;
}

QueryTable DyadsTable(const std::vector<DyadCount>& dyads) {
  QueryTable t{{"source", "target", "events", "incidents", "quad1", "quad2", "quad3", "quad4", "goldstein_mean"},
               {}};
  for (const DyadCount& d : dyads) {
    t.rows.push_back(
        {d.source, d.target, d.events, d.incidents, d.quad[1], d.quad[2], d.quad[3], d.quad[4], d.goldstein_mean});
  }
  return t;
}

QueryTable ActorsTable(const std::vector<ActorCount>& actors) {
  QueryTable t{{"actor", "events", "as_source", "as_target", "incidents"}, {}};
  for (const ActorCount& a : actors) t.rows.push_back({a.actor, a.events, a.as_source, a.as_target, a.incidents});
  return t;
}

QueryTable SummaryTable(const StoreSummary& s) {
  return {{"documents", "sentences", "events", "incidents", "quotes", "counts", "first_day", "last_day"},
          {{s.documents, s.sentences, s.events, s.incidents, s.quotes, s.counts, s.first_day, s.last_day}}};
}

int RunQuery(int argc, char** argv) {
  CLI::App app{"Query an event store: events, counts, timelines, top dyads, actors", "faultline query"};
  Common common;
  AddCommon(app, &common);
  EventFilter f;
  std::string dyad, what = "events", interval = "day";
  app.add_option("--what", what, "events | count | timeline | top-dyads | actors | summary")
      ->check(CLI::IsMember({"events", "count", "timeline", "top-dyads", "actors", "summary"}));
  app.add_option("--actor", f.actor, "source or target code prefix (RUS matches RUSGOV)");
  app.add_option("--source", f.source, "source code prefix");
  app.add_option("--target", f.target, "target code prefix");
  app.add_option("--dyad", dyad, "RUS-UKR (either direction) or RUS>UKR (directed)");
  app.add_option("--code", f.code, "CAMEO code prefix (19, 190, 0311)");
  app.add_option("--root", f.root, "CAMEO root (01..20)");
  app.add_option("--quad", f.quad_class, "quad class 1..4")->check(CLI::Range(1, 4));
  app.add_option("--status", f.status, "reported | planned | conditional | negated | hypothetical");
  app.add_option("--from", f.from, "first day (YYYY-MM-DD)");
  app.add_option("--to", f.to, "last day (YYYY-MM-DD)");
  app.add_option("--doc", f.doc_id, "document id");
  app.add_option("--incident", f.incident, "incident id");
  app.add_option("--interval", interval, "timeline periods: day | week")->check(CLI::IsMember({"day", "week"}));
  app.add_option("--limit", f.limit, "rows (events, top-dyads, actors)")->check(CLI::Range(1, 10000000));
  app.add_option("--offset", f.offset, "rows to skip");
  CLI11_PARSE(app, argc, argv);
  if (what == "top-dyads" && app.count("--limit") == 0) f.limit = 20;
  if (!dyad.empty()) {
    if (Status s = ParseDyad(dyad, &f); !s.ok()) return Fail("query", s);
  }
  auto store = EventStore::Open(common.db);
  if (!store.ok()) return Fail("query", store.status());
  EventStore& st = **store;
  if (what == "events") {
    auto r = st.Events(f);
    return r.ok() ? Print("query", EventsTable(*r), common.format) : Fail("query", r.status());
  }
  if (what == "count") {
    auto r = st.CountEvents(f);
    return r.ok() ? Print("query", QueryTable{{"events"}, {{*r}}}, common.format) : Fail("query", r.status());
  }
  if (what == "timeline") {
    auto r = st.Timeline(f, interval == "week" ? Interval::kWeek : Interval::kDay);
    return r.ok() ? Print("query", TimelineTable(*r), common.format) : Fail("query", r.status());
  }
  if (what == "top-dyads") {
    auto r = st.TopDyads(f);
    return r.ok() ? Print("query", DyadsTable(*r), common.format) : Fail("query", r.status());
  }
  if (what == "actors") {
    auto r = st.Actors(f);
    return r.ok() ? Print("query", ActorsTable(*r), common.format) : Fail("query", r.status());
  }
  auto r = st.Summary();
  return r.ok() ? Print("query", SummaryTable(*r), common.format) : Fail("query", r.status());
}

int RunAlerts(int argc, char** argv) {
  CLI::App app{"Dyads whose escalation signal crosses a threshold (doc/store.md has the formula)",
               "faultline alerts"};
  Common common;
  AddCommon(app, &common);
  AlertOptions o;
  app.add_option("--from", o.from, "first week (its Monday on or after this day; default: the last stored week)");
  app.add_option("--to", o.to, "last week (the week holding this day)");
  app.add_option("--baseline-weeks", o.baseline_weeks, "weeks before that form the baseline")
      ->check(CLI::Range(1, 520));
  app.add_option("--min-events", o.min_events, "events needed in the week and in the baseline")
      ->check(CLI::Range(1, 1000000));
  app.add_option("--threshold", o.threshold, "score at which a dyad is listed");
  app.add_option("--actor", o.actor, "only dyads with this actor code prefix");
  app.add_option("--limit", o.limit, "rows")->check(CLI::Range(1, 100000));
  CLI11_PARSE(app, argc, argv);
  auto store = EventStore::Open(common.db);
  if (!store.ok()) return Fail("alerts", store.status());
  auto r = (*store)->Alerts(o);
  if (!r.ok()) return Fail("alerts", r.status());
  QueryTable t{{"week", "source", "target", "score", "events", "goldstein_mean", "conflict_share", "baseline_events",
                "baseline_goldstein_mean", "baseline_conflict_share"},
               {}};
  for (const Alert& a : *r) {
    t.rows.push_back({a.week, a.source, a.target, a.score, a.events, a.goldstein_mean, a.conflict_share,
                      a.baseline_events, a.baseline_goldstein_mean, a.baseline_conflict_share});
  }
  return Print("alerts", t, common.format);
}

}  // namespace

FAULTLINE_COMMAND(query, "query", "query an event store (events, counts, timelines, top dyads, actors)", RunQuery);
FAULTLINE_COMMAND(alerts, "alerts", "dyads whose escalation signal crosses a threshold", RunAlerts);

}  // namespace faultline::cli
