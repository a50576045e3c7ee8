#include "learn/perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <immintrin.h>

namespace faultline {

namespace {
constexpr uint32_t kMagic = 0x4d504c46;  // "FLPM"

uint32_t Fingerprint(uint64_t h) { return static_cast<uint32_t>(h >> 32) | 1; }

// Feature k's entries are [FirstEntry(ends, k), ends[k]).
uint32_t FirstEntry(const std::vector<uint32_t>& ends, size_t k) { return k == 0 ? 0 : ends[k - 1]; }

bool HasAvx2() {
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2;
}
}  // namespace

void SparseModel::SlotTable::Reset(size_t keys) {
  size_t size = 16;
  while (size < keys * 2) size *= 2;
  mask_ = size - 1;
  slots_.Assign(size, Slot{0, 0});
  size_t words = 1;
  while (words < keys / 4) words *= 2;
  filter_mask_ = words - 1;
  filter_.assign(words, 0);
}

void SparseModel::SlotTable::Insert(uint64_t feat, uint32_t row) {
  uint64_t i = feat & mask_;
  while (slots_[i].fingerprint != 0) i = (i + 1) & mask_;
  slots_[i] = Slot{Fingerprint(feat), row};
  filter_[(feat >> 20) & filter_mask_] |= FilterBits(feat);
}

const SparseModel::Slot* SparseModel::SlotTable::Probe(uint64_t feat) const {
  if (slots_.empty()) return nullptr;
  uint32_t fp = Fingerprint(feat);
  for (uint64_t i = feat & mask_;; i = (i + 1) & mask_) {
    const Slot& s = slots_[i];
    if (s.fingerprint == fp) return &s;
    if (s.fingerprint == 0) return nullptr;
  }
}

void SparseModel::LineTable::Build(const std::vector<uint64_t>& keys,
                                   const std::vector<uint32_t>& ends,
                                   const std::vector<Entry>& entries,
                                   const std::vector<bool>& sparse) {
  auto count_of = [&](size_t k) { return ends[k] - FirstEntry(ends, k); };
  std::vector<uint32_t> feats;  // the sparse features' indices in keys
  size_t bytes = 0;
  for (size_t k = 0; k < keys.size(); ++k) {
    if (!sparse[k]) continue;
    feats.push_back(static_cast<uint32_t>(k));
    bytes += 5 + 3 * count_of(k);
  }
  // Two fifths full (the parser's 12.5 MB of records in 31 MB of lines):
  // most records land in their home line, and a lookup that misses rarely
  // reads a second line (at three quarters full 48% of the lines spilled
  // and a miss read 3.7 lines on average; at half full, 1.2).
  num_lines_ = feats.empty() ? 0 : bytes * 5 / (2 * sizeof(Line::bytes)) + 1;
  lines_.Assign(num_lines_, Line{});
  // Placing order: largest records first, so that the small ones fill the
  // gaps they leave (a stable counting sort by size; key order within a
  // size; placing by home line within a size instead made lookups ~6%
  // slower).
  std::vector<uint32_t> size_start(kMaxCount + 2, 0);  // bucket kMaxCount - count
  for (uint32_t k : feats) ++size_start[kMaxCount - count_of(k) + 1];
  for (size_t i = 1; i < size_start.size(); ++i) size_start[i] += size_start[i - 1];
  std::vector<uint32_t> by_size(feats.size());
  for (uint32_t k : feats) by_size[size_start[kMaxCount - count_of(k)]++] = k;
  // Where each record goes (the table's lines are only written afterwards,
  // in key order, reading the entries in order: reading them in placing
  // order was a random read per feature).
  std::vector<uint8_t> used(num_lines_, 0), spilled(num_lines_, 0);
  std::vector<uint32_t> line_of(keys.size()), offset_of(keys.size());
  for (uint32_t k : by_size) {
    const uint32_t size = 5 + 3 * count_of(k);
    uint64_t i = Home(keys[k]);
    while (used[i] + size > sizeof(Line::bytes)) {
      spilled[i] = 1;
      i = i + 1 == num_lines_ ? 0 : i + 1;
    }
    line_of[k] = static_cast<uint32_t>(i);
    offset_of[k] = used[i];
    used[i] = static_cast<uint8_t>(used[i] + size);
  }
  for (size_t i = 0; i < num_lines_; ++i) lines_[i].spilled = spilled[i];
  for (size_t k = 0; k < keys.size(); ++k) {
    if (!sparse[k]) continue;
    const uint32_t count = count_of(k);
    Line& line = lines_[line_of[k]];
    uint8_t* p = line.bytes + offset_of[k];
    const uint32_t fp = Fingerprint(keys[k]);
    std::memcpy(p, &fp, 4);
    p[4] = static_cast<uint8_t>(count);
    p += 5;
    for (uint32_t e = ends[k] - count; e < ends[k]; ++e, p += 3) {
      p[0] = entries[e].cls;
      std::memcpy(p + 1, &entries[e].weight, 2);
    }
    ++line.records;
  }
}

const uint8_t* SparseModel::LineTable::Find(uint64_t feat, uint32_t* count) const {
  if (num_lines_ == 0) return nullptr;
  const uint32_t fp = Fingerprint(feat);
  for (uint64_t i = Home(feat);; i = i + 1 == num_lines_ ? 0 : i + 1) {
    const Line& line = lines_[i];
    const uint8_t* p = line.bytes;
    for (uint32_t r = 0; r < line.records; ++r) {
      uint32_t f;
      std::memcpy(&f, p, 4);
      if (f == fp) {
        *count = p[4];
        return p + 5;
      }
      p += 5 + 3 * p[4];
    }
    if (!line.spilled) return nullptr;
  }
}

namespace {

// acc[0..stride) += rows[r][0..stride) for every r < n; stride a multiple
// of 16. The AVX2 version keeps up to 64 sums in eight registers while it
// runs through the rows, a chunk of 64 classes at a time, instead of
// loading and storing acc for every row.
template <int kGroups>  // 8-lane groups in the chunk
__attribute__((target("avx2"), always_inline)) inline void AddRowsChunk(
    const int16_t* const* rows, size_t n, size_t c, int32_t* acc) {
  __m256i sum[kGroups];
  for (int g = 0; g < kGroups; ++g) {
    sum[g] = _mm256_load_si256(reinterpret_cast<const __m256i*>(acc + c + 8 * g));
  }
  for (size_t r = 0; r < n; ++r) {
    const int16_t* row = rows[r] + c;
    for (int g = 0; g < kGroups; ++g) {
      __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 8 * g));
      sum[g] = _mm256_add_epi32(sum[g], _mm256_cvtepi16_epi32(w));
    }
  }
  for (int g = 0; g < kGroups; ++g) {
    _mm256_store_si256(reinterpret_cast<__m256i*>(acc + c + 8 * g), sum[g]);
  }
}

