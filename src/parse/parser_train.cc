// Training for the Parser with the arc-hybrid dynamic oracle (Goldberg &
// Nivre 2013): see parser.h for the method.
#include <algorithm>
#include <climits>
#include <map>
#include <random>

#include "learn/hash.h"
#include "parse/arc_hybrid.h"
#include "parse/parse_features.h"
#include "parse/parser.h"

namespace faultline {

namespace {

struct GoldTree {
  const Document* doc;
  const Sentence* sent;
  std::vector<int> head;   // n = ROOT
  std::vector<int> label;
};

// Gold arcs made unreachable by each kind of transition (label ignored).
struct MoveCosts {
  int shift = INT_MAX, left = INT_MAX, right = INT_MAX;
};

int DependentsInBuffer(const ArcHybridState& st, const GoldTree& g, int x) {
  int c = 0;
  for (int k = st.b(); k < st.n(); ++k) c += g.head[k] == x;
  return c;
}

MoveCosts Costs(const ArcHybridState& st, const GoldTree& g) {
  MoveCosts m;
  int s0 = st.S(0), s1 = st.S(1), b = st.b();
  if (st.CanShift()) {
    int c = 0;
    for (int d : st.stack()) c += g.head[d] == b;
    int h = g.head[b];
    if (h < b && h != s0 && h >= 0 && st.OnStack(h)) ++c;
    m.shift = c;
  }
  if (s0 >= 0) {
    int deps = DependentsInBuffer(st, g, s0);
    int h = g.head[s0];
    if (st.CanLeft()) m.left = deps + ((h == s1 && s1 >= 0) || h > b);
    if (st.CanRight()) m.right = deps + (h >= b);
  }
  return m;
}

// Cost of every class (INT_MAX = invalid).
void ClassCosts(const ArcHybridState& st, const GoldTree& g, int num_labels, int root_label,
                std::vector<int>* cost) {
  MoveCosts m = Costs(st, g);
  cost->assign(1 + 2 * num_labels, INT_MAX);
  (*cost)[kShift] = m.shift;
  int s0 = st.S(0);
  if (s0 < 0) return;
  int gl = g.label[s0];
  for (int l = 0; l < num_labels; ++l) {
    // The root label goes only onto ROOT, and onto ROOT only the root label.
    if (m.left != INT_MAX && (l == root_label) == st.RootMove()) {
      (*cost)[LeftClass(l)] = m.left + (g.head[s0] == st.b() && l != gl);
    }
    if (m.right != INT_MAX && l != root_label) {
      (*cost)[RightClass(l)] = m.right + (g.head[s0] == st.S(1) && l != gl);
    }
  }
}

AttachmentScore Evaluate(const Parser& parser, const std::vector<Document>& docs) {
  AttachmentScore score;
  for (const Document& gold : docs) {
    Document d = gold;
    for (const Sentence& s : d.sentences) parser.Parse(&d, s);
    for (size_t i = 0; i < d.tokens.size(); ++i) {
      ++score.tokens;
      bool head_ok = d.tokens[i].head == gold.tokens[i].head;
      score.heads += head_ok;
      score.labelled += head_ok && d.tokens[i].deprel == gold.tokens[i].deprel;
    }
  }
  return score;
}

}  // namespace

Result<std::unique_ptr<Parser>> TrainParser(const std::vector<Document>& train,
                                            const std::vector<Document>& dev,
                                            const ParserTrainOptions& opts, FILE* log) {
  std::map<std::string, int> label_ids;
  for (const Document& d : train) {
    for (const Token& t : d.tokens) label_ids.emplace(std::string(t.deprel), 0);
  }
  if (!label_ids.count("root")) return Status::Invalid("training data has no 'root' label");
  if (label_ids.size() > 127) return Status::Invalid("too many dependency labels");
  std::vector<std::string> labels;
  for (auto& [name, id] : label_ids) {
    id = static_cast<int>(labels.size());
    labels.push_back(name);
  }
  const int num_labels = static_cast<int>(labels.size());
  const int root_label = label_ids["root"];

  std::vector<GoldTree> data;
  for (const Document& d : train) {
    for (const Sentence& s : d.sentences) {
      GoldTree g{&d, &s, {}, {}};
      for (uint32_t i = 0; i < s.size; ++i) {
        const Token& t = d.tokens[s.first + i];
        g.head.push_back(t.head < 0 ? static_cast<int>(s.size) : t.head);
        g.label.push_back(label_ids[std::string(t.deprel)]);
      }
      data.push_back(std::move(g));
    }
  }

  const int nc = 1 + 2 * num_labels;
  AveragedPerceptron model(nc);
  ArcHybridState st;
  std::vector<ParseTokenInfo> info;
  std::string lower;
  std::vector<float> scores(nc);
  std::vector<int> cost;
  uint64_t feats[kNumParseFeatures];
  std::mt19937_64 rng(opts.seed);
  std::uniform_real_distribution<float> coin(0.0f, 1.0f);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::unique_ptr<Parser> parser;
  for (int epoch = 1; epoch <= opts.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t moves = 0, errors = 0;
    for (size_t idx : order) {
      const GoldTree& g = data[idx];
      ComputeParseTokenInfo(*g.doc, *g.sent, &lower, &info);
      st.Reset(static_cast<int>(g.sent->size));
      while (!st.Terminal()) {
        ParseFeatures(st, info, feats);
        model.Score(feats, kNumParseFeatures, scores.data());
        ClassCosts(st, g, num_labels, root_label, &cost);
        int min_cost = *std::min_element(cost.begin(), cost.end());
        int guess = -1, best = -1;
        for (int c = 0; c < nc; ++c) {
          if (cost[c] == INT_MAX) continue;
          if (guess < 0 || scores[c] > scores[guess]) guess = c;
          if (cost[c] == min_cost && (best < 0 || scores[c] > scores[best])) best = c;
        }
        model.Tick();
        ++moves;
        int next = best;
        if (cost[guess] != min_cost) {
          ++errors;
          model.Update(feats, kNumParseFeatures, best, guess);
          if (epoch > 1 && coin(rng) < opts.explore) next = guess;
        }
        st.Apply(next);
      }
    }
    parser = std::make_unique<Parser>(labels, model.Compile(opts.prune));
    if (log) {
      AttachmentScore s = Evaluate(*parser, dev);
      std::fprintf(log, "epoch %d: train move error %.4f, features %zu; dev UAS %.4f LAS %.4f\n",
                   epoch, static_cast<double>(errors) / moves, model.num_features(), s.uas(),
                   s.las());
      std::fflush(log);
    }
  }
  return parser;
}

}  // namespace faultline
