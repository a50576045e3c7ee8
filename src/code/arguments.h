// Who acts on whom: the source and target actors of an anchor, read from the
// dependency tree (active and passive voice, control, conjunctions, relative
// clauses, noun events with possessors and "of"/"by" phrases).
#ifndef FAULTLINE_CODE_ARGUMENTS_H_
#define FAULTLINE_CODE_ARGUMENTS_H_

#include <vector>

#include "code/sentence_view.h"

namespace faultline {

struct Arguments {
  std::vector<const ActorRef*> sources;
  std::vector<const ActorRef*> targets;
};

// `target_ref` and `source_ref` are the pattern's '+' and '$' choices
// (indexes into sv.refs) or -1; `noun`: the anchor is an event noun (else
// a verb, whatever the tagger called it); `agentless_passive_active`: a
// passive with no "by" agent has its subject as the source, as the peers
// read voice ("The Philippines was criticized over ..." -> the
// Philippines criticised).
Arguments FindArguments(const SentenceView& sv, const DocContext& ctx, int anchor, bool noun, int target_ref,
                        int source_ref, bool agentless_passive_active = false);

// Surface fallback for a verb with no subject in the tree: the nearest
// actor before it with no other verb between, and the actors listed with it.
std::vector<const ActorRef*> NearestBefore(const SentenceView& sv, int verb);

// The token heading the subject of verb v, climbing through control,
// coordination and adverbial clauses when v has none of its own; -1 if none.
int SubjectOf(const Tree& t, int v);

}  // namespace faultline

#endif  // FAULTLINE_CODE_ARGUMENTS_H_
