// The event store: coded stories kept in SQLite (default) or PostgreSQL, with
// the queries and aggregates that `faultline query`, `alerts` and `serve` use.
//
// What is stored (doc/store.md has the schema): documents (id, date, source,
// title, url, text, a hash of the normalised text), sentences (byte spans),
// events (every field of faultline::Event plus a day number and an incident),
// quotes, counts, and incidents: events of different reports with the same
// directed dyad, root code and a day within kIncidentWindowDays of each other.
//
// Consistency: Add() writes a whole batch of stories in one transaction, so a
// story is stored with all its sentences, events, quotes and counts or not at
// all — a process killed mid-ingest leaves the store as it was after the last
// committed batch, and a rerun stores what is missing. A story whose id or
// normalised text is already stored is skipped (counted as a duplicate).
//
// Thread contract: one EventStore per thread (it owns one connection).
#ifndef FAULTLINE_STORE_EVENT_STORE_H_
#define FAULTLINE_STORE_EVENT_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "faultline/document.h"
#include "faultline/event.h"
#include "faultline/status.h"
#include "store/sql.h"

namespace faultline {

// Two events of the same directed dyad and root whose days are at most this
// far apart belong to one incident (reports often date the same happening a
// day apart: "on Tuesday" in one, the publication day in another).
inline constexpr int kIncidentWindowDays = 1;
// An incident never spans more than this many days from its first to its
// last mention, so that a daily series of clashes does not chain into one
// endless incident (and so the incident lookup is an index range).
inline constexpr int kIncidentMaxSpanDays = 7;

struct StoryToStore {
  const Document* doc = nullptr;      // id, date, text, title, source, url, sentences
  const CodedDocument* coded = nullptr;
};

struct AddStats {
  size_t stories = 0;      // newly stored
  size_t duplicates = 0;   // skipped: same id or same normalised text
  size_t events = 0, quotes = 0, counts = 0;
};

// Filters shared by events, aggregates and the API. Empty = no filter.
struct EventFilter {
  std::string actor;       // source or target starts with this code ("RUS" matches RUSGOV)
  std::string source;      // source starts with
  std::string target;      // target starts with
  // A dyad "RUS-UKR" (either direction) or "RUS>UKR" (directed); each side is
  // a code prefix. Parsed by ParseDyad into source/target + directed.
  std::string dyad_a, dyad_b;
  bool dyad_directed = false;
  std::string code;        // CAMEO code prefix ("19", "190", "0311")
  std::string root;        // exact root ("19")
  int quad_class = 0;      // 1..4
  std::string status;      // reported | planned | conditional | ...
  std::string from, to;    // ISO days, inclusive
  std::string doc_id;
  int64_t incident = 0;
  size_t limit = 100, offset = 0;
};

// "RUS-UKR" or "RUS>UKR" into the filter; an error names what is wrong.
Status ParseDyad(const std::string& text, EventFilter* filter);

struct StoredEvent {
  int64_t id = 0;
  int64_t incident = 0;
  int64_t day = 0;          // days since 1970-01-01
  Event event;              // doc_id, sentence, date, actors, code, ..., rule; text empty
};

struct EventDetail {
  StoredEvent stored;
  std::string sentence;                   // the sentence's text
  uint32_t sentence_begin = 0;            // its byte offset in the story (spans are story offsets)
  std::string doc_date, doc_title, doc_source, doc_url;
  size_t incident_mentions = 0;           // events in the same incident
  size_t incident_documents = 0;
};

enum class Interval { kDay, kWeek };

struct TimelinePoint {
  std::string start;                      // first day of the period (ISO; weeks start on Monday)
  int64_t events = 0, incidents = 0;
  int64_t quad[5] = {0, 0, 0, 0, 0};      // quad[1..4] events per quad class
  double goldstein_sum = 0, goldstein_mean = 0;
};

struct DyadCount {
  std::string source, target;
  int64_t events = 0, incidents = 0;
  int64_t quad[5] = {0, 0, 0, 0, 0};
  double goldstein_mean = 0;
};

struct ActorCount {
  std::string actor;
  int64_t as_source = 0, as_target = 0, events = 0, incidents = 0;
};

// The escalation signal of a directed dyad for one week (doc/store.md):
//   dg    = mean Goldstein of the week - mean Goldstein of the baseline weeks
//   dc    = material-conflict share of the week - that of the baseline
//   score = -dg / 10 + dc
// The baseline is the `baseline_weeks` weeks before (events pooled); a dyad
// needs min_events in the week and in the baseline to be scored.
struct AlertOptions {
  std::string from, to;          // weeks whose Monday lies in [from, to]; default: the last stored week
  int baseline_weeks = 8;
  int min_events = 3;
  double threshold = 0.3;
  size_t limit = 50;
  std::string actor;             // optional: only dyads with this actor prefix
};

struct Alert {
  std::string source, target, week;   // week = its Monday
  int64_t events = 0, baseline_events = 0;
  double goldstein_mean = 0, baseline_goldstein_mean = 0;
  double conflict_share = 0, baseline_conflict_share = 0;
  double score = 0;
};

struct StoreSummary {
  int64_t documents = 0, sentences = 0, events = 0, incidents = 0, quotes = 0, counts = 0;
  std::string first_day, last_day;
};

// A count of events: `count` is exact, or (exact = false) a lower bound
// where counting stopped.
struct EventTotal {
  int64_t count = 0;
  bool exact = true;
};
// Where /api/events stops counting unless asked for the exact total:
// counting the 500,000 matches of a broad filter in 10 million events takes
// 70-240 ms, a page 2-60 ms; 10,000 matches scattered thinly through an
// actor's or a code's index range take up to 200 ms, 1,000 a tenth of that
// (doc/store.md).
inline constexpr int64_t kEventsTotalCap = 1000;

// A page of events and the total of the filter's matches.
struct EventsPage {
  std::vector<StoredEvent> events;
  EventTotal total;
};

// How Events() and CountEvents() read a filter (doc/store.md, "Event
// pages"). A page is found either by walking events_day newest first until
// it is full (cheap when the filter matches often) or by reading whole the
// index ranges of the filter's most selective criterion, an actor, dyad or
// code (cheap when that matches rarely). kAdaptive decides per query from
// the events_by_value and events_by_day counts (event_queries.cc). It is the
// default on both back ends: SQLite's planner has no statistics to decide
// with, and PostgreSQL's, left to itself (kPlanner, one plain query), read
// a common root with a status by its index and sorted the matches, 170 ms
// at p95 on a million events where the walk takes 3 ms (doc/store.md).
// kWalk and kSeek force a plan (tests, benchmarks). Filters by document or
// incident always go to the planner: their indexes are small.
struct EventsPlan {
  enum class Mode { kAdaptive, kPlanner, kWalk, kSeek };
  Mode mode = Mode::kAdaptive;
  size_t seek_below = 1024;  // kAdaptive reads a path this small without walking first
};

class EventStore {
 public:
  // A SQLite path or a postgresql:// URL; creates the schema when missing.
  // A store left by a bulk load that did not finish (killed, or failed) gets
  // its event indexes built here first (a note on stderr says so): queries
  // then run as fast as ever, and the stored stories are all there.
  static Result<std::unique_ptr<EventStore>> Open(const std::string& where);
  // For loading many stories at once (`ingest --bulk`): the five wide event
  // indexes are dropped (or stay dropped after an interrupted bulk load) and
  // Add() writes each event into the table and two narrow indexes only;
  // FinishBulkLoad() builds them by sorting, once. Consistency is as with
  // Open(): every Add() is one transaction, and a store whose bulk load was
  // killed is whole and gets its indexes at its next Open(). Rebuilding costs
  // time in proportion to the whole store, so it pays for loads of a size
  // like the store's or larger, not for a day's stories into an archive.
  static Result<std::unique_ptr<EventStore>> OpenForBulkLoad(const std::string& where);
  Status FinishBulkLoad();
  explicit EventStore(std::unique_ptr<SqlConnection> db);
  ~EventStore();

