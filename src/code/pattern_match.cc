#include "code/pattern_match.h"

#include <algorithm>
#include <cstring>

namespace faultline {
namespace {

// Relations that open a separate clause: pattern words are not looked for
// below them (a reported clause ccomp is kept: "warn that ... sanctions").
bool ClauseBoundary(const Tree& t, int c) {
  std::string_view r = t.base_rel(c);
  return r == "conj" || r == "parataxis" || r == "advcl" || r == "csubj" || t.rel(c) == "acl:relcl" ||
         r == "nsubj";
}

// Words that end the stretch of text right after an anchor: punctuation
// (not a hyphen inside an actor's name, "Barad-dur") and the words that
// open a new clause.
bool EndsWindow(const SentenceView& sv, int i) {
  const Tree& t = *sv.tree;
  const std::string& l = t.lemma(i);
  if (t.tok(i).upos == "PUNCT") return t.tok(i).form != "-" || sv.ref_at[i] < 0;
  static const char* kOpeners[] = {"that", "which", "who", "whom", "because", "if", "unless", "while",
                                   "but", "although", "when", "after", "before", "as", "whether"};
  return std::any_of(std::begin(kOpeners), std::end(kOpeners), [&](const char* k) { return l == k; });
}

// The anchor's clause: its subtree without the subtrees of other clauses,
// plus -- because a parser's attachment errors should not hide a verb's
// object -- the words right after it up to the next punctuation or clause
// opener (the surface fallback TABARI-style coders rely on entirely).
std::vector<bool> ClauseTokens(const SentenceView& sv, int anchor) {
  const Tree& t = *sv.tree;
  std::vector<bool> in(t.size(), false);
  std::vector<int> stack{anchor};
  in[anchor] = true;
  while (!stack.empty()) {
    int n = stack.back();
    stack.pop_back();
    for (int c : t.children(n)) {
      if (ClauseBoundary(t, c)) continue;
      in[c] = true;
      stack.push_back(c);
    }
  }
  for (int i = anchor + 1; i < t.size() && !EndsWindow(sv, i); ++i) in[i] = true;
  return in;
}

bool WordIn(const SentenceView& sv, const std::vector<bool>& in, uint32_t w) {
  return in[sv.words[w].head];
}

// A pattern word ending in '*' is a stem (imported TABARI patterns): it
// matches any word that starts with it. Other pattern words match a word's
// lemma or form; with sv.pattern_words_as_written, its form only.
bool WordMatches(const SentenceView& sv, const Word& w, const std::string& lemma) {
  if (!lemma.empty() && lemma.back() == '*') {
    std::string_view stem(lemma.data(), lemma.size() - 1);
    return w.key.starts_with(stem) || w.lemma.starts_with(stem);
  }
  return w.key == lemma || (!sv.pattern_words_as_written && w.lemma == lemma);
}

// Whether words [p, p + n) match seq[k, k + n) (and, with `in`, lie in the
// anchor's clause).
bool MatchesAt(const SentenceView& sv, const std::vector<bool>* in, uint32_t p, const std::vector<std::string>& seq,
               size_t k, size_t n) {
  if (p + n > sv.words.size()) return false;
  for (size_t i = 0; i < n; ++i) {
    if ((in && !WordIn(sv, *in, p + i)) || !WordMatches(sv, sv.words[p + i], seq[k + i])) return false;
  }
  return true;
}

// The runs of consecutive words of `seq` between its kGap marks, as
// {first index, length}; kept on the stack (matching runs for every
// pattern item tried). An alternative of more runs than fit matches
// nothing (size() == 0).
struct Segments {
  static constexpr int kMax = 8;
  std::pair<size_t, size_t> runs[kMax];
  int n = 0;
  explicit Segments(const std::vector<std::string>& seq) {
    size_t from = 0;
    for (size_t k = 0; k <= seq.size(); ++k) {
      if (k < seq.size() && seq[k] != kGap) continue;
      if (k > from) {
        if (n == kMax) {
          n = 0;
          return;
        }
        runs[n++] = {from, k - from};
      }
      from = k + 1;
    }
  }
  int size() const { return n; }
  const std::pair<size_t, size_t>& operator[](int i) const { return runs[i]; }
};

// Finds the first word position >= from where `seq` matches clause words,
// consecutive but where a kGap mark lets others stand. Returns the position
// after the match, or 0 on failure.
uint32_t FindSeq(const SentenceView& sv, const std::vector<bool>& in, uint32_t from,
                 const std::vector<std::string>& seq, uint32_t* start) {
  const Segments segments(seq);
  if (segments.size() == 0) return 0;
  for (uint32_t p = from; p < sv.words.size(); ++p) {
    if (!MatchesAt(sv, &in, p, seq, segments[0].first, segments[0].second)) continue;
    uint32_t end = p + static_cast<uint32_t>(segments[0].second);
    bool ok = true;
    for (int g = 1; g < segments.size() && ok; ++g) {
      ok = false;
      for (uint32_t q = end; q < sv.words.size() && !ok; ++q) {
        if (MatchesAt(sv, &in, q, seq, segments[g].first, segments[g].second)) {
          ok = true;
          end = q + static_cast<uint32_t>(segments[g].second);
        }
      }
    }
    if (!ok) return 0;  // a later run is nowhere after the first's first place
    *start = p;
    return end;
  }
  return 0;
}

// Matches `alt` ending at or before word `limit` and starting at or after
// `floor`, as near `limit` as it can (right to left, runs apart where kGap
// allows; with `glued`, ending exactly at `limit`). Sets [*start, *end).
bool MatchBackward(const SentenceView& sv, const std::vector<std::string>& alt, uint32_t floor, uint32_t limit,
                   bool glued, uint32_t* start, uint32_t* end) {
  const Segments segments(alt);
  if (segments.size() == 0) return false;
  uint32_t right = limit;  // the current run ends at or before this
  bool last = true;
  for (int i = segments.size(); i-- > 0;) {
    const auto* g = &segments[i];
    uint32_t n = static_cast<uint32_t>(g->second);
    bool found = false;
    for (uint32_t s = right >= n ? right - n + 1 : 0; s-- > floor;) {
      if (last && glued && s + n != limit) break;
      if (MatchesAt(sv, nullptr, s, alt, g->first, n)) {
        if (last) *end = s + n;
        right = s;
        found = true;
        break;
      }
    }
    if (!found) return false;
    last = false;
  }
  *start = right;
  return true;
}

bool BeforeFits(const SentenceView& sv, const VerbPattern& p, uint32_t w) {
  if (p.before.empty()) return true;
  if (w < p.before.size()) return false;
  for (size_t k = 0; k < p.before.size(); ++k) {
    if (!WordMatches(sv, sv.words[w - p.before.size() + k], p.before[k])) return false;
  }
  return true;
}

bool IsPunctWord(const SentenceView& sv, uint32_t w) { return sv.tree->tok(sv.words[w].head).upos == "PUNCT"; }

// The first reference whose head lies in words [from, to) (and, when `in`
// is given, inside the anchor's clause), after passing over `skip` others;
// -1 if none.
int FirstRefIn(const SentenceView& sv, uint32_t from, uint32_t to, const std::vector<bool>* in, int skip = 0) {
  if (from >= to || from >= sv.words.size()) return -1;
  int from_tok = static_cast<int>(sv.words[from].first);
  int to_tok = to < sv.words.size() ? static_cast<int>(sv.words[to].first) : sv.tree->size();
  for (size_t r = 0; r < sv.refs.size(); ++r) {
    int h = sv.refs[r].head_tok;
    if (h >= from_tok && h < to_tok && (!in || (*in)[h]) && skip-- == 0) return static_cast<int>(r);
  }
  return -1;
}

// Sets the slot's reference; false if the slot is there and finds none
// (the pattern names an actor that is not there) or, for '%', finds one
// actor alone rather than a list.
bool FillSlot(const SentenceView& sv, const PatternItem& slot, int ref, PatternMatch* m) {
  if (ref < 0) return false;
  if (slot.compound) {
    if (CompoundMembers(sv, ref).size() < 2) return false;
    m->compound_ref = ref;
  } else {
    (slot.source ? m->source_ref : m->target_ref) = ref;
  }
  return true;
}

// The first word of the stretch that ends before word `w`: back to the
// previous punctuation, passing over a parenthesis ("The Philippines and
// the European Union (EU) agree") and a hyphen.
uint32_t StretchStart(const SentenceView& sv, uint32_t w) {
  while (w > 0) {
    if (sv.words[w - 1].key == ")") {
      uint32_t open = w - 1;
      while (open > 0 && sv.words[open].key != "(") --open;
      if (sv.words[open].key != "(") break;
      w = open;
      continue;
    }
    if (IsPunctWord(sv, w - 1) && sv.words[w - 1].key != "-") break;  // "anti- Gondor" goes on
    --w;
  }
  return w;
}

// Matches the items before the anchor right to left, each as near the
// anchor as it can stand, back to the previous punctuation. A slot takes
// the first reference between its neighbours.
bool PreFits(const SentenceView& sv, const VerbPattern& p, uint32_t w, PatternMatch* m) {
  if (p.pre.empty()) return true;
  uint32_t limit = w - static_cast<uint32_t>(p.before.size());  // items end at or before this word
  uint32_t floor = StretchStart(sv, limit);
  const PatternItem* slot = nullptr;  // a slot waiting for its left neighbour
  uint32_t slot_right = limit;
  bool glued = false;  // the item to the right must start where this one ends
  for (auto it = p.pre.rbegin(); it != p.pre.rend(); ++it) {
    if (it->slot()) {
      slot = &*it;
      slot_right = limit;
      glued = false;
      continue;
    }
    int best = -1;
    uint32_t best_end = 0;
    for (const auto& alt : it->alternatives) {
      uint32_t start = 0, end = 0;
      if (MatchBackward(sv, alt, floor, limit, glued, &start, &end) && static_cast<int>(start) > best) {
        best = static_cast<int>(start);
        best_end = end;
      }
    }
    if (best < 0) return false;
    if (slot && !FillSlot(sv, *slot, FirstRefIn(sv, best_end, slot_right, nullptr, slot->skip), m)) return false;
    slot = nullptr;
    glued = it->adjacent;
    limit = static_cast<uint32_t>(best);
  }
  if (slot && !FillSlot(sv, *slot, FirstRefIn(sv, floor, slot_right, nullptr, slot->skip), m)) return false;
  m->first_tok = std::min(m->first_tok, sv.words[limit < w ? limit : w].first);
  return true;
}

bool TryPattern(const SentenceView& sv, const std::vector<bool>& in, const VerbPattern& p, uint32_t w,
                PatternMatch* m) {
  if (!BeforeFits(sv, p, w)) return false;
  if (!PreFits(sv, p, w, m)) return false;
  uint32_t pos = w + 1;
  const PatternItem* slot = nullptr;  // an open slot: from slot_from to the next item
  uint32_t slot_from = 0;
  for (const PatternItem& item : p.items) {
    if (item.slot()) {
      if (slot && !FillSlot(sv, *slot, FirstRefIn(sv, slot_from, pos, &in, slot->skip), m)) return false;
      slot = &item;
      slot_from = pos;
      continue;
    }
    uint32_t best_end = 0, best_start = 0;
    for (const auto& alt : item.alternatives) {
      uint32_t start = 0;
      uint32_t end = FindSeq(sv, in, pos, alt, &start);
      if (end && item.adjacent && start != pos) end = 0;
      if (end && (!best_end || start < best_start)) {
        best_end = end;
        best_start = start;
      }
    }
    if (!best_end) return false;
    if (slot && !FillSlot(sv, *slot, FirstRefIn(sv, slot_from, best_start, &in, slot->skip), m)) return false;
    slot = nullptr;
    pos = best_end;
  }
  if (slot && !FillSlot(sv, *slot, FirstRefIn(sv, slot_from, static_cast<uint32_t>(sv.words.size()), &in, slot->skip), m)) {
    return false;
  }
  m->pattern = &p;
  m->last_tok = sv.words[pos - 1].last;
  return true;
}

// Whether word `w`, which the tagger did not call a verb, is one by the
// peers' rule `rule` (CoderOptions::surface_verbs).
bool SurfaceVerb(const SentenceView& sv, uint32_t w, SurfaceVerbs rule) {
  const Tree& t = *sv.tree;
  int head = sv.words[w].head;
  std::string_view upos = t.tok(head).upos;
  if (rule == SurfaceVerbs::kNone || sv.ref_at[head] >= 0) return false;
  if (rule == SurfaceVerbs::kBareNoun) {
    if (upos != "NOUN" && upos != "X") return false;
    return std::none_of(t.children(head).begin(), t.children(head).end(), [&](int c) {
      std::string_view r = t.rel(c);
      return r == "det" || r == "nmod:poss" || r == "amod" || r == "nummod";
    });
  }
  if (upos != "NOUN" && upos != "ADJ" && upos != "X" && upos != "ADV" && upos != "AUX") return false;
  return !TabariNoun(sv, w);
}

}  // namespace

bool TabariNoun(const SentenceView& sv, uint32_t w) {
  // An article before it (TABARI's determiners: A, AN, THE), adjectives
  // between ("a new bombing"; not "no new sign").
  uint32_t before = w;
  while (before > 0 && sv.tree->tok(sv.words[before - 1].head).upos == "ADJ") --before;
  if (before > 0 && (sv.words[before - 1].key == "a" || sv.words[before - 1].key == "an" ||
                     sv.words[before - 1].key == "the")) {
    return true;
  }
  const std::string& s = sv.words[w].surface;
  return w > 0 && !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
}

bool RegularForm(std::string_view lemma, std::string_view form) {
  if (form == lemma) return true;
  if (lemma.size() > 1 && lemma.back() == 'e') lemma.remove_suffix(1);  // "raised", "raising"
  if (!form.starts_with(lemma)) {
    // "tried": y -> i
    if (lemma.empty() || lemma.back() != 'y' || !form.starts_with(lemma.substr(0, lemma.size() - 1))) return false;
    lemma.remove_suffix(1);
  }
  std::string_view ending = form.substr(lemma.size());
  // A doubled last consonant ("stopped", "planning").
  if (ending.size() > 2 && !lemma.empty() && ending[0] == lemma.back()) ending.remove_prefix(1);
  for (std::string_view e : {"s", "es", "d", "ed", "ing", "en", "ied", "ies", "e"}) {
    if (ending == e) return true;
  }
  return false;
}

const std::vector<uint32_t>* AnchorPatterns(const SentenceView& sv, const VerbDictionary& verbs, uint32_t w,
                                            SurfaceVerbs surface_verbs, bool irregular_forms_first) {
  const Word& word = sv.words[w];
  std::string_view upos = sv.tree->tok(word.head).upos;
  bool noun = upos == "NOUN";
  auto lookup = [&](bool as_noun) {
    // An irregular form the dictionary names as an anchor of its own is
    // that root ("left": LEFT, not LEAVE), as the peers find roots by the
    // word as written; a regular form keeps its lemma's patterns.
    if (irregular_forms_first && !RegularForm(word.lemma, word.key)) {
      if (const std::vector<uint32_t>* ids = verbs.PatternsFor(word.key, as_noun)) return ids;
    }
    const std::vector<uint32_t>* ids = verbs.PatternsFor(word.lemma, as_noun);
    // Imported dialects name surface forms too (TABARI "DEPART_" takes the
    // regular endings: "departes" is its form whatever the lemmatiser says).
    if (!ids && word.key != word.lemma) ids = verbs.PatternsFor(word.key, as_noun);
    return ids;
  };
  const std::vector<uint32_t>* ids = noun || upos == "VERB" ? lookup(noun) : nullptr;
  if (!ids && upos != "VERB" && SurfaceVerb(sv, w, surface_verbs)) {
    ids = lookup(false);
    // TABARI's roots are stems ("MEET" takes "meeting", "RESUM"
    // "resumption"): the longest beginning of the word, of four letters or
    // more, that names a root.
    for (size_t n = word.key.size() - 1; !ids && surface_verbs == SurfaceVerbs::kNoDeterminerBefore && n >= 4; --n) {
      ids = verbs.PatternsFor(std::string_view(word.key).substr(0, n), false);
      if (ids && !verbs.patterns()[ids->front()].stem_anchor) ids = nullptr;  // "DEPLORE_" is no stem
    }
  }
  return ids;
}

PatternMatch MatchAnchor(const SentenceView& sv, const VerbDictionary& verbs, uint32_t w, SurfaceVerbs surface_verbs,
                         bool irregular_forms_first) {
  PatternMatch m;
  const Word& word = sv.words[w];
  const std::vector<uint32_t>* ids = AnchorPatterns(sv, verbs, w, surface_verbs, irregular_forms_first);
  if (!ids) return m;
  std::vector<bool> in = ClauseTokens(sv, word.head);
  // Words of the clause after the anchor, to reject most patterns without
  // scanning: an anchor like "urge" has hundreds of them.
  std::vector<std::string_view> present;
  VerbDictionary::WordBits present_bits;
  for (uint32_t k = w + 1; k < sv.words.size(); ++k) {
    if (!WordIn(sv, in, k)) continue;
    present.push_back(sv.words[k].lemma);
    present.push_back(sv.words[k].key);
    present_bits.Add(sv.words[k].lemma);
    present_bits.Add(sv.words[k].key);
  }
  std::sort(present.begin(), present.end());
  auto has = [&](const std::string& x) {
    if (!x.empty() && x.back() == '*') {  // a stem: some word starts with it
      std::string_view stem(x.data(), x.size() - 1);
      auto it = std::lower_bound(present.begin(), present.end(), stem);
      return it != present.end() && it->starts_with(stem);
    }
    return std::binary_search(present.begin(), present.end(), std::string_view(x));
  };
  for (uint32_t id : *ids) {
    if (!VerbDictionary::MayMatch(present_bits, verbs.needs(id))) continue;
    const VerbPattern& p = verbs.patterns()[id];
    bool possible = true;
    for (const PatternItem& item : p.items) {
      if (item.slot()) continue;
      possible = std::any_of(item.alternatives.begin(), item.alternatives.end(),
                             [&](const std::vector<std::string>& alt) { return !alt.empty() && has(alt[0]); });
      if (!possible) break;
    }
    if (!possible) continue;
    PatternMatch cand;
    cand.anchor_tok = word.head;
    cand.first_tok = word.first;
    if (TryPattern(sv, in, verbs.patterns()[id], w, &cand)) {
      cand.last_tok = std::max(cand.last_tok, word.last);
      for (size_t r = 0; r < sv.refs.size(); ++r) {
        int h = sv.refs[r].head_tok;
        if (h > static_cast<int>(word.last) && in[h]) cand.later_refs.push_back(static_cast<int>(r));
      }
      return cand;
    }
  }
  return m;
}

}  // namespace faultline
