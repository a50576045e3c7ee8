// A fixed-size array of trivially copyable T in 2 MiB-aligned memory that
// asks the kernel for transparent huge pages. Model lookups hit random
// places in tens of MiB; with 4 KiB pages nearly every lookup is also a TLB
// miss, with 2 MiB pages almost none is.
#ifndef FAULTLINE_LEARN_HUGE_ARRAY_H_
#define FAULTLINE_LEARN_HUGE_ARRAY_H_

#include <sys/mman.h>

#include <cstdlib>
#include <memory>
#include <type_traits>

namespace faultline {

template <typename T>
class HugeArray {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  void Assign(size_t n, const T& value) {
    constexpr size_t kHuge = size_t{2} << 20;
    size_t bytes = (n * sizeof(T) + kHuge - 1) / kHuge * kHuge;
    void* p = bytes ? std::aligned_alloc(kHuge, bytes) : nullptr;
    if (p) madvise(p, bytes, MADV_HUGEPAGE);  // a hint: failure is harmless
    data_.reset(static_cast<T*>(p));
    size_ = p ? n : 0;
    for (size_t i = 0; i < size_; ++i) data_.get()[i] = value;
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* data() { return data_.get(); }
  const T* data() const { return data_.get(); }
  T& operator[](size_t i) { return data_.get()[i]; }
  const T& operator[](size_t i) const { return data_.get()[i]; }

 private:
  struct Free {
    void operator()(T* p) const { std::free(p); }
  };
  std::unique_ptr<T, Free> data_;
  size_t size_ = 0;
};

}  // namespace faultline

#endif  // FAULTLINE_LEARN_HUGE_ARRAY_H_
