// The event store's API against a small hand-made data set, on both back
// ends: every test runs once on a SQLite file and once on a throwaway
// PostgreSQL server (test_postgres.h), so passing both is the SQLite /
// PostgreSQL parity check at the API level.
//
// Every expected value below was worked out by hand from the table of events
// in MainData() (the comment there lists them); none is computed by running
// the store's own SQL, so a wrong query cannot agree with itself.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/event_store.h"
#include "store/schema.h"
#include "store/sql.h"
#include "store/test_postgres.h"

namespace faultline {
namespace {

// ---------------------------------------------------------------------------
// Building stories by hand (no pipeline): text, sentence spans, events.

struct Ev {
  const char* rule;       // unique per event: the tests find events by it
  int sentence;
  const char* date;
  const char* source;
  const char* target;
  const char* code;
  int quad;
  double goldstein;
  const char* status;
  const char* evidence;   // a word of the sentence: the event's byte span
};

struct Story {
  Document doc;
  CodedDocument coded;
};

// `sentences` must occur in `text` in order; their spans are found there.
Story MakeStory(const std::string& id, const std::string& date, const std::string& text,
                const std::vector<std::string>& sentences, const std::vector<Ev>& events) {
  Story s;
  s.doc.id = id;
  s.doc.date = date;
  s.doc.text = text;
  s.doc.title = "title of " + id;
  s.doc.source = "wire " + id;
  s.doc.url = "https://example.org/" + id;
  size_t at = 0;
  for (const std::string& sent : sentences) {
    size_t b = text.find(sent, at);
    EXPECT_NE(b, std::string::npos) << id << ": sentence not in text: " << sent;
    Sentence span;
    span.begin = static_cast<uint32_t>(b);
    span.end = static_cast<uint32_t>(b + sent.size());
    s.doc.sentences.push_back(span);
    at = b + sent.size();
  }
  for (const Ev& e : events) {
    Event ev;
    ev.doc_id = id;
    ev.sentence = static_cast<uint32_t>(e.sentence);
    ev.date = e.date;
    ev.source = e.source;
    ev.target = e.target;
    ev.source_text = std::string("text of ") + e.source;
    ev.target_text = *e.target ? std::string("text of ") + e.target : "";
    ev.code = e.code;
    ev.root = std::string(e.code).substr(0, 2);
    ev.quad_class = e.quad;
    ev.goldstein = e.goldstein;
    ev.plover = "PLOVER-" + ev.root;
    ev.status = e.status;
    ev.rule = e.rule;
    const Sentence& sent = s.doc.sentences.at(e.sentence);
    size_t w = text.find(e.evidence, sent.begin);
    EXPECT_TRUE(w != std::string::npos && w < sent.end) << e.rule << ": evidence not in its sentence";
    ev.span_begin = static_cast<uint32_t>(w);
    ev.span_end = static_cast<uint32_t>(w + std::string(e.evidence).size());
    s.coded.events.push_back(ev);
  }
  return s;
}

std::vector<StoryToStore> Batch(const std::vector<const Story*>& stories) {
  std::vector<StoryToStore> batch;
  for (const Story* s : stories) batch.push_back({&s->doc, &s->coded});
  return batch;
}

// The main data set: six stories, twenty events (E1..E20, the `rule` of each).
//
//  E   story   s  day    source  target  code root q  gold  status   incident
//  E1  story-1 0  01-09  RUSMIL  UKR     190  19   4  -10   reported a
//  E2  story-1 1  01-10  UKRGOV  RUSGOV  112  11   3   -2   reported b
//  E3  story-1 2  01-10  RUSGOV  UKRGOV  036  03   1    4   reported c
//  E4  story-1 2  01-10  UKRGOV  RUSGOV  036  03   1    4   reported d
//  E5  story-2 0  01-10  RUSMIL  UKR     190  19   4  -10   reported a (1 day after E1)
//  E6  story-2 1  01-11  USA     UKR     070  07   2    7   planned  e
//  E7  story-2 2  01-11  USA     -       141  14   3  -6.5  reported f
//  E8  story-3 0  01-12  RUSMIL  UKR     193  19   4  -10   reported g (2 days after a)
//  E9  story-3 1  01-12  UKRMIL  RUSMIL  190  19   4  -10   reported h (other direction)
//  E10 story-3 2  01-12  RUSMIL  UKR     182  18   4   -9   reported i (other root)
//  E11 story-4 0  01-23  CHNGOV  RUSGOV  040  04   1    1   reported j
//  E12 story-4 0  01-23  CHNGOV  RUSGOV  042  04   1    2   reported j
//  E13 story-4 1  01-24  FRAGOV  RUSGOV  1041 10   3   -5   reported l
//  E14 story-4 2  01-24  UKRGOV  RUSGOV  0841 08   2    7   reported m
//  E15 story-4 2  01-24  RUSGOV  UKRGOV  0841 08   2    7   reported n
//  E16 story-5 0  01-25* RUSMIL  UKR     195  19   4  -10   reported o (*date "2024-01": the story's day)
//  E17 story-5 1  01-25  RUSMIL  UKRGOV  190  19   4  -10   reported p
//  E18 story-5 1  01-25  UKRGOV  RUSMIL  111  11   3   -2   reported q
//  E19 story-6 0  01-26  RUSMIL  MDA     190  19   4  -10   negated  r
//  E20 story-6 1  01-26  RUSMIL  UKR     190  19   4  -10   reported o
//
// 17 incidents (E5, E12 and E20 join one). 2024-01-08 and 2024-01-22 are
// Mondays. Batch 1 is stored as story-3, story-1, story-2, so ids do not
// follow days (E8 gets the smallest id).
struct MainData {
  Story s1, s2, s3, s4, s5, s6;
  Story dup_id;     // id story-1, another text
  Story dup_text;   // id story-9, the text of story-2 with other spacing and case

  MainData() {
    s1 = MakeStory("story-1", "2024-01-10",
                   "Russian forces shelled Kharkiv on Tuesday. Ukraine accused Moscow of war crimes.\n\n"
                   "Russian and Ukrainian envoys met in Istanbul.",
                   {"Russian forces shelled Kharkiv on Tuesday.", "Ukraine accused Moscow of war crimes.",
                    "Russian and Ukrainian envoys met in Istanbul."},
                   {{"E1", 0, "2024-01-09", "RUSMIL", "UKR", "190", 4, -10, "reported", "shelled"},
                    {"E2", 1, "2024-01-10", "UKRGOV", "RUSGOV", "112", 3, -2, "reported", "accused"},
                    {"E3", 2, "2024-01-10", "RUSGOV", "UKRGOV", "036", 1, 4, "reported", "met"},
                    {"E4", 2, "2024-01-10", "UKRGOV", "RUSGOV", "036", 1, 4, "reported", "met"}});
    s1.coded.events[0].location = Location{"Kharkiv", "UKR", "Kharkiv Oblast", 49.99, 36.23};
    s1.coded.quotes.push_back({"story-1", 1, "UKRGOV", "Ukraine", "war crimes", 69, 79});
    s2 = MakeStory("story-2", "2024-01-11",
                   "Russian artillery hit Kharkiv again on Wednesday. Washington said it would send aid to Kyiv. "
                   "Protesters marched in Washington.",
                   {"Russian artillery hit Kharkiv again on Wednesday.", "Washington said it would send aid to Kyiv.",
                    "Protesters marched in Washington."},
                   {{"E5", 0, "2024-01-10", "RUSMIL", "UKR", "190", 4, -10, "reported", "hit"},
                    {"E6", 1, "2024-01-11", "USA", "UKR", "070", 2, 7, "planned", "send aid"},
                    {"E7", 2, "2024-01-11", "USA", "", "141", 3, -6.5, "reported", "marched"}});
    s2.coded.counts.push_back({"story-2", 0, 12, "at least", "people", "", 0, 7, "at least 12 people"});
    s3 = MakeStory("story-3", "2024-01-13",
                   "Russian troops attacked Kharkiv on Friday. Ukrainian forces struck back at Russian positions. "
                   "Russian soldiers beat residents of the city.",
                   {"Russian troops attacked Kharkiv on Friday.", "Ukrainian forces struck back at Russian positions.",
                    "Russian soldiers beat residents of the city."},
                   {{"E8", 0, "2024-01-12", "RUSMIL", "UKR", "193", 4, -10, "reported", "attacked"},
                    {"E9", 1, "2024-01-12", "UKRMIL", "RUSMIL", "190", 4, -10, "reported", "struck"},
                    {"E10", 2, "2024-01-12", "RUSMIL", "UKR", "182", 4, -9, "reported", "beat"}});
    s4 = MakeStory("story-4", "2024-01-24",
                   "Chinese and Russian officials held talks and visits in Beijing on Tuesday.\n\n"
                   "France demanded that Russia change course. Ukraine and Russia released prisoners in an exchange.",
                   {"Chinese and Russian officials held talks and visits in Beijing on Tuesday.",
                    "France demanded that Russia change course.",
                    "Ukraine and Russia released prisoners in an exchange."},
                   {{"E11", 0, "2024-01-23", "CHNGOV", "RUSGOV", "040", 1, 1, "reported", "held talks"},
                    {"E12", 0, "2024-01-23", "CHNGOV", "RUSGOV", "042", 1, 2, "reported", "visits"},
                    {"E13", 1, "2024-01-24", "FRAGOV", "RUSGOV", "1041", 3, -5, "reported", "demanded"},
                    {"E14", 2, "2024-01-24", "UKRGOV", "RUSGOV", "0841", 2, 7, "reported", "released"},
                    {"E15", 2, "2024-01-24", "RUSGOV", "UKRGOV", "0841", 2, 7, "reported", "released"}});
    s4.coded.counts.push_back({"story-4", 2, 200, "", "prisoners", "UKRGOV", 0, 7, "200 prisoners"});
    s5 = MakeStory("story-5", "2024-01-25",
                   "Russia fired missiles at Odesa in January. Ukrainian officials said Russian drones hit Kyiv on "
                   "Thursday.",
                   {"Russia fired missiles at Odesa in January.",
                    "Ukrainian officials said Russian drones hit Kyiv on Thursday."},
                   {{"E16", 0, "2024-01", "RUSMIL", "UKR", "195", 4, -10, "reported", "fired"},
                    {"E17", 1, "2024-01-25", "RUSMIL", "UKRGOV", "190", 4, -10, "reported", "hit"},
                    {"E18", 1, "2024-01-25", "UKRGOV", "RUSMIL", "111", 3, -2, "reported", "said"}});
    s6 = MakeStory("story-6", "2024-01-26",
                   "Russia denied it would attack Moldova. Russian shelling continued in Kharkiv on Friday.",
                   {"Russia denied it would attack Moldova.", "Russian shelling continued in Kharkiv on Friday."},
                   {{"E19", 0, "2024-01-26", "RUSMIL", "MDA", "190", 4, -10, "negated", "attack"},
                    {"E20", 1, "2024-01-26", "RUSMIL", "UKR", "190", 4, -10, "reported", "shelling"}});
    dup_id = MakeStory("story-1", "2024-02-01", "A different story that reuses the id story-1.",
                       {"A different story that reuses the id story-1."},
                       {{"DUPID1", 0, "2024-02-01", "FRA", "DEU", "040", 1, 1, "reported", "different"},
                        {"DUPID2", 0, "2024-02-01", "DEU", "FRA", "040", 1, 1, "reported", "reuses"}});
    // The same words as story-2: whitespace runs, a leading newline, a
    // trailing space and upper case differ, nothing else.
    dup_text = MakeStory("story-9", "2024-01-11",
                         "\n  RUSSIAN artillery hit  Kharkiv again on Wednesday.\n\nWashington SAID it would send aid "
                         "to\tKyiv.   Protesters marched in Washington. ",
                         {"RUSSIAN artillery hit  Kharkiv again on Wednesday."},
                         {{"DUPTXT", 0, "2024-01-10", "RUSMIL", "UKR", "190", 4, -10, "reported", "hit"}});
  }
};

// ---------------------------------------------------------------------------
// Result helpers.

#define ASSERT_OK(expr)                                 \
  do {                                                  \
    const Status _s = (expr);                           \
    ASSERT_TRUE(_s.ok()) << #expr << ": " << _s.message(); \
  } while (0)

template <typename T>
T Must(Result<T> r, const char* what) {
  EXPECT_TRUE(r.ok()) << what << ": " << (r.ok() ? "" : r.status().message());
  return r.ok() ? std::move(r).value() : T{};
}
#define MUST(expr) Must((expr), #expr)

std::vector<std::string> Rules(const std::vector<StoredEvent>& events) {
  std::vector<std::string> out;
  for (const StoredEvent& e : events) out.push_back(e.event.rule);
  return out;
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) {
    return std::stoi(a.substr(1)) < std::stoi(b.substr(1));  // E2 before E10
  });
  return v;
}