__attribute__((target("avx2"))) void AddRowsAvx2(const int16_t* const* rows, size_t n,
                                                 size_t stride, int32_t* acc) {
  size_t c = 0;
  for (; c + 64 <= stride; c += 64) AddRowsChunk<8>(rows, n, c, acc);
  switch (stride - c) {
    case 48: AddRowsChunk<6>(rows, n, c, acc); break;
    case 32: AddRowsChunk<4>(rows, n, c, acc); break;
    case 16: AddRowsChunk<2>(rows, n, c, acc); break;
    default: break;
  }
}

void AddRowsPortable(const int16_t* const* rows, size_t n, size_t stride, int32_t* acc) {
  for (size_t r = 0; r < n; ++r) {
    for (size_t c = 0; c < stride; ++c) acc[c] += rows[r][c];
  }
}

// dst[0..n) = src[0..n) in 32-byte moves the compiler inlines (std::copy
// became a call to memmove, 8% of tagging for two 400-byte copies a word).
inline void CopyInts(int32_t* dst, const int32_t* src, size_t n) {
  if (n < 8) {
    for (size_t i = 0; i < n; ++i) dst[i] = src[i];
    return;
  }
  for (size_t i = 0; i + 8 <= n; i += 8) std::memcpy(dst + i, src + i, 32);
  std::memcpy(dst + n - 8, src + n - 8, 32);  // the tail, overlapping what is done
}

