// Where faultline finds its data and models, and the version line that
// names the dictionaries that coded a run.
#ifndef FAULTLINE_PIPELINE_RESOURCES_H_
#define FAULTLINE_PIPELINE_RESOURCES_H_

#include <string>

namespace faultline {

// The folder holding data/ and models/: $FAULTLINE_HOME if set, else the
// source tree the binary was built from.
std::string HomeDir();
// A digest of every dictionary file under data/ ("2026.11-3f9a0c1d"), so
// output can be traced to the dictionaries that produced it.
std::string DictionaryVersion();

}  // namespace faultline

#endif  // FAULTLINE_PIPELINE_RESOURCES_H_
