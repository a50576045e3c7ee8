// store_bench: builds a large event store from generated events and times
// what issue 5 asks of it — ingest rate, a dyad's daily timeline over ten
// years, the top 20 dyads of a month, and /api/events-style lists with two
// filters (95th percentile). A one-shot program, not a Google Benchmark loop:
// building 10 million events is the expensive part and is done once.
//
//   ./build/bench/store_bench --events 10000000 --db /tmp/store-10m.db
//   ./build/bench/store_bench --db /tmp/store-10m.db --queries-only [--runs 200]
//
// --bulk loads as `ingest --bulk` does (event indexes deferred, built once at
// the end; the rate printed includes building them).
// --plan forces how event pages are found (EventsPlan); --verify reads each
// page and total again with the database's own plan and counts differences.
// Totals are counted as /api/events counts them, up to kEventsTotalCap
// matches; --exact-total times exact totals instead.
//
// Events are spread over 2015-2024, stories in date order, with a skewed (Zipf-like) choice of dyads
// so that some dyads are busy and most are rare, as in real event data;
// codes, quad classes and Goldstein weights come from data/cameo_codes.tsv.
// A fixed seed makes the store the same on every run.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "store/event_store.h"

namespace faultline {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

struct CodeInfo {
  std::string code, root;
  int quad;
  double goldstein;
};

std::vector<CodeInfo> LoadCodes(const std::string& path) {
  std::vector<CodeInfo> codes;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream ss(line);
    CodeInfo c;
    std::string quad, gold;
    std::getline(ss, c.code, '\t');
    std::getline(ss, c.root, '\t');
    std::getline(ss, quad, '\t');
    std::getline(ss, gold, '\t');
    if (c.code.size() < 3) continue;  // roots themselves are rarely coded
    c.quad = std::atoi(quad.c_str());
    c.goldstein = std::atof(gold.c_str());
    codes.push_back(c);
  }
  return codes;
}

struct Generator {
  std::mt19937_64 rng{20220203};
  std::vector<std::string> actors;
  std::vector<std::pair<int, int>> dyads;
  std::vector<double> dyad_weights;
  std::vector<CodeInfo> codes;
  int64_t first_day = 0, days = 0;

  Generator(const std::vector<CodeInfo>& c) : codes(c) {
    const char* countries[] = {"RUS", "UKR", "USA", "CHN", "GBR", "FRA", "DEU", "POL", "TUR", "IRN", "ISR", "PSE",
                               "SYR", "IRQ", "SAU", "EGY", "IND", "PAK", "AFG", "JPN", "KOR", "PRK", "TWN", "BLR",
                               "NGA", "ETH", "SDN", "SSD", "SOM", "KEN", "MLI", "LBY", "YEM", "LBN", "JOR", "ARM",
                               "AZE", "GEO", "MDA", "VEN", "COL", "MEX", "BRA", "ARG", "MMR", "THA", "PHL", "IDN",
                               "VNM", "BGD", "LKA", "NPL", "CAN", "AUS", "ITA", "ESP", "NLD", "BEL", "HUN", "SRB"};
    const char* agents[] = {"", "GOV", "MIL", "REB", "OPP", "COP"};
    for (const char* c : countries) {
      for (const char* a : agents) actors.push_back(std::string(c) + a);
    }
    std::uniform_int_distribution<int> pick(0, static_cast<int>(actors.size()) - 1);
    for (int i = 0; i < 3000; ++i) {
      int a = pick(rng), b = pick(rng);
      if (a == b) continue;
      dyads.push_back({a, b});
      dyad_weights.push_back(1.0 / std::pow(dyads.size(), 0.9));
    }
    first_day = *DayNumber("2015-01-01");
    days = *DayNumber("2024-12-31") - first_day + 1;
  }

  // `progress` in [0, 1): how far through the archive the story is. Stories
  // come in date order, as an archive is re-coded or a feed arrives; events
  // fall within a week before the story's date.
  Event Make(const std::string& doc_id, uint32_t sentence, double progress) {
    static thread_local std::discrete_distribution<size_t>* pick_dyad = nullptr;
    if (!pick_dyad) pick_dyad = new std::discrete_distribution<size_t>(dyad_weights.begin(), dyad_weights.end());
    std::uniform_int_distribution<size_t> pick_code(0, codes.size() - 1);
    std::uniform_int_distribution<int64_t> pick_lag(0, 6);
    const auto& [a, b] = dyads[(*pick_dyad)(rng)];
    const CodeInfo& c = codes[pick_code(rng)];
    Event e;
    e.doc_id = doc_id;
    e.sentence = sentence;
    e.date = IsoDay(first_day + std::max<int64_t>(0, static_cast<int64_t>(progress * days) - pick_lag(rng)));
    e.source = actors[a];
    e.target = actors[b];
    e.source_text = e.source;
    e.target_text = e.target;
    e.code = c.code;
    e.root = c.root;
    e.quad_class = c.quad;
    e.goldstein = c.goldstein;
    e.status = "reported";
    e.span_begin = sentence * 40;
    e.span_end = sentence * 40 + 30;
    e.rule = "generated";
    return e;
  }
};

