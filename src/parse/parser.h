// Greedy transition-based dependency parser: arc-hybrid transitions (see
// arc_hybrid.h), one averaged perceptron scoring joint (move, label) classes
// over Zhang & Nivre (2011)-style features.
//
// Training uses the dynamic oracle of Goldberg & Nivre (2013) for arc-hybrid:
// every transition has a cost (gold arcs it makes unreachable), the model is
// updated toward the best zero-cost transition, and after the first epoch the
// trainer follows its own (possibly wrong) prediction 90% of the time, so it
// learns to recover from its mistakes (Goldberg & Nivre report about a point
// of LAS over a static oracle). It also copes with non-projective gold trees:
// min-cost transitions are then the "correct" ones.
//
// Tags: the parser reads Token::xpos, so at run time it sees tagger output.
// It is trained on jackknifed tags (`faultline train parser --jackknife 5`:
// each fifth of train tagged by a tagger trained on the other four), which on
// EWT dev with predicted tags beat training on gold tags: UAS 84.11 / LAS
// 80.59 against 83.56 / 79.93.
#ifndef FAULTLINE_PARSE_PARSER_H_
#define FAULTLINE_PARSE_PARSER_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/document.h"
#include "faultline/status.h"
#include "learn/perceptron.h"
#include "parse/parse_features.h"

namespace faultline {

// Immutable after Load; Parse() is const and safe to call from many threads.
class Parser {
 public:
  static Result<std::unique_ptr<Parser>> Load(const std::string& path);
  Parser(std::vector<std::string> labels, SparseModel model);

  // Fills head (-1 = root) and deprel of the tokens of `s`; needs xpos.
  void Parse(Document* doc, const Sentence& s) const;

  std::string Serialize() const;
  Status Save(const std::string& path) const;

  const std::vector<std::string>& labels() const { return labels_; }
  // Drops weights with |w| < min_abs (quantised units): a smaller, faster
  // model for some accuracy (`faultline eval-parse --prune N` measures it).
  void Prune(int min_abs) { model_ = model_.Pruned(min_abs); }
  size_t num_features() const { return model_.num_features(); }
  size_t num_weights() const { return model_.num_weights(); }

 private:
  std::vector<std::string> labels_;
  std::vector<std::string_view> interned_;
  int root_label_ = -1;
  SparseModel model_;
  MoveMasks moves_;
};

struct ParserTrainOptions {
  int epochs = 10;            // passes over the training set (dev LAS flat after ~9)
  uint64_t seed = 1;          // shuffling and exploration
  float prune = 0.00916f;     // drop |w| < prune * max|w| (~300 int16 units): on dev
                              // +0.1 LAS and 1.3x faster than keeping all weights
  float explore = 0.9f;       // after epoch 1, follow own prediction this often
};

// Trains on gold heads/labels of `train`, using the xpos tags present in the
// documents. Prints per-epoch UAS/LAS on `dev` to `log` if not null.
Result<std::unique_ptr<Parser>> TrainParser(const std::vector<Document>& train,
                                            const std::vector<Document>& dev,
                                            const ParserTrainOptions& opts, FILE* log);

// Attachment scores over all tokens (punctuation included).
struct AttachmentScore {
  size_t tokens = 0, heads = 0, labelled = 0;
  double uas() const { return tokens ? static_cast<double>(heads) / tokens : 0; }
  double las() const { return tokens ? static_cast<double>(labelled) / tokens : 0; }
};

}  // namespace faultline

#endif  // FAULTLINE_PARSE_PARSER_H_