// ---------------------------------------------------------------------------
// A connection that fails on purpose: the Nth Query(), or Commit(). Everything
// else goes to the real connection, so a rollback really rolls back.

class FaultyConnection final : public SqlConnection {
 public:
  FaultyConnection(std::unique_ptr<SqlConnection> real, int fail_query, bool fail_commit)
      : real_(std::move(real)), fail_query_(fail_query), fail_commit_(fail_commit) {}
  SqlDialect dialect() const override { return real_->dialect(); }
  Status Execute(std::string_view sql) override { return real_->Execute(sql); }
  Result<std::vector<SqlRow>> Query(std::string_view sql, const std::vector<SqlValue>& params) override {
    if (++queries_ == fail_query_) return Status::IOError("injected fault at query " + std::to_string(queries_));
    return real_->Query(sql, params);
  }
  Status Begin() override { return real_->Begin(); }
  Status Commit() override {
    if (fail_commit_) return Status::IOError("injected fault at commit");
    return real_->Commit();
  }
  Status Rollback() override { return real_->Rollback(); }

 private:
  std::unique_ptr<SqlConnection> real_;
  int fail_query_;
  bool fail_commit_;
  int queries_ = 0;
};

// ---------------------------------------------------------------------------
// The fixture: a fresh, empty store per test on the chosen back end.

enum class Backend { kSqlite, kPostgres };

class EventStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kSqlite) {
      char tmpl[] = "/tmp/faultline-store-test.XXXXXX";
      ASSERT_NE(mkdtemp(tmpl), nullptr);
      dir_ = tmpl;
      where_ = dir_ + "/store.db";
    } else {
      TestPostgres& pg = TestPostgres::Get();
      switch (pg.Start()) {
        case TestPostgres::State::kRunning:
          break;
        case TestPostgres::State::kUnavailable:
          GTEST_SKIP() << "PostgreSQL is not available here: " << pg.problem();
        default:
          FAIL() << "test PostgreSQL server did not start: " << pg.problem();
      }
      where_ = pg.url();
      // One server serves every test: start each from empty tables.
      auto db = OpenPostgres(where_);
      ASSERT_TRUE(db.ok()) << db.status().message();
      ASSERT_OK((*db)->Execute(
          "DROP TABLE IF EXISTS events_by_value, events_by_day, dyad_days, counts, quotes, events, sentences,"
          " incidents, documents, meta CASCADE"));
    }
    auto store = EventStore::Open(where_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store).value();
  }

  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // Stores the main data set in two batches, checking what Add() reports.
  void AddMain(const MainData& m) {
    AddStats a = MUST(store_->Add(Batch({&m.s3, &m.s1, &m.s2})));
    EXPECT_EQ(a.stories, 3u);
    EXPECT_EQ(a.duplicates, 0u);
    EXPECT_EQ(a.events, 10u);
    EXPECT_EQ(a.quotes, 1u);
    EXPECT_EQ(a.counts, 1u);
    // story-1 again by id, story-2 again by text, story-5 twice in a batch.
    AddStats b = MUST(store_->Add(Batch({&m.s4, &m.s5, &m.dup_id, &m.s6, &m.dup_text, &m.s5})));
    EXPECT_EQ(b.stories, 3u);
    EXPECT_EQ(b.duplicates, 3u);
    EXPECT_EQ(b.events, 10u);
    EXPECT_EQ(b.quotes, 0u);
    EXPECT_EQ(b.counts, 1u);
  }

  std::vector<std::string> Find(EventFilter f) {
    f.limit = 1000;
    return Rules(MUST(store_->Events(f)));
  }

  // rule -> stored event, over the whole store.
  std::map<std::string, StoredEvent> ByRule() {
    EventFilter f;
    f.limit = 1000;
    std::map<std::string, StoredEvent> out;
    for (const StoredEvent& e : MUST(store_->Events(f))) out[e.event.rule] = e;
    return out;
  }

  // Closes and reopens the store, which upgrades an older schema: the store
  // must then read as `snapshot` and have the current version.
  void ReopenUpgraded(const std::string& snapshot) {
    store_.reset();
    auto again = EventStore::Open(where_);
    ASSERT_TRUE(again.ok()) << again.status().message();
    store_ = std::move(again).value();
    EXPECT_EQ(Snapshot(), snapshot);
    auto version = MUST(store_->db().Query("SELECT value FROM meta WHERE key = 'schema_version'"));
    EXPECT_EQ(version.at(0).Text(0), std::to_string(kSchemaVersion));
  }

  // A store of the main data made into an older schema by `downgrade`
  // (SQL): its snapshot and an answer (actor RUS, root 19) from before, which
  // the upgraded store must give.
  struct UpgradeCase {
    std::string before;
    EventFilter filter;
    std::vector<std::string> answer;
  };
  UpgradeCase StoreAsOlderVersion(const char* downgrade) {
    MainData m;
    AddMain(m);
    UpgradeCase c{Snapshot(), {}, {}};
    c.filter.actor = "RUS";
    c.filter.root = "19";
    c.answer = Find(c.filter);
    EXPECT_EQ(c.answer.size(), 8u);
    const Status s = store_->db().Execute(downgrade);
    EXPECT_TRUE(s.ok()) << s.message();
    return c;
  }

  // The definition of index `name` (none when there is no such index).
  std::vector<std::string> IndexSql(const std::string& name) {
    std::vector<std::string> out;
    for (const SqlRow& r : MUST(store_->db().Query(GetParam() == Backend::kSqlite
                                                       ? "SELECT sql FROM sqlite_master WHERE name = ?"
                                                       : "SELECT indexdef FROM pg_indexes WHERE indexname = ?",
                                                   {name}))) {
      out.push_back(r.Text(0));
    }
    return out;
  }

  // Everything a failed batch could have touched, as one comparable string.
  std::string Snapshot() {
    StoreSummary s = MUST(store_->Summary());
    std::string out = "documents=" + std::to_string(s.documents) + " sentences=" + std::to_string(s.sentences) +
                      " events=" + std::to_string(s.events) + " incidents=" + std::to_string(s.incidents) +
                      " quotes=" + std::to_string(s.quotes) + " counts=" + std::to_string(s.counts) + "\n";
    auto rows = MUST(store_->db().Query(
        "SELECT source, target, root, first_day, last_day, mentions FROM incidents ORDER BY id"));
    for (const SqlRow& r : rows) {
      out += r.Text(0) + ">" + r.Text(1) + " " + r.Text(2) + " " + r.Text(3) + ".." + r.Text(4) + " x" + r.Text(5) +
             "\n";
    }
    for (const SqlRow& r : MUST(store_->db().Query("SELECT doc_key FROM documents ORDER BY doc_key"))) {
      out += r.Text(0) + "\n";
    }
    for (const SqlRow& r : MUST(store_->db().Query(
             "SELECT source, target, day, events, goldstein, q1, q2, q3, q4 FROM dyad_days ORDER BY source, target, day"))) {
      out += "rollup " + r.Text(0) + ">" + r.Text(1) + " " + r.Text(2) + ": " + r.Text(3) + " " + r.Text(4) + " " +
             r.Text(5) + r.Text(6) + r.Text(7) + r.Text(8) + "\n";
    }
    for (const SqlRow& r :
         MUST(store_->db().Query("SELECT col, value, events FROM events_by_value ORDER BY col, value"))) {
      out += "count " + r.Text(0) + " '" + r.Text(1) + "' " + r.Text(2) + "\n";
    }
    for (const SqlRow& r : MUST(store_->db().Query("SELECT day, events FROM events_by_day ORDER BY day"))) {
      out += "count day " + r.Text(0) + " " + r.Text(1) + "\n";
    }
    return out;
  }

  std::string dir_;
  std::string where_;
  std::unique_ptr<EventStore> store_;
};

// ---------------------------------------------------------------------------
// Adding and duplicates.

TEST_P(EventStoreTest, AddCountsAndDuplicatesAreNotStoredTwice) {
  MainData m;
  AddMain(m);
  StoreSummary s = MUST(store_->Summary());
  EXPECT_EQ(s.documents, 6);
  EXPECT_EQ(s.sentences, 3 + 3 + 3 + 3 + 2 + 2);
  EXPECT_EQ(s.events, 20);
  EXPECT_EQ(s.incidents, 17);
  EXPECT_EQ(s.quotes, 1);
  EXPECT_EQ(s.counts, 2);
  EXPECT_EQ(s.first_day, "2024-01-09");
  EXPECT_EQ(s.last_day, "2024-01-26");

  // Neither duplicate left a trace: story-1 keeps its own four events and
  // text, story-9 does not exist.
  EventFilter f;
  f.doc_id = "story-1";
  EXPECT_EQ(Sorted(Find(f)), (std::vector<std::string>{"E1", "E2", "E3", "E4"}));
  f.doc_id = "story-9";
  EXPECT_EQ(MUST(store_->CountEvents(f)), 0);
  EXPECT_FALSE(MUST(store_->Contains("story-x", m.dup_id.doc.text)));

  // Adding the first batch again adds nothing.
  AddStats again = MUST(store_->Add(Batch({&m.s3, &m.s1, &m.s2})));
  EXPECT_EQ(again.stories, 0u);
  EXPECT_EQ(again.duplicates, 3u);
  EXPECT_EQ(again.events, 0u);
  EXPECT_EQ(MUST(store_->Summary()).events, 20);
}

TEST_P(EventStoreTest, ContainsByIdOrNormalisedText) {
  MainData m;
  AddMain(m);
  EXPECT_TRUE(MUST(store_->Contains("story-4", "")));
  EXPECT_TRUE(MUST(store_->Contains("new-id", m.dup_text.doc.text)));  // spacing and case only
  EXPECT_TRUE(MUST(store_->Contains("new-id", "russian FORCES shelled kharkiv on tuesday. ukraine accused moscow of "
                                              "war crimes. russian and ukrainian envoys met in istanbul.")));
  // One character more is another story.
  EXPECT_FALSE(MUST(store_->Contains("new-id", m.s1.doc.text + "!")));
  EXPECT_FALSE(MUST(store_->Contains("new-id", "Russian forces shelled Kharkiv on Tuesday.")));
  EXPECT_FALSE(MUST(store_->Contains("story-1'--", "")));
}

TEST_P(EventStoreTest, NormalisedTextHash) {
  EXPECT_EQ(NormalisedTextHash("A  b\tC\n"), NormalisedTextHash("a b c"));
  EXPECT_EQ(NormalisedTextHash("\n\n a b"), NormalisedTextHash("a b"));
  EXPECT_NE(NormalisedTextHash("ab"), NormalisedTextHash("a b"));
  EXPECT_NE(NormalisedTextHash("a.b"), NormalisedTextHash("a b"));
  EXPECT_EQ(NormalisedTextHash("x").size(), 32u);
  // Scraped copies differ by Unicode spaces: no-break, thin, ideographic.
  EXPECT_EQ(NormalisedTextHash("a\xC2\xA0" "b\xE2\x80\x89" "c\xE3\x80\x80" "d"), NormalisedTextHash("a b c d"));
  // Other characters of those lead bytes are text, not space.
  EXPECT_NE(NormalisedTextHash("a\xE2\x80\x94" "b"), NormalisedTextHash("a b"));  // em dash
}

// ---------------------------------------------------------------------------
// Events and their filters.

TEST_P(EventStoreTest, EventsNewestFirstThenLatestStored) {
  MainData m;
  AddMain(m);
  // Days descending; within a day, the later stored first (batch 1 stored
  // story-3 before story-1 and story-2, so E8..E10 have the smaller ids).
  EXPECT_EQ(Find({}), (std::vector<std::string>{"E20", "E19", "E18", "E17", "E16", "E15", "E14", "E13", "E12", "E11",
                                                "E10", "E9", "E8", "E7", "E6", "E5", "E4", "E3", "E2", "E1"}));
  EXPECT_EQ(MUST(store_->CountEvents({})), 20);
}