int Build(EventStore& store, Generator& gen, size_t events, size_t per_doc, size_t batch_docs, bool bulk) {
  std::printf("building: %zu events, %zu per story, %zu stories per transaction\n", events, per_doc, batch_docs);
  auto start = Clock::now();
  const std::clock_t cpu_start = std::clock();
  size_t stored = 0, doc_no = 0;
  while (stored < events) {
    std::vector<Document> docs(batch_docs);
    std::vector<CodedDocument> coded(batch_docs);
    std::vector<StoryToStore> batch;
    for (size_t i = 0; i < batch_docs && stored < events; ++i, ++doc_no) {
      Document& d = docs[i];
      d.id = "gen-" + std::to_string(doc_no);
      d.text = "Generated story " + std::to_string(doc_no) + ".";
      for (size_t s = 0; s < per_doc && stored < events; ++s, ++stored) {
        Event e = gen.Make(d.id, static_cast<uint32_t>(s), static_cast<double>(stored) / events);
        if (s == 0) d.date = e.date;
        coded[i].events.push_back(std::move(e));
        d.sentences.push_back(Sentence{0, 0, static_cast<uint32_t>(s * 40), static_cast<uint32_t>(s * 40 + 30), 0});
      }
      batch.push_back({&docs[i], &coded[i]});
    }
    auto r = store.Add(batch);
    if (!r.ok()) {
      std::fprintf(stderr, "store_bench: %s\n", r.status().message().c_str());
      return 1;
    }
    if (doc_no % (batch_docs * 200) == 0) {
      std::printf("  %zu events, %.0f events/s\n", stored, stored / Seconds(start));
      std::fflush(stdout);
    }
  }
  if (bulk) {
    const double loaded = Seconds(start);
    std::printf("  %zu events loaded in %.1f s = %.0f events/s; building the event indexes\n", stored, loaded,
                stored / loaded);
    std::fflush(stdout);
    if (Status st = store.FinishBulkLoad(); !st.ok()) {
      std::fprintf(stderr, "store_bench: %s\n", st.message().c_str());
      return 1;
    }
    std::printf("  indexes built in %.1f s\n", Seconds(start) - loaded);
  }
  double s = Seconds(start), cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::printf("ingest: %zu events in %.1f s = %.0f events/s (%.1f s of CPU: %.0f events per CPU-second)\n", stored, s,
              stored / s, cpu, stored / cpu);
  return 0;
}

// Runs `fn` `n` times and prints the median and 95th percentile in ms.
template <typename Fn>
void Time(const char* what, int n, Fn fn) {
  std::vector<double> ms;
  size_t rows = 0;
  for (int i = 0; i < n; ++i) {
    auto start = Clock::now();
    rows = fn(i);
    ms.push_back(Seconds(start) * 1000);
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%-58s median %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%zu rows)\n", what, ms[ms.size() / 2],
              ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.back(), rows);
}

template <typename T>
size_t RowsOrDie(const Result<T>& r) {
  if (!r.ok()) {
    std::fprintf(stderr, "store_bench: %s\n", r.status().message().c_str());
    std::exit(1);
  }
  return r->size();
}

// /api/events with two filters: each filter is read once as the API does
// it, page plus total (EventsWithTotal), then once as a page alone (Events,
// limit 100); median and 95th percentile of both over `runs` filters.
std::string only_events;  // --only: time the event lists whose name contains this
bool verify_events = false;  // --verify: compare each page and total with the plain query's
bool exact_totals = false;   // --exact-total: time page + exact total (else the total /api/events gives)
int64_t total_cap = kEventsTotalCap;  // --total-cap: where totals stop counting
int slowest = 0;  // --slowest N: print the N slowest filters of each kind (page + total)

