#include "code/pattern_match.h"

#include <algorithm>

namespace faultline {
namespace {

// Relations that open a separate clause: pattern words are not looked for
// below them (a reported clause ccomp is kept: "warn that ... sanctions").
bool ClauseBoundary(const Tree& t, int c) {
  std::string_view r = t.base_rel(c);
  return r == "conj" || r == "parataxis" || r == "advcl" || r == "csubj" || t.rel(c) == "acl:relcl" ||
         r == "nsubj";
}

// Words that end the stretch of text right after an anchor: punctuation and
// the words that open a new clause.
bool EndsWindow(const Tree& t, int i) {
  const std::string& l = t.lemma(i);
  if (t.tok(i).upos == "PUNCT") return true;
  static const char* kOpeners[] = {"that", "which", "who", "whom", "because", "if", "unless", "while",
                                   "but", "although", "when", "after", "before", "as", "whether"};
  return std::any_of(std::begin(kOpeners), std::end(kOpeners), [&](const char* k) { return l == k; });
}

// The anchor's clause: its subtree without the subtrees of other clauses,
// plus -- because a parser's attachment errors should not hide a verb's
// object -- the words right after it up to the next punctuation or clause
// opener (the surface fallback TABARI-style coders rely on entirely).
std::vector<bool> ClauseTokens(const Tree& t, int anchor) {
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
  for (int i = anchor + 1; i < t.size() && !EndsWindow(t, i); ++i) in[i] = true;
  return in;
}

bool WordIn(const SentenceView& sv, const std::vector<bool>& in, uint32_t w) {
  return in[sv.words[w].head];
}

bool WordMatches(const Word& w, const std::string& lemma) { return w.lemma == lemma || w.key == lemma; }

// Finds the first word position >= from where `seq` matches consecutive
// clause words. Returns the position after the match, or 0 on failure.
uint32_t FindSeq(const SentenceView& sv, const std::vector<bool>& in, uint32_t from,
                 const std::vector<std::string>& seq, uint32_t* start) {
  for (uint32_t p = from; p + seq.size() <= sv.words.size(); ++p) {
    bool ok = true;
    for (size_t k = 0; k < seq.size() && ok; ++k) {
      ok = WordIn(sv, in, p + k) && WordMatches(sv.words[p + k], seq[k]);
    }
    if (ok) {
      *start = p;
      return p + static_cast<uint32_t>(seq.size());
    }
  }
  return 0;
}

bool BeforeFits(const SentenceView& sv, const VerbPattern& p, uint32_t w) {
  if (p.before.empty()) return true;
  if (w < p.before.size()) return false;
  for (size_t k = 0; k < p.before.size(); ++k) {
    if (!WordMatches(sv.words[w - p.before.size() + k], p.before[k])) return false;
  }
  return true;
}

bool TryPattern(const SentenceView& sv, const std::vector<bool>& in, const VerbPattern& p, uint32_t w,
                PatternMatch* m) {
  if (!BeforeFits(sv, p, w)) return false;
  uint32_t pos = w + 1;
  int slot_from = -1;  // word position where the '+' slot opens
  int slot_to = -1;
  for (const PatternItem& item : p.items) {
    if (item.target) {
      slot_from = static_cast<int>(pos);
      continue;
    }
    uint32_t best_end = 0, best_start = 0;
    for (const auto& alt : item.alternatives) {
      uint32_t start = 0;
      uint32_t end = FindSeq(sv, in, pos, alt, &start);
      if (end && (!best_end || start < best_start)) {
        best_end = end;
        best_start = start;
      }
    }
    if (!best_end) return false;
    if (slot_from >= 0 && slot_to < 0) slot_to = static_cast<int>(best_start);
    pos = best_end;
  }
  m->pattern = &p;
  m->last_tok = sv.words[pos - 1].last;
  if (slot_from >= 0) {
    if (slot_to < 0) slot_to = static_cast<int>(sv.words.size());
    for (size_t r = 0; r < sv.refs.size(); ++r) {
      int h = sv.refs[r].head_tok;
      int from_tok = static_cast<int>(sv.words[std::min<size_t>(slot_from, sv.words.size() - 1)].first);
      int to_tok = slot_to < static_cast<int>(sv.words.size()) ? static_cast<int>(sv.words[slot_to].first)
                                                              : sv.tree->size();
      if (h >= from_tok && h < to_tok && in[h]) {
        m->target_ref = static_cast<int>(r);
        break;
      }
    }
    if (m->target_ref < 0) return false;  // the pattern names a target that is not there
  }
  return true;
}

}  // namespace

PatternMatch MatchAnchor(const SentenceView& sv, const VerbDictionary& verbs, uint32_t w) {
  PatternMatch m;
  const Word& word = sv.words[w];
  const Tree& t = *sv.tree;
  std::string_view upos = t.tok(word.head).upos;
  bool noun = upos == "NOUN";
  if (!noun && upos != "VERB") return m;
  const std::vector<uint32_t>* ids = verbs.PatternsFor(word.lemma, noun);
  if (!ids) return m;
  std::vector<bool> in = ClauseTokens(t, word.head);
  // Words of the clause after the anchor, to reject most patterns without
  // scanning: an anchor like "urge" has hundreds of them.
  std::vector<std::string_view> present;
  for (uint32_t k = w + 1; k < sv.words.size(); ++k) {
    if (!WordIn(sv, in, k)) continue;
    present.push_back(sv.words[k].lemma);
    present.push_back(sv.words[k].key);
  }
  std::sort(present.begin(), present.end());
  auto has = [&](const std::string& x) { return std::binary_search(present.begin(), present.end(), std::string_view(x)); };
  for (uint32_t id : *ids) {
    const VerbPattern& p = verbs.patterns()[id];
    bool possible = true;
    for (const PatternItem& item : p.items) {
      if (item.target) continue;
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