TEST_P(EventStoreTest, StoredFieldsRoundTrip) {
  MainData m;
  AddMain(m);
  auto all = ByRule();
  ASSERT_EQ(all.size(), 20u);
  const StoredEvent& e1 = all["E1"];
  EXPECT_EQ(e1.day, 19731);  // 2024-01-09
  EXPECT_EQ(e1.event.doc_id, "story-1");
  EXPECT_EQ(e1.event.sentence, 0u);
  EXPECT_EQ(e1.event.date, "2024-01-09");
  EXPECT_EQ(e1.event.source, "RUSMIL");
  EXPECT_EQ(e1.event.target, "UKR");
  EXPECT_EQ(e1.event.source_text, "text of RUSMIL");
  EXPECT_EQ(e1.event.code, "190");
  EXPECT_EQ(e1.event.root, "19");
  EXPECT_EQ(e1.event.quad_class, 4);
  EXPECT_DOUBLE_EQ(e1.event.goldstein, -10);
  EXPECT_EQ(e1.event.plover, "PLOVER-19");
  EXPECT_EQ(e1.event.status, "reported");
  EXPECT_EQ(e1.event.span_begin, 15u);  // "shelled"
  EXPECT_EQ(e1.event.span_end, 22u);
  ASSERT_TRUE(e1.event.location.has_value());
  EXPECT_EQ(e1.event.location->name, "Kharkiv");
  EXPECT_EQ(e1.event.location->country, "UKR");
  EXPECT_EQ(e1.event.location->admin, "Kharkiv Oblast");
  EXPECT_DOUBLE_EQ(e1.event.location->lat, 49.99);
  EXPECT_DOUBLE_EQ(e1.event.location->lon, 36.23);
  EXPECT_FALSE(all["E2"].event.location.has_value());
  EXPECT_EQ(all["E7"].event.target, "");
  EXPECT_EQ(all["E7"].event.target_text, "");
  EXPECT_DOUBLE_EQ(all["E7"].event.goldstein, -6.5);
  EXPECT_EQ(all["E13"].event.code, "1041");
  EXPECT_EQ(all["E13"].event.root, "10");
  // A month-precision date keeps its text and counts on the story's day.
  EXPECT_EQ(all["E16"].event.date, "2024-01");
  EXPECT_EQ(all["E16"].day, 19747);  // 2024-01-25
}

TEST_P(EventStoreTest, FilterByActor) {
  MainData m;
  AddMain(m);
  EventFilter f;
  f.actor = "RUS";  // every event but E6 and E7 (USA)
  EXPECT_EQ(MUST(store_->CountEvents(f)), 18);
  f.actor = "RUSGOV";
  EXPECT_EQ(Sorted(Find(f)), (std::vector<std::string>{"E2", "E3", "E4", "E11", "E12", "E13", "E14", "E15"}));
  f.actor = "USA";
  EXPECT_EQ(Sorted(Find(f)), (std::vector<std::string>{"E6", "E7"}));
  f.actor = "MDA";
  EXPECT_EQ(Find(f), (std::vector<std::string>{"E19"}));
  f.actor = "RUSX";  // a prefix no code has
  EXPECT_EQ(MUST(store_->CountEvents(f)), 0);
  f.actor = "U";  // UKR..., USA
  EXPECT_EQ(MUST(store_->CountEvents(f)), 16);  // all but E11 E12 (CHN>RUS), E13 (FRA>RUS), E19 (RUS>MDA)
}

TEST_P(EventStoreTest, FilterBySourceAndTarget) {
  MainData m;
  AddMain(m);
  EventFilter f;
  f.source = "RUS";
  EXPECT_EQ(Sorted(Find(f)),
            (std::vector<std::string>{"E1", "E3", "E5", "E8", "E10", "E15", "E16", "E17", "E19", "E20"}));
  f.source.clear();
  f.target = "UKR";
  EXPECT_EQ(Sorted(Find(f)),
            (std::vector<std::string>{"E1", "E3", "E5", "E6", "E8", "E10", "E15", "E16", "E17", "E20"}));
  f.target = "RUS";
  EXPECT_EQ(Sorted(Find(f)), (std::vector<std::string>{"E2", "E4", "E9", "E11", "E12", "E13", "E14", "E18"}));
  f.source = "UKRGOV";
  f.target = "RUSGOV";
  EXPECT_EQ(Sorted(Find(f)), (std::vector<std::string>{"E2", "E4", "E14"}));
}

TEST_P(EventStoreTest, FilterByDyad) {
  MainData m;
  AddMain(m);
  EventFilter f;
  ASSERT_OK(ParseDyad("RUS-UKR", &f));
  EXPECT_EQ(f.dyad_a, "RUS");
  EXPECT_EQ(f.dyad_b, "UKR");
  EXPECT_FALSE(f.dyad_directed);
  EXPECT_EQ(Sorted(Find(f)), (std::vector<std::string>{"E1", "E2", "E3", "E4", "E5", "E8", "E9", "E10", "E14",
                                                       "E15", "E16", "E17", "E18", "E20"}));
  EventFilter g;
  ASSERT_OK(ParseDyad("UKR-RUS", &g));
  EXPECT_EQ(MUST(store_->CountEvents(g)), 14);

  EventFilter d;
  ASSERT_OK(ParseDyad("RUS>UKR", &d));
  EXPECT_TRUE(d.dyad_directed);
  EXPECT_EQ(Sorted(Find(d)), (std::vector<std::string>{"E1", "E3", "E5", "E8", "E10", "E15", "E16", "E17", "E20"}));
  EventFilter r;
  ASSERT_OK(ParseDyad("UKR>RUS", &r));
  EXPECT_EQ(Sorted(Find(r)), (std::vector<std::string>{"E2", "E4", "E9", "E14", "E18"}));

  EventFilter mil;
  ASSERT_OK(ParseDyad("RUSMIL-UKR", &mil));
  EXPECT_EQ(Sorted(Find(mil)),
            (std::vector<std::string>{"E1", "E5", "E8", "E9", "E10", "E16", "E17", "E18", "E20"}));
  EventFilter gov;
  ASSERT_OK(ParseDyad("RUSGOV>UKRGOV", &gov));
  EXPECT_EQ(Sorted(Find(gov)), (std::vector<std::string>{"E3", "E15"}));
  EventFilter none;
  ASSERT_OK(ParseDyad("USA>RUS", &none));
  EXPECT_EQ(MUST(store_->CountEvents(none)), 0);
}

TEST_P(EventStoreTest, FilterByCodeRootQuadStatus) {
  MainData m;
  AddMain(m);
  EventFilter f;
  f.code = "19";
  EXPECT_EQ(Sorted(Find(f)), (std::vector<std::string>{"E1", "E5", "E8", "E9", "E16", "E17", "E19", "E20"}));
  f.code = "190";
  EXPECT_EQ(Sorted(Find(f)), (std::vector<std::string>{"E1", "E5", "E9", "E17", "E19", "E20"}));
  f.code = "0841";
  EXPECT_EQ(Sorted(Find(f)), (std::vector<std::string>{"E14", "E15"}));
  f.code = "1";
  EXPECT_EQ(MUST(store_->CountEvents(f)), 13);
  f.code = "0";
  EXPECT_EQ(MUST(store_->CountEvents(f)), 7);
  f.code = "10";  // 1041 only: 190 etc. do not start with 10
  EXPECT_EQ(Find(f), (std::vector<std::string>{"E13"}));

  EventFilter r;
  r.root = "19";
  EXPECT_EQ(MUST(store_->CountEvents(r)), 8);
  r.root = "1";  // a root is matched exactly, not as a prefix
  EXPECT_EQ(MUST(store_->CountEvents(r)), 0);
  r.root = "04";
  EXPECT_EQ(Sorted(Find(r)), (std::vector<std::string>{"E11", "E12"}));

  const int per_quad[5] = {0, 4, 3, 4, 9};
  for (int q = 1; q <= 4; ++q) {
    EventFilter qf;
    qf.quad_class = q;
    EXPECT_EQ(MUST(store_->CountEvents(qf)), per_quad[q]) << "quad " << q;
  }
  EventFilter q2;
  q2.quad_class = 2;
  EXPECT_EQ(Sorted(Find(q2)), (std::vector<std::string>{"E6", "E14", "E15"}));

  EventFilter s;
  s.status = "planned";
  EXPECT_EQ(Find(s), (std::vector<std::string>{"E6"}));
  s.status = "negated";
  EXPECT_EQ(Find(s), (std::vector<std::string>{"E19"}));
  s.status = "reported";
  EXPECT_EQ(MUST(store_->CountEvents(s)), 18);
  // Values are bound, never spliced: this is just a status nothing has.
  s.status = "reported' OR '1'='1";
  EXPECT_EQ(MUST(store_->CountEvents(s)), 0);
}

TEST_P(EventStoreTest, FilterByDatesDocIncidentAndCombined) {
  MainData m;
  AddMain(m);
  EventFilter f;
  f.from = "2024-01-12";
  f.to = "2024-01-24";
  EXPECT_EQ(Sorted(Find(f)), (std::vector<std::string>{"E8", "E9", "E10", "E11", "E12", "E13", "E14", "E15"}));
  f.from = "2024-01-10";
  f.to = "2024-01-10";  // both ends inclusive
  EXPECT_EQ(Sorted(Find(f)), (std::vector<std::string>{"E2", "E3", "E4", "E5"}));
  f.from = "2024-01-25";
  f.to.clear();  // E16's "2024-01" counts on the story's day, the 25th
  EXPECT_EQ(Sorted(Find(f)), (std::vector<std::string>{"E16", "E17", "E18", "E19", "E20"}));
  f.from.clear();
  f.to = "2024-01-09";
  EXPECT_EQ(Find(f), (std::vector<std::string>{"E1"}));
  f.to = "2024-01-08";
  EXPECT_EQ(MUST(store_->CountEvents(f)), 0);

  EventFilter d;
  d.doc_id = "story-3";
  EXPECT_EQ(Find(d), (std::vector<std::string>{"E10", "E9", "E8"}));
  EXPECT_EQ(MUST(store_->CountEvents(d)), 3);
  d.doc_id = "story-3' OR '1'='1";
  EXPECT_EQ(MUST(store_->CountEvents(d)), 0);

  auto all = ByRule();
  EventFilter inc;
  inc.incident = all["E1"].incident;
  EXPECT_EQ(Find(inc), (std::vector<std::string>{"E5", "E1"}));

  EventFilter c;
  ASSERT_OK(ParseDyad("RUS-UKR", &c));
  c.quad_class = 4;
  c.from = "2024-01-12";
  EXPECT_EQ(Sorted(Find(c)), (std::vector<std::string>{"E8", "E9", "E10", "E16", "E17", "E20"}));
  c.status = "reported";
  c.doc_id = "story-5";
  EXPECT_EQ(Find(c), (std::vector<std::string>{"E17", "E16"}));
}

TEST_P(EventStoreTest, PagingIsStable) {
  MainData m;
  AddMain(m);
  const std::vector<std::string> all = Find({});
  std::vector<std::string> paged;
  for (size_t offset = 0;; offset += 7) {
    EventFilter f;
    f.limit = 7;
    f.offset = offset;
    auto page = Rules(MUST(store_->Events(f)));
    EXPECT_LE(page.size(), 7u);
    if (page.empty()) break;
    paged.insert(paged.end(), page.begin(), page.end());
    ASSERT_LT(offset, 100u);
  }
  EXPECT_EQ(paged, all);  // 7 + 7 + 6, nothing repeated or skipped
  EventFilter f;
  f.limit = 3;
  f.offset = 12;
  EXPECT_EQ(Rules(MUST(store_->Events(f))), (std::vector<std::string>{"E8", "E7", "E6"}));
  f.limit = 0;
  EXPECT_TRUE(MUST(store_->Events(f)).empty());
  // A limit beyond any count means no limit, on both back ends (SQLite reads
  // a negative LIMIT as none, PostgreSQL rejects it).
  f.limit = std::numeric_limits<size_t>::max();
  f.offset = 0;
  EXPECT_EQ(MUST(store_->Events(f)).size(), 20u);
  EXPECT_EQ(MUST(store_->TopDyads(f)).size(), 10u);
  EXPECT_EQ(MUST(store_->Actors(f)).size(), 9u);
  f.offset = std::numeric_limits<size_t>::max();
  EXPECT_TRUE(MUST(store_->Events(f)).empty());
  // The count ignores limit and offset.
  f = EventFilter{};
  f.limit = 2;
  f.offset = 5;
  EXPECT_EQ(MUST(store_->CountEvents(f)), 20);
}

// ---------------------------------------------------------------------------
// One event with its evidence, and incidents.

