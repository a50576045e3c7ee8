#include "peers/tabari_complex.h"

#include <string>
#include <vector>

#include "peers/peer_records.h"

namespace faultline::peers {
namespace {

// The n of "NAME[n]" when `word` is one, else -1.
int Limit(const std::string& word, std::string_view name) {
  if (!word.starts_with(name) || word.size() < name.size() + 3 || word[name.size()] != '[' || word.back() != ']') {
    return -1;
  }
  try {
    return std::stoi(word.substr(name.size() + 1));
  } catch (...) {
    return -1;
  }
}

}  // namespace

bool ApplyComplexOption(std::string_view option, Complexity* limits) {
  std::vector<std::string> words;
  if (!TabariOptionWords(option, "COMPLEX:", &words)) return false;
  Complexity c;
  for (const std::string& w : words) {
    if (int n = Limit(w, "VERBS"); n >= 0) c.verbs = n;
    if (int n = Limit(w, "CONJ"); n >= 0) c.conjunctions = n;
    if (w == "NOACTPRIOR") c.no_actor_prior = true;
  }
  *limits = c;
  return true;
}

}  // namespace faultline::peers