// The ids of a page, and its total, read by the database's own planner.
std::pair<std::vector<int64_t>, int64_t> PlainAnswer(EventStore& store, const EventFilter& f, const EventsPlan& plan) {
  EventsPlan plain;
  plain.mode = EventsPlan::Mode::kPlanner;
  store.set_events_plan(plain);
  std::vector<int64_t> ids;
  auto page = store.Events(f);
  auto total = store.CountEvents(f);
  store.set_events_plan(plan);
  if (!page.ok() || !total.ok()) {
    std::fprintf(stderr, "store_bench: %s\n", (page.ok() ? total.status() : page.status()).message().c_str());
    std::exit(1);
  }
  for (const StoredEvent& e : *page) ids.push_back(e.id);
  return {ids, *total};
}

void TimeEvents(EventStore& store, const char* what, int runs, const std::function<EventFilter(int)>& make,
                const EventsPlan& plan) {
  if (std::string(what).find(only_events) == std::string::npos) return;
  std::vector<double> page, api;
  size_t rows = 0;
  int64_t total = 0;
  std::map<std::string, int> plans;
  std::vector<std::tuple<double, std::string, int64_t, std::string>> slow;  // ms, filter, total, plan
  int differ = 0;
  for (int i = 0; i < runs; ++i) {
    EventFilter f = make(i);
    // As /api/events answers: the page and its total, up to kEventsTotalCap
    // or the end of the page; then the page alone.
    const int64_t cap = exact_totals ? 0 : std::max<int64_t>(total_cap, f.offset + f.limit);
    auto start = Clock::now();
    auto both = store.EventsWithTotal(f, cap);
    if (!both.ok()) {
      std::fprintf(stderr, "store_bench: %s\n", both.status().message().c_str());
      std::exit(1);
    }
    api.push_back(Seconds(start) * 1000);
    ++plans[store.last_events_plan()];
    if (slowest > 0) {
      slow.emplace_back(api.back(), f.actor + f.source + f.target + f.dyad_a + "/" + f.dyad_b + " " + f.code + f.root,
                        both->total.count, store.last_events_plan());
    }
    total += both->total.count;
    start = Clock::now();
    auto events = store.Events(f);
    rows += RowsOrDie(events);
    page.push_back(Seconds(start) * 1000);
    if (verify_events) {
      std::vector<int64_t> ids, both_ids;
      for (const StoredEvent& e : *events) ids.push_back(e.id);
      for (const StoredEvent& e : both->events) both_ids.push_back(e.id);
      auto [plain_ids, plain_total] = PlainAnswer(store, f, plan);
      // A capped count is right when it is the exact total, or the cap below it.
      const EventTotal& t = both->total;
      const bool total_ok = t.exact ? t.count == plain_total : t.count == cap && plain_total > cap;
      if (plain_ids != ids || plain_ids != both_ids || !total_ok) {
        ++differ;
        std::printf("    differs: filter %d (%s), total %lld%s, plain %lld, %zu/%zu/%zu ids\n", i,
                    store.last_events_plan().c_str(), static_cast<long long>(t.count), t.exact ? "" : "+",
                    static_cast<long long>(plain_total), ids.size(), both_ids.size(), plain_ids.size());
      }
    }
  }
  std::sort(page.begin(), page.end());
  std::sort(api.begin(), api.end());
  auto p95 = [](const std::vector<double>& v) { return v[std::min(v.size() - 1, v.size() * 95 / 100)]; };
  std::printf("%-44s page %7.1f / %7.1f ms  +total %7.1f / %7.1f ms  max %7.1f  (%.0f rows, %.0f total)\n", what,
              page[page.size() / 2], p95(page), api[api.size() / 2], p95(api), api.back(),
              static_cast<double>(rows) / runs, static_cast<double>(total) / runs);
  std::string used;
  for (const auto& [plan, n] : plans) used += (used.empty() ? "" : ", ") + plan + " x" + std::to_string(n);
  std::printf("    plans: %s\n", used.c_str());
  if (verify_events) std::printf("    pages or totals unlike the plain query's: %d of %d\n", differ, runs);
  std::sort(slow.rbegin(), slow.rend());
  for (size_t k = 0; k < slow.size() && k < static_cast<size_t>(slowest); ++k) {
    const auto& [ms, filter, n, plan] = slow[k];
    std::printf("    slow: %7.1f ms  %s  total %lld  %s\n", ms, filter.c_str(), static_cast<long long>(n), plan.c_str());
  }
  std::fflush(stdout);
}

