#include "feed/backoff.h"

#include <algorithm>
#include <cstdio>
#include <thread>

namespace faultline {

bool SleepUnlessStopped(int ms, const std::function<bool()>& stop) {
  // Short naps so that SIGTERM during a long wait is noticed quickly.
  constexpr int kNapMs = 50;
  for (int slept = 0; slept < ms; slept += kNapMs) {
    if (stop && stop()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(kNapMs, ms - slept)));
  }
  return !(stop && stop());
}

bool Backoff::Wait(const std::string& what) {
  if (failures_++ == 0) first_failure_ = std::chrono::steady_clock::now();
  if (options_.stop && options_.stop()) return false;
  std::fprintf(stderr, "%s: %s; retrying in %.1f s\n", options_.who.c_str(), what.c_str(),
               delay_ms_ / 1000.0);
  const bool go_on = SleepUnlessStopped(delay_ms_, options_.stop);
  delay_ms_ = std::min(delay_ms_ * 2, options_.max_delay_ms);
  return go_on;
}

void Backoff::Succeeded(const std::string& what) {
  if (failures_ > 0) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - first_failure_).count();
    std::fprintf(stderr, "%s: %s after %d failed attempt%s (%.1f s)\n", options_.who.c_str(),
                 what.c_str(), failures_, failures_ == 1 ? "" : "s", seconds);
  }
  failures_ = 0;
  delay_ms_ = options_.first_delay_ms;
}

}  // namespace faultline
