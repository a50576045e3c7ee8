#include "code/sentence_view.h"

#include <algorithm>

namespace faultline {
namespace {

bool IsPersonal(const std::string& l) {
  return l == "he" || l == "him" || l == "his" || l == "she" || l == "her" || l == "hers";
}
bool IsNonPersonal(const std::string& l) {
  return l == "it" || l == "its" || l == "they" || l == "them" || l == "their";
}
bool Fits(const ActorRef& r, const std::string& l) {
  if (IsPersonal(l)) {
    if (r.kind != ActorKind::kPerson) return false;
    bool female = l == "she" || l == "her" || l == "hers";
    return r.gender == 'x' || r.gender == (female ? 'f' : 'm');
  }
  if (l == "they" || l == "them" || l == "their") return r.kind != ActorKind::kPerson;
  return r.kind != ActorKind::kPerson && r.kind != ActorKind::kAgent;
}

// The clause's finite verb (or its auxiliary) is third person singular.
// The number the finite verb of clause `v` agrees with: +1 singular ("has
// raised", "was"), -1 plural ("have raised", "were"), 0 when it does not
// say (past tense, modals).
int VerbNumber(const Tree& t, int v) {
  auto number = [&](int w) {
    std::string_view x = t.tok(w).xpos, f = t.tok(w).form;
    if (x == "VBZ" || f == "was" || f == "Was") return 1;
    if (x == "VBP" || f == "were" || f == "Were") return -1;
    return 0;
  };
  for (int c : t.children(v)) {  // the finite word is the first auxiliary
    if (t.base_rel(c) == "aux" || t.base_rel(c) == "cop") return number(c);
  }
  return number(v);
}

}  // namespace

const ActorRef* DocContext::ResolvePronoun(const std::string& lemma, uint32_t sentence,
                                           uint32_t before_tok) const {
  if (!IsPersonal(lemma) && !IsNonPersonal(lemma)) return nullptr;
  // Passes, most recent first within each: subjects earlier in this
  // sentence, any mention earlier in this sentence, subjects of the three
  // sentences before, any mention there.
  for (int pass = 0; pass < 4; ++pass) {
    bool same = pass < 2;
    bool subjects_only = pass % 2 == 0;
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
      if (it->sentence + 3 < sentence) break;
      if (same != (it->sentence == sentence)) continue;
      if (same && it->ref.first_tok >= before_tok) continue;
      if (subjects_only && !it->subject) continue;
      if (Fits(it->ref, lemma)) return &it->ref;
    }
  }
  return nullptr;
}

std::string DocContext::MainCountry() const {
  // Highest weight; ties go to the most recently mentioned.
  std::string best;
  int best_n = 0;
  size_t best_seen = 0;
  for (const auto& [code, n] : countries) {
    size_t seen = last_seen.at(code);
    if (n > best_n || (n == best_n && seen > best_seen)) {
      best = code;
      best_n = n;
      best_seen = seen;
    }
  }
  return best;
}

void DocContext::Remember(const ActorRef& ref, uint32_t sentence, bool subject) {
  history.push_back({ref, sentence, subject});
  if (ref.code.size() >= 3 && ref.kind != ActorKind::kAgent && ref.kind != ActorKind::kOrg &&
      ref.kind != ActorKind::kRegion && ref.code.rfind("IGO", 0) != 0) {
    // A state named, or its capital or seat, says where the story is; a
    // demonym or a person's nationality ("a Swedish scientist") less so.
    bool place = ref.kind == ActorKind::kCountry || ref.kind == ActorKind::kCapital || ref.kind == ActorKind::kSeat;
    std::string code = ref.code.substr(0, 3);
    countries[code] += place ? 2 : 1;
    last_seen[code] = history.size();
  }
}

const ActorRef* ActorOfPhrase(const SentenceView& sv, const DocContext& ctx, int tok) {
  int found = -1;
  return ActorOfPhraseAt(sv, ctx, tok, &found);
}

const ActorRef* ActorOfPhraseAt(const SentenceView& sv, const DocContext& ctx, int tok, int* found) {
  *found = tok;
  if (tok < 0) return nullptr;
  const Tree& t = *sv.tree;
  if (sv.ref_at[tok] >= 0) return &sv.refs[sv.ref_at[tok]];
  const std::string& l = t.lemma(tok);
  if (t.tok(tok).upos == "PRON") {
    if (const ActorRef* r = ctx.ResolvePronoun(l, sv.index, static_cast<uint32_t>(tok))) {
      return r;
    }
    // Relative pronoun: the noun the relative clause hangs on.
    int clause = t.head(tok);
    // Only the noun itself: "the border with Ukraine that has ..." is the
    // border, not Ukraine.
    if ((l == "who" || l == "which" || l == "that") && clause >= 0 && t.rel(clause) == "acl:relcl") {
      int noun = t.head(clause);
      // "forces that has killed", "the border with Ukraine that have raised
      // fears": a verb that does not agree in number with the noun shows
      // the parser hung the clause on the wrong one.
      if (noun >= 0) {
        std::string_view x = t.tok(noun).xpos;
        int noun_number = x == "NNS" || x == "NNPS" ? -1 : x == "NN" || x == "NNP" ? 1 : 0;
        if (noun_number * VerbNumber(t, clause) < 0) return nullptr;
      }
      return noun >= 0 && sv.ref_at[noun] >= 0 ? &sv.refs[sv.ref_at[noun]] : nullptr;
    }
    return nullptr;
  }
  // Breadth-first through the phrase's modifiers, two levels deep.
  std::vector<int> frontier{tok};
  for (int depth = 0; depth < 2; ++depth) {
    std::vector<int> next;
    for (int n : frontier) {
      for (int c : t.children(n)) {
        std::string_view r = t.rel(c);
        if (r == "nmod:poss" || r == "compound" || r == "amod" || r == "flat" || r == "appos" ||
            t.base_rel(c) == "nmod") {
          if (sv.ref_at[c] >= 0) {
            *found = c;
            return &sv.refs[sv.ref_at[c]];
          }
          if (r == "nmod:poss" && t.tok(c).upos == "PRON") {
            if (const ActorRef* p = ctx.ResolvePronoun(t.lemma(c), sv.index, static_cast<uint32_t>(c))) {
              return p;
            }
          }
          next.push_back(c);
        }
      }
    }
    frontier.swap(next);
  }
  return nullptr;
}