void EventsQueries(EventStore& store, Generator& gen, int runs, const EventsPlan& plan) {
  // Actors by expected share of events (the dyad weights), busiest first.
  std::vector<double> weight(gen.actors.size());
  for (size_t d = 0; d < gen.dyads.size(); ++d) {
    weight[gen.dyads[d].first] += gen.dyad_weights[d];
    weight[gen.dyads[d].second] += gen.dyad_weights[d];
  }
  std::vector<size_t> busiest(gen.actors.size());
  for (size_t i = 0; i < busiest.size(); ++i) busiest[i] = i;
  std::sort(busiest.begin(), busiest.end(), [&](size_t a, size_t b) { return weight[a] > weight[b]; });
  auto actor = [&](int i) { return gen.actors[(i * 37) % gen.actors.size()]; };
  const char* roots[] = {"01", "04", "05", "11", "12", "13", "14", "17", "18", "19"};
  auto year = [](EventFilter* f, int i) {
    f->from = IsoDay(*DayNumber("2015-01-01") + 365 * (i % 9));
    f->to = IsoDay(*DayNumber("2015-12-31") + 365 * (i % 9));
  };
  auto month = [](EventFilter* f, int i) {
    f->from = IsoDay(*DayNumber("2017-03-01") + 30 * (i % 50));
    f->to = IsoDay(*DayNumber("2017-03-31") + 30 * (i % 50));
  };
  std::printf("events, limit 100 (median / p95):\n");
  TimeEvents(store, "actor + root", runs, [&](int i) {
    EventFilter f;
    f.actor = actor(i);
    f.root = roots[i % 10];
    return f;
  }, plan);
  TimeEvents(store, "actor + root, 10 busiest actors", runs, [&](int i) {
    EventFilter f;
    f.actor = gen.actors[busiest[i % 10]];
    f.root = roots[(i / 10 + i) % 10];
    return f;
  }, plan);
  TimeEvents(store, "actor + root, 10 rarest actors", runs, [&](int i) {
    EventFilter f;
    f.actor = gen.actors[busiest[busiest.size() - 1 - i % 10]];
    f.root = roots[(i / 10 + i) % 10];
    return f;
  }, plan);
  TimeEvents(store, "actor + code (3 digits)", runs, [&](int i) {
    EventFilter f;
    f.actor = actor(i);
    f.code = gen.codes[(i * 7) % gen.codes.size()].code.substr(0, 3);
    return f;
  }, plan);
  TimeEvents(store, "country prefix + root", runs, [&](int i) {
    EventFilter f;
    f.actor = gen.actors[(i * 37) % gen.actors.size()].substr(0, 3);
    f.root = roots[i % 10];
    return f;
  }, plan);
  TimeEvents(store, "actor + date range (one year)", runs, [&](int i) {
    EventFilter f;
    f.actor = actor(i);
    year(&f, i);
    return f;
  }, plan);
  TimeEvents(store, "actor + quad class", runs, [&](int i) {
    EventFilter f;
    f.actor = actor(i);
    f.quad_class = 1 + i % 4;
    return f;
  }, plan);
  // The i-th of the `n` busiest dyads, stepping through them.
  auto dyad = [&](int i, size_t n) {
    const auto& [a, b] = gen.dyads[(i * 13) % n];
    return std::pair(gen.actors[a], gen.actors[b]);
  };
  TimeEvents(store, "dyad + date range (one year)", runs, [&](int i) {
    EventFilter f;
    std::tie(f.dyad_a, f.dyad_b) = dyad(i, 200);
    year(&f, i);
    return f;
  }, plan);
  TimeEvents(store, "source + target", runs, [&](int i) {
    EventFilter f;
    std::tie(f.source, f.target) = dyad(i, 1000);
    return f;
  }, plan);
  TimeEvents(store, "quad class + date range (one month)", runs, [&](int i) {
    EventFilter f;
    f.quad_class = 1 + i % 4;
    month(&f, i);
    return f;
  }, plan);
  TimeEvents(store, "code prefix + status, offset 1000", runs, [&](int i) {
    EventFilter f;
    f.code = roots[i % 10];
    f.status = "reported";
    f.offset = 1000;
    return f;
  }, plan);
  TimeEvents(store, "root + status", runs, [&](int i) {
    EventFilter f;
    f.root = roots[i % 10];
    f.status = "reported";
    return f;
  }, plan);
  // A code's quad class is fixed, so most of these match nothing.
  TimeEvents(store, "root + quad class", runs, [&](int i) {
    EventFilter f;
    f.root = roots[i % 10];
    f.quad_class = 1 + (i / 10) % 4;
    return f;
  }, plan);
  TimeEvents(store, "code (4 digits) + date range (one year)", runs, [&](int i) {
    EventFilter f;
    f.code = gen.codes[(i * 11) % gen.codes.size()].code;
    year(&f, i);
    return f;
  }, plan);
}