TEST_P(EventStoreTest, EventDetailCutsTheSentenceFromTheStory) {
  MainData m;
  AddMain(m);
  auto all = ByRule();
  auto d2 = MUST(store_->Event(all["E2"].id));
  ASSERT_TRUE(d2.has_value());
  EXPECT_EQ(d2->stored.event.rule, "E2");
  EXPECT_EQ(d2->sentence, "Ukraine accused Moscow of war crimes.");
  EXPECT_EQ(d2->sentence_begin, 43u);
  EXPECT_EQ(d2->doc_date, "2024-01-10");
  EXPECT_EQ(d2->doc_title, "title of story-1");
  EXPECT_EQ(d2->doc_source, "wire story-1");
  EXPECT_EQ(d2->doc_url, "https://example.org/story-1");
  // The evidence span is a story offset inside the sentence: "accused".
  EXPECT_EQ(d2->stored.event.span_begin, 51u);
  EXPECT_EQ(d2->stored.event.span_end, 58u);
  EXPECT_EQ(d2->incident_mentions, 1u);
  EXPECT_EQ(d2->incident_documents, 1u);

  // After a paragraph break.
  auto d3 = MUST(store_->Event(all["E3"].id));
  ASSERT_TRUE(d3.has_value());
  EXPECT_EQ(d3->sentence, "Russian and Ukrainian envoys met in Istanbul.");
  EXPECT_EQ(d3->sentence_begin, 82u);

  auto d18 = MUST(store_->Event(all["E18"].id));
  ASSERT_TRUE(d18.has_value());
  EXPECT_EQ(d18->sentence, "Ukrainian officials said Russian drones hit Kyiv on Thursday.");
  EXPECT_EQ(d18->sentence_begin, 43u);

  // Two reports of one incident.
  auto d1 = MUST(store_->Event(all["E1"].id));
  ASSERT_TRUE(d1.has_value());
  EXPECT_EQ(d1->sentence, "Russian forces shelled Kharkiv on Tuesday.");
  EXPECT_EQ(d1->sentence_begin, 0u);
  EXPECT_EQ(d1->incident_mentions, 2u);
  EXPECT_EQ(d1->incident_documents, 2u);
  auto d12 = MUST(store_->Event(all["E12"].id));
  ASSERT_TRUE(d12.has_value());
  EXPECT_EQ(d12->incident_mentions, 2u);  // E11 and E12, one story
  EXPECT_EQ(d12->incident_documents, 1u);

  EXPECT_FALSE(MUST(store_->Event(all["E20"].id + 1000)).has_value());
  EXPECT_FALSE(MUST(store_->Event(-1)).has_value());
}

TEST_P(EventStoreTest, IncidentsGroupReportsOfOneHappening) {
  MainData m;
  AddMain(m);
  auto all = ByRule();
  auto inc = [&](const char* rule) { return all[rule].incident; };
  // Same directed dyad and root, one day apart, two stories: one incident.
  EXPECT_EQ(inc("E1"), inc("E5"));
  // The same, two days after that incident's last day: another one.
  EXPECT_NE(inc("E8"), inc("E5"));
  // Same dyad and day, another root: another one.
  EXPECT_NE(inc("E10"), inc("E8"));
  // The other direction: another one.
  EXPECT_NE(inc("E9"), inc("E8"));
  // A month-precise date counted on the 25th and a report of the 26th.
  EXPECT_EQ(inc("E16"), inc("E20"));
  // Same dyad and day but target UKRGOV, not UKR: codes are exact here.
  EXPECT_NE(inc("E17"), inc("E16"));
  EXPECT_EQ(inc("E11"), inc("E12"));
  std::map<int64_t, int> distinct;
  for (auto& [rule, e] : all) ++distinct[e.incident];
  EXPECT_EQ(distinct.size(), 17u);

  // The incident's span covers its mentions' days.
  auto rows = MUST(store_->db().Query("SELECT first_day, last_day, mentions FROM incidents WHERE id = ?",
                                      {inc("E1")}));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Int(0), 19731);  // 2024-01-09
  EXPECT_EQ(rows[0].Int(1), 19732);
  EXPECT_EQ(rows[0].Int(2), 2);
}

TEST_P(EventStoreTest, IncidentBridgesOnlyWithinTheWindow) {
  // Reports stored out of day order: the 12th, then the 10th (two days off:
  // its own incident), then the 11th (one day from both: it joins one of them
  // and the two incidents stay two).
  auto story = [](const char* id, const char* day) {
    return MakeStory(id, day, std::string("Russian forces shelled Kharkiv, report ") + id + ".",
                     {std::string("Russian forces shelled Kharkiv, report ") + id + "."},
                     {{id, 0, day, "RUSMIL", "UKR", "190", 4, -10, "reported", "shelled"}});
  };
  Story a = story("R12", "2024-01-12"), b = story("R10", "2024-01-10"), c = story("R11", "2024-01-11");
  MUST(store_->Add(Batch({&a})));
  MUST(store_->Add(Batch({&b})));
  MUST(store_->Add(Batch({&c})));
  auto all = ByRule();
  EXPECT_NE(all["R12"].incident, all["R10"].incident);
  EXPECT_TRUE(all["R11"].incident == all["R12"].incident || all["R11"].incident == all["R10"].incident);
  EXPECT_EQ(MUST(store_->Summary()).incidents, 2);
}

TEST_P(EventStoreTest, IncidentSpanIsCapped) {
  static_assert(kIncidentWindowDays == 1 && kIncidentMaxSpanDays == 7, "the counts below assume these");
  // Clashes reported every day from June 1st to 10th: each day joins the
  // previous day's incident until joining would span more than 7 days, so
  // June 1-8 is one incident (8 mentions) and June 9-10 another.
  std::vector<Story> days;
  days.reserve(10);
  const char* const dates[] = {"2024-06-01", "2024-06-02", "2024-06-03", "2024-06-04", "2024-06-05",
                               "2024-06-06", "2024-06-07", "2024-06-08", "2024-06-09", "2024-06-10"};
  const char* const rules[] = {"D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9", "D10"};
  for (int i = 0; i < 10; ++i) {
    std::string text = std::string("Syrian troops shelled Turkish posts on ") + dates[i] + ".";
    days.push_back(MakeStory(rules[i], dates[i], text, {text},
                             {{rules[i], 0, dates[i], "SYRMIL", "TUR", "190", 4, -10, "reported", "shelled"}}));
  }
  for (const Story& d : days) MUST(store_->Add(Batch({&d})));
  auto all = ByRule();
  for (const char* r : {"D2", "D3", "D4", "D5", "D6", "D7", "D8"}) EXPECT_EQ(all[r].incident, all["D1"].incident) << r;
  EXPECT_NE(all["D9"].incident, all["D1"].incident);
  EXPECT_EQ(all["D10"].incident, all["D9"].incident);
  auto rows = MUST(store_->db().Query("SELECT first_day, last_day, mentions FROM incidents ORDER BY first_day"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(IsoDay(rows[0].Int(0)) + ".." + IsoDay(rows[0].Int(1)) + " x" + rows[0].Text(2), "2024-06-01..2024-06-08 x8");
  EXPECT_EQ(IsoDay(rows[1].Int(0)) + ".." + IsoDay(rows[1].Int(1)) + " x" + rows[1].Text(2), "2024-06-09..2024-06-10 x2");
}

// ---------------------------------------------------------------------------
// Aggregates.

struct ExpectedPoint {
  const char* start;
  int64_t events, incidents, q1, q2, q3, q4;
  double goldstein_sum;
};

void ExpectTimeline(const std::vector<TimelinePoint>& got, const std::vector<ExpectedPoint>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(want[i].start);
    EXPECT_EQ(got[i].start, want[i].start);
    EXPECT_EQ(got[i].events, want[i].events);
    EXPECT_EQ(got[i].incidents, want[i].incidents);
    EXPECT_EQ(got[i].quad[1], want[i].q1);
    EXPECT_EQ(got[i].quad[2], want[i].q2);
    EXPECT_EQ(got[i].quad[3], want[i].q3);
    EXPECT_EQ(got[i].quad[4], want[i].q4);
    EXPECT_DOUBLE_EQ(got[i].goldstein_sum, want[i].goldstein_sum);
    EXPECT_DOUBLE_EQ(got[i].goldstein_mean, want[i].events ? want[i].goldstein_sum / want[i].events : 0.0);
  }
}

TEST_P(EventStoreTest, TimelineByDayFillsEmptyDays) {
  MainData m;
  AddMain(m);
  EventFilter f;
  ASSERT_OK(ParseDyad("RUS-UKR", &f));
  std::vector<ExpectedPoint> want = {
      {"2024-01-09", 1, 1, 0, 0, 0, 1, -10},      // E1
      {"2024-01-10", 4, 4, 2, 0, 1, 1, -4},       // E2 E3 E4 E5
      {"2024-01-11", 0, 0, 0, 0, 0, 0, 0},
      {"2024-01-12", 3, 3, 0, 0, 0, 3, -29},      // E8 E9 E10
  };
  for (const char* day : {"2024-01-13", "2024-01-14", "2024-01-15", "2024-01-16", "2024-01-17", "2024-01-18",
                          "2024-01-19", "2024-01-20", "2024-01-21", "2024-01-22", "2024-01-23"}) {
    want.push_back({day, 0, 0, 0, 0, 0, 0, 0});  // E11 E12 on the 23rd are CHN>RUS
  }
  want.push_back({"2024-01-24", 2, 2, 0, 2, 0, 0, 14});   // E14 E15
  want.push_back({"2024-01-25", 3, 3, 0, 0, 1, 2, -22});  // E16 E17 E18
  want.push_back({"2024-01-26", 1, 1, 0, 0, 0, 1, -10});  // E20 (incident o, also on the 25th)
  ExpectTimeline(MUST(store_->Timeline(f, Interval::kDay)), want);
}

TEST_P(EventStoreTest, TimelineByWeekCountsAnIncidentOncePerWeek) {
  MainData m;
  AddMain(m);
  EventFilter f;
  ASSERT_OK(ParseDyad("RUS-UKR", &f));
  // Week of Monday 8th: E1 E2 E3 E4 E5 E8 E9 E10, incidents a (E1+E5) b c d g h i.
  // Week of the 15th: nothing. Week of the 22nd: E14 E15 E16 E17 E18 E20,
  // incidents m n o (E16+E20) p q.
  ExpectTimeline(MUST(store_->Timeline(f, Interval::kWeek)),
                 {{"2024-01-08", 8, 7, 2, 0, 1, 5, -43},
                  {"2024-01-15", 0, 0, 0, 0, 0, 0, 0},
                  {"2024-01-22", 6, 5, 0, 2, 1, 3, -18}});

  // Directed, with a date range: only RUS>UKR from the 12th.
  EventFilter d;
  ASSERT_OK(ParseDyad("RUS>UKR", &d));
  d.from = "2024-01-12";
  ExpectTimeline(MUST(store_->Timeline(d, Interval::kWeek)),
                 {{"2024-01-08", 2, 2, 0, 0, 0, 2, -19},     // E8 E10
                  {"2024-01-15", 0, 0, 0, 0, 0, 0, 0},
                  {"2024-01-22", 4, 3, 0, 1, 0, 3, -23}});  // E15 E16 E17 E20

  EventFilter none;
  none.actor = "ZZZ";
  EXPECT_TRUE(MUST(store_->Timeline(none, Interval::kDay)).empty());
}

TEST_P(EventStoreTest, WeeksStartOnMondayAlsoBefore1970) {
  // 1969-12-28 is a Sunday, the 29th a Monday; 1970-01-04 a Sunday, the 5th
  // a Monday: day numbers -4, -3, 3, 4 (weeks must not round towards zero).
  Story s = MakeStory("old", "1970-01-05", "One. Two. Three. Four. Five.", {"One.", "Two.", "Three.", "Four.", "Five."},
                      {{"W1", 0, "1969-12-28", "USA", "USSR", "111", 3, -2, "reported", "One"},
                       {"W2", 1, "1969-12-29", "USA", "USSR", "111", 3, -2, "reported", "Two"},
                       {"W3", 2, "1970-01-01", "USA", "USSR", "111", 3, -2, "reported", "Three"},
                       {"W4", 3, "1970-01-04", "USA", "USSR", "111", 3, -2, "reported", "Four"},
                       {"W5", 4, "1970-01-05", "USA", "USSR", "111", 3, -2, "reported", "Five"}});
  MUST(store_->Add(Batch({&s})));
  auto all = ByRule();
  EXPECT_EQ(all["W1"].day, -4);
  EXPECT_EQ(all["W5"].day, 4);
  // W2 is one day after W1 (joins its incident), W3 two days after W2 (a new
  // one), W4 three after W3 (new), W5 one after W4 (joins).
  EXPECT_EQ(all["W1"].incident, all["W2"].incident);
  EXPECT_NE(all["W3"].incident, all["W2"].incident);
  EXPECT_NE(all["W4"].incident, all["W3"].incident);
  EXPECT_EQ(all["W5"].incident, all["W4"].incident);
  ExpectTimeline(MUST(store_->Timeline({}, Interval::kWeek)),
                 {{"1969-12-22", 1, 1, 0, 0, 1, 0, -2},    // W1
                  {"1969-12-29", 3, 3, 0, 0, 3, 0, -6},    // W2 (incident of W1) W3 W4
                  {"1970-01-05", 1, 1, 0, 0, 1, 0, -2}});  // W5 (incident of W4)
}

TEST_P(EventStoreTest, TopDyadsOrderAndCounts) {
  MainData m;
  AddMain(m);
  auto top = MUST(store_->TopDyads({}));
  struct Want {
    const char* source;
    const char* target;
    int64_t events, incidents, q1, q2, q3, q4;
    double mean;
  };
  // By events, then incidents (CHNGOV>RUSGOV has 2 events in 1 incident, so
  // it follows RUSGOV>UKRGOV with 2 in 2), then codes. E7 has no target.
  const std::vector<Want> want = {
      {"RUSMIL", "UKR", 6, 4, 0, 0, 0, 6, -59.0 / 6},  // E1 E5 E8 E10 E16 E20
      {"UKRGOV", "RUSGOV", 3, 3, 1, 1, 1, 0, 3},       // E2 E4 E14
      {"RUSGOV", "UKRGOV", 2, 2, 1, 1, 0, 0, 5.5},     // E3 E15
      {"CHNGOV", "RUSGOV", 2, 1, 2, 0, 0, 0, 1.5},     // E11 E12
      {"FRAGOV", "RUSGOV", 1, 1, 0, 0, 1, 0, -5},      // E13
      {"RUSMIL", "MDA", 1, 1, 0, 0, 0, 1, -10},        // E19
      {"RUSMIL", "UKRGOV", 1, 1, 0, 0, 0, 1, -10},     // E17
      {"UKRGOV", "RUSMIL", 1, 1, 0, 0, 1, 0, -2},      // E18
      {"UKRMIL", "RUSMIL", 1, 1, 0, 0, 0, 1, -10},     // E9
      {"USA", "UKR", 1, 1, 0, 1, 0, 0, 7},             // E6
  };
  ASSERT_EQ(top.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(std::string(want[i].source) + ">" + want[i].target);
    EXPECT_EQ(top[i].source, want[i].source);
    EXPECT_EQ(top[i].target, want[i].target);
    EXPECT_EQ(top[i].events, want[i].events);
    EXPECT_EQ(top[i].incidents, want[i].incidents);
    EXPECT_EQ(top[i].quad[1], want[i].q1);
    EXPECT_EQ(top[i].quad[2], want[i].q2);
    EXPECT_EQ(top[i].quad[3], want[i].q3);
    EXPECT_EQ(top[i].quad[4], want[i].q4);
    EXPECT_NEAR(top[i].goldstein_mean, want[i].mean, 1e-9);
  }
  EventFilter page;
  page.limit = 3;
  page.offset = 2;
  auto mid = MUST(store_->TopDyads(page));
  ASSERT_EQ(mid.size(), 3u);
  EXPECT_EQ(mid[0].source + ">" + mid[0].target, "RUSGOV>UKRGOV");
  EXPECT_EQ(mid[1].source + ">" + mid[1].target, "CHNGOV>RUSGOV");
  EXPECT_EQ(mid[2].source + ">" + mid[2].target, "FRAGOV>RUSGOV");

  EventFilter month;  // the second half of the month
  month.from = "2024-01-22";
  month.quad_class = 4;
  auto late = MUST(store_->TopDyads(month));
  ASSERT_EQ(late.size(), 3u);
  EXPECT_EQ(late[0].source + ">" + late[0].target + " " + std::to_string(late[0].events), "RUSMIL>UKR 2");
  EXPECT_EQ(late[0].incidents, 1);  // E16 + E20
  EXPECT_EQ(late[1].source + ">" + late[1].target, "RUSMIL>MDA");
  EXPECT_EQ(late[2].source + ">" + late[2].target, "RUSMIL>UKRGOV");
}

TEST_P(EventStoreTest, ActorsMostActive) {
  MainData m;
  AddMain(m);
  auto actors = MUST(store_->Actors({}));
  struct Want {
    const char* actor;
    int64_t as_source, as_target, incidents;
  };
  const std::vector<Want> want = {
      {"RUSMIL", 8, 2, 8},  // src E1 E5 E8 E10 E16 E17 E19 E20, tgt E9 E18; incidents a g i o p r h q
      {"RUSGOV", 2, 6, 7},  // src E3 E15, tgt E2 E4 E11 E12 E13 E14; b c d j l m n
      {"UKR", 0, 7, 5},     // tgt E1 E5 E6 E8 E10 E16 E20; a e g i o
      {"UKRGOV", 4, 3, 7},  // src E2 E4 E14 E18, tgt E3 E15 E17; b d m q c n p
      {"CHNGOV", 2, 0, 1},  // E11 E12 (incident j)
      {"USA", 2, 0, 2},     // E6 E7 (E7 has no target, still counts for its source)
      {"FRAGOV", 1, 0, 1},
      {"MDA", 0, 1, 1},
      {"UKRMIL", 1, 0, 1},
  };
  ASSERT_EQ(actors.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(want[i].actor);
    EXPECT_EQ(actors[i].actor, want[i].actor);
    EXPECT_EQ(actors[i].as_source, want[i].as_source);
    EXPECT_EQ(actors[i].as_target, want[i].as_target);
    EXPECT_EQ(actors[i].events, want[i].as_source + want[i].as_target);
    EXPECT_EQ(actors[i].incidents, want[i].incidents);
  }
  EventFilter week;
  week.from = "2024-01-23";
  week.to = "2024-01-24";  // E11..E15
  auto w = MUST(store_->Actors(week));
  ASSERT_EQ(w.size(), 4u);
  EXPECT_EQ(w[0].actor, "RUSGOV");
  EXPECT_EQ(w[0].events, 5);
  EXPECT_EQ(w[0].incidents, 4);  // j l m n
  EXPECT_EQ(w[1].actor, "CHNGOV");
  EXPECT_EQ(w[1].events, 2);
  EXPECT_EQ(w[2].actor, "UKRGOV");
  EXPECT_EQ(w[2].events, 2);
  EXPECT_EQ(w[3].actor, "FRAGOV");
  EXPECT_EQ(w[3].events, 1);
  EventFilter top1;
  top1.limit = 1;
  auto one = MUST(store_->Actors(top1));
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].actor, "RUSMIL");
}

