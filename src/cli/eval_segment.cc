// `faultline eval-segment`: sentence and token boundary scores of the text
// stage against UD English EWT, plus the seed story's sentences.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "text/segment.h"
#include "text/segment_eval.h"

namespace faultline::cli {
namespace {

constexpr const char* kDefaultTreebank = "../shared/ud-english-ewt/en_ewt-ud-test.conllu";
constexpr const char* kDefaultSeed = "../shared/seed/article-2022-02-03.txt";

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// Falls back on the shared folder next to the source tree when a default
// relative path is not found from the working directory.
std::string Resolve(const std::string& path, const char* fallback_suffix) {
  if (std::ifstream(path)) return path;
  return std::string(FAULTLINE_SHARED_DIR) + fallback_suffix;
}

void PrintScore(const char* name, const PrecisionRecall& pr) {
  std::printf("%-22s P %.4f  R %.4f  F1 %.4f   (correct %zu, predicted %zu, gold %zu)\n", name,
              pr.precision(), pr.recall(), pr.f1(), pr.correct, pr.predicted, pr.gold);
}

int EvalTreebank(const std::string& path, int show_errors) {
  std::string conllu;
  if (!ReadFile(path, &conllu)) {
    std::fprintf(stderr, "eval-segment: cannot read %s\n", path.c_str());
    return 2;
  }
  Result<GoldSegmentation> gold = ReadConlluAsText(conllu);
  if (!gold.ok()) {
    std::fprintf(stderr, "eval-segment: %s: %s\n", path.c_str(), gold.status().message().c_str());
    return 2;
  }
  Document doc;
  doc.text = gold->text;
  if (Status s = Segment(&doc); !s.ok()) {
    std::fprintf(stderr, "eval-segment: %s: %s\n", path.c_str(), s.message().c_str());
    return 1;
  }
  std::vector<std::string> errors, token_errors;
  const SegmentScores scores =
      ScoreSegmentation(*gold, doc, show_errors > 0 ? &errors : nullptr,
                        show_errors > 0 ? &token_errors : nullptr);
  std::printf("treebank %s: %zu sentences, %zu paragraphs, %zu gold tokens (%zu sentences not aligned)\n",
              path.c_str(), gold->sentence_ends.size(), gold->paragraph_ends.size(),
              gold->tokens.size(), gold->unaligned_sentences);
  PrintScore("sentence boundaries", scores.sentences);
  PrintScore("  within paragraphs", scores.inner_sentences);
  PrintScore("token spans", scores.tokens);
  for (int i = 0; i < show_errors && i < static_cast<int>(errors.size()); ++i) {
    std::printf("  %s\n", errors[i].c_str());
  }
  for (int i = 0; i < show_errors && i < static_cast<int>(token_errors.size()); ++i) {
    std::printf("  %s\n", token_errors[i].c_str());
  }
  return 0;
}

// The seed story: " date YYYY-MM-DD " then the text.
int EvalSeed(const std::string& path, bool show) {
  Document doc;
  if (!ReadFile(path, &doc.text)) {
    std::fprintf(stderr, "eval-segment: cannot read %s\n", path.c_str());
    return 2;
  }
  if (doc.text.starts_with(" date ") && doc.text.size() > 17) doc.text.erase(0, 17);
  if (Status s = Segment(&doc); !s.ok()) {
    std::fprintf(stderr, "eval-segment: %s: %s\n", path.c_str(), s.message().c_str());
    return 1;
  }
  const uint32_t paragraphs = doc.sentences.empty() ? 0 : doc.sentences.back().paragraph + 1;
  std::printf("seed %s: %zu sentences in %u paragraphs, %zu tokens\n", path.c_str(),
              doc.sentences.size(), paragraphs, doc.tokens.size());
  for (size_t i = 0; show && i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    std::printf("  [%zu] p%u  %.*s\n", i, s.paragraph, static_cast<int>(s.end - s.begin),
                doc.text.data() + s.begin);
  }
  return 0;
}

int Run(int argc, char** argv) {
  std::string treebank = kDefaultTreebank, seed = kDefaultSeed;
  int show_errors = 0;
  bool show_seed = false;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (!std::strcmp(argv[i], "--treebank") && has_value) {
      treebank = argv[++i];
    } else if (!std::strcmp(argv[i], "--seed") && has_value) {
      seed = argv[++i];
    } else if (!std::strcmp(argv[i], "--errors") && has_value) {
      show_errors = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--show-seed")) {
      show_seed = true;
    } else {
      std::printf(
          "usage: faultline eval-segment [--treebank FILE.conllu] [--seed FILE] [--errors N]"
          " [--show-seed]\n  default treebank %s\n  default seed %s\n",
          kDefaultTreebank, kDefaultSeed);
      return std::strcmp(argv[i], "--help") ? 2 : 0;
    }
  }
  if (treebank == kDefaultTreebank) treebank = Resolve(treebank, "/ud-english-ewt/en_ewt-ud-test.conllu");
  if (seed == kDefaultSeed) seed = Resolve(seed, "/seed/article-2022-02-03.txt");
  const int rc = EvalTreebank(treebank, show_errors);
  if (rc != 0) return rc;
  return EvalSeed(seed, show_seed);
}

}  // namespace

FAULTLINE_COMMAND(eval_segment, "eval-segment",
                  "score sentence and token splitting against UD EWT and the seed story", Run);

}  // namespace faultline::cli
