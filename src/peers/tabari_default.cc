#include "peers/tabari_default.h"

#include <string>
#include <vector>

#include "peers/peer_records.h"

namespace faultline::peers {

bool ApplyDefaultOption(std::string_view option, DefaultActors* defaults) {
  std::vector<std::string> words;
  if (!TabariOptionWords(option, "DEFAULT:", &words)) return false;
  DefaultActors d;
  std::string* code = nullptr;  // the code the next "[...]" sets
  for (const std::string& w : words) {
    if (w == "OFF") {
      *defaults = DefaultActors{};
      return true;
    }
    if (w == "SOURCE") {
      code = &d.source;
    } else if (w == "TARGET") {
      code = &d.target;
    } else if (w == "PRIOR") {
      d.source_prior = true;
    } else if (w == "AFTER") {
      d.target_after = true;
    } else if (w.size() > 2 && w.front() == '[' && w.back() == ']' && code) {
      *code = w.substr(1, w.size() - 2);
      code = nullptr;
    }
  }
  *defaults = d;
  return true;
}

}  // namespace faultline::peers
