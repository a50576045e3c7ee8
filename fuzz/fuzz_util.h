// fuzz_util.h — shared helpers of the fuzz targets (fuzz/*_fuzzer.cc).
#ifndef FAULTLINE_FUZZ_FUZZ_UTIL_H_
#define FAULTLINE_FUZZ_FUZZ_UTIL_H_

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace faultline::fuzz {

// Inputs longer than this are ignored: the parsers are linear, and short
// inputs keep the fuzzer fast. The pipeline target uses a smaller cap.
inline constexpr size_t kMaxInput = 64 << 10;

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// An in-memory file holding `bytes`, positioned at its start, for the
// readers that take a file descriptor. Aborts if the kernel refuses.
inline int MemoryFile(std::string_view bytes) {
  int fd = memfd_create("faultline-fuzz", 0);
  if (fd < 0) { std::perror("memfd_create"); std::abort(); }
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) { std::perror("write"); std::abort(); }
    done += static_cast<size_t>(n);
  }
  if (lseek(fd, 0, SEEK_SET) != 0) { std::perror("lseek"); std::abort(); }
  return fd;
}

// Fails the run (a crash the fuzzer reports) when an invariant is broken.
#define FUZZ_CHECK(cond)                                                         \
  do {                                                                           \
    if (!(cond)) {                                                               \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                              \
    }                                                                            \
  } while (0)

}  // namespace faultline::fuzz

#endif  // FAULTLINE_FUZZ_FUZZ_UTIL_H_