TEST_P(EventStoreTest, ActorOnBothSidesOfAnEventCountsItOnce) {
  // "Ukrainian officials dismissed a Ukrainian commander": UKRGOV>UKRGOV.
  // event_store.h: events = as_source + as_target would say 2; one event
  // involving the actor is one event.
  Story s = MakeStory("self", "2024-05-02", "Ukraine dismissed a Ukrainian official.",
                      {"Ukraine dismissed a Ukrainian official."},
                      {{"S1", 0, "2024-05-02", "UKRGOV", "UKRGOV", "172", 4, -5, "reported", "dismissed"}});
  MUST(store_->Add(Batch({&s})));
  auto actors = MUST(store_->Actors({}));
  ASSERT_EQ(actors.size(), 1u);
  EXPECT_EQ(actors[0].actor, "UKRGOV");
  EXPECT_EQ(actors[0].as_source, 1);
  EXPECT_EQ(actors[0].as_target, 1);
  EXPECT_EQ(actors[0].events, 1);
  EXPECT_EQ(actors[0].incidents, 1);
}

TEST_P(EventStoreTest, GoldsteinSumsAreExactInAnyOrder) {
  // Ten reports weighted -0.1 (CAMEO's weight for 0214 and others). Adding
  // doubles one by one gives -0.9999999999999999, and how far off depends on
  // the order each database happens to scan rows in, so SQLite and
  // PostgreSQL printed different sums for the same store. Weights have one
  // decimal: the sums must be exact, and equal on both back ends.
  std::vector<Ev> ev;
  for (const char* rule : {"G0", "G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9"}) {
    ev.push_back({rule, 0, "2024-04-02", "GBR", "FRA", "0214", 1, -0.1, "reported", "Ten"});
  }
  Story s = MakeStory("tenths", "2024-04-02", "Ten small statements.", {"Ten small statements."}, ev);
  MUST(store_->Add(Batch({&s})));
  auto day = MUST(store_->Timeline({}, Interval::kDay));
  ASSERT_EQ(day.size(), 1u);
  EXPECT_EQ(day[0].goldstein_sum, -1.0);
  EXPECT_EQ(day[0].goldstein_mean, -0.1);
  auto top = MUST(store_->TopDyads({}));
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0].goldstein_mean, -0.1);
  AlertOptions o;
  o.min_events = 1;
  o.threshold = -100;
  o.to = "2024-04-10";  // the week after: the tenths form the baseline
  Story later = MakeStory("later", "2024-04-09", "One more.", {"One more."},
                          {{"G10", 0, "2024-04-09", "GBR", "FRA", "0214", 1, -0.1, "reported", "One"}});
  MUST(store_->Add(Batch({&later})));
  auto alerts = MUST(store_->Alerts(o));
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].baseline_goldstein_mean, -0.1);
  EXPECT_EQ(alerts[0].score, 0.0);
}

// ---------------------------------------------------------------------------
// Alerts.

// Escalation data: ISRMIL>PSE is friendly for eight weeks and hostile in the
// week of Monday 2024-03-04; PSE>ISRMIL is steady; ISRMIL>LBN turns hostile
// on only two events; ISRMIL with no target would alert if it were counted.
Story AlertStory() {
  std::vector<Ev> ev;
  auto add = [&](const char* rule, const char* day, const char* src, const char* tgt, const char* code, int quad,
                 double g) { ev.push_back({rule, 0, day, src, tgt, code, quad, g, "reported", "Events"}); };
  // ISRMIL>PSE. 2024-01-03 is in the week of 01-01, nine weeks before the
  // alert week: outside an 8-week baseline.
  add("P0", "2024-01-03", "ISRMIL", "PSE", "190", 4, -10);
  add("P1", "2024-01-09", "ISRMIL", "PSE", "036", 1, 3);
  add("P2", "2024-01-10", "ISRMIL", "PSE", "036", 1, 3);
  add("P3", "2024-01-23", "ISRMIL", "PSE", "036", 1, 3);
  add("P4", "2024-01-24", "ISRMIL", "PSE", "036", 1, 3);
  add("P5", "2024-02-06", "ISRMIL", "PSE", "036", 1, 3);
  add("P6", "2024-02-07", "ISRMIL", "PSE", "036", 1, 3);
  add("P7", "2024-02-20", "ISRMIL", "PSE", "036", 1, 3);
  add("P8", "2024-02-21", "ISRMIL", "PSE", "190", 4, -10);
  add("P9", "2024-03-04", "ISRMIL", "PSE", "190", 4, -10);
  add("P10", "2024-03-05", "ISRMIL", "PSE", "190", 4, -10);
  add("P11", "2024-03-06", "ISRMIL", "PSE", "190", 4, -10);
  add("P12", "2024-03-07", "ISRMIL", "PSE", "112", 3, -4);
  // PSE>ISRMIL: the same mix before and during.
  add("Q1", "2024-01-16", "PSE", "ISRMIL", "112", 3, -4);
  add("Q2", "2024-01-17", "PSE", "ISRMIL", "112", 3, -4);
  add("Q3", "2024-02-13", "PSE", "ISRMIL", "112", 3, -4);
  add("Q4", "2024-02-14", "PSE", "ISRMIL", "112", 3, -4);
  add("Q5", "2024-03-04", "PSE", "ISRMIL", "112", 3, -4);
  add("Q6", "2024-03-05", "PSE", "ISRMIL", "112", 3, -4);
  add("Q7", "2024-03-06", "PSE", "ISRMIL", "112", 3, -4);
  // ISRMIL>LBN: three friendly baseline events, two hostile ones.
  add("L1", "2024-01-30", "ISRMIL", "LBN", "036", 1, 3);
  add("L2", "2024-01-31", "ISRMIL", "LBN", "036", 1, 3);
  add("L3", "2024-02-01", "ISRMIL", "LBN", "036", 1, 3);
  add("L4", "2024-03-05", "ISRMIL", "LBN", "190", 4, -10);
  add("L5", "2024-03-06", "ISRMIL", "LBN", "190", 4, -10);
  // No target: never a dyad.
  add("N1", "2024-01-30", "ISRMIL", "", "036", 1, 3);
  add("N2", "2024-01-31", "ISRMIL", "", "036", 1, 3);
  add("N3", "2024-02-01", "ISRMIL", "", "036", 1, 3);
  add("N4", "2024-03-05", "ISRMIL", "", "190", 4, -10);
  add("N5", "2024-03-05", "ISRMIL", "", "190", 4, -10);
  add("N6", "2024-03-06", "ISRMIL", "", "190", 4, -10);
  return MakeStory("alerts", "2024-03-08", "Events of ten weeks.", {"Events of ten weeks."}, ev);
}

