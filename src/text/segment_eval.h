// text/segment_eval.h — scores Segment() against a UD treebank.
//
// The CoNLL-U file is turned back into running text from its "# text =" lines
// (sentences of one paragraph joined by a space, paragraphs — "# newpar" or
// "# newdoc" — by a blank line), with the gold sentence ends and token spans
// as byte offsets into that text. Used by `faultline eval-segment`.
// Plain functions over plain data; safe from any thread.
#ifndef FAULTLINE_TEXT_SEGMENT_EVAL_H_
#define FAULTLINE_TEXT_SEGMENT_EVAL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "faultline/document.h"
#include "faultline/status.h"

namespace faultline {

struct GoldSegmentation {
  std::string text;                     // the reconstructed running text
  std::vector<uint32_t> sentence_ends;  // byte offset just past each gold sentence
  std::vector<uint32_t> paragraph_ends; // the subset of sentence_ends that end a paragraph
  // Gold token spans. Multi-word tokens count as their words when the words
  // spell the surface form ("don't" -> do + n't), else as one span.
  std::vector<std::pair<uint32_t, uint32_t>> tokens;
  size_t unaligned_sentences = 0;       // sentences whose tokens do not spell their text
};

// Parses CoNLL-U content (not a path). Errors name the line.
Result<GoldSegmentation> ReadConlluAsText(std::string_view conllu);

struct PrecisionRecall {
  size_t correct = 0, predicted = 0, gold = 0;
  double precision() const { return predicted ? static_cast<double>(correct) / predicted : 0; }
  double recall() const { return gold ? static_cast<double>(correct) / gold : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct SegmentScores {
  PrecisionRecall sentences;        // all sentence ends
  PrecisionRecall inner_sentences;  // ends not at a paragraph end (the hard ones)
  PrecisionRecall tokens;           // token spans (begin and end both right)
};

// Scores doc (segmented from gold.text) against gold. When `errors` is not
// null, appends one line per wrong sentence boundary, with context; when
// `token_errors` is not null, one line per predicted token that is not gold.
SegmentScores ScoreSegmentation(const GoldSegmentation& gold, const Document& doc,
                                std::vector<std::string>* errors = nullptr,
                                std::vector<std::string>* token_errors = nullptr);

}  // namespace faultline

#endif  // FAULTLINE_TEXT_SEGMENT_EVAL_H_
