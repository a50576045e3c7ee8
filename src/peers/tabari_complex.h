// TABARI's "COMPLEX:" option, read when its suite is validated: the
// complexity filter's limits (Complexity, applied by the coder).
//   COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN
// VERBS, CONJ and NOACTPRIOR are applied; TABARI's other tests (ACTORS,
// PRONOUNS, COMMA, LATEVERB, NOACTAFTER, NOVERB, NOSOURCE, NOTARGET,
// NOEVENT) and its output flags (EXPLAIN, NOSAVE) are read and ignored.
#ifndef FAULTLINE_PEERS_TABARI_COMPLEX_H_
#define FAULTLINE_PEERS_TABARI_COMPLEX_H_

#include <string_view>

#include "code/coder.h"

namespace faultline::peers {

// Applies a "COMPLEX:" option to *limits: each such option states the
// whole filter (a test it leaves out is off); returns whether `option` was
// one.
bool ApplyComplexOption(std::string_view option, Complexity* limits);

}  // namespace faultline::peers

#endif  // FAULTLINE_PEERS_TABARI_COMPLEX_H_
