// Arc-hybrid transition system (Kuhlmann et al. 2011) with labelled arcs,
// shared by the Parser and its trainer (internal header).
//
// Configuration: stack σ, buffer β = [b, n], where word n is an artificial
// ROOT at the end of the buffer (Ballesteros & Nivre 2013 show ROOT-at-end
// avoids premature root attachments). Transitions:
//   SHIFT    push b
//   LEFT-l   s0 <-l- b, pop s0          (s0 becomes a left child of b)
//   RIGHT-l  s1 -l-> s0, pop s0         (s0 becomes a right child of s1)
// LEFT onto ROOT is allowed only for the last word on the stack, so every
// sentence gets exactly one root. Class ids: 0 = SHIFT, 1 + 2l = LEFT-l,
// 2 + 2l = RIGHT-l.
#ifndef FAULTLINE_PARSE_ARC_HYBRID_H_
#define FAULTLINE_PARSE_ARC_HYBRID_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace faultline {

inline constexpr int kShift = 0;
inline int LeftClass(int label) { return 1 + 2 * label; }
inline int RightClass(int label) { return 2 + 2 * label; }
inline bool IsLeft(int cls) { return cls > 0 && cls % 2 == 1; }
inline int LabelOf(int cls) { return (cls - 1) / 2; }

// Per-token inputs, hashed once per sentence.
struct ParseTokenInfo {
  uint64_t word;  // lowercased form
  uint64_t tag;   // XPOS
};

class ArcHybridState {
 public:
  // `n` words plus ROOT at index n.
  void Reset(int n);

  bool Terminal() const { return stack_.empty() && b_ == n_; }
  bool CanShift() const { return b_ < n_; }
  bool CanLeft() const { return !stack_.empty() && (b_ < n_ || stack_.size() == 1); }
  bool CanRight() const { return stack_.size() >= 2; }
  bool RootMove() const { return b_ == n_; }  // a LEFT now attaches to ROOT

  void Apply(int cls);

  // Token at stack depth d (0 = top), buffer offset d, or -1 if none.
  int S(size_t d) const { return d < stack_.size() ? stack_[stack_.size() - 1 - d] : -1; }
  int B(int d) const { return b_ + d < n_ ? b_ + d : -1; }
  int b() const { return b_; }
  int n() const { return n_; }
  bool OnStack(int i) const { return on_stack_[i]; }
  const std::vector<int>& stack() const { return stack_; }

  int head(int i) const { return head_[i]; }
  int label(int i) const { return label_[i]; }
  // Leftmost/second-leftmost and rightmost/second-rightmost children; -1 if none.
  int L1(int i) const { return i < 0 ? -1 : l1_[i]; }
  int L2(int i) const { return i < 0 ? -1 : l2_[i]; }
  int R1(int i) const { return i < 0 ? -1 : r1_[i]; }
  int R2(int i) const { return i < 0 ? -1 : r2_[i]; }
  int NumLeft(int i) const { return i < 0 ? 0 : nleft_[i]; }
  int NumRight(int i) const { return i < 0 ? 0 : nright_[i]; }

 private:
  void AddArc(int head, int dep, int label);

  int n_ = 0;
  int b_ = 0;
  std::vector<int> stack_;
  std::vector<char> on_stack_;
  std::vector<int> head_, label_, l1_, l2_, r1_, r2_, nleft_, nright_;
};

inline constexpr int kNumParseFeatures = 64;

// Writes kNumParseFeatures feature hashes for the configuration.
void ParseFeatures(const ArcHybridState& st, const std::vector<ParseTokenInfo>& info,
                   uint64_t* out);

}  // namespace faultline

#endif  // FAULTLINE_PARSE_ARC_HYBRID_H_
