// Command-line options that import the peers' dictionaries into a pipeline
// (`faultline code --peer-config ../shared/peers/petrarch2/PETR_config.ini`).
#ifndef FAULTLINE_CLI_PEER_OPTIONS_H_
#define FAULTLINE_CLI_PEER_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "peers/peer_dict.h"
#include "pipeline/pipeline.h"

namespace faultline::cli {

class PeerOptions {
 public:
  void AddTo(CLI::App* app);
  // Reads the named dictionaries (when any were named) and points `opts` at
  // them. Bad dictionary lines are reported on stderr as file:line and
  // skipped. The object must outlive the pipeline opened with `opts`.
  Status Apply(const char* command, PipelineOptions* opts);

 private:
  std::string config_, format_;
  std::vector<std::string> files_;
  bool only_ = false;
  peers::PeerDictionaries dicts_;
};

}  // namespace faultline::cli

#endif  // FAULTLINE_CLI_PEER_OPTIONS_H_
