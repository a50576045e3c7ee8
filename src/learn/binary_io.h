// Little-endian binary (de)serialisation into a byte string, for model files.
// A model file is read whole into memory and parsed; the reader reports
// truncation through ok() instead of throwing.
#ifndef FAULTLINE_LEARN_BINARY_IO_H_
#define FAULTLINE_LEARN_BINARY_IO_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/status.h"

namespace faultline {

class BinaryWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void F32(float v) { Raw(&v, sizeof v); }
  void VarUint(uint64_t v);
  void Str(std::string_view s) {
    VarUint(s.size());
    out_.append(s);
  }
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  const std::string& data() const { return out_; }

 private:
  std::string out_;
};

class BinaryReader {
 public:
  explicit BinaryReader(std::string_view in) : in_(in) {}
  uint8_t U8();
  uint32_t U32();
  float F32();
  uint64_t VarUint();
  std::string Str();
  bool Raw(void* p, size_t n);
  // False once any read ran past the end.
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

Result<std::string> ReadWholeFile(const std::string& path);
Status WriteWholeFile(const std::string& path, std::string_view data);

}  // namespace faultline

#endif  // FAULTLINE_LEARN_BINARY_IO_H_
