// Multiclass averaged perceptron over hashed features (Collins 2002), shared by
// the tagger and the parser.
//
// Features are 64-bit hashes (see hash.h), kept exact: no bucket sharing, so
// an unseen feature contributes nothing instead of someone else's weights.
// Each feature stores only the classes it was ever updated for — with ~100
// classes (tag pairs, labelled transitions) dense rows would waste >95%.
//
// Training (AveragedPerceptron) averages lazily: each weight remembers when it
// last changed, so an update costs O(changed weights), not O(model).
// Inference uses SparseModel, compiled from the averaged weights: near-zero
// weights are pruned, the rest quantised to int16 with one global scale
// (only the ranking of class scores matters), in an open-addressing table.
#ifndef FAULTLINE_LEARN_PERCEPTRON_H_
#define FAULTLINE_LEARN_PERCEPTRON_H_

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "faultline/status.h"
#include "learn/binary_io.h"
#include "learn/huge_array.h"

namespace faultline {

// Immutable once built; safe to share across threads.
class SparseModel {
 public:
  SparseModel() = default;
  int num_classes() const { return num_classes_; }
  size_t num_features() const { return num_features_; }
  size_t num_weights() const { return entries_.size(); }

  // scores[c] (size num_classes) = start[c] (0 without `start`) + the sum
  // of the weights of `feats` for class c.
  void Score(const uint64_t* feats, size_t n, int32_t* scores,
             const int32_t* start = nullptr) const;
  // Starts loading the sparse lines of those of `feats` without a dense row
  // into cache, so that a Score() of them a little later finds them there
  // (callers that know their next features early overlap the memory
  // latency with work).
  void Prefetch(const uint64_t* feats, size_t n) const;

  // A copy without the weights with |w| < min_abs (quantised units): trades
  // accuracy for size and speed after training.
  SparseModel Pruned(int min_abs) const;

  void Write(BinaryWriter* out) const;
  static Result<SparseModel> Read(BinaryReader* in);

 private:
  friend class AveragedPerceptron;
  struct Entry {
    int16_t weight;
    uint8_t cls;
    uint8_t unused;
  };
  // Dense-row features: slot -> row. 8 bytes, so a cache line holds 8.
  // Features with many classes (the frequent ones, which dominate at run
  // time) get a dense int16 row added with SIMD; the rest are sparse.
  struct Slot {
    uint32_t fingerprint;  // high half of the feature hash, | 1; 0 = empty
    uint32_t row;
  };
  // Open addressing with linear probing, at most half full, behind a
  // Bloom filter (two bits of one 64-bit word per key, 16-32 bits per key):
  // most features are not dense, and the filter (32 KiB for the parser's
  // 9,500 rows) answers nearly all of those without touching the table
  // (256 KiB, which misses L1 and often L2: its probes were a quarter of
  // parsing time; with the filter BM_Parse went from 253-283k to 304-315k
  // tokens/s).
  class SlotTable {
   public:
    void Reset(size_t keys);
    void Insert(uint64_t feat, uint32_t row);
    const Slot* Find(uint64_t feat) const {
      uint64_t bits = FilterBits(feat);
      if ((filter_[(feat >> 20) & filter_mask_] & bits) != bits) return nullptr;
      return Probe(feat);
    }

