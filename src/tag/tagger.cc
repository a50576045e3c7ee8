#include "tag/tagger.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <iterator>
#include <unordered_map>

#include "learn/binary_io.h"
#include "learn/hash.h"
#include "tag/tag_features.h"

namespace faultline {

namespace {

constexpr uint32_t kTaggerMagic = 0x47544c46;  // "FLTG"

// The features that read only the word itself (bias, forms, affixes,
// shapes, flags, WordNet classes): their score sum depends on the form
// alone, so it is computed once per form and kept (news text repeats its
// words). Integer sums: the result is the same as scoring them each time.
constexpr int kWordOnly[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 26, 35, 36};
constexpr int kNumWordOnly = static_cast<int>(std::size(kWordOnly));
constexpr int kNumContext = kNumTagFeatures - kNumWordOnly;
constexpr int kNumLookAhead = kNumContext - static_cast<int>(std::size(kTagDependent));

// The features of kNumTagFeatures in none of `skip`, in order.
template <int N, typename... Lists>
constexpr std::array<int, N> FeaturesNotIn(const Lists&... skip) {
  std::array<int, N> out{};
  int k = 0;
  for (int f = 0; f < kNumTagFeatures; ++f) {
    bool skipped = (... || (std::find(std::begin(skip), std::end(skip), f) != std::end(skip)));
    if (!skipped) out[k++] = f;
  }
  return out;
}
// Scored per position.
constexpr std::array<int, kNumContext> kContext = FeaturesNotIn<kNumContext>(kWordOnly);
// Known a word ahead, so worth prefetching: the word-only ones are nearly
// always in the per-form memo, and the tag-dependent ones are not known.
constexpr std::array<int, kNumLookAhead> kLookAhead =
    FeaturesNotIn<kNumLookAhead>(kWordOnly, kTagDependent);
constexpr size_t kMaxCachedForms = size_t{1} << 15;

struct Scratch {
  std::vector<TagTokenInfo> info;
  std::vector<std::string_view> forms;
  std::vector<int> classes;
  int32_t scores[256];
  uint64_t feats[2][kNumTagFeatures];  // this word's, the next word's
  // Per-thread memos of one tagger (`model_id`, its Tagger::memo_id_): the
  // word-only score sums (form hash -> offset into rows) and the per-form
  // info (affix and shape hashes, tag dictionary, WordNet classes).
  uint64_t model_id = 0;
  std::unordered_map<uint64_t, uint32_t> word_rows;
  std::vector<int32_t> rows;
  TagInfoMemo info_memo;

  // Empties the memos when they belong to another tagger; the info memo
  // also when it holds kMaxCachedForms forms (the word sums are capped as
  // they grow, in WordScores).
  void Bind(uint64_t id) {
    if (model_id != id) ClearWordRows();
    if (model_id != id || info_memo.size() >= kMaxCachedForms) info_memo.clear();
    model_id = id;
  }
  void ClearWordRows() {
    word_rows.clear();
    rows.clear();
  }
};

// The word-only score sums for `form` (whose features are `feats`), from the
// memo or computed into it (the memo is bound to the model by Scratch::Bind).
const int32_t* WordScores(const SparseModel& model, Scratch& s, uint64_t form, const uint64_t* feats) {
  const size_t nc = static_cast<size_t>(model.num_classes());
  if (s.word_rows.size() >= kMaxCachedForms) s.ClearWordRows();
  auto [it, added] = s.word_rows.try_emplace(form, static_cast<uint32_t>(s.rows.size()));
  if (added) {
    uint64_t word[kNumWordOnly];
    for (int k = 0; k < kNumWordOnly; ++k) word[k] = feats[kWordOnly[k]];
    s.rows.resize(s.rows.size() + nc);
    model.Score(word, kNumWordOnly, &s.rows[it->second]);
  }
  return &s.rows[it->second];
}

uint64_t NextMemoId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1);
}

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

}  // namespace

Tagger::Tagger(std::vector<std::string> classes, std::unordered_map<uint64_t, int> tag_dict,
               SparseModel model, std::shared_ptr<const WordNet> wordnet)
    : classes_(std::move(classes)),
      tag_dict_(std::move(tag_dict)),
      model_(std::move(model)),
      wordnet_(std::move(wordnet)),
      memo_id_(NextMemoId()) {
  for (const std::string& c : classes_) {
    size_t tab = c.find('\t');
    upos_.push_back(InternTag(std::string_view(c).substr(0, tab)));
    xpos_.push_back(InternTag(tab == std::string::npos ? "_" : std::string_view(c).substr(tab + 1)));
  }
}