__attribute__((target("avx2"))) int FirstArgMaxAvx2(const int32_t* v, int n) {
  int i = 0;
  int32_t best = v[0];
  if (n >= 8) {
    __m256i m = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(v));
    for (i = 8; i + 8 <= n; i += 8) {
      m = _mm256_max_epi32(m, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(v + i)));
    }
    alignas(32) int32_t lanes[8];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), m);
    best = *std::max_element(lanes, lanes + 8);
  }
  for (; i < n; ++i) best = std::max(best, v[i]);
  const __m256i want = _mm256_set1_epi32(best);
  for (i = 0; i + 8 <= n; i += 8) {
    __m256i eq = _mm256_cmpeq_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(v + i)), want);
    int mask = _mm256_movemask_ps(_mm256_castsi256_ps(eq));
    if (mask != 0) return i + __builtin_ctz(mask);
  }
  while (v[i] != best) ++i;
  return i;
}

// acc must be 32-byte aligned.
void AddRows(const int16_t* const* rows, size_t n, size_t stride, int32_t* acc) {
  if (HasAvx2()) {
    AddRowsAvx2(rows, n, stride, acc);
  } else {
    AddRowsPortable(rows, n, stride, acc);
  }
}

}  // namespace

void SparseModel::Prefetch(const uint64_t* feats, size_t n) const {
  for (size_t i = 0; i < n; ++i) {
    // Dense rows are prefetched by Score itself, once it has their slots.
    if (dense_slots_.Find(feats[i]) == nullptr) sparse_lines_.Prefetch(feats[i]);
  }
}

void SparseModel::Score(const uint64_t* feats, size_t n, int32_t* scores,
                        const int32_t* start) const {
  // Dense rows are added into a padded buffer, then copied out.
  alignas(64) int32_t acc[256];
  std::fill(acc, acc + stride_, 0);
  if (start != nullptr) CopyInts(acc, start, num_classes_);
  constexpr size_t kBatch = 64;
  const int16_t* rows[kBatch];
  uint64_t cold[kBatch];
  for (size_t start = 0; start < n; start += kBatch) {
    size_t m = std::min(kBatch, n - start);
    // The dense table is small and cached: look there first, and start
    // loading the sparse lines of everything else, which arrive while the
    // dense rows are added.
    size_t num_rows = 0, num_cold = 0;
    for (size_t i = 0; i < m; ++i) {
      uint64_t f = feats[start + i];
      if (const Slot* s = dense_slots_.Find(f)) {
        const int16_t* row = &dense_[static_cast<size_t>(s->row) * stride_];
        for (size_t b = 0; b < stride_; b += 32) __builtin_prefetch(row + b);
        rows[num_rows++] = row;
      } else {
        sparse_lines_.Prefetch(f);
        cold[num_cold++] = f;
      }
    }
    AddRows(rows, num_rows, stride_, acc);
    for (size_t i = 0; i < num_cold; ++i) {
      uint32_t count;
      const uint8_t* e = sparse_lines_.Find(cold[i], &count);
      if (e == nullptr) continue;
      for (const uint8_t* end = e + 3 * count; e < end; e += 3) {
        int16_t w;
        std::memcpy(&w, e + 1, 2);
        acc[e[0]] += w;
      }
    }
  }
  CopyInts(scores, acc, num_classes_);
}

int FirstArgMax(const int32_t* v, int n) {
  if (HasAvx2()) return FirstArgMaxAvx2(v, n);
  return static_cast<int>(std::max_element(v, v + n) - v);
}