TEST_P(EventStoreTest, AlertsScoreAHostileWeekAgainstItsBaseline) {
  EXPECT_TRUE(MUST(store_->Alerts({})).empty());  // empty store
  Story s = AlertStory();
  MUST(store_->Add(Batch({&s})));

  // Default: the last stored week (Monday 2024-03-04), 8 baseline weeks, at
  // least 3 events on each side, threshold 0.3.
  // ISRMIL>PSE week: P9..P12 = -10 -10 -10 -4, mean -8.5, conflict 3/4.
  // Baseline P1..P8 (P0 is nine weeks back): 7 x 3 and -10, mean 11/8 =
  // 1.375, conflict 1/8. score = -(-8.5 - 1.375)/10 + (0.75 - 0.125)
  // = 0.9875 + 0.625 = 1.6125. PSE>ISRMIL scores 0; ISRMIL>LBN has 2 events.
  auto alerts = MUST(store_->Alerts({}));
  ASSERT_EQ(alerts.size(), 1u);
  const Alert& a = alerts[0];
  EXPECT_EQ(a.source, "ISRMIL");
  EXPECT_EQ(a.target, "PSE");
  EXPECT_EQ(a.week, "2024-03-04");
  EXPECT_EQ(a.events, 4);
  EXPECT_EQ(a.baseline_events, 8);
  EXPECT_DOUBLE_EQ(a.goldstein_mean, -8.5);
  EXPECT_DOUBLE_EQ(a.baseline_goldstein_mean, 1.375);
  EXPECT_DOUBLE_EQ(a.conflict_share, 0.75);
  EXPECT_DOUBLE_EQ(a.baseline_conflict_share, 0.125);
  EXPECT_NEAR(a.score, 1.6125, 1e-12);

  // Threshold 0: the steady dyad is listed with score 0, after the other.
  AlertOptions zero;
  zero.threshold = 0;
  auto z = MUST(store_->Alerts(zero));
  ASSERT_EQ(z.size(), 2u);
  EXPECT_EQ(z[1].source + ">" + z[1].target, "PSE>ISRMIL");
  EXPECT_EQ(z[1].events, 3);
  EXPECT_EQ(z[1].baseline_events, 4);
  EXPECT_NEAR(z[1].score, 0, 1e-12);

  // Two events are enough: ISRMIL>LBN, week -10 -10 (conflict 1) against
  // 3 3 3 (conflict 0): score = -(-10 - 3)/10 + 1 = 2.3, the strongest.
  AlertOptions two;
  two.min_events = 2;
  auto t = MUST(store_->Alerts(two));
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].source + ">" + t[0].target, "ISRMIL>LBN");
  EXPECT_NEAR(t[0].score, 2.3, 1e-12);
  EXPECT_EQ(t[1].source + ">" + t[1].target, "ISRMIL>PSE");
  two.limit = 1;
  ASSERT_EQ(MUST(store_->Alerts(two)).size(), 1u);
  two.limit = 50;
  two.actor = "LBN";
  auto lbn = MUST(store_->Alerts(two));
  ASSERT_EQ(lbn.size(), 1u);
  EXPECT_EQ(lbn[0].target, "LBN");
}

TEST_P(EventStoreTest, AlertsBaselineMovesWithEachWeek) {
  Story s = AlertStory();
  MUST(store_->Add(Batch({&s})));
  // Weeks whose Monday is in [02-19, 03-10]: 02-19, 02-26, 03-04.
  AlertOptions o;
  o.from = "2024-02-19";
  o.to = "2024-03-10";
  o.min_events = 2;
  o.threshold = 0.5;
  auto alerts = MUST(store_->Alerts(o));
  // ISRMIL>PSE in the week of 02-19: P7 P8 = 3 -10, mean -3.5, conflict 1/2;
  // its baseline is the 8 weeks from 12-25: P0..P6 = -10 and 6 x 3, mean
  // 8/7, conflict 1/7. score = (3.5 + 8/7)/10 + (1/2 - 1/7) = 13/28 + 10/28.
  // Week 03-04 as above (1.6125; the baseline now includes P7 P8 but not P0),
  // ISRMIL>LBN 2.3. PSE>ISRMIL: 0. Week 02-26 has no events.
  ASSERT_EQ(alerts.size(), 3u);
  EXPECT_EQ(alerts[0].target + " " + alerts[0].week, "LBN 2024-03-04");
  EXPECT_EQ(alerts[1].target + " " + alerts[1].week, "PSE 2024-03-04");
  EXPECT_NEAR(alerts[1].score, 1.6125, 1e-12);
  EXPECT_EQ(alerts[2].target + " " + alerts[2].week, "PSE 2024-02-19");
  EXPECT_EQ(alerts[2].events, 2);
  EXPECT_EQ(alerts[2].baseline_events, 7);
  EXPECT_NEAR(alerts[2].baseline_goldstein_mean, 8.0 / 7, 1e-12);
  EXPECT_NEAR(alerts[2].score, 23.0 / 28, 1e-12);

  // A week before any data: nothing, not an error.
  AlertOptions early;
  early.to = "2023-06-01";
  EXPECT_TRUE(MUST(store_->Alerts(early)).empty());
}

// ---------------------------------------------------------------------------
// Failures: a batch that fails anywhere leaves nothing; bad filters are
// errors.

TEST_P(EventStoreTest, FailedBatchLeavesNothing) {
  MainData m;
  // story-1 first, so that story-2's E5 joins (updates) one of its incidents.
  MUST(store_->Add(Batch({&m.s1})));
  const std::string before = Snapshot();
  // Fail the 1st, 2nd, ... statement of the batch in turn until the batch
  // goes through: every prefix of the work must roll back.
  int failures = 0;
  for (int k = 1; k < 500; ++k) {
    auto conn = OpenDatabase(where_);
    ASSERT_TRUE(conn.ok()) << conn.status().message();
    EventStore faulty(std::make_unique<FaultyConnection>(std::move(conn).value(), k, false));
    auto added = faulty.Add(Batch({&m.s2, &m.s3}));
    if (added.ok()) {
      EXPECT_EQ(added->stories, 2u);
      EXPECT_EQ(added->events, 6u);
      break;
    }
    ++failures;
    EXPECT_NE(added.status().message().find("injected fault"), std::string::npos) << added.status().message();
    // The error names the story it was storing, the incidents, the rollup
    // or the counts.
    const std::string& msg = added.status().message();
    EXPECT_TRUE(msg.rfind("story-", 0) == 0 || msg.rfind("incidents", 0) == 0 || msg.rfind("dyad_days", 0) == 0 ||
                msg.rfind("event counts", 0) == 0)
        << msg;
    ASSERT_EQ(Snapshot(), before) << "after a fault at statement " << k;
  }
  // First the incidents of the batch's 5 (dyad, root)s (one read); then
  // per story: its document, its sentences (one insert), the ids of the
  // incidents its events start and their insert (two: both stories start
  // some; E5 joins a), its events (one insert) and its counts (one insert;
  // story-3 has 1): 1 + 2 + 2 + 4 + 2 + 1 = 12 statements; then the
  // incidents joined (a: one upsert), the rollup in one upsert of its 5
  // (dyad, day) rows, the events_by_value counts in one upsert of their rows
  // (a code, directed dyad, quad class, quad class with code, source, status
  // and target each) and events_by_day in one (3 days): 12 + 1 + 1 + 2 = 16.
  EXPECT_EQ(failures, 16);
  StoreSummary s = MUST(store_->Summary());
  EXPECT_EQ(s.documents, 3);
  EXPECT_EQ(s.events, 10);
  EXPECT_EQ(s.incidents, 9);  // a b c d from story-1, E5 joins a, then e f g h i
  auto all = ByRule();
  EXPECT_EQ(all["E5"].incident, all["E1"].incident);

  // A failed commit leaves nothing either.
  const std::string three = Snapshot();
  {
    auto conn = OpenDatabase(where_);
    ASSERT_TRUE(conn.ok());
    EventStore faulty(std::make_unique<FaultyConnection>(std::move(conn).value(), 0, true));
    auto added = faulty.Add(Batch({&m.s4, &m.s5}));
    ASSERT_FALSE(added.ok());
    EXPECT_NE(added.status().message().find("injected fault at commit"), std::string::npos);
  }
  EXPECT_EQ(Snapshot(), three);
  // And the same batch then goes in whole.
  AddStats later = MUST(store_->Add(Batch({&m.s4, &m.s5})));
  EXPECT_EQ(later.stories, 2u);
  EXPECT_EQ(later.events, 8u);
}

TEST_P(EventStoreTest, BatchIsAllOrNothingOnARealDatabaseError) {
  // Bytes that are not UTF-8 in the second story's title: PostgreSQL refuses
  // them (a real error from the server, midway through the batch), SQLite
  // keeps them. Either way the batch is stored whole or not at all.
  MainData m;
  Story bad = m.s2;
  bad.doc.title = "broken \xff\xfe title";
  auto added = store_->Add(Batch({&m.s1, &bad}));
  StoreSummary s = MUST(store_->Summary());
  if (added.ok()) {
    EXPECT_EQ(GetParam(), Backend::kSqlite);
    EXPECT_EQ(s.documents, 2);
    EXPECT_EQ(s.events, 7);
  } else {
    EXPECT_EQ(added.status().message().rfind("story-2", 0), 0u) << added.status().message();
    EXPECT_EQ(s.documents, 0);
    EXPECT_EQ(s.events, 0);
    EXPECT_EQ(s.incidents, 0);
    EXPECT_EQ(s.sentences, 0);
    EXPECT_EQ(s.quotes, 0);
    // The connection is still usable: the good story goes in alone.
    EXPECT_EQ(MUST(store_->Add(Batch({&m.s1}))).stories, 1u);
  }
}

TEST_P(EventStoreTest, BadFiltersAreErrors) {
  MainData m;
  AddMain(m);
  auto expect_invalid = [&](const EventFilter& f, const std::string& why) {
    SCOPED_TRACE(why);
    auto events = store_->Events(f);
    ASSERT_FALSE(events.ok());
    EXPECT_EQ(events.status().code(), Status::Code::kInvalidArgument) << events.status().message();
    EXPECT_FALSE(store_->CountEvents(f).ok());
    EXPECT_FALSE(store_->Timeline(f, Interval::kDay).ok());
    EXPECT_FALSE(store_->TopDyads(f).ok());
    EXPECT_FALSE(store_->Actors(f).ok());
  };
  EventFilter f;
  f.actor = "rus";
  expect_invalid(f, "lower-case actor");
  f = {};
  f.source = "RUS'";
  expect_invalid(f, "quote in source");
  f = {};
  f.target = "UK R";
  expect_invalid(f, "space in target");
  f = {};
  f.code = "19%";
  expect_invalid(f, "wildcard in code");
  f = {};
  f.code = "1a";
  expect_invalid(f, "lower-case code");
  f = {};
  f.root = "1-9";
  expect_invalid(f, "punctuation in root");
  f = {};
  f.actor = std::string(33, 'A');
  expect_invalid(f, "a 33-letter code");
  f = {};
  f.quad_class = 5;
  expect_invalid(f, "quad 5");
  f.quad_class = -1;
  expect_invalid(f, "quad -1");
  for (const char* bad : {"2024-13-01", "2023-02-29", "2024-1-1", "20240101", "2024-01-01T00:00", "yesterday", "0000-01-01"}) {
    f = {};
    f.from = bad;
    expect_invalid(f, std::string("from ") + bad);
    f = {};
    f.to = bad;
    expect_invalid(f, std::string("to ") + bad);
  }
  f = {};
  f.dyad_a = "RUS";  // a dyad with one side
  expect_invalid(f, "half a dyad");
  f = {};
  f.dyad_a = "rus";
  f.dyad_b = "UKR";
  expect_invalid(f, "lower-case dyad side");

  EventFilter d;
  for (const char* bad : {"RUS", "RUS-", "-UKR", ">UKR", "RUS-UKR-USA", "RUS>UKR>USA", "RUS-UKR>USA", ""}) {
    EXPECT_FALSE(ParseDyad(bad, &d).ok()) << bad;
  }

  AlertOptions a;
  a.baseline_weeks = 0;
  EXPECT_FALSE(store_->Alerts(a).ok());
  a = {};
  a.min_events = 0;
  EXPECT_FALSE(store_->Alerts(a).ok());
  a = {};
  a.to = "2024-02-30";
  EXPECT_FALSE(store_->Alerts(a).ok());
  a = {};
  a.from = "2024-1-1";
  EXPECT_FALSE(store_->Alerts(a).ok());
  a = {};
  a.actor = "isr";
  EXPECT_FALSE(store_->Alerts(a).ok());
  // Nothing above changed the store.
  EXPECT_EQ(MUST(store_->Summary()).events, 20);
}