void Tagger::Predict(const std::vector<std::string_view>& forms, std::vector<int>* classes) const {
  Scratch& s = ThreadScratch();
  s.Bind(memo_id_);
  ComputeTagTokenInfo(forms, tag_dict_, *wordnet_, /*for_training=*/false, &s.info, &s.info_memo);
  classes->resize(forms.size());
  int prev1 = kNoTag, prev2 = kNoTag;
  const int nc = model_.num_classes();
  // Scoring waits on memory (one model lookup per feature). All but 8
  // features of a word are known before its left neighbour is tagged, so
  // they are computed one word ahead and the lines of the context ones
  // (kLookAhead) prefetched while the current word is scored; the 8 that
  // read the previous tags are filled in when the word's turn comes.
  auto prepare = [&](size_t j, uint64_t* feats) {
    if (j >= forms.size() || s.info[j].dict_class != kNoTag) return;
    TagFeatures(s.info, j, kNoTag, kNoTag, feats);
    uint64_t ahead[kNumLookAhead];
    for (int k = 0; k < kNumLookAhead; ++k) ahead[k] = feats[kLookAhead[k]];
    model_.Prefetch(ahead, kNumLookAhead);
  };
  prepare(0, s.feats[0]);
  for (size_t i = 0; i < forms.size(); ++i) {
    uint64_t* feats = s.feats[i % 2];
    prepare(i + 1, s.feats[(i + 1) % 2]);
    int best = -1;
    if (s.info[i].dict_class != kNoTag) {
      best = s.info[i].dict_class;
    } else {
      SetTagDependentFeatures(s.info, i, prev1, prev2, feats);
      const int32_t* word = WordScores(model_, s, s.info[i].form, feats);
      uint64_t context[kNumContext];
      for (int k = 0; k < kNumContext; ++k) context[k] = feats[kContext[k]];
      model_.Score(context, kNumContext, s.scores, word);
      best = FirstArgMax(s.scores, nc);
    }
    (*classes)[i] = best;
    prev2 = prev1;
    prev1 = best;
  }
}

void Tagger::Tag(Document* doc, const Sentence& sent) const {
  Scratch& s = ThreadScratch();
  Token* toks = doc->begin_of(sent);
  s.forms.resize(sent.size);
  for (uint32_t i = 0; i < sent.size; ++i) s.forms[i] = toks[i].form;
  // Predict only touches the info/feature/score scratch, not these two.
  Predict(s.forms, &s.classes);
  for (uint32_t i = 0; i < sent.size; ++i) {
    toks[i].upos = upos_[s.classes[i]];
    toks[i].xpos = xpos_[s.classes[i]];
  }
}

std::string Tagger::Serialize() const {
  BinaryWriter w;
  w.U32(kTaggerMagic);
  w.VarUint(classes_.size());
  for (const std::string& c : classes_) w.Str(c);
  std::vector<std::pair<uint64_t, int>> dict(tag_dict_.begin(), tag_dict_.end());
  std::sort(dict.begin(), dict.end());  // deterministic bytes
  w.VarUint(dict.size());
  for (const auto& [h, c] : dict) {
    w.Raw(&h, sizeof h);
    w.U8(static_cast<uint8_t>(c));
  }
  model_.Write(&w);
  return w.data();
}

Status Tagger::Save(const std::string& path) const { return WriteWholeFile(path, Serialize()); }

Result<std::unique_ptr<Tagger>> Tagger::Load(const std::string& path,
                                             const std::string& wordnet_dir) {
  auto wordnet = WordNet::Load(wordnet_dir);
  if (!wordnet.ok()) return wordnet.status();
  return Load(path, std::move(wordnet).value());
}

Result<std::unique_ptr<Tagger>> Tagger::Load(const std::string& path,
                                             std::shared_ptr<const WordNet> wordnet) {
  if (!wordnet) return Status::Invalid(path + ": the tagger needs WordNet");
  Result<std::string> data = ReadWholeFile(path);
  if (!data.ok()) return data.status();
  BinaryReader r(*data);
  if (r.U32() != kTaggerMagic) return Status::Corruption(path + ": not a faultline tagger model");
  std::vector<std::string> classes(r.VarUint());
  if (!r.ok() || classes.size() > 255) return Status::Corruption(path + ": bad class table");
  for (std::string& c : classes) c = r.Str();
  std::unordered_map<uint64_t, int> dict;
  size_t n = r.VarUint();
  for (size_t i = 0; i < n && r.ok(); ++i) {
    uint64_t h;
    r.Raw(&h, sizeof h);
    int c = r.U8();
    if (c >= static_cast<int>(classes.size())) return Status::Corruption(path + ": bad tag dictionary");
    dict.emplace(h, c);
  }
  if (!r.ok()) return Status::Corruption(path + ": truncated");
  Result<SparseModel> model = SparseModel::Read(&r);
  if (!model.ok()) return Status::Corruption(path + ": " + model.status().message());
  if (model->num_classes() != static_cast<int>(classes.size())) {
    return Status::Corruption(path + ": model and class table disagree");
  }
  return std::make_unique<Tagger>(std::move(classes), std::move(dict), std::move(*model),
                                  std::move(wordnet));
}

}  // namespace faultline
