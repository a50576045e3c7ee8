#include "parse/parser.h"

#include <algorithm>
#include <climits>

#include "learn/binary_io.h"
#include "learn/hash.h"
#include "parse/arc_hybrid.h"
#include "parse/parse_features.h"

namespace faultline {

namespace {

constexpr uint32_t kParserMagic = 0x53504c46;  // "FLPS"

struct Scratch {
  ArcHybridState state;
  std::vector<ParseTokenInfo> info;
  std::string lower;
  int32_t scores[256];
  uint64_t feats[kNumParseFeatures];
};

}  // namespace

void ComputeParseTokenInfo(const Document& doc, const Sentence& s, std::string* lower,
                           std::vector<ParseTokenInfo>* info) {
  info->resize(s.size);
  const Token* toks = doc.begin_of(s);
  for (uint32_t i = 0; i < s.size; ++i) {
    lower->assign(toks[i].form);
    for (char& c : *lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    (*info)[i].word = HashBytes(*lower);
    (*info)[i].tag = HashBytes(toks[i].xpos);
  }
}

int BestValidClass(const ArcHybridState& st, const int32_t* scores, int num_labels,
                   int root_label) {
  int best = -1;
  int32_t best_score = INT32_MIN;
  auto consider = [&](int cls) {
    if (scores[cls] > best_score) best_score = scores[cls], best = cls;
  };
  if (st.CanShift()) consider(kShift);
  if (st.RootMove() && st.CanLeft()) consider(LeftClass(root_label));
  for (int l = 0; l < num_labels; ++l) {
    if (l == root_label) continue;
    if (!st.RootMove() && st.CanLeft()) consider(LeftClass(l));
    if (st.CanRight()) consider(RightClass(l));
  }
  return best;
}

namespace {

int Kind(bool shift, bool root_move, bool left, bool right) {
  return shift | root_move << 1 | left << 2 | right << 3;
}

int RootLabel(const std::vector<std::string>& labels) {
  auto it = std::find(labels.begin(), labels.end(), "root");
  return it == labels.end() ? -1 : static_cast<int>(it - labels.begin());
}

}  // namespace

MoveMasks::MoveMasks(int num_labels, int root_label)
    : num_classes_(1 + 2 * num_labels),
      masks_(16 * static_cast<size_t>(num_classes_), 0) {
  for (int kind = 0; kind < 16; ++kind) {
    const bool shift = kind & 1, root_move = kind & 2, left = kind & 4, right = kind & 8;
    int32_t* m = &masks_[kind * static_cast<size_t>(num_classes_)];
    m[kShift] = shift ? -1 : 0;
    for (int l = 0; l < num_labels; ++l) {
      const bool root = l == root_label;
      m[LeftClass(l)] = left && root == root_move ? -1 : 0;
      m[RightClass(l)] = right && !root ? -1 : 0;
    }
  }
}

int MoveMasks::Best(const ArcHybridState& st, const int32_t* scores) const {
  const int32_t* m = &masks_[Kind(st.CanShift(), st.RootMove(), st.CanLeft(), st.CanRight()) *
                             static_cast<size_t>(num_classes_)];
  alignas(32) int32_t masked[256];
  for (int c = 0; c < num_classes_; ++c) masked[c] = (scores[c] & m[c]) | (INT32_MIN & ~m[c]);
  // In index order, as BestValidClass looks at them: LEFT onto ROOT, which
  // it looks at first, is valid only with one word on the stack, when no
  // RIGHT is.
  int best = FirstArgMax(masked, num_classes_);
  return masked[best] == INT32_MIN ? -1 : best;  // nothing valid beats its start
}

Parser::Parser(std::vector<std::string> labels, SparseModel model)
    : labels_(std::move(labels)),
      root_label_(RootLabel(labels_)),
      model_(std::move(model)),
      moves_(static_cast<int>(labels_.size()), root_label_) {
  for (const std::string& l : labels_) interned_.push_back(InternTag(l));
}

void Parser::Parse(Document* doc, const Sentence& s) const {
  thread_local Scratch sc;
  ComputeParseTokenInfo(*doc, s, &sc.lower, &sc.info);
  ArcHybridState& st = sc.state;
  st.Reset(static_cast<int>(s.size));
  while (!st.Terminal()) {
    // With an empty stack the only move is SHIFT, and with one word left
    // on it and the buffer spent the only move is its LEFT onto ROOT:
    // what BestValidClass would pick, without scoring 64 features.
    if (st.stack().empty()) {
      st.Apply(kShift);
      continue;
    }
    if (st.RootMove() && st.stack().size() == 1) {
      st.Apply(LeftClass(root_label_));
      continue;
    }
    ParseFeatures(st, sc.info, sc.feats);
    model_.Score(sc.feats, kNumParseFeatures, sc.scores);
    st.Apply(moves_.Best(st, sc.scores));
  }
  Token* toks = doc->begin_of(s);
  for (uint32_t i = 0; i < s.size; ++i) {
    int h = st.head(i);
    toks[i].head = h == static_cast<int>(s.size) ? -1 : h;
    toks[i].deprel = interned_[st.label(i)];
  }
}

std::string Parser::Serialize() const {
  BinaryWriter w;
  w.U32(kParserMagic);
  w.VarUint(labels_.size());
  for (const std::string& l : labels_) w.Str(l);
  model_.Write(&w);
  return w.data();
}

Status Parser::Save(const std::string& path) const { return WriteWholeFile(path, Serialize()); }

Result<std::unique_ptr<Parser>> Parser::Load(const std::string& path) {
  Result<std::string> data = ReadWholeFile(path);
  if (!data.ok()) return data.status();
  BinaryReader r(*data);
  if (r.U32() != kParserMagic) return Status::Corruption(path + ": not a faultline parser model");
  std::vector<std::string> labels(r.VarUint());
  if (!r.ok() || labels.empty() || labels.size() > 127) {
    return Status::Corruption(path + ": bad label table");
  }
  for (std::string& l : labels) l = r.Str();
  Result<SparseModel> model = SparseModel::Read(&r);
  if (!model.ok()) return Status::Corruption(path + ": " + model.status().message());
  if (model->num_classes() != static_cast<int>(1 + 2 * labels.size())) {
    return Status::Corruption(path + ": model and label table disagree");
  }
  auto parser = std::make_unique<Parser>(std::move(labels), std::move(*model));
  if (parser->root_label_ < 0) return Status::Corruption(path + ": no 'root' label");
  return parser;
}

}  // namespace faultline
