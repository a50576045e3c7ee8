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

// Highest-scoring valid class (root label only onto ROOT, never elsewhere).
int BestValidClass(const ArcHybridState& st, const int32_t* scores, int num_labels,
                   int root_label);

}  // namespace faultline

#endif  // FAULTLINE_PARSE_PARSE_FEATURES_H_