  // Stores a batch in one transaction (see the consistency note above).
  Result<AddStats> Add(const std::vector<StoryToStore>& batch);
  // Whether a story with this id or this text is stored (ingest skips coding it).
  Result<bool> Contains(const std::string& doc_id, const std::string& text);

  Result<std::vector<StoredEvent>> Events(const EventFilter& filter);
  // The events the filter matches (its limit and offset aside).
  Result<int64_t> CountEvents(const EventFilter& filter);
  // The same, counting no further than `cap` (> 0) when more match: then
  // {cap, exact = false}. A filter matching 500,000 of 10 million events
  // takes 70-240 ms to count exactly; up to 10,000 where matches are dense,
  // a few ms, where they are thin in the narrowest range, up to 200
  // (doc/store.md).
  // cap = 0 counts exactly.
  Result<EventTotal> CountEventsUpTo(const EventFilter& filter, int64_t cap);
  // Events() and CountEventsUpTo() together (what /api/events answers), the
  // same page and total; cheaper, as a page read by a seek counts its
  // matches in the same pass and a short page is its own total.
  Result<EventsPage> EventsWithTotal(const EventFilter& filter, int64_t cap);
  Result<std::optional<EventDetail>> Event(int64_t id);
  // Per day or week over the filter's date range (periods with no events are
  // included between the first and last event), counting events and incidents.
  Result<std::vector<TimelinePoint>> Timeline(const EventFilter& filter, Interval interval);
  // Directed dyads by events (ties: incidents, then codes).
  Result<std::vector<DyadCount>> TopDyads(const EventFilter& filter);
  Result<std::vector<ActorCount>> Actors(const EventFilter& filter);
  Result<std::vector<Alert>> Alerts(const AlertOptions& options);
  Result<StoreSummary> Summary();

