// Feature hashing for the linear models: features are 64-bit hashes of small
// integer tuples, so the hot loops never build strings.
#ifndef FAULTLINE_LEARN_HASH_H_
#define FAULTLINE_LEARN_HASH_H_

#include <cstdint>
#include <string_view>

namespace faultline {

// splitmix64's finaliser: cheap and mixes every input bit into every output bit.
inline uint64_t MixHash(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline uint64_t HashCombine(uint64_t seed, uint64_t v) {
  return MixHash(seed ^ (v + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2)));
}

// FNV-1a over the bytes, then mixed (FNV alone has weak low bits).
inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return MixHash(h);
}

// A feature: template id `t` combined with up to three values.
inline uint64_t Feature(uint64_t t, uint64_t a) { return HashCombine(MixHash(t + 1), a); }
inline uint64_t Feature(uint64_t t, uint64_t a, uint64_t b) {
  return HashCombine(Feature(t, a), b);
}
inline uint64_t Feature(uint64_t t, uint64_t a, uint64_t b, uint64_t c) {
  return HashCombine(Feature(t, a, b), c);
}

}  // namespace faultline

#endif  // FAULTLINE_LEARN_HASH_H_