TEST_P(EventStoreTest, ReopenedStoreKeepsEverything) {
  MainData m;
  AddMain(m);
  store_.reset();
  auto again = EventStore::Open(where_);  // schema exists: opened, not re-created
  ASSERT_TRUE(again.ok()) << again.status().message();
  store_ = std::move(again).value();
  EXPECT_EQ(MUST(store_->Summary()).events, 20);
  EXPECT_EQ(MUST(store_->Add(Batch({&m.s1}))).duplicates, 1u);
}

// ---------------------------------------------------------------------------
// Bulk loading: the five wide event indexes deferred, then built once.

constexpr const char* kWideEventIndexes[] = {"events_day", "events_source", "events_target_code",
                                             "events_source_code", "events_code"};

TEST_P(EventStoreTest, BulkLoadDefersTheEventIndexesAndBuildsThemAtTheEnd) {
  MainData m;
  AddMain(m);  // a store with indexes: what the bulk-loaded one must answer
  const std::string want = Snapshot();
  EventFilter rus19;
  rus19.actor = "RUS";
  rus19.root = "19";
  const std::vector<std::string> answer = Find(rus19);
  ASSERT_EQ(answer.size(), 8u);
  ASSERT_OK(store_->db().Execute(
      "DELETE FROM events; DELETE FROM quotes; DELETE FROM counts; DELETE FROM sentences; DELETE FROM incidents;"
      " DELETE FROM documents; DELETE FROM dyad_days; DELETE FROM events_by_value; DELETE FROM events_by_day"));

  store_.reset();
  store_ = MUST(EventStore::OpenForBulkLoad(where_));
  EXPECT_TRUE(MUST(EventIndexesDeferred(&store_->db())));
  for (const char* index : kWideEventIndexes) EXPECT_EQ(IndexSql(index).size(), 0u) << index;
  EXPECT_EQ(IndexSql("events_document").size(), 1u);  // the narrow ones stay
  AddMain(m);  // duplicates are still found: the document indexes stay too
  ASSERT_OK(store_->FinishBulkLoad());
  EXPECT_FALSE(MUST(EventIndexesDeferred(&store_->db())));
  for (const char* index : kWideEventIndexes) EXPECT_EQ(IndexSql(index).size(), 1u) << index;
  EXPECT_EQ(Snapshot(), want);
  store_->set_events_plan({EventsPlan::Mode::kSeek});
  EXPECT_EQ(Find(rus19), answer);
  EXPECT_EQ(store_->last_events_plan(), "seek events_source_code+events_target_code");
}

// A bulk load that stops before FinishBulkLoad (killed: tests/ingest_test.sh
// kills a real `ingest --bulk`) leaves a whole store without its wide
// indexes; a second bulk load goes on without building them, and the next
// plain Open() builds them.
TEST_P(EventStoreTest, UnfinishedBulkLoadIsIndexedByTheNextOpen) {
  MainData m;
  store_.reset();
  store_ = MUST(EventStore::OpenForBulkLoad(where_));
  ASSERT_EQ(MUST(store_->Add(Batch({&m.s3, &m.s1, &m.s2}))).stories, 3u);
  store_.reset();  // no FinishBulkLoad
  store_ = MUST(EventStore::OpenForBulkLoad(where_));
  EXPECT_TRUE(MUST(EventIndexesDeferred(&store_->db())));
  EXPECT_EQ(IndexSql("events_day").size(), 0u);
  AddStats more = MUST(store_->Add(Batch({&m.s1, &m.s4})));
  EXPECT_EQ(more.stories, 1u);
  EXPECT_EQ(more.duplicates, 1u);
  const std::string before = Snapshot();
  store_.reset();
  store_ = MUST(EventStore::Open(where_));
  EXPECT_FALSE(MUST(EventIndexesDeferred(&store_->db())));
  for (const char* index : kWideEventIndexes) EXPECT_EQ(IndexSql(index).size(), 1u) << index;
  EXPECT_EQ(Snapshot(), before);
  EventFilter f;
  f.code = "19";
  store_->set_events_plan({EventsPlan::Mode::kSeek});
  const std::vector<std::string> seek = Find(f);
  store_->set_events_plan({EventsPlan::Mode::kPlanner});
  EXPECT_EQ(Find(f), seek);
  EXPECT_FALSE(seek.empty());
}

// ---------------------------------------------------------------------------
// The dyad_days rollup: what it answers equals what the events say.

std::string Show(const std::vector<TimelinePoint>& points) {
  std::string out;
  for (const TimelinePoint& p : points) {
    out += p.start + " " + std::to_string(p.events) + "/" + std::to_string(p.incidents) + " q" +
           std::to_string(p.quad[1]) + std::to_string(p.quad[2]) + std::to_string(p.quad[3]) +
           std::to_string(p.quad[4]) + " g" + std::to_string(p.goldstein_sum) + "\n";
  }
  return out;
}

std::string Show(const std::vector<DyadCount>& dyads) {
  std::string out;
  for (const DyadCount& d : dyads) {
    out += d.source + ">" + d.target + " " + std::to_string(d.events) + "/" + std::to_string(d.incidents) + " q" +
           std::to_string(d.quad[1]) + std::to_string(d.quad[2]) + std::to_string(d.quad[3]) +
           std::to_string(d.quad[4]) + " g" + std::to_string(d.goldstein_mean) + "\n";
  }
  return out;
}

// Every dyad-and-dates filter, answered from the rollup and from the events.
void ExpectRollupMatchesEvents(EventStore* store) {
  std::vector<EventFilter> filters;
  for (const char* dyad : {"", "RUS-UKR", "RUS>UKR", "UKR>RUS", "RUSMIL-UKR", "CHN-RUS", "USA-UKR", "SYR-TUR"}) {
    for (auto [from, to] : {std::pair<const char*, const char*>{"", ""}, {"2024-01-10", ""}, {"", "2024-01-11"},
                            {"2024-01-11", "2024-01-24"}, {"2024-06-03", "2024-06-09"}, {"2025-01-01", ""}}) {
      EventFilter f;
      if (*dyad) {
        EXPECT_TRUE(ParseDyad(dyad, &f).ok());
      }
      f.from = from;
      f.to = to;
      filters.push_back(f);
    }
  }
  for (EventFilter f : filters) {
    SCOPED_TRACE("dyad " + f.dyad_a + (f.dyad_directed ? ">" : "-") + f.dyad_b + " from '" + f.from + "' to '" +
                 f.to + "'");
    for (Interval interval : {Interval::kDay, Interval::kWeek}) {
      store->set_use_rollups(true);
      std::string rollup = Show(MUST(store->Timeline(f, interval)));
      store->set_use_rollups(false);
      EXPECT_EQ(rollup, Show(MUST(store->Timeline(f, interval))));
    }
    for (auto [limit, offset] : {std::pair<size_t, size_t>{100, 0}, {2, 0}, {2, 3}, {5, 100}}) {
      f.limit = limit;
      f.offset = offset;
      store->set_use_rollups(true);
      std::string rollup = Show(MUST(store->TopDyads(f)));
      store->set_use_rollups(false);
      EXPECT_EQ(rollup, Show(MUST(store->TopDyads(f))));
    }
  }
  store->set_use_rollups(true);
}

TEST_P(EventStoreTest, RollupAnswersLikeTheEvents) {
  MainData m;
  AddMain(m);
  // Incidents spanning several days (and a week boundary: June 3rd is a
  // Monday), stored out of order.
  std::vector<Story> days;
  const char* const dates[] = {"2024-06-05", "2024-06-01", "2024-06-03", "2024-06-02", "2024-06-04",
                               "2024-06-09", "2024-06-06", "2024-06-08", "2024-06-07", "2024-06-12"};
  for (int i = 0; i < 10; ++i) {
    std::string id = "J" + std::to_string(i);
    std::string text = std::string("Syrian troops shelled Turkish posts on ") + dates[i] + ".";
    days.push_back(MakeStory(id, dates[i], text, {text},
                             {{id.c_str(), 0, dates[i], "SYRMIL", "TUR", "190", 4, -10, "reported", "shelled"},
                              {id.c_str(), 0, dates[i], "TURMIL", "SYR", "190", 4, -9.5, "reported", "shelled"}}));
  }
  for (const Story& d : days) MUST(store_->Add(Batch({&d})));
  ExpectRollupMatchesEvents(store_.get());
}