void SparseModel::BuildTable(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& ends) {
  num_features_ = keys.size();
  ends_ = ends;
  stride_ = (num_classes_ + 15) / 16 * 16;
  // A dense row costs stride_/16 SIMD adds; sparse costs one add per entry.
  // Past LineTable::kMaxCount entries a feature no longer fits a line.
  const uint32_t dense_from =
      std::min<uint32_t>(std::max<uint32_t>(8, num_classes_ / 6), LineTable::kMaxCount + 1);
  std::vector<bool> sparse(keys.size());
  size_t dense_rows = 0;
  for (size_t k = 0; k < keys.size(); ++k) {
    sparse[k] = ends[k] - FirstEntry(ends, k) < dense_from;
    dense_rows += !sparse[k];
  }
  dense_.Assign(dense_rows * stride_, 0);
  dense_slots_.Reset(dense_rows);
  size_t row = 0;
  for (size_t k = 0; k < keys.size(); ++k) {
    if (sparse[k]) continue;
    for (uint32_t e = FirstEntry(ends, k); e < ends[k]; ++e) {
      dense_[row * stride_ + entries_[e].cls] = entries_[e].weight;
    }
    dense_slots_.Insert(keys[k], static_cast<uint32_t>(row++));
  }
  sparse_lines_.Build(keys, ends, entries_, sparse);
}

SparseModel SparseModel::Pruned(int min_abs) const {
  SparseModel m;
  m.num_classes_ = num_classes_;
  std::vector<uint32_t> ends;
  uint32_t begin = 0;
  for (size_t k = 0; k < keys_.size(); ++k) {
    size_t first = m.entries_.size();
    for (uint32_t e = begin; e < ends_[k]; ++e) {
      if (std::abs(entries_[e].weight) >= min_abs) m.entries_.push_back(entries_[e]);
    }
    begin = ends_[k];
    if (m.entries_.size() == first) continue;
    m.keys_.push_back(keys_[k]);
    ends.push_back(m.entries_.size());
  }
  m.BuildTable(m.keys_, ends);
  return m;
}

// Layout: magic, classes, #features, #weights, then per feature (sorted by
// hash) the varint hash delta and entry count; then all classes, all weights.
void SparseModel::Write(BinaryWriter* out) const {
  out->U32(kMagic);
  out->U32(num_classes_);
  out->U32(keys_.size());
  out->U32(entries_.size());
  uint64_t prev = 0;
  uint32_t begin = 0;
  for (size_t i = 0; i < keys_.size(); ++i) {
    out->VarUint(keys_[i] - prev);
    out->VarUint(ends_[i] - begin);
    prev = keys_[i];
    begin = ends_[i];
  }
  for (const Entry& e : entries_) out->U8(e.cls);
  for (const Entry& e : entries_) out->Raw(&e.weight, sizeof e.weight);
}

Result<SparseModel> SparseModel::Read(BinaryReader* in) {
  SparseModel m;
  if (in->U32() != kMagic) return Status::Corruption("not a faultline perceptron model");
  m.num_classes_ = in->U32();
  uint32_t nfeat = in->U32();
  uint32_t nnz = in->U32();
  if (!in->ok() || m.num_classes_ < 1 || m.num_classes_ > 255 || nnz >= kMaxEntries) {
    return Status::Corruption("bad perceptron model header");
  }
  m.keys_.resize(nfeat);
  std::vector<uint32_t> ends(nfeat);
  uint64_t key = 0, sum = 0;
  for (uint32_t i = 0; i < nfeat && in->ok(); ++i) {
    key += in->VarUint();
    uint64_t count = in->VarUint();
    if (count < 1 || count > 255) return Status::Corruption("bad perceptron feature table");
    sum += count;
    m.keys_[i] = key;
    ends[i] = static_cast<uint32_t>(sum);
  }
  if (!in->ok() || sum != nnz) return Status::Corruption("bad perceptron feature table");
  m.entries_.resize(nnz);
  for (Entry& e : m.entries_) {
    e.cls = in->U8();
    if (e.cls >= m.num_classes_) return Status::Corruption("class out of range in model");
  }
  for (Entry& e : m.entries_) in->Raw(&e.weight, sizeof e.weight);
  if (!in->ok()) return Status::Corruption("truncated perceptron model");
  m.BuildTable(m.keys_, ends);
  return m;
}

