// Part-of-speech tagger: greedy left-to-right averaged perceptron predicting
// joint (UPOS, Penn XPOS) classes, so the two tags always agree.
//
// Frequent words seen with one class almost always (>= 99.5%) skip the model
// via a tag dictionary, which is both faster and slightly more accurate.
#ifndef FAULTLINE_TAG_TAGGER_H_
#define FAULTLINE_TAG_TAGGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "faultline/document.h"
#include "faultline/status.h"
#include "learn/perceptron.h"
#include "tag/wordnet.h"

namespace faultline {

// Immutable after Load; Tag() is const and safe to call from many threads.
class Tagger {
 public:
  // Returns NotFound / Corruption with the path in the message. The features
  // read WordNet's word classes, so the tagger keeps `wordnet` (not null).
  static Result<std::unique_ptr<Tagger>> Load(const std::string& path,
                                              std::shared_ptr<const WordNet> wordnet);
  // The same, loading WordNet from `wordnet_dir` (tests, tools).
  static Result<std::unique_ptr<Tagger>> Load(const std::string& path,
                                              const std::string& wordnet_dir);
  // Builds a tagger from parts (used by the trainer).
  Tagger(std::vector<std::string> classes, std::unordered_map<uint64_t, int> tag_dict,
         SparseModel model, std::shared_ptr<const WordNet> wordnet);

  // Fills upos and xpos of the tokens of `s`.
  void Tag(Document* doc, const Sentence& s) const;
  // Predicted class ids for a sentence of forms (the core of Tag()).
  void Predict(const std::vector<std::string_view>& forms, std::vector<int>* classes) const;

  std::string Serialize() const;
  Status Save(const std::string& path) const;

  const std::vector<std::string>& classes() const { return classes_; }

 private:
  std::vector<std::string> classes_;  // "UPOS\tXPOS"
  std::vector<std::string_view> upos_, xpos_;  // interned, per class
  std::unordered_map<uint64_t, int> tag_dict_;  // exact-form hash -> class
  SparseModel model_;
  std::shared_ptr<const WordNet> wordnet_;
  // Names this tagger's model for the per-thread memo of word scores (an
  // address could be reused by a later tagger; an id is never).
  uint64_t memo_id_;
};

struct TaggerTrainOptions {
  int epochs = 12;         // passes over the training set (dev: 8 -> 12 +0.07 UPOS)
  uint64_t seed = 1;       // shuffling order
  float prune = 0.002f;    // drop |w| < prune * max|w| in the shipped model
  int dict_min_count = 20; // tag dictionary: minimum frequency of a form
};

// Trains on gold tags of `train`; prints per-epoch accuracy on `dev` to `log`
// (if not null). Documents must carry gold upos/xpos.
Result<std::unique_ptr<Tagger>> TrainTagger(const std::vector<Document>& train,
                                            const std::vector<Document>& dev,
                                            std::shared_ptr<const WordNet> wordnet,
                                            const TaggerTrainOptions& opts, FILE* log);

}  // namespace faultline

#endif  // FAULTLINE_TAG_TAGGER_H_
