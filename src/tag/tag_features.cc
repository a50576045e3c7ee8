#include "tag/tag_features.h"

#include "learn/hash.h"
#include "tag/wordnet.h"

namespace faultline {

namespace {

// Same value for all out-of-sentence positions, distinct per side.
constexpr uint64_t kPad[2] = {0x5a17e11ULL, 0xe0f5e17ULL};

char ShapeClass(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

void Shapes(std::string_view s, uint64_t* shape, uint64_t* short_shape) {
  char full[64], brief[64];
  size_t nf = 0, nb = 0;
  int run = 0;
  char last = 0;
  for (size_t i = 0; i < s.size() && nf < sizeof full; ++i) {
    char c = ShapeClass(s[i]);
    run = (c == last) ? run + 1 : 1;
    if (run <= 4) full[nf++] = c;
    if (run == 1 && nb < sizeof brief) brief[nb++] = c;
    last = c;
  }
  *shape = HashBytes(std::string_view(full, nf));
  *short_shape = HashBytes(std::string_view(brief, nb));
}

uint64_t Flags(std::string_view s) {
  uint64_t f = 0;
  bool all_upper = !s.empty();
  for (unsigned char c : s) {
    if (c >= '0' && c <= '9') f |= 1;
    if (c == '-') f |= 2;
    if (c >= 'A' && c <= 'Z') f |= 4;
    if (c >= 'a' && c <= 'z') all_upper = false;
  }
  if (all_upper && (f & 4)) f |= 8;
  return f;
}

}  // namespace

void LowerAscii(std::string_view s, std::string* out) {
  out->assign(s);
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
}

void ComputeTagTokenInfo(const std::vector<std::string_view>& forms,
                         const std::unordered_map<uint64_t, int>& dict, const WordNet& wordnet,
                         bool for_training, std::vector<TagTokenInfo>* info,
                         TagInfoMemo* memo) {
  info->resize(forms.size());
  std::string lower;
  for (size_t i = 0; i < forms.size(); ++i) {
    TagTokenInfo& t = (*info)[i];
    std::string_view f = forms[i];
    t.form = HashBytes(f);
    if (memo != nullptr) {
      auto known = memo->find(t.form);
      if (known != memo->end()) {
        t = known->second;
        continue;
      }
    }
    LowerAscii(f, &lower);
    std::string_view l = lower;
    t.lower = HashBytes(l);
    auto it = dict.find(t.form);
    t.dict_class = it == dict.end() ? kNoTag : it->second;
    if (it != dict.end() && !for_training) {
      // Skips the model: only what its neighbours' features read.
      t.suffix[2] = l.size() > 3 ? HashBytes(l.substr(l.size() - 3)) : t.lower;
      Shapes(f, &t.shape, &t.short_shape);
      t.wn = kInDict;
      if (memo != nullptr) memo->emplace(t.form, t);
      continue;
    }
    for (size_t k = 0; k < 4; ++k) {
      t.suffix[k] = l.size() > k + 1 ? HashBytes(l.substr(l.size() - k - 1)) : t.lower;
    }
    for (size_t k = 0; k < 3; ++k) {
      t.prefix[k] = l.size() > k + 1 ? HashBytes(l.substr(0, k + 1)) : t.lower;
    }
    Shapes(f, &t.shape, &t.short_shape);
    t.flags = Flags(f);
    // Tag-dictionary words skip the model, so their word classes would only
    // serve as right context, where dict_class says more.
    t.wn = it == dict.end() ? wordnet.CachedWordClasses(l, t.lower) : kInDict;
    if (memo != nullptr) memo->emplace(t.form, t);
  }
}

namespace {

uint64_t LowerAt(const std::vector<TagTokenInfo>& info, long j) {
  return j < 0 ? kPad[0] : j >= static_cast<long>(info.size()) ? kPad[1] : info[j].lower;
}

// Look-ahead: tags of unambiguous words to the right are known already.
int DictAt(const std::vector<TagTokenInfo>& info, long j) {
  return j >= static_cast<long>(info.size()) ? kNoTag + 1 : info[j].dict_class;
}

}  // namespace

void SetTagDependentFeatures(const std::vector<TagTokenInfo>& info, size_t i, int prev1, int prev2,
                             uint64_t* out) {
  const TagTokenInfo& w = info[i];
  const long p = static_cast<long>(i);
  out[16] = Feature(16, prev1);
  out[17] = Feature(17, prev2);
  out[18] = Feature(18, prev1, prev2);
  out[19] = Feature(19, prev1, w.lower);
  out[27] = Feature(27, prev1, w.suffix[2]);
  out[32] = Feature(32, prev1, DictAt(info, p + 1));
  out[34] = Feature(34, prev1, LowerAt(info, p + 1));
  out[37] = Feature(37, prev1, w.wn);
}

void TagFeatures(const std::vector<TagTokenInfo>& info, size_t i, int prev1, int prev2,
                 uint64_t* out) {
  const TagTokenInfo& w = info[i];
  auto lower_at = [&](long j) { return LowerAt(info, j); };
  auto suf3_at = [&](long j) {
    return j < 0 ? kPad[0] : j >= static_cast<long>(info.size()) ? kPad[1] : info[j].suffix[2];
  };
  auto shape_at = [&](long j) {
    return j < 0 ? kPad[0]
                 : j >= static_cast<long>(info.size()) ? kPad[1] : info[j].short_shape;
  };
  long p = static_cast<long>(i);
  int k = 0;
  out[k++] = Feature(0, 0);
  out[k++] = Feature(1, w.lower);
  out[k++] = Feature(2, w.form);
  for (int s = 0; s < 4; ++s) out[k++] = Feature(3 + s, w.suffix[s]);
  for (int s = 0; s < 3; ++s) out[k++] = Feature(7 + s, w.prefix[s]);
  out[k++] = Feature(10, w.shape);
  out[k++] = Feature(11, w.short_shape);
  out[k++] = Feature(12, lower_at(p - 1));
  out[k++] = Feature(13, lower_at(p - 2));
  out[k++] = Feature(14, lower_at(p + 1));
  out[k++] = Feature(15, lower_at(p + 2));
  k += 4;  // 16-19: the previous tags (SetTagDependentFeatures)
  out[k++] = Feature(20, suf3_at(p - 1));
  out[k++] = Feature(21, suf3_at(p + 1));
  out[k++] = Feature(22, shape_at(p + 1));
  out[k++] = Feature(23, i == 0, w.short_shape);
  out[k++] = Feature(24, lower_at(p - 1), w.lower);
  out[k++] = Feature(25, w.lower, lower_at(p + 1));
  out[k++] = Feature(26, w.flags);
  ++k;  // 27
  out[k++] = Feature(28, shape_at(p - 1), w.short_shape);
  out[k++] = Feature(29, i == 0, w.lower);
  auto dict_at = [&](long j) { return DictAt(info, j); };
  out[k++] = Feature(30, dict_at(p + 1));
  out[k++] = Feature(31, dict_at(p + 1), dict_at(p + 2));
  ++k;  // 32
  out[k++] = Feature(33, lower_at(p - 1), lower_at(p + 1));
  ++k;  // 34
  // What WordNet allows the word to be ("Risk": a common noun, so capitalised
  // for another reason than being a name).
  auto wn_at = [&](long j) { return j >= static_cast<long>(info.size()) ? kInDict + 1 : info[j].wn; };
  out[k++] = Feature(35, w.wn);
  out[k++] = Feature(36, w.wn, w.short_shape);
  ++k;  // 37
  out[k++] = Feature(38, wn_at(p + 1));
  SetTagDependentFeatures(info, i, prev1, prev2, out);
}

}  // namespace faultline
