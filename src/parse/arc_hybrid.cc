#include "parse/arc_hybrid.h"

#include <algorithm>

#include "learn/hash.h"

namespace faultline {

void ArcHybridState::Reset(int n) {
  n_ = n;
  b_ = 0;
  stack_.clear();
  on_stack_.assign(n + 1, 0);
  head_.assign(n + 1, -1);
  label_.assign(n + 1, -1);
  l1_.assign(n + 1, -1);
  l2_.assign(n + 1, -1);
  r1_.assign(n + 1, -1);
  r2_.assign(n + 1, -1);
  nleft_.assign(n + 1, 0);
  nright_.assign(n + 1, 0);
}

void ArcHybridState::AddArc(int h, int d, int l) {
  head_[d] = h;
  label_[d] = l;
  if (d < h) {
    ++nleft_[h];
    if (l1_[h] < 0 || d < l1_[h]) {
      l2_[h] = l1_[h];
      l1_[h] = d;
    } else if (l2_[h] < 0 || d < l2_[h]) {
      l2_[h] = d;
    }
  } else {
    ++nright_[h];
    if (r1_[h] < 0 || d > r1_[h]) {
      r2_[h] = r1_[h];
      r1_[h] = d;
    } else if (r2_[h] < 0 || d > r2_[h]) {
      r2_[h] = d;
    }
  }
}

void ArcHybridState::Apply(int cls) {
  if (cls == kShift) {
    stack_.push_back(b_);
    on_stack_[b_] = 1;
    ++b_;
    return;
  }
  int s0 = stack_.back();
  stack_.pop_back();
  on_stack_[s0] = 0;
  AddArc(IsLeft(cls) ? b_ : stack_.back(), s0, LabelOf(cls));
}

namespace {

// Values for absent positions and for ROOT, so templates stay distinct.
constexpr uint64_t kNone = 0x6e6f6e65ULL;
constexpr uint64_t kRoot = 0x726f6f74ULL;

struct Slot {
  uint64_t w = kNone, t = kNone, l = kNone;
};

Slot At(const ArcHybridState& st, const std::vector<ParseTokenInfo>& info, int i) {
  Slot s;
  if (i < 0) return s;
  if (i == st.n()) {
    s.w = s.t = kRoot;
    return s;
  }
  s.w = info[i].word;
  s.t = info[i].tag;
  s.l = st.label(i) < 0 ? kNone : static_cast<uint64_t>(st.label(i));
  return s;
}

// A feature: template `t` and up to four values (word or tag hashes, small
// integers for distances, valencies and labels), each weighted by its own
// odd constant and mixed once. Distinct tuples meet before the mix only if
// 64-bit products of hashes cancel (about 2^-64 a pair). hash.h's Feature
// mixes once per value: 64 features with three mixes each were 14% of
// parsing time.
uint64_t F(uint64_t t, uint64_t a, uint64_t b = 0, uint64_t c = 0, uint64_t d = 0) {
  return MixHash((t + 1) * 0x9e3779b97f4a7c15ULL + a * 0xc2b2ae3d27d4eb4fULL +
                 b * 0x165667b19e3779f9ULL + c * 0xd6e8feb86659fd93ULL + d * 0xff51afd7ed558ccdULL);
}

uint64_t Distance(int a, int b) {
  if (a < 0 || b < 0) return 99;
  int d = std::abs(b - a);
  return d < 5 ? d : d < 10 ? 5 : 6;
}

}  // namespace

// Templates after Zhang & Nivre (2011), adapted to arc-hybrid (b0 can have
// left children; s0 and s1 can have both).
void ParseFeatures(const ArcHybridState& st, const std::vector<ParseTokenInfo>& info,
                   uint64_t* out) {
  int s0i = st.S(0), s1i = st.S(1), b0i = st.b();
  Slot s0 = At(st, info, s0i), s1 = At(st, info, s1i), s2 = At(st, info, st.S(2));
  Slot b0 = At(st, info, b0i), b1 = At(st, info, st.B(1)), b2 = At(st, info, st.B(2));
  Slot s0l1 = At(st, info, st.L1(s0i)), s0l2 = At(st, info, st.L2(s0i));
  Slot s0r1 = At(st, info, st.R1(s0i)), s0r2 = At(st, info, st.R2(s0i));
  Slot s1l1 = At(st, info, st.L1(s1i)), s1r1 = At(st, info, st.R1(s1i));
  Slot b0l1 = At(st, info, st.L1(b0i)), b0l2 = At(st, info, st.L2(b0i));
  uint64_t d = Distance(s0i, b0i), d1 = Distance(s1i, s0i);
  uint64_t s0vl = st.NumLeft(s0i), s0vr = st.NumRight(s0i), b0vl = st.NumLeft(b0i);
  uint64_t s1vr = st.NumRight(s1i);
  int k = 0;
  // Single words.
  out[k++] = F(0, s0.w, s0.t);
  out[k++] = F(1, s0.w);
  out[k++] = F(2, s0.t);
  out[k++] = F(3, b0.w, b0.t);
  out[k++] = F(4, b0.w);
  out[k++] = F(5, b0.t);
  out[k++] = F(6, b1.w, b1.t);
  out[k++] = F(7, b1.w);
  out[k++] = F(8, b1.t);
  out[k++] = F(9, s1.w, s1.t);
  out[k++] = F(10, s1.w);
  out[k++] = F(11, s1.t);
  out[k++] = F(12, b2.t);
  out[k++] = F(13, s2.t);
  // Pairs.
  out[k++] = F(14, s0.w, s0.t, b0.w, b0.t);
  out[k++] = F(15, s0.w, s0.t, b0.w);
  out[k++] = F(16, s0.w, b0.w, b0.t);
  out[k++] = F(17, s0.w, s0.t, b0.t);
  out[k++] = F(18, s0.t, b0.w, b0.t);
  out[k++] = F(19, s0.w, b0.w);
  out[k++] = F(20, s0.t, b0.t);
  out[k++] = F(21, b0.t, b1.t);
  out[k++] = F(22, s1.t, s0.t);
  out[k++] = F(23, s1.w, s0.w);
  out[k++] = F(24, s1.t, s0.w);
  out[k++] = F(25, s1.w, s0.t);
  // Three tags.
  out[k++] = F(26, b0.t, b1.t, b2.t);
  out[k++] = F(27, s0.t, b0.t, b1.t);
  out[k++] = F(28, s1.t, s0.t, b0.t);
  out[k++] = F(29, s2.t, s1.t, s0.t);
  out[k++] = F(30, s0.t, s0l1.t, b0.t);
  out[k++] = F(31, s0.t, s0r1.t, b0.t);
  out[k++] = F(32, s0.t, b0.t, b0l1.t);
  out[k++] = F(33, s1.t, s0.t, s0l1.t);
  out[k++] = F(34, s1.t, s0.t, s0r1.t);
  out[k++] = F(35, s1.t, s1r1.t, s0.t);
  out[k++] = F(36, s1.t, s1l1.t, s0.t);
  // Distance.
  out[k++] = F(37, s0.w, d);
  out[k++] = F(38, s0.t, d);
  out[k++] = F(39, b0.w, d);
  out[k++] = F(40, b0.t, d);
  out[k++] = F(41, s0.t, b0.t, d);
  out[k++] = F(42, s1.t, s0.t, d1);
  // Valency.
  out[k++] = F(43, s0.w, s0vr);
  out[k++] = F(44, s0.t, s0vr);
  out[k++] = F(45, s0.w, s0vl);
  out[k++] = F(46, s0.t, s0vl);
  out[k++] = F(47, b0.w, b0vl);
  out[k++] = F(48, b0.t, b0vl);
  out[k++] = F(49, s1.t, s1vr);
  // Children: words, tags and labels.
  out[k++] = F(50, s0l1.w, s0l1.t);
  out[k++] = F(51, s0.t, s0l1.l);
  out[k++] = F(52, s0r1.w, s0r1.t);
  out[k++] = F(53, s0.t, s0r1.l);
  out[k++] = F(54, b0l1.w, b0l1.t);
  out[k++] = F(55, b0.t, b0l1.l);
  out[k++] = F(56, s1.t, s1r1.l, s1l1.l);
  out[k++] = F(57, s0.t, s0l1.l, s0l2.l);
  out[k++] = F(58, s0.t, s0r1.l, s0r2.l);
  out[k++] = F(59, b0.t, b0l1.l, b0l2.l);
  out[k++] = F(60, s0.t, s0l1.t, s0l2.t);
  out[k++] = F(61, s0.t, s0r1.t, s0r2.t);
  out[k++] = F(62, b0.t, b0l1.t, b0l2.t);
  out[k++] = F(63, s0.w, s0.l, b0.t);
}

}  // namespace faultline