  SqlConnection& db() { return *db_; }

  // Timeline and TopDyads answer filters that name only a dyad and dates
  // from the dyad_days rollup and the incidents table, not the events
  // (doc/store.md). Off: always from the events (tests compare the two).
  void set_use_rollups(bool on) { use_rollups_ = on; }
  void set_events_plan(const EventsPlan& plan) { events_plan_ = plan; }
  const EventsPlan& events_plan() const { return events_plan_; }
  // The plan of the last Events() call: "planner", "walk" or "seek INDEX[+INDEX]".
  const std::string& last_events_plan() const { return last_events_plan_; }

 private:
  Result<std::vector<TimelinePoint>> TimelineFromRollup(const EventFilter& filter, Interval interval);
  Result<std::vector<DyadCount>> TopDyadsFromRollup(const EventFilter& filter);
  // Events(); with `matches`, sets it to the filter's matches when the page's
  // plan counted them all (a seek, or no match possible), else to -1. A seek
  // expected to match over twice `cap` (> 0) events does not count them.
  Result<std::vector<StoredEvent>> FindPage(const EventFilter& filter, int64_t* matches, int64_t cap);

  std::unique_ptr<SqlConnection> db_;
  bool use_rollups_ = true;
  EventsPlan events_plan_;
  std::string last_events_plan_;
};

// Hash of the story text after normalisation (runs of white space, ASCII or
// Unicode spaces such as U+00A0, collapsed; ASCII lower-cased), hex; equal
// texts modulo spacing and case collide on purpose.
std::string NormalisedTextHash(std::string_view text);

// Days since 1970-01-01 for "YYYY-MM-DD" (first 10 chars); nullopt otherwise.
std::optional<int64_t> DayNumber(std::string_view iso);
std::string IsoDay(int64_t day);

}  // namespace faultline

#endif  // FAULTLINE_STORE_EVENT_STORE_H_
