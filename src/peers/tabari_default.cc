#include "peers/tabari_default.h"

#include <sstream>
#include <string>

#include "base/ascii.h"

namespace faultline::peers {

bool ApplyDefaultOption(std::string_view option, DefaultActors* defaults) {
  std::string o = AsciiUpper(option);
  size_t at = o.find("DEFAULT:");
  if (at == std::string::npos) return false;
  std::istringstream in(o.substr(at + 8));
  DefaultActors d;
  std::string* code = nullptr;  // the code the next "[...]" sets
  for (std::string w; in >> w;) {
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
