// Progress of a long command on stderr: a bar redrawn in place on a terminal
// (stories/s, events/s, ETA), plain lines every few seconds otherwise (logs,
// CI), so the output of a pipe is never garbled.
#ifndef FAULTLINE_CLI_PROGRESS_H_
#define FAULTLINE_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

namespace faultline::cli {

class Progress {
 public:
  // `total` stories expected (0 = unknown: no bar, no ETA).
  Progress(const char* command, size_t total, std::FILE* out = stderr);
  // Stories done so far (stored + duplicates + bad) and events stored.
  void Update(size_t stories, size_t events);
  // The last redraw (terminal) and a newline; safe to call twice.
  void Finish();

 private:
  std::string Line(double seconds) const;
  const char* command_;
  size_t total_;
  std::FILE* out_;
  bool tty_;
  size_t stories_ = 0, events_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool finished_ = false;
};

// Stories expected from these inputs: one per JSON Lines line with content,
// one per other story file; 0 when standard input is among them.
size_t EstimateStories(const std::vector<std::string>& paths);

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_PROGRESS_H_
