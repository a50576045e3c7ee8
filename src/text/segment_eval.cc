// text/segment_eval.cc — see segment_eval.h.
#include "text/segment_eval.h"

#include <algorithm>
#include <charconv>

namespace faultline {
namespace {

// One surface token of a gold sentence and, for a multi-word token, its words.
struct Unit {
  std::string_view form;
  std::vector<std::string_view> words;
  int last_id = 0;  // for a multi-word token: the id of its last word
};

std::string_view Column(std::string_view line, int index) {
  for (int i = 0; i < index; ++i) {
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return {};
    line.remove_prefix(tab + 1);
  }
  return line.substr(0, line.find('\t'));
}

class ConlluReader {
 public:
  explicit ConlluReader(GoldSegmentation* gold) : gold_(gold) {}
  Status Line(std::string_view line, size_t number);
  void Finish();

 private:
  void FinishSentence();
  void AlignTokens(uint32_t begin);

  GoldSegmentation* gold_;
  bool new_paragraph_ = false;
  std::string text_;
  std::vector<Unit> units_;
};

Status ConlluReader::Line(std::string_view line, size_t number) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty()) {
    FinishSentence();
  } else if (line.starts_with("# newdoc") || line.starts_with("# newpar")) {
    new_paragraph_ = true;
  } else if (line.starts_with("# text = ")) {
    text_.assign(line.substr(9));
  } else if (line[0] != '#') {
    const std::string_view id = Column(line, 0);
    const std::string_view form = Column(line, 1);
    if (id.empty() || form.empty()) {
      return Status::Corruption("line " + std::to_string(number) + ": not a CoNLL-U token line");
    }
    if (id.find('.') != std::string_view::npos) return Status::Ok();  // empty node
    const size_t dash = id.find('-');
    int first = 0, last = 0;
    std::from_chars(id.data(), id.data() + id.size(), first);
    if (dash != std::string_view::npos) {
      std::from_chars(id.data() + dash + 1, id.data() + id.size(), last);
      units_.push_back({form, {}, last});
    } else if (!units_.empty() && first <= units_.back().last_id) {
      units_.back().words.push_back(form);
    } else {
      units_.push_back({form, {}, 0});
    }
  }
  return Status::Ok();
}

void ConlluReader::FinishSentence() {
  if (text_.empty()) {
    units_.clear();
    return;
  }
  if (!gold_->text.empty()) {
    if (new_paragraph_) {
      gold_->paragraph_ends.push_back(gold_->sentence_ends.back());
      gold_->text += "\n\n";
    } else {
      gold_->text += ' ';
    }
  }
  new_paragraph_ = false;
  const uint32_t begin = static_cast<uint32_t>(gold_->text.size());
  gold_->text += text_;
  gold_->sentence_ends.push_back(static_cast<uint32_t>(gold_->text.size()));
  AlignTokens(begin);
  text_.clear();
  units_.clear();
}

// Finds each unit's form in the sentence text, left to right.
void ConlluReader::AlignTokens(uint32_t begin) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  size_t pos = 0;
  for (const Unit& u : units_) {
    while (pos < text_.size() && text_[pos] == ' ') ++pos;
    if (text_.compare(pos, u.form.size(), u.form) != 0) {
      ++gold_->unaligned_sentences;
      return;
    }
    std::string joined;
    for (std::string_view w : u.words) joined += w;
    if (!u.words.empty() && joined == u.form) {
      size_t p = pos;
      for (std::string_view w : u.words) {
        spans.emplace_back(begin + p, begin + p + w.size());
        p += w.size();
      }
    } else {
      spans.emplace_back(begin + pos, begin + pos + u.form.size());
    }
    pos += u.form.size();
  }
  gold_->tokens.insert(gold_->tokens.end(), spans.begin(), spans.end());
}

void ConlluReader::Finish() {
  FinishSentence();
  if (!gold_->sentence_ends.empty()) gold_->paragraph_ends.push_back(gold_->sentence_ends.back());
}

void Count(const std::vector<uint32_t>& predicted, const std::vector<uint32_t>& gold,
           PrecisionRecall* pr) {
  pr->predicted += predicted.size();
  pr->gold += gold.size();
  for (uint32_t p : predicted) pr->correct += std::binary_search(gold.begin(), gold.end(), p);
}

std::string Context(const std::string& text, uint32_t at) {
  const uint32_t b = at > 60 ? at - 60 : 0;
  std::string s = text.substr(b, at - b) + " || " + text.substr(at, 40);
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

void ListErrors(const GoldSegmentation& gold, const std::vector<uint32_t>& predicted,
                std::vector<std::string>* errors) {
  for (uint32_t p : predicted) {
    if (!std::binary_search(gold.sentence_ends.begin(), gold.sentence_ends.end(), p)) {
      errors->push_back("extra split:  " + Context(gold.text, p));
    }
  }
  for (uint32_t g : gold.sentence_ends) {
    if (!std::binary_search(predicted.begin(), predicted.end(), g)) {
      errors->push_back("missed split: " + Context(gold.text, g));
    }
  }
}

}  // namespace

Result<GoldSegmentation> ReadConlluAsText(std::string_view conllu) {
  GoldSegmentation gold;
  ConlluReader reader(&gold);
  size_t number = 0;
  while (!conllu.empty()) {
    const size_t nl = conllu.find('\n');
    const std::string_view line = conllu.substr(0, nl);
    conllu.remove_prefix(nl == std::string_view::npos ? conllu.size() : nl + 1);
    if (Status s = reader.Line(line, ++number); !s.ok()) return s;
  }
  reader.Finish();
  return gold;
}

SegmentScores ScoreSegmentation(const GoldSegmentation& gold, const Document& doc,
                                std::vector<std::string>* errors,
                                std::vector<std::string>* token_errors) {
  SegmentScores scores;
  std::vector<uint32_t> ends, inner_ends, gold_inner;
  for (const Sentence& s : doc.sentences) ends.push_back(s.end);
  std::sort(ends.begin(), ends.end());
  const auto& pe = gold.paragraph_ends;
  for (uint32_t e : ends) {
    if (!std::binary_search(pe.begin(), pe.end(), e)) inner_ends.push_back(e);
  }
  for (uint32_t e : gold.sentence_ends) {
    if (!std::binary_search(pe.begin(), pe.end(), e)) gold_inner.push_back(e);
  }
  Count(ends, gold.sentence_ends, &scores.sentences);
  Count(inner_ends, gold_inner, &scores.inner_sentences);
  scores.tokens.predicted = doc.tokens.size();
  scores.tokens.gold = gold.tokens.size();
  for (const Token& t : doc.tokens) {
    const bool ok = std::binary_search(gold.tokens.begin(), gold.tokens.end(),
                                       std::make_pair(t.begin, t.end));
    scores.tokens.correct += ok;
    if (!ok && token_errors != nullptr) {
      const uint32_t b = t.begin > 20 ? t.begin - 20 : 0;
      std::string line = "token " + t.form + "  in: " + gold.text.substr(b, t.end + 20 - b);
      std::replace(line.begin(), line.end(), '\n', ' ');
      token_errors->push_back(std::move(line));
    }
  }
  if (errors != nullptr) ListErrors(gold, ends, errors);
  return scores;
}

}  // namespace faultline
