#include "cli/progress.h"

#include <unistd.h>

#include <cstring>
#include <fstream>

#include "ingest/input_files.h"

namespace faultline::cli {

Progress::Progress(const char* command, size_t total, std::FILE* out)
    : command_(command), total_(total), out_(out), tty_(isatty(fileno(out)) != 0) {
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

std::string Progress::Line(double seconds) const {
  const double sps = seconds > 0 ? stories_ / seconds : 0, eps = seconds > 0 ? events_ / seconds : 0;
  char buf[256];
  std::string bar;
  if (total_ > 0 && tty_) {
    const int width = 24;
    int filled = static_cast<int>(width * std::min(1.0, static_cast<double>(stories_) / total_));
    bar = "[" + std::string(filled, '#') + std::string(width - filled, '.') + "] ";
  }
  std::string eta;
  if (total_ > 0 && sps > 0 && stories_ < total_) {
    long left = static_cast<long>((total_ - stories_) / sps + 0.5);
    std::snprintf(buf, sizeof buf, ", ETA %ld:%02ld", left / 60, left % 60);
    eta = buf;
  }
  std::string of = total_ > 0 ? "/" + std::to_string(total_) : "";
  std::snprintf(buf, sizeof buf, "%s: %s%zu%s stories, %zu events, %.1f stories/s, %.0f events/s%s", command_,
                bar.c_str(), stories_, of.c_str(), events_, sps, eps, eta.c_str());
  return buf;
}

void Progress::Update(size_t stories, size_t events) {
  stories_ = stories;
  events_ = events;
  auto now = std::chrono::steady_clock::now();
  // A terminal is redrawn 5 times a second; a log gets a line every 5 s.
  auto every = tty_ ? std::chrono::milliseconds(200) : std::chrono::milliseconds(5000);
  if (now - last_draw_ < every) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  if (tty_) {
    std::fprintf(out_, "\r%s\033[K", Line(seconds).c_str());
  } else {
    std::fprintf(out_, "%s\n", Line(seconds).c_str());
  }
  std::fflush(out_);
}

void Progress::Finish() {
  if (finished_) return;
  finished_ = true;
  if (tty_) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::fprintf(out_, "\r%s\033[K\n", Line(seconds).c_str());
    std::fflush(out_);
  }
}

size_t EstimateStories(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  std::vector<InputError> ignored;
  for (const std::string& p : paths) {
    if (p == "-") return 0;
    if (!ExpandInputPath(p, &files, &ignored).ok()) continue;
  }
  size_t total = 0;
  for (const std::string& f : files) {
    if (!IsJsonLinesName(f)) {
      ++total;
      continue;
    }
    std::ifstream in(f, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t\r") != std::string::npos) ++total;
    }
  }
  return total;
}

}  // namespace faultline::cli
