#include "learn/perceptron.h"

#include <algorithm>
#include <climits>
#include <map>
#include <random>

#include <gtest/gtest.h>

#include "learn/hash.h"

namespace faultline {
namespace {

// A toy separable problem: 3 classes; each example has one "signal" feature
// naming its class among noise features shared by all classes.
struct Example {
  std::vector<uint64_t> feats;
  int label;
};

std::vector<Example> MakeData(int n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Example> data;
  for (int i = 0; i < n; ++i) {
    Example e;
    e.label = static_cast<int>(rng() % 3);
    e.feats.push_back(Feature(1, e.label * 10 + rng() % 2));  // two signal words per class
    for (int k = 0; k < 3; ++k) e.feats.push_back(Feature(2, rng() % 50));
    data.push_back(e);
  }
  return data;
}

SparseModel Train(const std::vector<Example>& data, int epochs) {
  AveragedPerceptron p(3);
  float scores[3];
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (const Example& e : data) {
      p.Score(e.feats.data(), e.feats.size(), scores);
      int guess = static_cast<int>(std::max_element(scores, scores + 3) - scores);
      p.Tick();
      p.Update(e.feats.data(), e.feats.size(), e.label, guess);
    }
  }
  return p.Compile(0.0f);
}

int Predict(const SparseModel& m, const Example& e) {
  int32_t scores[3];
  m.Score(e.feats.data(), e.feats.size(), scores);
  return static_cast<int>(std::max_element(scores, scores + 3) - scores);
}

TEST(PerceptronTest, LearnsSeparableProblem) {
  std::vector<Example> train = MakeData(300, 1);
  SparseModel m = Train(train, 10);
  int right = 0;
  for (const Example& e : train) right += Predict(m, e) == e.label;
  EXPECT_EQ(right, 300);  // separable: the training set is learned exactly
  right = 0;
  for (const Example& e : MakeData(200, 2)) right += Predict(m, e) == e.label;
  EXPECT_GE(right, 196);
}

TEST(PerceptronTest, UnseenFeaturesScoreZero) {
  SparseModel m = Train(MakeData(100, 3), 2);
  uint64_t unseen = Feature(99, 12345);
  int32_t scores[3] = {7, 7, 7};
  m.Score(&unseen, 1, scores);
  EXPECT_EQ(scores[0], 0);
  EXPECT_EQ(scores[1], 0);
  EXPECT_EQ(scores[2], 0);
}

TEST(PerceptronTest, AveragingDampsLateUpdates) {
  // One feature: class 0 is right for 99 instances, then one update pushes
  // toward class 1. Averaged, class 0 must still win.
  AveragedPerceptron p(2);
  uint64_t f = Feature(1, 1);
  p.Tick();
  p.Update(&f, 1, 0, 1);
  for (int i = 0; i < 98; ++i) p.Tick();
  p.Tick();
  p.Update(&f, 1, 1, 0);
  p.Update(&f, 1, 1, 0);
  SparseModel m = p.Compile(0.0f);
  int32_t scores[2];
  m.Score(&f, 1, scores);
  EXPECT_GT(scores[0], scores[1]);
}

// Score's fast paths (a small table for features with many classes, whose
// rows are added with SIMD in chunks of 64, 48, 32 or 16 classes; sparse
// records in 64-byte lines; batches of 64 features) against the weights as
// serialised, summed by hand. Trains `num_feats` features, feature f toward
// up to f % nc + 1 classes (some rows dense, most sparse), and scores them
// and as many unknown ones.
void CheckScoresAgainstStoredWeights(int nc, int num_feats) {
  std::mt19937_64 rng(nc);
  AveragedPerceptron p(nc);
  std::vector<uint64_t> feats;
  for (int f = 0; f < num_feats; ++f) feats.push_back(Feature(7, f));
  for (int round = 0; round < 40; ++round) {
    for (int f = 0; f < num_feats; ++f) {
      p.Tick();
      int truth = static_cast<int>(rng() % (f % nc + 1)), guess = (truth + 1) % nc;
      p.Update(&feats[f], 1, truth, guess);
    }
  }
  SparseModel m = p.Compile(0.0f);
  BinaryWriter w;
  m.Write(&w);
  BinaryReader r(w.data());
  ASSERT_EQ(r.U32(), 0x4d504c46u);
  ASSERT_EQ(r.U32(), static_cast<uint32_t>(nc));
  uint32_t nfeat = r.U32(), nnz = r.U32();
  std::vector<uint64_t> keys(nfeat);
  std::vector<uint32_t> counts(nfeat);
  uint64_t key = 0;
  for (uint32_t i = 0; i < nfeat; ++i) {
    key += r.VarUint();
    keys[i] = key;
    counts[i] = static_cast<uint32_t>(r.VarUint());
  }
  std::vector<uint8_t> cls(nnz);
  std::vector<int16_t> weight(nnz);
  for (uint8_t& c : cls) c = r.U8();
  for (int16_t& x : weight) r.Raw(&x, sizeof x);
  ASSERT_TRUE(r.ok());
  std::map<uint64_t, std::vector<int32_t>> rows;
  for (uint32_t i = 0, e = 0; i < nfeat; ++i) {
    std::vector<int32_t>& row = rows[keys[i]];
    row.assign(nc, 0);
    for (uint32_t k = 0; k < counts[i]; ++k, ++e) row[cls[e]] += weight[e];
  }
  // All features plus unknown ones, in shuffled batches of every size.
  std::vector<uint64_t> all = feats;
  for (int u = 0; u < num_feats; ++u) all.push_back(Feature(8, u));
  std::shuffle(all.begin(), all.end(), rng);
  for (size_t n : {size_t{1}, size_t{5}, size_t{64}, size_t{65}, all.size()}) {
    std::vector<int32_t> want(nc, 0), got(nc, -1);
    for (size_t i = 0; i < n; ++i) {
      auto it = rows.find(all[i]);
      if (it == rows.end()) continue;
      for (int c = 0; c < nc; ++c) want[c] += it->second[c];
    }
    m.Score(all.data(), n, got.data());
    EXPECT_EQ(got, want) << nc << " classes, " << n << " features";
    // From a start vector (the tagger starts from its word's sums).
    std::vector<int32_t> start(nc);
    for (int c = 0; c < nc; ++c) start[c] = static_cast<int32_t>(rng() % 2001) - 1000;
    m.Score(all.data(), n, got.data(), start.data());
    for (int c = 0; c < nc; ++c) want[c] += start[c];
    EXPECT_EQ(got, want) << nc << " classes, " << n << " features, from a start";
  }
  // One at a time, so a wrong row cannot hide in a sum.
  for (size_t i = 0; i < all.size(); ++i) {
    auto it = rows.find(all[i]);
    std::vector<int32_t> want = it == rows.end() ? std::vector<int32_t>(nc, 0) : it->second;
    std::vector<int32_t> got(nc, -1);
    m.Score(&all[i], 1, got.data());
    ASSERT_EQ(got, want) << nc << " classes, feature " << i;
  }
}

// Class counts that use every chunk width.
TEST(PerceptronTest, ScoresAreTheSumsOfTheStoredWeights) {
  for (int nc : {3, 10, 20, 40, 103, 130}) CheckScoresAgainstStoredWeights(nc, 200);
}

// Enough sparse features that many 64-byte lines fill up and their records
// go on to the next lines (and wrap around the table's end): every one is
// still found, and no unknown feature is taken for one of them.
TEST(PerceptronTest, ScoresHoldWhenSparseLinesOverflow) {
  CheckScoresAgainstStoredWeights(103, 20000);
}

// Against std::max_element: every length that leaves a SIMD tail, with
// many ties (values from a small range), the maximum anywhere.
TEST(PerceptronTest, FirstArgMaxIsTheFirstLargest) {
  std::mt19937_64 rng(7);
  for (int n = 1; n <= 140; ++n) {
    for (int trial = 0; trial < 20; ++trial) {
      std::vector<int32_t> v(n);
      const int range = trial % 2 == 0 ? 3 : 1000000;
      for (int32_t& x : v) x = static_cast<int32_t>(rng() % range) - range / 2;
      if (trial == 3) v.assign(n, INT32_MIN);
      int want = static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
      ASSERT_EQ(FirstArgMax(v.data(), n), want) << "n=" << n << " trial " << trial;
    }
  }
}

TEST(PerceptronTest, SerialisationRoundTripsAndIsDeterministic) {
  std::vector<Example> data = MakeData(300, 4);
  SparseModel a = Train(data, 3);
  BinaryWriter w1, w2;
  a.Write(&w1);
  Train(data, 3).Write(&w2);
  EXPECT_EQ(w1.data(), w2.data());
  BinaryReader r(w1.data());
  Result<SparseModel> b = SparseModel::Read(&r);
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(b->num_weights(), a.num_weights());
  for (const Example& e : MakeData(50, 5)) EXPECT_EQ(Predict(*b, e), Predict(a, e));
}

TEST(PerceptronTest, RejectsTruncatedModel) {
  BinaryWriter w;
  Train(MakeData(100, 6), 2).Write(&w);
  std::string cut = w.data().substr(0, w.data().size() / 2);
  BinaryReader r(cut);
  EXPECT_FALSE(SparseModel::Read(&r).ok());
}

}  // namespace
}  // namespace faultline
