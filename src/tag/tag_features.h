// Feature extraction shared by the tagger and its trainer (internal header).
//
// Per-token properties (word, affixes, shape) are hashed once per sentence;
// the per-position templates then only combine precomputed hashes with the
// tags already predicted to the left.
#ifndef FAULTLINE_TAG_TAG_FEATURES_H_
#define FAULTLINE_TAG_TAG_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace faultline {

struct TagTokenInfo {
  uint64_t form;    // exact form
  uint64_t lower;   // lowercased form
  uint64_t suffix[4];
  uint64_t prefix[3];
  uint64_t shape;   // "Xxxxx", "dd,ddd" with runs capped at 4
  uint64_t short_shape;  // runs collapsed: "Xx", "d,d"
  uint64_t flags;   // has digit / hyphen / upper / all-caps bits
  int dict_class;   // class from the tag dictionary, or kNoTag (look-ahead)
  int wn;           // WordNet::WordClasses bits; kInDict for tag-dictionary words
};

inline constexpr int kNumTagFeatures = 39;
inline constexpr int kNoTag = 250;  // before the sentence start
inline constexpr int kInDict = 256;  // TagTokenInfo::wn of tag-dictionary words (not looked up)

class WordNet;

// Fills `info` (resized) for the forms of one sentence; `dict` maps exact
// form hashes to unambiguous classes; `wordnet` gives the word classes of
// the other words. At run time (`for_training` false) tag-dictionary words
// skip the model, so only the fields their neighbours read are filled.
// With `memo` (run time only), a form seen before copies its info from
// there instead of hashing its affixes and shapes and looking it up in the
// tag dictionary and WordNet again: everything in TagTokenInfo is a
// function of the form (and of the dictionary and WordNet, which the
// caller ties the memo to).
using TagInfoMemo = std::unordered_map<uint64_t, TagTokenInfo>;
void ComputeTagTokenInfo(const std::vector<std::string_view>& forms,
                         const std::unordered_map<uint64_t, int>& dict, const WordNet& wordnet,
                         bool for_training, std::vector<TagTokenInfo>* info,
                         TagInfoMemo* memo = nullptr);

// The features that read the previous tags; the tagger computes the rest
// one word ahead, to prefetch their weights.
inline constexpr int kTagDependent[] = {16, 17, 18, 19, 27, 32, 34, 37};

// Rewrites the features of position i listed in kTagDependent in `out`,
// which holds TagFeatures' output for i.
void SetTagDependentFeatures(const std::vector<TagTokenInfo>& info, size_t i, int prev1, int prev2,
                             uint64_t* out);

// Writes kNumTagFeatures hashes for position i given the two previous tags.
void TagFeatures(const std::vector<TagTokenInfo>& info, size_t i, int prev1, int prev2,
                 uint64_t* out);

// ASCII lowercase (other bytes unchanged), into `out`.
void LowerAscii(std::string_view s, std::string* out);

}  // namespace faultline

#endif  // FAULTLINE_TAG_TAG_FEATURES_H_