// A version-1 store (no rollup) is upgraded when opened: the rollup is built
// from its events and answers as before.
TEST_P(EventStoreTest, VersionOneStoreGetsItsRollup) {
  MainData m;
  AddMain(m);
  const std::string before = Snapshot();
  ASSERT_OK(store_->db().Execute("DELETE FROM dyad_days"));
  ASSERT_OK(store_->db().Execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'"));
  ReopenUpgraded(before);
  ExpectRollupMatchesEvents(store_.get());
}

// A version-2 store (no event counts, narrower event indexes under the same
// names) is upgraded when opened: the counts are built from its events and
// equal those kept while adding; the indexes hold the filter columns.
TEST_P(EventStoreTest, VersionTwoStoreGetsCountsAndWiderIndexes) {
  const UpgradeCase c = StoreAsOlderVersion(
      "DROP TABLE events_by_value; DROP TABLE events_by_day;"
      " DROP INDEX events_day; DROP INDEX events_source; DROP INDEX events_code;"
      " DROP INDEX events_target_code; DROP INDEX events_source_code;"
      " CREATE INDEX events_day ON events (day, source, target, quad_class, goldstein, incident_id);"
      " CREATE INDEX events_source ON events (source, target, day, quad_class, goldstein, incident_id);"
      " CREATE INDEX events_target ON events (target, source, day, quad_class, goldstein, incident_id);"
      " CREATE INDEX events_code ON events (code, day);"
      " UPDATE meta SET value = '2' WHERE key = 'schema_version'");
  ReopenUpgraded(c.before);
  for (const char* index :
       {"events_day", "events_source", "events_target_code", "events_source_code", "events_code"}) {
    const std::vector<std::string> sql = IndexSql(index);
    ASSERT_EQ(sql.size(), 1u) << index;
    EXPECT_NE(sql[0].find("status"), std::string::npos) << sql[0];
  }
  EXPECT_EQ(Find(c.filter), c.answer);
}

// A version-3 store (events_target keyed (target, source, day), no
// events_source_code) is upgraded when opened: events_target gives way to
// the two code-keyed indexes, and an actor with a root is read through them.
TEST_P(EventStoreTest, VersionThreeStoreGetsCodeKeyedActorIndexes) {
  const UpgradeCase c = StoreAsOlderVersion(
      "DROP INDEX events_target_code; DROP INDEX events_source_code;"
      " CREATE INDEX events_target ON events (target, source, day, quad_class, goldstein, incident_id, code, root,"
      " status);"
      " UPDATE meta SET value = '3' WHERE key = 'schema_version'");
  ReopenUpgraded(c.before);
  EXPECT_EQ(IndexSql("events_target").size(), 0u);
  EXPECT_EQ(IndexSql("events_target_code").size(), 1u);
  EXPECT_EQ(IndexSql("events_source_code").size(), 1u);
  store_->set_events_plan({EventsPlan::Mode::kSeek});
  EXPECT_EQ(Find(c.filter), c.answer);
  EXPECT_EQ(store_->last_events_plan(), "seek events_source_code+events_target_code");
}

// ---------------------------------------------------------------------------
// How Events() finds a page (EventsPlan): every plan gives the rows that a
// plain reading of the filter gives, in the same order.

// 1,500 events over three months, stories in date order but events dated up
// to two days before their story (so ids do not follow days), twenty events
// on a busy day (ties broken by id). RUSMIL and UKR are in most events, FRA
// and SYR in few; "planned" events are all in January (a filter's matches
// need not be spread evenly in time); a code has one quad class.
std::vector<Story> PlanStories() {
  struct Code {
    const char* code;
    int quad;
  };
  const Code codes[] = {{"190", 4}, {"193", 4}, {"182", 4}, {"111", 3}, {"112", 3}, {"1041", 3},
                        {"036", 1}, {"040", 1}, {"042", 1}, {"070", 2}, {"0841", 2}, {"141", 3}};
  const char* actors[] = {"RUSMIL", "UKR", "RUSMIL", "UKRGOV", "RUSGOV", "UKR", "USA", "CHN", "RUSMIL", "UKR"};
  uint32_t x = 20240101;
  auto next = [&](uint32_t n) {
    x = x * 1664525u + 1013904223u;
    return (x >> 8) % n;
  };
  const int64_t first = *DayNumber("2024-01-01");
  std::vector<Story> stories(150);
  for (int i = 0; i < 150; ++i) {
    Story& s = stories[i];
    const int64_t day = first + (i * 90) / 150;
    s.doc.id = "plan-" + std::to_string(i);
    s.doc.date = IsoDay(day);
    s.doc.text = "Generated story number " + std::to_string(i) + " of the plan tests.";
    s.doc.sentences.push_back(Sentence{0, 0, 0, static_cast<uint32_t>(s.doc.text.size()), 0});
    for (int k = 0; k < 10; ++k) {
      Event e;
      e.doc_id = s.doc.id;
      e.date = IsoDay(day - next(3));
      e.source = actors[next(10)];
      e.target = actors[next(10)];
      if (next(60) == 0) e.source = "FRA";
      if (day < first + 20 && next(20) == 0) e.target = "SYR";
      if (e.source == e.target) e.target = next(2) ? "" : "USA";
      const Code& c = codes[next(12)];
      e.code = c.code;
      e.root = e.code.substr(0, 2);
      e.quad_class = c.quad;
      e.goldstein = c.quad == 4 ? -10 : 3;
      e.status = day < first + 31 && next(4) == 0 ? "planned" : next(25) == 0 ? "negated" : "reported";
      e.span_begin = 0;
      e.span_end = 9;
      e.rule = "P" + std::to_string(i * 10 + k);
      s.coded.events.push_back(e);
    }
  }
  return stories;
}

struct PlainEvent {
  int64_t id, day;
  std::string source, target, code, root, status;
  int quad;
};

bool StartsWith(const std::string& s, const std::string& prefix) {
  return !prefix.empty() && s.compare(0, prefix.size(), prefix) == 0;
}

// The filter read by hand (event_store.h says what each field means).
bool Matches(const EventFilter& f, const PlainEvent& e) {
  if (!f.actor.empty() && !StartsWith(e.source, f.actor) && !StartsWith(e.target, f.actor)) return false;
  if (!f.source.empty() && !StartsWith(e.source, f.source)) return false;
  if (!f.target.empty() && !StartsWith(e.target, f.target)) return false;
  if (!f.dyad_a.empty()) {
    bool ab = StartsWith(e.source, f.dyad_a) && StartsWith(e.target, f.dyad_b);
    bool ba = StartsWith(e.source, f.dyad_b) && StartsWith(e.target, f.dyad_a);
    if (!(ab || (!f.dyad_directed && ba))) return false;
  }
  if (!f.code.empty() && !StartsWith(e.code, f.code)) return false;
  if (!f.root.empty() && e.root != f.root) return false;
  if (f.quad_class != 0 && e.quad != f.quad_class) return false;
  if (!f.status.empty() && e.status != f.status) return false;
  if (!f.from.empty() && e.day < *DayNumber(f.from)) return false;
  if (!f.to.empty() && e.day > *DayNumber(f.to)) return false;
  return true;
}

std::string Describe(const EventFilter& f) {
  return "actor=" + f.actor + " source=" + f.source + " target=" + f.target + " dyad=" + f.dyad_a +
         (f.dyad_directed ? ">" : "-") + f.dyad_b + " code=" + f.code + " root=" + f.root +
         " quad=" + std::to_string(f.quad_class) + " status=" + f.status + " from=" + f.from + " to=" + f.to +
         " limit=" + std::to_string(f.limit) + " offset=" + std::to_string(f.offset);
}

std::vector<EventFilter> PlanFilters() {
  std::vector<EventFilter> filters;
  auto add = [&](auto&& set) {
    EventFilter f;
    set(f);
    filters.push_back(f);
  };
  const char* actors[] = {"RUSMIL", "UKR", "RUS", "FRA", "SYR", "USA", "ZZZ"};
  for (const char* a : actors) {
    add([&](EventFilter& f) { f.actor = a; });
    add([&](EventFilter& f) { f.actor = a, f.root = "19"; });
    add([&](EventFilter& f) { f.actor = a, f.code = "0841"; });
    add([&](EventFilter& f) { f.actor = a, f.quad_class = 4; });
    add([&](EventFilter& f) { f.actor = a, f.status = "planned"; });
    add([&](EventFilter& f) { f.actor = a, f.status = "reported"; });
    add([&](EventFilter& f) { f.actor = a, f.from = "2024-02-10", f.to = "2024-03-05"; });
    add([&](EventFilter& f) { f.actor = a, f.from = "2024-03-20"; });
  }
  for (const char* dyad : {"RUSMIL-UKR", "RUS-UKR", "UKR>RUSMIL", "USA-CHN", "RUS-RUSMIL", "FRA>UKR"}) {
    add([&](EventFilter& f) { EXPECT_TRUE(ParseDyad(dyad, &f).ok()); });
    add([&](EventFilter& f) { EXPECT_TRUE(ParseDyad(dyad, &f).ok()), f.from = "2024-01-15", f.to = "2024-02-15"; });
    add([&](EventFilter& f) { EXPECT_TRUE(ParseDyad(dyad, &f).ok()), f.quad_class = 1; });
  }
  add([](EventFilter& f) { f.source = "RUSMIL", f.target = "UKR"; });
  add([](EventFilter& f) { f.source = "UKR", f.root = "08"; });
  add([](EventFilter& f) { f.target = "RUS", f.status = "negated"; });
  // An actor (or a source, or a target) with a code or root: read through
  // the actor's stored values by code, both sides of "RUS" holding events
  // RUSMIL>RUSGOV that must be read once.
  add([](EventFilter& f) { f.source = "RUS", f.root = "19"; });
  add([](EventFilter& f) { f.target = "RUS", f.code = "19", f.status = "planned"; });
  add([](EventFilter& f) { f.target = "UKRGOV", f.code = "1"; });
  add([](EventFilter& f) { f.actor = "RUS", f.code = "1", f.from = "2024-02-01"; });
  add([](EventFilter& f) { f.actor = "UKR", f.root = "19", f.quad_class = 4, f.to = "2024-02-15"; });
  add([](EventFilter& f) { f.actor = "RUS", f.code = "0", f.root = "03"; });
  add([](EventFilter& f) { f.source = "RUSMIL", f.target = "UKR", f.code = "19"; });
  add([](EventFilter& f) { f.actor = "RUS", f.target = "UKR", f.root = "11"; });
  add([](EventFilter& f) { f.actor = "R", f.code = "19", f.status = "reported"; });
  for (const char* root : {"19", "03", "08", "14", "10"}) {
    for (int quad = 1; quad <= 4; ++quad) add([&](EventFilter& f) { f.root = root, f.quad_class = quad; });
    add([&](EventFilter& f) { f.root = root, f.status = "reported"; });
    add([&](EventFilter& f) { f.root = root, f.status = "planned"; });
    add([&](EventFilter& f) { f.code = root, f.from = "2024-03-01"; });
  }
  add([](EventFilter& f) { f.code = "1", f.root = "19"; });
  add([](EventFilter& f) { f.code = "1041", f.root = "19"; });
  add([](EventFilter& f) { f.quad_class = 2, f.from = "2024-02-01", f.to = "2024-02-29"; });
  add([](EventFilter& f) { f.status = "negated", f.from = "2024-01-20"; });
  add([](EventFilter& f) { f.quad_class = 3, f.status = "planned"; });
  add([](EventFilter&) {});
  return filters;
}

TEST_P(EventStoreTest, EveryPlanGivesThePlainAnswer) {
  std::vector<Story> stories = PlanStories();
  for (size_t i = 0; i < stories.size(); i += 25) {
    std::vector<const Story*> part;
    for (size_t k = i; k < i + 25; ++k) part.push_back(&stories[k]);
    MUST(store_->Add(Batch(part)));
  }
  std::vector<PlainEvent> all;
  for (const SqlRow& r :
       MUST(store_->db().Query("SELECT id, day, source, target, code, root, status, quad_class FROM events"))) {
    all.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6),
                   static_cast<int>(r.Int(7))});
  }
  ASSERT_EQ(all.size(), 1500u);
  std::sort(all.begin(), all.end(), [](const PlainEvent& a, const PlainEvent& b) {
    return a.day != b.day ? a.day > b.day : a.id > b.id;
  });
  // Unless told otherwise, both back ends choose the plan from the counts
  // (PostgreSQL's own planner sorted a common root's matches: doc/store.md).
  EXPECT_EQ(store_->events_plan().mode, EventsPlan::Mode::kAdaptive);
  EventFilter common;
  common.code = "19";
  common.limit = 10;
  MUST(store_->Events(common));
  EXPECT_EQ(store_->last_events_plan(), "seek events_code");

  struct Mode {
    const char* name;
    EventsPlan plan;
  };
  const Mode modes[] = {{"planner", {EventsPlan::Mode::kPlanner}},
                        {"walk", {EventsPlan::Mode::kWalk}},
                        {"seek", {EventsPlan::Mode::kSeek}},
                        {"adaptive", {EventsPlan::Mode::kAdaptive}},
                        {"adaptive, no small seeks", {EventsPlan::Mode::kAdaptive, 0}}};
  constexpr size_t kAll = std::numeric_limits<size_t>::max();
  const std::pair<size_t, size_t> pages[] = {{100, 0}, {7, 0}, {7, 13}, {3, 250}, {0, 0}, {kAll, 0}, {5, kAll}};
  std::set<std::string> adaptive_plans;
  int nonempty = 0;
  for (EventFilter f : PlanFilters()) {
    std::vector<int64_t> expected;
    for (const PlainEvent& e : all) {
      if (Matches(f, e)) expected.push_back(e.id);
    }
    nonempty += !expected.empty();
    for (const Mode& mode : modes) {
      store_->set_events_plan(mode.plan);
      SCOPED_TRACE(std::string(mode.name) + ": " + Describe(f));
      const int64_t n = static_cast<int64_t>(expected.size());
      EXPECT_EQ(MUST(store_->CountEvents(f)), n);
      // Capped as /api/events counts: the total up to the cap, else the cap
      // as a lower bound (across a seek's branches too).
      for (int64_t cap : {1, 5, 40, 300, 1500}) {
        EventTotal t = MUST(store_->CountEventsUpTo(f, cap));
        EXPECT_EQ(t.count, std::min(n, cap)) << "cap " << cap;
        EXPECT_EQ(t.exact, n <= cap) << "cap " << cap;
      }
      for (auto [limit, offset] : pages) {
        f.limit = limit;
        f.offset = offset;
        std::vector<int64_t> page;
        for (const StoredEvent& e : MUST(store_->Events(f))) page.push_back(e.id);
        const size_t begin = std::min(offset, expected.size());
        const size_t end = begin + std::min(limit, expected.size() - begin);
        const std::vector<int64_t> want(expected.begin() + begin, expected.begin() + end);
        EXPECT_EQ(page, want) << "plan " << store_->last_events_plan();
        if (mode.plan.mode == EventsPlan::Mode::kAdaptive) adaptive_plans.insert(store_->last_events_plan());
        // The page with its total, as /api/events asks (exactly, or capped):
        // the same page, and the total however the page was found.
        for (int64_t cap : {int64_t{0}, int64_t{5}, int64_t{300}}) {
          EventsPage both = MUST(store_->EventsWithTotal(f, cap));
          page.clear();
          for (const StoredEvent& e : both.events) page.push_back(e.id);
          EXPECT_EQ(page, want) << "plan " << store_->last_events_plan() << ", cap " << cap;
          EXPECT_EQ(both.total.count, cap ? std::min(n, cap) : n) << "plan " << store_->last_events_plan();
          EXPECT_EQ(both.total.exact, !cap || n <= cap) << "plan " << store_->last_events_plan();
        }
      }
    }
  }
  EXPECT_GT(nonempty, 60);
  // Each way the adaptive plan can go was taken at least once.
  auto taken = [&](const std::string& prefix) {
    return std::any_of(adaptive_plans.begin(), adaptive_plans.end(),
                       [&](const std::string& p) { return p.rfind(prefix, 0) == 0; });
  };
  std::string plans;
  for (const std::string& p : adaptive_plans) plans += p + "; ";
  EXPECT_TRUE(taken("walk") && adaptive_plans.count("walk")) << plans;
  EXPECT_TRUE(taken("seek events_source+events_target_code")) << plans;
  EXPECT_TRUE(adaptive_plans.count("seek events_source_code+events_target_code")) << plans;
  EXPECT_TRUE(adaptive_plans.count("seek events_source_code")) << plans;
  EXPECT_TRUE(adaptive_plans.count("seek events_target_code")) << plans;
  EXPECT_TRUE(taken("seek events_code")) << plans;
  EXPECT_TRUE(taken("seek events_source pairs")) << plans;
  EXPECT_TRUE(taken("walk, then seek")) << plans;
  EXPECT_TRUE(taken("none")) << plans;
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

INSTANTIATE_TEST_SUITE_P(Backends, EventStoreTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace faultline
