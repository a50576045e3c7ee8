// TABARI's deletion of comma-delimited clauses, applied to a record's text
// before coding when a TABARI suite is validated: TABARI codes the sentence
// without the short stretches between commas ("..., a senior official said
// on Saturday."), and its suite's expectations assume it. The lengths are
// set by the options file and OPTION records: COMMA: MIN= MAX= EMIN= EMAX=
// BMIN= BMAX=, or COMMA: OFF.
#ifndef FAULTLINE_PEERS_TABARI_COMMA_H_
#define FAULTLINE_PEERS_TABARI_COMMA_H_

#include <string>
#include <string_view>

namespace faultline::peers {

struct CommaRule {
  bool off = false;
  // A stretch of n words is deleted when min < n <= max: between two commas
  // (min, max), after the last comma (emin, emax), before the first comma
  // (bmin, bmax; by default never).
  int min = 2, max = 10, emin = 2, emax = 10, bmin = 255, bmax = 0;
};

// Applies "COMMA: MIN = 4 MAX = 6 ..." or "COMMA: OFF" to *rule; other
// options are ignored. Returns whether `option` was a COMMA option.
bool ApplyCommaOption(std::string_view option, CommaRule* rule);

// `text` without the stretches the rule deletes, read left to right: an
// internal stretch goes with both its commas, an initial one with the comma
// that closes it, a terminal one with the comma that opens it (a final
// period stays).
std::string DeleteCommaClauses(std::string_view text, const CommaRule& rule);

}  // namespace faultline::peers

#endif  // FAULTLINE_PEERS_TABARI_COMMA_H_
