// line_reader.h — reads '\n'-terminated lines from a file descriptor with
// large buffered reads and a hard cap on line length.
//
// A line longer than the cap is never held in memory: once the buffered part
// passes the cap, the rest is read in chunks and discarded up to the next
// '\n', and only its length is reported. Memory use is therefore bounded by
// about twice the cap, however long the input lines are.
//
// Thread contract: one thread uses a LineReader at a time. Not copyable: it
// owns the descriptor (when asked to) and the buffer the returned views
// point into.
#ifndef FAULTLINE_INGEST_LINE_READER_H_
#define FAULTLINE_INGEST_LINE_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace faultline {

class LineReader {
 public:
  enum class Kind {
    kLine,     // `text` holds the line
    kTooLong,  // the line was longer than the cap and was skipped
    kEnd,      // no more input
    kError,    // a read failed; see error()
  };

  struct Line {
    // Without the '\n'; valid until the next call. For kTooLong, only the
    // first kPrefixBytes of the line (so callers can still see how it starts).
    std::string_view text;
    uint64_t number = 0;    // 1-based line number
    uint64_t length = 0;    // full length in bytes (also for kTooLong)
  };

  // Reads from `fd`; closes it on destruction when `owns_fd`. Lines longer
  // than `max_line_bytes` are skipped. A UTF-8 byte order mark at the start
  // of the input is dropped.
  LineReader(int fd, bool owns_fd, size_t max_line_bytes);
  static constexpr size_t kPrefixBytes = 64;
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Reads the next line into *line. After kEnd or kError, keeps returning it.
  Kind Next(Line* line);

  // The first byte that is not ASCII whitespace, without consuming anything;
  // -1 at end of input (or when the first buffer holds only whitespace).
  // Used to pick the format of standard input.
  int PeekFirstNonBlank();

  const std::string& error() const { return error_; }
  // Bytes currently allocated for the buffer (for tests of the bound).
  size_t buffer_capacity() const { return capacity_; }

 private:
  void Start();                      // first fill; drops a BOM
  bool Fill();                       // read more after end_; false at EOF/error
  void MakeRoom();                   // compact or grow so Fill() has space
  Kind SkipRestOfLine(Line* line);   // discard mode for over-long lines
  void KeepPrefix(size_t begin, size_t available, Line* line);  // text of a kTooLong line
  Kind Finish(Kind kind);

  int fd_;
  bool owns_fd_;
  size_t max_line_;
  std::unique_ptr<char[]> buf_;
  size_t capacity_ = 0;
  size_t begin_ = 0;    // first unconsumed byte
  size_t scanned_ = 0;  // bytes before this are known to hold no '\n'
  size_t end_ = 0;      // end of valid data
  bool eof_ = false;
  bool started_ = false;  // the BOM check has run
  Kind final_ = Kind::kLine;  // kEnd or kError once reached
  uint64_t line_number_ = 0;
  std::string error_;
  std::string prefix_;  // start of the last over-long line
};

}  // namespace faultline

#endif  // FAULTLINE_INGEST_LINE_READER_H_
