// Training for the Tagger: greedy decoding with the model's own previous
// tags as features (so training sees the errors it will make), shuffled
// sentence order from a fixed seed, averaged weights.
#include <algorithm>
#include <cstdio>
#include <map>
#include <random>

#include "learn/hash.h"
#include "tag/tag_features.h"
#include "tag/tagger.h"

namespace faultline {

namespace {

struct TrainSentence {
  std::vector<std::string_view> forms;
  std::vector<int> gold;
};

std::string ClassName(const Token& t) {
  return std::string(t.upos) + "\t" + std::string(t.xpos);
}

// Frequent forms whose class is (nearly) unambiguous.
std::unordered_map<uint64_t, int> BuildTagDict(const std::vector<TrainSentence>& data,
                                               int min_count) {
  std::unordered_map<uint64_t, std::map<int, int>> counts;
  for (const TrainSentence& s : data) {
    for (size_t i = 0; i < s.forms.size(); ++i) ++counts[HashBytes(s.forms[i])][s.gold[i]];
  }
  std::unordered_map<uint64_t, int> dict;
  for (const auto& [h, by_class] : counts) {
    int total = 0, best = 0, best_class = 0;
    for (const auto& [c, n] : by_class) {
      total += n;
      if (n > best) best = n, best_class = c;
    }
    if (total >= min_count && best >= 0.995 * total) dict.emplace(h, best_class);
  }
  return dict;
}

double Accuracy(const Tagger& tagger, const std::vector<TrainSentence>& data) {
  size_t right = 0, total = 0;
  std::vector<int> pred;
  for (const TrainSentence& s : data) {
    tagger.Predict(s.forms, &pred);
    for (size_t i = 0; i < pred.size(); ++i) right += pred[i] == s.gold[i];
    total += pred.size();
  }
  return total ? static_cast<double>(right) / total : 0;
}

std::vector<TrainSentence> Collect(const std::vector<Document>& docs,
                                   std::map<std::string, int>* class_ids, bool add) {
  std::vector<TrainSentence> out;
  for (const Document& d : docs) {
    for (const Sentence& s : d.sentences) {
      TrainSentence ts;
      for (uint32_t i = 0; i < s.size; ++i) {
        const Token& t = d.tokens[s.first + i];
        std::string name = ClassName(t);
        auto it = class_ids->find(name);
        if (it == class_ids->end() && add) {
          it = class_ids->emplace(name, static_cast<int>(class_ids->size())).first;
        }
        ts.forms.push_back(t.form);
        ts.gold.push_back(it == class_ids->end() ? -1 : it->second);
      }
      out.push_back(std::move(ts));
    }
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<Tagger>> TrainTagger(const std::vector<Document>& train,
                                            const std::vector<Document>& dev,
                                            std::shared_ptr<const WordNet> wordnet,
                                            const TaggerTrainOptions& opts, FILE* log) {
  if (!wordnet) return Status::Invalid("the tagger needs WordNet");
  std::map<std::string, int> class_ids;
  std::vector<TrainSentence> data = Collect(train, &class_ids, true);
  std::vector<TrainSentence> dev_data = Collect(dev, &class_ids, false);
  if (data.empty()) return Status::Invalid("no training sentences");
  if (class_ids.size() > 250) return Status::Invalid("too many tag classes");
  std::vector<std::string> classes(class_ids.size());
  for (const auto& [name, id] : class_ids) classes[id] = name;
  std::unordered_map<uint64_t, int> dict = BuildTagDict(data, opts.dict_min_count);

  AveragedPerceptron model(static_cast<int>(classes.size()));
  std::vector<TagTokenInfo> info;
  std::vector<float> scores(classes.size());
  uint64_t feats[kNumTagFeatures];
  std::mt19937_64 rng(opts.seed);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::unique_ptr<Tagger> tagger;
  for (int epoch = 1; epoch <= opts.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t right = 0, total = 0;
    for (size_t idx : order) {
      const TrainSentence& s = data[idx];
      ComputeTagTokenInfo(s.forms, dict, *wordnet, /*for_training=*/true, &info);
      int prev1 = kNoTag, prev2 = kNoTag;
      for (size_t i = 0; i < s.forms.size(); ++i) {
        TagFeatures(info, i, prev1, prev2, feats);
        model.Score(feats, kNumTagFeatures, scores.data());
        int guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        model.Tick();
        model.Update(feats, kNumTagFeatures, s.gold[i], guess);
        right += guess == s.gold[i];
        ++total;
        prev2 = prev1;
        prev1 = guess;
      }
    }
    tagger = std::make_unique<Tagger>(classes, dict, model.Compile(opts.prune), wordnet);
    if (log) {
      std::fprintf(log, "epoch %d: train %.4f dev %.4f\n", epoch,
                   static_cast<double>(right) / total, Accuracy(*tagger, dev_data));
      std::fflush(log);
    }
  }
  return tagger;
}

}  // namespace faultline
