#include "learn/binary_io.h"

#include <cerrno>
#include <cstdio>

namespace faultline {

void BinaryWriter::VarUint(uint64_t v) {
  while (v >= 0x80) {
    U8(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  U8(static_cast<uint8_t>(v));
}

bool BinaryReader::Raw(void* p, size_t n) {
  if (!ok_ || in_.size() - pos_ < n) {
    ok_ = false;
    std::memset(p, 0, n);
    return false;
  }
  std::memcpy(p, in_.data() + pos_, n);
  pos_ += n;
  return true;
}

uint8_t BinaryReader::U8() {
  uint8_t v;
  Raw(&v, 1);
  return v;
}

uint32_t BinaryReader::U32() {
  uint32_t v;
  Raw(&v, sizeof v);
  return v;
}

float BinaryReader::F32() {
  float v;
  Raw(&v, sizeof v);
  return v;
}

uint64_t BinaryReader::VarUint() {
  uint64_t v = 0;
  for (int shift = 0; shift < 64 && ok_; shift += 7) {
    uint8_t b = U8();
    v |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return v;
  }
  ok_ = false;
  return 0;
}

std::string BinaryReader::Str() {
  uint64_t n = VarUint();
  if (!ok_ || n > in_.size() - pos_) {
    ok_ = false;
    return {};
  }
  std::string s(in_.substr(pos_, n));
  pos_ += n;
  return s;
}

Result<std::string> ReadWholeFile(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::NotFound(path + ": " + std::strerror(errno));
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  bool bad = std::ferror(f);
  std::fclose(f);
  if (bad) return Status::IOError(path + ": read error");
  return data;
}

Status WriteWholeFile(const std::string& path, std::string_view data) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return Status::IOError(path + ": " + std::strerror(errno));
  bool good = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  good = (std::fclose(f) == 0) && good;
  return good ? Status::Ok() : Status::IOError(path + ": write error");
}

}  // namespace faultline
