// TABARI's "DEFAULT:" option, read when its suite is validated: codes that
// stand in for a missing source or target (DefaultActors, applied by the
// coder).
//   DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER
//   DEFAULT: OFF
#ifndef FAULTLINE_PEERS_TABARI_DEFAULT_H_
#define FAULTLINE_PEERS_TABARI_DEFAULT_H_

#include <string_view>

#include "code/coder.h"

namespace faultline::peers {

// Applies a "DEFAULT:" option to *defaults (OFF clears them; SOURCE and
// TARGET set a code, PRIOR and AFTER their flags, each as written);
// returns whether `option` was one.
bool ApplyDefaultOption(std::string_view option, DefaultActors* defaults);

}  // namespace faultline::peers

#endif  // FAULTLINE_PEERS_TABARI_DEFAULT_H_