void Queries(EventStore& store, Generator& gen, int runs, const EventsPlan& plan) {
  auto summary = store.Summary();
  if (summary.ok()) {
    std::printf("store: %lld documents, %lld events, %lld incidents, %s..%s\n",
                static_cast<long long>(summary->documents), static_cast<long long>(summary->events),
                static_cast<long long>(summary->incidents), summary->first_day.c_str(), summary->last_day.c_str());
  }
  // The busiest dyads (the head of the Zipf curve) are the hard case.
  Time("timeline, busiest dyad either direction, days, 10 years", 20, [&](int i) {
    EventFilter f;
    const auto& [a, b] = gen.dyads[i % 5];
    f.dyad_a = gen.actors[a];
    f.dyad_b = gen.actors[b];
    return RowsOrDie(store.Timeline(f, Interval::kDay));
  });
  Time("timeline, country dyad by prefix (RUS-UKR), weeks, 10 years", 20, [&](int) {
    EventFilter f;
    f.dyad_a = "RUS";
    f.dyad_b = "UKR";
    return RowsOrDie(store.Timeline(f, Interval::kWeek));
  });
  Time("top 20 dyads of a month", 20, [&](int i) {
    EventFilter f;
    int64_t month_start = *DayNumber("2016-01-01") + 30 * (i * 7 % 100);
    f.from = IsoDay(month_start);
    f.to = IsoDay(month_start + 30);
    f.limit = 20;
    return RowsOrDie(store.TopDyads(f));
  });
  EventsQueries(store, gen, runs, plan);
}

}  // namespace
}  // namespace faultline

int main(int argc, char** argv) {
  using namespace faultline;
  std::string db = "/tmp/faultline-store-bench.db", codes = std::string(FAULTLINE_SOURCE_DIR) + "/data/cameo_codes.tsv";
  size_t events = 1000000, per_doc = 10, batch = 1000;
  bool queries_only = false, bulk = false;
  int runs = 200;
  std::string plan = "default", only;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--db") db = next();
    else if (a == "--events") events = std::stoull(next());
    else if (a == "--per-story") per_doc = std::stoull(next());
    else if (a == "--batch") batch = std::stoull(next());
    else if (a == "--queries-only") queries_only = true;
    else if (a == "--bulk") bulk = true;
    else if (a == "--runs") runs = std::stoi(next());
    else if (a == "--plan") plan = next();
    else if (a == "--only") only = next();
    else if (a == "--verify") verify_events = true;
    else if (a == "--exact-total") exact_totals = true;
    else if (a == "--total-cap") total_cap = std::stoll(next());
    else if (a == "--slowest") slowest = std::stoi(next());
    else {
      std::fprintf(stderr,
                   "usage: store_bench [--db FILE|URL] [--events N] [--per-story N] [--batch N] [--bulk] [--queries-only]\n"
                   "                   [--runs N] [--plan adaptive|planner|walk|seek] [--only TEXT] [--verify]\n"
                   "                   [--exact-total] [--total-cap N] [--slowest N]\n");
      return 2;
    }
  }
  auto store = bulk && !queries_only ? EventStore::OpenForBulkLoad(db) : EventStore::Open(db);
  if (!store.ok()) {
    std::fprintf(stderr, "store_bench: %s\n", store.status().message().c_str());
    return 1;
  }
  if (plan != "default") {
    EventsPlan p;
    p.mode = plan == "planner" ? EventsPlan::Mode::kPlanner
             : plan == "walk"  ? EventsPlan::Mode::kWalk
             : plan == "seek"  ? EventsPlan::Mode::kSeek
                               : EventsPlan::Mode::kAdaptive;
    (*store)->set_events_plan(p);
  }
  Generator gen(LoadCodes(codes));
  if (!queries_only) {
    if (int rc = Build(**store, gen, events, per_doc, batch, bulk)) return rc;
  }
  only_events = only;
  // A copy: --verify sets the store's plan to the planner's for a moment,
  // then back to this one.
  const EventsPlan events_plan = (*store)->events_plan();
  if (only.empty()) {
    Queries(**store, gen, runs, events_plan);
  } else {
    EventsQueries(**store, gen, runs, events_plan);
  }
  return 0;
}
