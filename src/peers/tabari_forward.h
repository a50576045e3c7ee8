// TABARI's FORWARD: option, applied when its suite is validated: the
// records of one story are its sentences in order, and a pronoun leading a
// sentence ("He has also asked Gondor ...") names the previous sentence's
// source, by its actor code only (FOR, not FORGOVPRS); a sentence whose
// source was itself forwarded passes on the story's first source (TABARI:
// "secondary forwarding ... goes back to the original").
//   FORWARD: ^^*****NNN*SSS         on
//   FORWARD: ^^*****NNN*SSS OFF     off
// Approximation: the story is the record's id up to its last '-' (the mask
// is not read).
#ifndef FAULTLINE_PEERS_TABARI_FORWARD_H_
#define FAULTLINE_PEERS_TABARI_FORWARD_H_

#include <string>
#include <string_view>

namespace faultline::peers {

// Applies a "FORWARD:" option to *on; returns whether `option` was one.
bool ApplyForwardOption(std::string_view option, bool* on);

// `text` with its leading subject pronoun (he, she, it or they among its
// first five words) replaced by `name`; `text` itself when there is none.
std::string ForwardPronoun(const std::string& text, const std::string& name);

// What the sentences of the current story named as their source.
class ForwardState {
 public:
  // The actor code a leading pronoun of record `id` takes, "" if none
  // (another story, or no source yet).
  std::string CodeFor(const std::string& id) const;
  // Records that `id` was coded with `source` (an actor code, "" if none),
  // its pronoun forwarded or not.
  void Coded(const std::string& id, const std::string& source, bool forwarded);

 private:
  static std::string StoryOf(const std::string& id);
  std::string story_, first_, last_;
  bool last_forwarded_ = false;
};

}  // namespace faultline::peers

#endif  // FAULTLINE_PEERS_TABARI_FORWARD_H_
