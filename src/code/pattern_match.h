// Matching one verb pattern at an anchor word: the pattern's words must
// appear, in order, after the anchor inside its clause (see
// doc/dictionary_format.md); '+' names the target by position.
#ifndef FAULTLINE_CODE_PATTERN_MATCH_H_
#define FAULTLINE_CODE_PATTERN_MATCH_H_

#include "code/coder.h"
#include "code/sentence_view.h"
#include "dict/verb_dictionary.h"

namespace faultline {

struct PatternMatch {
  const VerbPattern* pattern = nullptr;
  int anchor_tok = -1;
  int target_ref = -1;     // index into SentenceView::refs chosen by '+', or -1
  int source_ref = -1;     // the same for '$'
  int compound_ref = -1;   // the same for '%': a compound whose members act on each other
  uint32_t first_tok = 0;  // evidence: anchor .. last matched word
  uint32_t last_tok = 0;
  // References in the anchor's clause after the anchor, in order: the
  // surface fallback for the target when the tree gives none.
  std::vector<int> later_refs;
};

// The patterns anchored on the word at `w` (most specific first), looked up
// by its lemma, then its form, then -- for a word the tagger did not call a
// verb that `surface_verbs` takes as one -- a TABARI stem it begins with;
// nullptr when none. With `irregular_forms_first` (CoderOptions), a form
// that is no regular ending of its lemma is looked up first.
const std::vector<uint32_t>* AnchorPatterns(const SentenceView& sv, const VerbDictionary& verbs, uint32_t w,
                                            SurfaceVerbs surface_verbs, bool irregular_forms_first = false);

// Whether `form` is `lemma` or one of its regular inflections (-s, -es,
// -ed, -ing, -en; a final e dropped, y -> i, the last consonant doubled):
// "raised", "tried", "stopped"; not "left" of "leave" or "said" of "say".
bool RegularForm(std::string_view lemma, std::string_view form);

// TABARI's rule (it has no tagger) for a dictionary verb that is a noun: an
// article stands before it (adjectives between: "a new bombing") or it is
// capitalised inside the sentence.
bool TabariNoun(const SentenceView& sv, uint32_t w);

// Tries the patterns for the word at `w` (most specific first) and returns
// the first that matches; pattern == nullptr when none does. A match of a
// blocking pattern ("---") is returned too: the caller codes nothing.
// `surface_verbs` says which words the tagger did not call verbs count as
// verbs all the same (CoderOptions::surface_verbs).
PatternMatch MatchAnchor(const SentenceView& sv, const VerbDictionary& verbs, uint32_t w,
                         SurfaceVerbs surface_verbs = SurfaceVerbs::kNone, bool irregular_forms_first = false);

}  // namespace faultline

#endif  // FAULTLINE_CODE_PATTERN_MATCH_H_
