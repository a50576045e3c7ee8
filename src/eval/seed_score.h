// Scores coded output against gold files in the format of ../shared/seed
// (gold-events.jsonl, must-not.jsonl, gold-quotes.jsonl, gold-counts.jsonl),
// by the matching rules of that folder's README; agrees with
// ../shared/tools/score-seed.py.
#ifndef FAULTLINE_EVAL_SEED_SCORE_H_
#define FAULTLINE_EVAL_SEED_SCORE_H_

#include <map>
#include <string>
#include <vector>

#include "faultline/status.h"

namespace faultline {

struct RootScore {
  int emitted = 0, true_pos = 0, required = 0, found = 0;
};

struct SeedScore {
  int emitted = 0, true_pos = 0, required = 0, found = 0;
  double precision = 0, recall = 0, f1 = 0;
  std::vector<std::string> missed;       // gold ids
  std::vector<std::string> false_pos;    // "SRC>TGT:CODE [status] text"
  std::vector<std::string> violations;   // must-not ids
  int must_not_total = 0;
  int quotes_found = 0, quotes_total = 0;
  int counts_found = 0, counts_total = 0;
  int status_ok = 0, status_n = 0, date_ok = 0, date_n = 0;
  std::map<std::string, RootScore> by_root;
  // The seed bar of the coder issue: R >= 0.90, P >= 0.85, no violation,
  // every quote and count found.
  bool MeetsBar() const;
};

// `pred_lines`: the JSON Lines output of `faultline code`.
Result<SeedScore> ScoreSeed(const std::vector<std::string>& pred_lines, const std::string& gold_dir);

std::string FormatScore(const SeedScore& s, const std::string& label);

}  // namespace faultline

#endif  // FAULTLINE_EVAL_SEED_SCORE_H_
