// Retrying with exponential backoff, shared by the Redis client and the store
// writes of the worker: a restarted server is waited for, not given up on.
//
// Thread contract: a Backoff is used by one thread; `stop` may be set from a
// signal handler (it is polled).
#ifndef FAULTLINE_FEED_BACKOFF_H_
#define FAULTLINE_FEED_BACKOFF_H_

#include <chrono>
#include <functional>
#include <string>

namespace faultline {

struct RetryOptions {
  std::string who = "faultline";   // prefix of the messages on stderr
  // Polled while waiting; when it returns true the retry loop gives up.
  // Default (empty): never stop.
  std::function<bool()> stop;
  int first_delay_ms = 100;        // doubles on each failure ...
  int max_delay_ms = 5000;         // ... up to this
};

class Backoff {
 public:
  explicit Backoff(const RetryOptions& options) : options_(options), delay_ms_(options.first_delay_ms) {}

  // Prints "<who>: <what>; retrying in 0.4 s" and sleeps that long (less if
  // stop() turns true). Returns false when stop() is true: give up.
  bool Wait(const std::string& what);
  // After a success: the next failure waits the first delay again. Prints
  // "<who>: <what> after N attempts (T s)" when there were failures.
  void Succeeded(const std::string& what);
  int failures() const { return failures_; }

 private:
  const RetryOptions& options_;
  int delay_ms_;
  int failures_ = 0;
  std::chrono::steady_clock::time_point first_failure_;
};

// Sleeps `ms`, waking early when stop() turns true; returns !stop().
bool SleepUnlessStopped(int ms, const std::function<bool()>& stop);

}  // namespace faultline

#endif  // FAULTLINE_FEED_BACKOFF_H_
