#include "code/complexity.h"

#include <algorithm>

#include "code/pattern_match.h"

namespace faultline {
namespace {

// Whether the patterns `ids` belong to a null-coded root: its bare entry
// (the root alone) codes "---".
bool NullCoded(const VerbDictionary& verbs, const std::vector<uint32_t>& ids) {
  return std::any_of(ids.begin(), ids.end(), [&](uint32_t id) {
    const VerbPattern& p = verbs.patterns()[id];
    return p.blocks() && p.items.empty() && p.pre.empty() && p.before.empty();
  });
}

// Whether the conjunction at token `tok` joins two actors of a list.
bool JoinsActors(const SentenceView& sv, uint32_t tok) {
  for (size_t r = 0; r + 1 < sv.refs.size(); ++r) {
    if (sv.refs[r].last_tok < tok && tok < sv.refs[r + 1].first_tok) {
      return JoinedOnSurface(sv, static_cast<int>(r), static_cast<int>(r + 1));
    }
  }
  return false;
}

int Conjunctions(const SentenceView& sv) {
  int n = 0;
  for (const Word& w : sv.words) {
    bool conjunction = w.key == "and" || w.key == "but" || w.key == "or" || w.key == "nor";
    n += conjunction && !JoinsActors(sv, w.first);
  }
  return n;
}

}  // namespace

std::vector<uint32_t> TabariVerbs(const SentenceView& sv, const VerbDictionary& verbs) {
  std::vector<uint32_t> out;
  for (uint32_t w = 0; w < sv.words.size(); ++w) {
    if (sv.ref_at[sv.words[w].head] >= 0 || TabariNoun(sv, w)) continue;
    // A root of several words is a verb only where all of them stand
    // ("HAVE NOTHING TO DO WITH" makes no verb of "have"): some pattern
    // must match.
    const std::vector<uint32_t>* ids = AnchorPatterns(sv, verbs, w, SurfaceVerbs::kNoDeterminerBefore);
    if (ids && !NullCoded(verbs, *ids) && MatchAnchor(sv, verbs, w, SurfaceVerbs::kNoDeterminerBefore).pattern) {
      out.push_back(w);
    }
  }
  return out;
}

bool TooComplex(const SentenceView& sv, const VerbDictionary& verbs, const Complexity& limits) {
  if (limits.conjunctions > 0 && Conjunctions(sv) >= limits.conjunctions) return true;
  if (limits.verbs <= 0 && !limits.no_actor_prior) return false;
  std::vector<uint32_t> found = TabariVerbs(sv, verbs);
  if (limits.verbs > 0 && static_cast<int>(found.size()) >= limits.verbs) return true;
  if (!limits.no_actor_prior || found.empty()) return false;
  uint32_t first = sv.words[found.front()].first;
  return std::none_of(sv.refs.begin(), sv.refs.end(), [&](const ActorRef& r) { return r.first_tok < first; });
}

}  // namespace faultline
