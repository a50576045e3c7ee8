#include "cli/version.h"

namespace faultline::cli {

std::string VersionString() { return "faultline 0.1.0"; }

}  // namespace faultline::cli
