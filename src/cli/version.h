// The version line printed by `faultline --version`: the engine version and
// the versions of the dictionaries and models that code with it.
#ifndef FAULTLINE_CLI_VERSION_H_
#define FAULTLINE_CLI_VERSION_H_
#include <string>
namespace faultline::cli {
std::string VersionString();
}
#endif