std::vector<const ActorRef*> ActorsOfPhrase(const SentenceView& sv, const DocContext& ctx, int tok) {
  std::vector<const ActorRef*> out;
  if (tok < 0) return out;
  for (int n : sv.tree->WithConjuncts(tok)) {
    int found = -1;
    const ActorRef* r = ActorOfPhraseAt(sv, ctx, n, &found);
    if (!r) continue;
    if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
    // "an alliance with Britain and Poland": the actor found below the
    // phrase brings its own conjuncts.
    if (found != n) {
      for (int c : sv.tree->WithConjuncts(found)) {
        if (c == found || sv.ref_at[c] < 0) continue;
        const ActorRef* x = &sv.refs[sv.ref_at[c]];
        if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
      }
    }
  }
  return out;
}

}  // namespace faultline

namespace faultline {

namespace {

// A conjunction that closes a list of actors: "and", "or", and with the
// peers' noun phrases "nor" ("Neither Galadriel nor Gollum").
bool ListConjunction(const SentenceView& sv, const std::string& form) {
  return form == "and" || form == "or" || (sv.lists_with_modifiers && form == "nor");
}

}  // namespace

bool JoinedOnSurface(const SentenceView& sv, int left, int right) {
  uint32_t from = sv.refs[left].last_tok + 1, to = sv.refs[right].first_tok;
  const Token* toks = sv.doc->begin_of(*sv.sentence);
  for (int modifiers = 0; sv.lists_with_modifiers && modifiers < 3 && to > from + 1; ++modifiers) {
    const Token& m = toks[to - 1];
    bool lower = !m.form.empty() && !(m.form[0] >= 'A' && m.form[0] <= 'Z');
    if (m.upos != "DET" && !(lower && (m.upos == "ADJ" || m.upos == "NOUN"))) break;
    --to;
  }
  if (to <= from || to - from > 2) return false;
  for (uint32_t t = from; t < to; ++t) {
    if (toks[t].form != "," && !ListConjunction(sv, toks[t].form)) return false;
  }
  return true;
}

std::vector<const ActorRef*> ListAround(const SentenceView& sv, int r) {
  const Token* toks = sv.doc->begin_of(*sv.sentence);
  auto closes = [&](int k) {  // "and"/"or" between refs k - 1 and k
    for (uint32_t t = sv.refs[k - 1].last_tok + 1; t < sv.refs[k].first_tok; ++t) {
      if (ListConjunction(sv, toks[t].form)) return true;
    }
    return false;
  };
  int first = r;
  if (sv.lists_with_modifiers && r > 0 && JoinedOnSurface(sv, r - 1, r) && closes(r)) {
    first = r - 1;
    while (first > 0 && JoinedOnSurface(sv, first - 1, first) && !closes(first)) --first;
  }
  return SurfaceList(sv, first);
}

std::vector<const ActorRef*> SurfaceList(const SentenceView& sv, int r) {
  const Token* toks = sv.doc->begin_of(*sv.sentence);
  int last = r;
  bool closed = false;  // joined by "and"/"or" somewhere: a list, not an apposition
  auto conjunction_between = [&](int left, int right) {
    for (uint32_t t = sv.refs[left].last_tok + 1; t < sv.refs[right].first_tok; ++t) {
      if (ListConjunction(sv, toks[t].form)) return true;
    }
    return false;
  };
  while (last + 1 < static_cast<int>(sv.refs.size()) && JoinedOnSurface(sv, last, last + 1)) {
    closed |= conjunction_between(last, last + 1);
    ++last;
  }
  std::vector<const ActorRef*> out;
  if (!closed) return {&sv.refs[r]};
  for (int k = r; k <= last; ++k) out.push_back(&sv.refs[k]);
  return out;
}

std::vector<const ActorRef*> CompoundMembers(const SentenceView& sv, int r) {
  std::vector<const ActorRef*> out = SurfaceList(sv, r);
  for (int c : sv.tree->WithConjuncts(sv.refs[r].head_tok)) {
    if (sv.ref_at[c] < 0) continue;
    const ActorRef* x = &sv.refs[sv.ref_at[c]];
    if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  }
  return out;
}

}  // namespace faultline
