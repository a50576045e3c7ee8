// `faultline eval`: scores coded output (or codes a story first) against gold
// files in the format of ../shared/seed.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>

#include "cli/command.h"
#include "eval/seed_score.h"
#include "ingest/reader.h"
#include "output/writer.h"
#include "pipeline/pipeline.h"

namespace faultline::cli {
namespace {

// Codes the stories at `path` and returns the JSON Lines output.
Result<std::vector<std::string>> CodeToLines(const std::string& path) {
  auto pipeline = Pipeline::Open({});
  if (!pipeline.ok()) return pipeline.status();
  auto reader = DocumentReader::Open({path});
  if (!reader.ok()) return reader.status();
  std::vector<std::string> lines;
  Document doc;
  std::vector<InputError> errors;
  while ((*reader)->Next(&doc, &errors)) {
    auto coded = (*pipeline)->Process(&doc);
    if (!coded.ok()) return coded.status();
    for (const Event& e : coded->events) lines.push_back(EventJson(e));
    for (const Quote& q : coded->quotes) lines.push_back(QuoteJson(q));
    for (const Count& c : coded->counts) lines.push_back(CountJson(c));
  }
  if (!errors.empty()) return Status::Invalid(errors.front().where + ": " + errors.front().message);
  return lines;
}

int RunEval(int argc, char** argv) {
  CLI::App app{"Score coded events against gold files (the format of ../shared/seed)", "faultline eval"};
  std::string pred, story, gold = std::string(FAULTLINE_SHARED_DIR) + "/seed";
  app.add_option("pred", pred, "JSON Lines output of `faultline code`");
  app.add_option("--story", story, "code this story first and score the result");
  app.add_option("--gold", gold, "folder with gold-events.jsonl, must-not.jsonl, gold-quotes.jsonl, gold-counts.jsonl");
  CLI11_PARSE(app, argc, argv);
  std::vector<std::string> lines;
  if (!story.empty()) {
    auto coded = CodeToLines(story);
    if (!coded.ok()) {
      std::fprintf(stderr, "faultline eval: %s\n", coded.status().message().c_str());
      return 2;
    }
    lines = std::move(coded).value();
  } else if (!pred.empty()) {
    std::ifstream in(pred);
    if (!in) {
      std::fprintf(stderr, "faultline eval: %s: cannot open\n", pred.c_str());
      return 2;
    }
    for (std::string l; std::getline(in, l);) lines.push_back(l);
  } else {
    std::fprintf(stderr, "faultline eval: give a prediction file or --story FILE\n");
    return 2;
  }
  auto score = ScoreSeed(lines, gold);
  if (!score.ok()) {
    std::fprintf(stderr, "faultline eval: %s\n", score.status().message().c_str());
    return 2;
  }
  std::fputs(FormatScore(score.value(), "seed").c_str(), stdout);
  return score->MeetsBar() ? 0 : 1;
}

}  // namespace

FAULTLINE_COMMAND(eval, "eval", "score coded output against gold files (seed format)", RunEval);

}  // namespace faultline::cli