   private:
    static uint64_t FilterBits(uint64_t feat) {
      return uint64_t{1} << ((feat >> 8) & 63) | uint64_t{1} << ((feat >> 14) & 63);
    }
    const Slot* Probe(uint64_t feat) const;
    uint64_t mask_ = 0;
    HugeArray<Slot> slots_;
    uint64_t filter_mask_ = 0;
    std::vector<uint64_t> filter_ = std::vector<uint64_t>(1, 0);
  };
  // The sparse features. Each is one record, [fingerprint u32][count u8]
  // then count x [class u8][weight i16], kept whole inside one 64-byte
  // line, so a lookup reads one cache line (a slot table beside an entry
  // array read two: scoring waits on these misses). A record sits in its
  // feature's home line or, when that is full, in the next line with room;
  // the lines passed over are marked so that a lookup goes on past them.
  class LineTable {
   public:
    static constexpr uint32_t kMaxCount = 19;  // 5 + 3 * 19 bytes fit a line
    // Stores each feature k of `keys` with `sparse[k]` set, its entries
    // [ends[k-1], ends[k]) of `entries`.
    void Build(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& ends,
               const std::vector<Entry>& entries, const std::vector<bool>& sparse);
    // The feature's packed [class][weight] entries and their count; nullptr
    // if the model does not have it.
    const uint8_t* Find(uint64_t feat, uint32_t* count) const;
    void Prefetch(uint64_t feat) const {
      if (num_lines_ != 0) __builtin_prefetch(&lines_[Home(feat)]);
    }

   private:
    struct alignas(64) Line {
      uint8_t records;  // how many records start in bytes
      uint8_t spilled;  // a record whose home is here or before sits after
      uint8_t bytes[62];
    };
    // Maps the low half of the hash (the fingerprint is the high half)
    // onto [0, num_lines_) without a division.
    uint64_t Home(uint64_t feat) const { return ((feat & 0xffffffffu) * num_lines_) >> 32; }
    uint64_t num_lines_ = 0;
    HugeArray<Line> lines_;
  };
  // A bound on the weights a model may hold (64 MiB of entries), so that a
  // corrupt header cannot ask for more.
  static constexpr size_t kMaxEntries = size_t{1} << 24;
  // Builds the dense rows and the sparse lines for sorted `keys` whose
  // entries end at `ends`.
  void BuildTable(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& ends);

  int num_classes_ = 0;
  size_t num_features_ = 0;
  // The dense-row features are few (about 1% of the parser's) but make half
  // of all lookups: kept in their own small table, their slots stay in the
  // core's cache instead of being scattered over the big table's lines.
  SlotTable dense_slots_;
  LineTable sparse_lines_;
  std::vector<uint64_t> keys_;   // sorted feature hashes (kept for Write)
  std::vector<uint32_t> ends_;   // end of each feature's entries, same order
  std::vector<Entry> entries_;    // in key order; the serialised form
  size_t stride_ = 0;              // num_classes_ rounded up to 16
  HugeArray<int16_t> dense_;       // dense rows, stride_ each
};

// The index of the first largest of v[0..n), n > 0: what std::max_element
// gives, with AVX2 where the CPU has it.
int FirstArgMax(const int32_t* v, int n);

class AveragedPerceptron {
 public:
  // num_classes must be <= 255 (classes are stored as one byte).
  explicit AveragedPerceptron(int num_classes);

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return index_.size(); }

  // scores[c] = current (not averaged) weight sum for class c.
  void Score(const uint64_t* feats, size_t n, float* scores) const;

  // Moves weight from `guess` to `truth` for every feature; no-op if equal.
  // Call Tick() once per training instance (update or not) so averaging
  // weighs each weight by how long it stood.
  void Update(const uint64_t* feats, size_t n, int truth, int guess);
  void Tick() { ++clock_; }

  // Averages, drops |w| < prune_fraction * max|w|, and quantises.
  SparseModel Compile(float prune_fraction) const;

 private:
  struct Weight {
    float w = 0;
    int32_t stamp = 0;    // clock at the last change
    double total = 0;     // sum over time of w, up to stamp
    uint8_t cls = 0;
  };
  Weight& Find(uint64_t feat, int cls);

  int num_classes_;
  int32_t clock_ = 0;
  std::unordered_map<uint64_t, uint32_t> index_;  // feature -> rows_ index
  std::vector<std::vector<Weight>> rows_;
};

}  // namespace faultline

#endif  // FAULTLINE_LEARN_PERCEPTRON_H_
