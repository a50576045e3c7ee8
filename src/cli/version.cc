#include "cli/version.h"

#include "pipeline/resources.h"

namespace faultline::cli {

std::string VersionString() { return "faultline 0.1.0 (dictionaries " + DictionaryVersion() + ")"; }

}  // namespace faultline::cli
