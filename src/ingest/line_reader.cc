// Buffered, bounded line reading. The buffer holds at most one partial line
// plus whatever the last read brought in; it grows only while a line that is
// still under the cap does not fit, so it never exceeds about 2 * cap.
#include "ingest/line_reader.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace faultline {
namespace {

// Big enough that read() overhead vanishes next to the scan (~0.1 ms of work
// per call at 2 GB/s), small enough to allocate per file.
constexpr size_t kInitialCapacity = 256 << 10;

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

}  // namespace

LineReader::LineReader(int fd, bool owns_fd, size_t max_line_bytes)
    : fd_(fd),
      owns_fd_(owns_fd),
      max_line_(max_line_bytes),
      buf_(new char[kInitialCapacity]),
      capacity_(kInitialCapacity) {}

LineReader::~LineReader() {
  if (owns_fd_ && fd_ >= 0) close(fd_);
}

bool LineReader::Fill() {
  if (eof_ || end_ == capacity_) return false;
  for (;;) {
    const ssize_t n = read(fd_, buf_.get() + end_, capacity_ - end_);
    if (n > 0) {
      end_ += static_cast<size_t>(n);
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) error_ = std::strerror(errno);
    eof_ = true;
    return false;
  }
}

void LineReader::MakeRoom() {
  if (begin_ > 0) {
    std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    scanned_ -= begin_;
    begin_ = 0;
  }
  if (end_ < capacity_) return;
  // A line still under the cap fills the whole buffer: double it.
  std::unique_ptr<char[]> bigger(new char[capacity_ * 2]);
  std::memcpy(bigger.get(), buf_.get(), end_);
  buf_ = std::move(bigger);
  capacity_ *= 2;
}

LineReader::Kind LineReader::Finish(Kind kind) {
  final_ = kind;
  return kind;
}

void LineReader::Start() {
  started_ = true;
  while (end_ < 3 && Fill()) {}
  if (end_ >= 3 && std::memcmp(buf_.get(), "\xEF\xBB\xBF", 3) == 0) begin_ = scanned_ = 3;
}

int LineReader::PeekFirstNonBlank() {
  if (!started_) Start();
  for (;;) {
    for (size_t i = begin_; i < end_; ++i) {
      if (!IsBlank(buf_[i])) return static_cast<unsigned char>(buf_[i]);
    }
    if (eof_ || end_ - begin_ >= max_line_) return -1;
    MakeRoom();
    Fill();
  }
}

void LineReader::KeepPrefix(size_t begin, size_t available, Line* line) {
  prefix_.assign(buf_.get() + begin, std::min(available, kPrefixBytes));
  line->text = prefix_;
}

LineReader::Kind LineReader::SkipRestOfLine(Line* line) {
  uint64_t length = end_ - begin_;
  KeepPrefix(begin_, length, line);
  begin_ = scanned_ = end_ = 0;
  line->number = ++line_number_;
  while (Fill()) {
    const void* nl = std::memchr(buf_.get(), '\n', end_);
    if (nl != nullptr) {
      const size_t pos = static_cast<const char*>(nl) - buf_.get();
      line->length = length + pos;
      begin_ = scanned_ = pos + 1;
      return Kind::kTooLong;
    }
    length += end_;
    end_ = 0;
  }
  line->length = length;
  return Kind::kTooLong;
}

LineReader::Kind LineReader::Next(Line* line) {
  if (final_ != Kind::kLine) return final_;
  if (!started_) Start();
  for (;;) {
    const void* nl = std::memchr(buf_.get() + scanned_, '\n', end_ - scanned_);
    if (nl == nullptr && eof_ && begin_ == end_) {
      return Finish(error_.empty() ? Kind::kEnd : Kind::kError);
    }
    if (nl != nullptr || eof_) {
      // A final line without '\n' ends at end_.
      const size_t pos = nl != nullptr ? static_cast<const char*>(nl) - buf_.get() : end_;
      line->number = ++line_number_;
      line->length = pos - begin_;
      line->text = std::string_view(buf_.get() + begin_, pos - begin_);
      begin_ = scanned_ = std::min(pos + 1, end_);
      if (line->length <= max_line_) return Kind::kLine;
      KeepPrefix(pos - line->length, line->length, line);
      return Kind::kTooLong;
    }
    scanned_ = end_;
    if (end_ - begin_ > max_line_) return SkipRestOfLine(line);
    MakeRoom();
    Fill();
  }
}

}  // namespace faultline
