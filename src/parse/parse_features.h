// Helpers shared by Parser and its trainer (internal header).
#ifndef FAULTLINE_PARSE_PARSE_FEATURES_H_
#define FAULTLINE_PARSE_PARSE_FEATURES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "faultline/document.h"
#include "parse/arc_hybrid.h"

namespace faultline {

// Hashes each token's lowercased form and xpos.
void ComputeParseTokenInfo(const Document& doc, const Sentence& s, std::string* lower,
                           std::vector<ParseTokenInfo>* info);

// Highest-scoring valid class (root label only onto ROOT, never elsewhere);
// of equal scores the first it considers: SHIFT, LEFT onto ROOT, then by
// label LEFT and RIGHT. -1 if none. The plain rule, which MoveMasks must
// match.
int BestValidClass(const ArcHybridState& st, const int32_t* scores, int num_labels,
                   int root_label);

// BestValidClass with vectors: the classes valid in each of the 16 kinds of
// configuration (can shift / at the root move / can go left / can go right)
// are kept as masks, so a move is a blend and an argmax over the classes
// instead of a loop of tests and branches per class.
class MoveMasks {
 public:
  MoveMasks(int num_labels, int root_label);
  int Best(const ArcHybridState& st, const int32_t* scores) const;

 private:
  int num_classes_;
  std::vector<int32_t> masks_;  // 16 kinds x num_classes_; -1 = valid, 0 = not
};

}  // namespace faultline

#endif  // FAULTLINE_PARSE_PARSE_FEATURES_H_
