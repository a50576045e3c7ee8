// PETRARCH's comma options (<Config option="comma_emax" value="8">, and
// PETR_config.ini's defaults): PETRARCH deletes short comma-delimited
// clauses from its parse before coding, so a verb inside one codes nothing
// ("..., a senior official said on Saturday."). Applied when its suite is
// validated, to the terminal clause: the stretch after the sentence's last
// comma, when it is a clause (it holds a verb: a comma inside a list of
// names is no clause boundary, as PETRARCH's noun phrases keep theirs; our
// parse's attachment of the comma is no guide, it often makes "..., a
// senior official said" a relative clause) and has emin..emax words. Its other limits (min/max, bmin/bmax) are read and not applied:
// deleting internal stretches on the surface cuts lists and appositions
// PETRARCH's parse keeps whole.
#ifndef FAULTLINE_PEERS_PETRARCH_COMMA_H_
#define FAULTLINE_PEERS_PETRARCH_COMMA_H_

#include <cstdint>
#include <string_view>

#include "faultline/document.h"

namespace faultline::peers {

struct PetrarchCommaRule {
  int min = 2, max = 8;    // internal clauses, words (inclusive)
  int bmin = 0, bmax = 0;  // the initial clause; bmax 0: never
  int emin = 2, emax = 8;  // the terminal clause; emax 0: never
};

// Applies one record option "comma_emax=0" (any of the six names) to
// *rule; returns whether `option` was one.
bool ApplyPetrarchCommaOption(std::string_view option, PetrarchCommaRule* rule);

// The byte offset in doc.text where the terminal clause `rule` deletes from
// sentence `s` begins (its comma), or s.end when none is deleted.
// REQUIRES: the sentence tagged and parsed.
uint32_t DeletedTerminalClause(const Document& doc, const Sentence& s, const PetrarchCommaRule& rule);

}  // namespace faultline::peers

#endif  // FAULTLINE_PEERS_PETRARCH_COMMA_H_