AveragedPerceptron::AveragedPerceptron(int num_classes) : num_classes_(num_classes) {}

void AveragedPerceptron::Score(const uint64_t* feats, size_t n, float* scores) const {
  std::fill(scores, scores + num_classes_, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    auto it = index_.find(feats[i]);
    if (it == index_.end()) continue;
    for (const Weight& w : rows_[it->second]) scores[w.cls] += w.w;
  }
}

AveragedPerceptron::Weight& AveragedPerceptron::Find(uint64_t feat, int cls) {
  auto [it, added] = index_.emplace(feat, static_cast<uint32_t>(rows_.size()));
  if (added) rows_.emplace_back();
  std::vector<Weight>& row = rows_[it->second];
  for (Weight& w : row) {
    if (w.cls == cls) return w;
  }
  Weight w;
  w.cls = static_cast<uint8_t>(cls);
  w.stamp = clock_;
  row.push_back(w);
  return row.back();
}

void AveragedPerceptron::Update(const uint64_t* feats, size_t n, int truth, int guess) {
  if (truth == guess) return;
  for (size_t i = 0; i < n; ++i) {
    for (int c : {truth, guess}) {
      Weight& w = Find(feats[i], c);
      w.total += static_cast<double>(clock_ - w.stamp) * w.w;
      w.stamp = clock_;
      w.w += c == truth ? 1.0f : -1.0f;
    }
  }
}

SparseModel AveragedPerceptron::Compile(float prune_fraction) const {
  const double t = std::max<int32_t>(clock_, 1);
  auto average = [&](const Weight& w) {
    return static_cast<float>((w.total + static_cast<double>(clock_ - w.stamp) * w.w) / t);
  };
  float max_abs = 0;
  for (const auto& row : rows_) {
    for (const Weight& w : row) max_abs = std::max(max_abs, std::fabs(average(w)));
  }
  const float scale = max_abs > 0 ? 32767.0f / max_abs : 1.0f;
  const float cutoff = prune_fraction * max_abs;
  std::vector<std::pair<uint64_t, uint32_t>> feats(index_.begin(), index_.end());
  std::sort(feats.begin(), feats.end());
  SparseModel m;
  m.num_classes_ = num_classes_;
  std::vector<uint32_t> ends;
  for (const auto& [key, row_index] : feats) {
    size_t first = m.entries_.size();
    for (const Weight& w : rows_[row_index]) {
      float a = average(w);
      long q = std::lround(a * scale);
      if (std::fabs(a) < cutoff || q == 0) continue;
      m.entries_.push_back(SparseModel::Entry{static_cast<int16_t>(std::clamp(q, -32767L, 32767L)), w.cls, 0});
    }
    if (m.entries_.size() == first) continue;
    std::sort(m.entries_.begin() + first, m.entries_.end(),
              [](const SparseModel::Entry& a, const SparseModel::Entry& b) { return a.cls < b.cls; });
    m.keys_.push_back(key);
    ends.push_back(m.entries_.size());
  }
  // Beyond kMaxEntries Read would refuse the model: keep it valid by
  // dropping the tail (never reached with the shipped pruning settings).
  while (!ends.empty() && ends.back() >= SparseModel::kMaxEntries) {
    ends.pop_back();
    m.keys_.pop_back();
  }
  m.entries_.resize(ends.empty() ? 0 : ends.back());
  m.BuildTable(m.keys_, ends);
  return m;
}

}  // namespace faultline
