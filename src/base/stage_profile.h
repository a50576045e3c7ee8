// An opt-in split of the time spent per pipeline stage (`faultline code
// --profile`), for finding where a run goes, not for timed tests.
//
// Code that does stage work holds a StageLap built from a StageProfile
// pointer; when the pointer is null (profiling off, the default) every call
// is one predictable branch and the clock is never read. When on, Lap(stage)
// charges the time since the previous lap to `stage`, so consecutive laps
// cover a loop body without gaps or double counting.
//
// Thread contract: one StageProfile may be shared by all threads (counters
// are relaxed atomics, summed thread time); a StageLap belongs to one thread.
#ifndef FAULTLINE_BASE_STAGE_PROFILE_H_
#define FAULTLINE_BASE_STAGE_PROFILE_H_

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>

namespace faultline {

enum class Stage : int {
  kLoad,       // dictionaries and models (Pipeline::Open)
  kRead,       // reading and parsing input records
  kSegment,    // UTF-8 check, normalisation, tokens, sentences
  kTag,        // UPOS + Penn tagger
  kLemmatise,  // lemmas
  kParse,      // dependency parser
  kActors,     // words, actor phrases, composition, tree view
  kDates,      // date expressions of the sentence
  kPatterns,   // verb-pattern anchors
  kClause,     // status, arguments, reporter, emitting events, location
  kQuotes,     // quotes and numeric claims (counts)
  kWrite,      // output writer
  kCount
};

constexpr std::array<const char*, static_cast<int>(Stage::kCount)> kStageNames = {
    "load", "read", "segment", "tag", "lemmatise", "parse", "actors",
    "dates", "patterns", "clause", "quotes+counts", "write"};

class StageProfile {
 public:
  void Add(Stage s, std::chrono::steady_clock::duration d) {
    ns_[static_cast<int>(s)].fetch_add(std::chrono::duration_cast<std::chrono::nanoseconds>(d).count(),
                                       std::memory_order_relaxed);
  }
  double Seconds(Stage s) const { return ns_[static_cast<int>(s)].load(std::memory_order_relaxed) * 1e-9; }

 private:
  std::array<std::atomic<int64_t>, static_cast<int>(Stage::kCount)> ns_{};
};

class StageLap {
 public:
  explicit StageLap(StageProfile* profile) : profile_(profile) {
    if (profile_) last_ = std::chrono::steady_clock::now();
  }
  // Charges the time since the previous lap (or construction) to `s`.
  void Lap(Stage s) {
    if (!profile_) return;
    auto now = std::chrono::steady_clock::now();
    profile_->Add(s, now - last_);
    last_ = now;
  }

 private:
  StageProfile* profile_;
  std::chrono::steady_clock::time_point last_{};
};

// Laps `stage` when it goes out of scope: covers every exit of a loop body
// (continue included) without touching each one.
class LapOnExit {
 public:
  LapOnExit(StageLap* lap, Stage stage) : lap_(lap), stage_(stage) {}
  ~LapOnExit() { lap_->Lap(stage_); }
  LapOnExit(const LapOnExit&) = delete;
  LapOnExit& operator=(const LapOnExit&) = delete;

 private:
  StageLap* lap_;
  Stage stage_;
};

}  // namespace faultline

#endif  // FAULTLINE_BASE_STAGE_PROFILE_H_
