#include "code/arguments.h"

#include "clause/modality.h"

#include <algorithm>
#include <string>

namespace faultline {
namespace {

// Prepositions whose object is the target of the act ("talks with X",
// "sanctions against X", "aid to X").
bool TargetCase(const std::string& c) {
  static const char* kCases[] = {"with", "to", "against", "on", "from", "at", "into", "toward", "towards", "for", "over", "of"};
  return std::any_of(std::begin(kCases), std::end(kCases), [&](const char* k) { return c == k; });
}

// Nouns of a span of time ("years", "weeks"): an object with one of them
// as its head is a misparsed time expression.
bool IsTimeSpan(const std::string& lemma) {
  static const char* kUnits[] = {"year", "month", "week", "day", "hour", "decade", "minute"};
  return std::any_of(std::begin(kUnits), std::end(kUnits), [&](const char* k) { return lemma == k; });
}

// Verbs whose passive tells of an act of its subject ("was reported to
// have reinforced", "was known to break").
bool IsRaisingPassive(const std::string& lemma) {
  static const char* kVerbs[] = {"see", "know", "report", "say", "believe", "think", "expect", "allege",
                                 "rumor", "rumour", "understand", "find", "consider", "claim", "hear"};
  return std::any_of(std::begin(kVerbs), std::end(kVerbs), [&](const char* k) { return lemma == k; });
}

void AddUnique(std::vector<const ActorRef*>* v, const std::vector<const ActorRef*>& more) {
  for (const ActorRef* r : more) {
    if (std::find(v->begin(), v->end(), r) == v->end()) v->push_back(r);
  }
}

bool IsPassive(const Tree& t, int v) {
  if (t.Child(v, "nsubj:pass") >= 0 || t.Child(v, "aux:pass") >= 0) return true;
  // "were arrested and charged": a participle coordinated with a passive
  // verb, with no subject or auxiliary of its own, shares its voice.
  int h = t.head(v);
  return t.base_rel(v) == "conj" && h >= 0 && t.tok(v).xpos == "VBN" && t.Child(v, "nsubj") < 0 &&
         t.Child(v, "aux") < 0 && (t.Child(h, "nsubj:pass") >= 0 || t.Child(h, "aux:pass") >= 0);
}

// The passive verb v's agent: its "by" oblique in the tree, else an actor
// right after "by" just after the verb (adverbs between: "was opposed
// earlier by Osgiliath", where the parser hung the phrase elsewhere); -1.
int AgentOf(const SentenceView& sv, int v) {
  const Tree& t = *sv.tree;
  for (int c : t.children(v)) {
    if (t.rel(c) == "obl:agent" || (t.base_rel(c) == "obl" && t.CaseOf(c) == "by")) return c;
  }
  int i = v + 1;
  while (i < t.size() && t.tok(i).upos == "ADV") ++i;
  if (i + 1 < t.size() && t.tok(i).form == "by" && sv.ref_at[i + 1] >= 0) return sv.refs[sv.ref_at[i + 1]].head_tok;
  return -1;
}

// An actor introduced by "by" within a noun phrase (through nmod and conj,
// three levels deep), or nullptr.
const ActorRef* AgentInside(const SentenceView& sv, int np) {
  const Tree& t = *sv.tree;
  std::vector<int> frontier{np};
  for (int depth = 0; depth < 3 && !frontier.empty(); ++depth) {
    std::vector<int> next;
    for (int n : frontier) {
      for (int c : t.children(n)) {
        std::string_view r = t.base_rel(c);
        if (r != "nmod" && r != "conj") continue;
        if (t.HasCase(c, "by") && sv.ref_at[c] >= 0) return &sv.refs[sv.ref_at[c]];
        next.push_back(c);
      }
    }
    frontier.swap(next);
  }
  return nullptr;
}

// Targets from the obliques/objects of v (or nmods of a noun), strong
// candidates before places ("visited Kyiv for talks with Zelenskiy"). With
// `objects_follow` (the peers' surface order), an object before its verb
// is a misparse ("..., its embassy, a senior official said") unless it is
// a pronoun ("the embassy that crowds burned").
std::vector<const ActorRef*> TargetsBelow(const SentenceView& sv, const DocContext& ctx, int v, bool noun,
                                          const std::vector<const ActorRef*>& sources, bool objects_follow = false) {
  const Tree& t = *sv.tree;
  std::vector<const ActorRef*> strong, weak, self;
  bool group = false;  // a source named again by "they/their/them"
  auto consider = [&](int c) {
    for (const ActorRef* r : ActorsOfPhrase(sv, ctx, c)) {
      if (std::find(sources.begin(), sources.end(), r) != sources.end()) continue;
      // A source named again ("their resumption of ties with X": a pronoun
      // resolves to a copy of the source's reference) is a target only if
      // nothing else is (then the event acts on its own source: dropped).
      if (std::any_of(sources.begin(), sources.end(),
                      [&](const ActorRef* x) { return !x->code.empty() && x->code == r->code; })) {
        self.push_back(r);
        // "their meeting": a plural pronoun may name the whole group.
        for (int g : t.Subtree(c)) {
          const std::string& l = t.lemma(g);
          group |= t.tok(g).upos == "PRON" && (l == "they" || l == "their" || l == "them");
        }
        continue;
      }
      (r->place ? weak : strong).push_back(r);
    }
  };
  if (!noun) {
    // "urged the withdrawal of troops by Russia": the doer of an act named
    // as the object is whom the act is aimed at.
    for (int c : t.ChildrenWith(v, "obj")) {
      if (const ActorRef* agent = AgentInside(sv, c)) {
        if (std::find(sources.begin(), sources.end(), agent) == sources.end()) return {agent};
      }
    }
    for (const char* rel : {"obj", "iobj"}) {
      for (int c : t.ChildrenWith(v, rel)) {
        if (objects_follow && c < v && t.tok(c).upos != "PRON") continue;
        // "restore ties with X almost five years after Y crowds burned":
        // a span of time taken for an object names no one acted on.
        if (!IsTimeSpan(t.lemma(c))) consider(c);
      }
    }
    if (IsPassive(t, v)) {
      for (int c : t.ChildrenWith(v, "nsubj:pass")) consider(c);
    }
  }
  if (strong.empty()) {
    for (int c : t.children(v)) {
      std::string_view r = t.base_rel(c);
      // A bare oblique (no preposition) is usually a misattached object.
      std::string c_case = t.CaseOf(c);
      if ((r == "obl" || r == "nmod") && t.rel(c) != "obl:agent" && t.rel(c) != "obl:tmod" &&
          (TargetCase(c_case) || (c_case.empty() && r == "obl"))) {
        consider(c);
      }
    }
  }
  // Objects without an actor may carry one in an "of/with" phrase below a
  // noun ("a path of diplomacy", "talks with X"): look one level down.
  if (strong.empty() && !noun) {
    for (int c : t.children(v)) {
      std::string_view r = t.base_rel(c);
      if (r != "obj" && r != "obl") continue;
      for (int g : t.children(c)) {
        if (t.base_rel(g) == "nmod" && TargetCase(t.CaseOf(g))) consider(g);
      }
    }
  }
  std::vector<const ActorRef*> out;
  // Only the sources named again: for one source the act is on itself
  // (dropped later); for several named by "their" ("Gondor and Osgiliath
  // have delayed their meeting") it is the group: no other target.
  if (strong.empty() && weak.empty() && sources.size() > 1 && group) return out;
  AddUnique(&out, !strong.empty() ? strong : !weak.empty() ? weak : self);
  return out;
}

}  // namespace

// The nearest actor before the verb with no other verb between, with the
// actors listed before it ("Saudi Arabia, Egypt and Jordan ... blamed").
std::vector<const ActorRef*> NearestBefore(const SentenceView& sv, int anchor) {
  const Tree& t = *sv.tree;
  std::vector<const ActorRef*> out;
  for (int i = anchor - 1; i >= 0; --i) {
    // A subject is never the object of a preposition ("the border with
    // Ukraine that has raised fears": not Ukraine).
    if (sv.ref_at[i] >= 0 && t.Child(sv.refs[sv.ref_at[i]].head_tok, "case") >= 0) {
      i = static_cast<int>(sv.refs[sv.ref_at[i]].first_tok);
      continue;
    }
    if (sv.ref_at[i] >= 0) {
      int r = sv.ref_at[i];
      out.push_back(&sv.refs[r]);
      for (int k = r - 1; k >= 0 && JoinedOnSurface(sv, k, k + 1); --k) {
        out.push_back(&sv.refs[k]);
      }
      return out;
    }
    // Auxiliaries belong to the verb's own group ("are due to talk").
    if (t.tok(i).upos == "VERB" || t.tok(i).upos == "SCONJ" || t.lemma(i) == ";") return out;
  }
  return out;
}

namespace {

Arguments NounArguments(const SentenceView& sv, const DocContext& ctx, int n) {
  const Tree& t = *sv.tree;
  Arguments a;
  for (int c : t.children(n)) {
    std::string_view r = t.rel(c);
    bool by = t.base_rel(c) == "nmod" && t.CaseOf(c) == "by";
    if (r == "nmod:poss" || r == "amod" || r == "compound" || by) {
      AddUnique(&a.sources, ActorsOfPhrase(sv, ctx, c));
    }
  }
  // "Blinken reiterated Washington's commitment": the person performing a
  // light verb speaks for the possessor of the same country.
  int lv = t.head(n);
  if (lv >= 0 && t.base_rel(n) == "obj" && IsLightVerb(t.lemma(lv))) {
    if (const ActorRef* who = ActorOfPhrase(sv, ctx, SubjectOf(t, lv))) {
      for (const ActorRef*& src : a.sources) {
        if (who->code.size() > src->code.size() && who->code.compare(0, src->code.size(), src->code) == 0) src = who;
      }
    }
  }
  if (sv.ref_at[n] >= 0) {
    // "troop build-up": the noun event is inside a reference ("Russian
    // troops") only when it is the last word of it; then the ref is the source.
    a.sources.push_back(&sv.refs[sv.ref_at[n]]);
  }
  if (a.sources.empty()) {
    // The event noun's actor is the subject of the verb it hangs on when
    // the noun frames that verb ("in a phone call with X, Y urged",
    // "visited Kyiv for talks") or is the object of a light verb ("held
    // talks", "made remarks"); not when it is what the verb acts on
    // ("urged de-escalation": the urger does not de-escalate).
    int v = t.head(n);
    std::string_view r = t.base_rel(n);
    if (v >= 0 && t.IsVerbal(v) && (r == "obl" || (r == "obj" && IsLightVerb(t.lemma(v))))) {
      int s = SubjectOf(t, v);
      if (s >= 0) AddUnique(&a.sources, ActorsOfPhrase(sv, ctx, s));
    }
  }
  a.targets = TargetsBelow(sv, ctx, n, true, a.sources);
  return a;
}

}  // namespace

int SubjectOf(const Tree& t, int v) {
  for (int guard = 0; v >= 0 && guard < 5; ++guard) {
    for (int c : t.children(v)) {
      if (t.rel(c) == "nsubj" || t.rel(c) == "csubj") return c;
    }
    std::string_view r = t.base_rel(v);
    int h = t.head(v);
    if (h < 0) return -1;
    if (r == "xcomp") {
      // Object control: "urged Russia to step back" -> Russia steps back.
      int obj = t.Child(h, "obj");
      if (obj >= 0) return obj;
      // A passive verb of knowing or saying raises its subject: "Gollum was
      // seen to break into" -> Gollum broke in. (Not "was allowed to
      // visit": there the act is the allowing, the visit only permitted.)
      int pass = t.Child(h, "nsubj:pass");
      if (pass >= 0 && IsRaisingPassive(t.lemma(h))) return pass;
    } else if (t.rel(v) == "acl:relcl" || r == "acl") {
      return h;  // "separatists who have been engaged" / "forces stationed"
    } else if (r != "conj" && r != "advcl" && r != "ccomp") {
      return -1;
    }
    if (r == "ccomp") return -1;  // a reported clause names its own subject
    v = h;
  }
  return -1;
}

Arguments FindArguments(const SentenceView& sv, const DocContext& ctx, int anchor, bool noun, int target_ref,
                        int source_ref, bool agentless_passive_active) {
  const Tree& t = *sv.tree;
  Arguments a;
  if (noun) {
    a = NounArguments(sv, ctx, anchor);
  } else {
    bool passive = IsPassive(t, anchor);
    // (Not when the pattern names the target: "+ WAS_ *" reads the voice.)
    if (passive && agentless_passive_active && target_ref < 0 && AgentOf(sv, anchor) < 0) {
      int subj = t.Child(anchor, "nsubj:pass");
      AddUnique(&a.sources, ActorsOfPhrase(sv, ctx, subj));
      if (subj >= 0 && sv.ref_at[subj] >= 0) AddUnique(&a.sources, SurfaceList(sv, sv.ref_at[subj]));
    } else if (passive) {
      AddUnique(&a.sources, ActorsOfPhrase(sv, ctx, AgentOf(sv, anchor)));
      // "An invasion by Russia would be met with consequences": the act
      // responded to names the target, by its agent or possessor.
      int subj = t.Child(anchor, "nsubj:pass");
      if (subj >= 0 && t.tok(subj).upos == "NOUN") {
        Arguments inner = NounArguments(sv, ctx, subj);
        if (!inner.sources.empty()) a.targets = inner.sources;
      }
    } else {
      int subj = SubjectOf(t, anchor);
      AddUnique(&a.sources, ActorsOfPhrase(sv, ctx, subj));
      // "Putin and Johnson are due to talk": coordination on the surface
      // counts even where the parser split it.
      if (subj >= 0 && sv.ref_at[subj] >= 0) AddUnique(&a.sources, ListAround(sv, sv.ref_at[subj]));
      if (a.sources.empty() && t.Child(anchor, "nsubj") < 0 && t.Child(anchor, "csubj") < 0) {
        // No subject of its own in the tree (often a parser error on a long
        // fronted phrase): the nearest actors before the verb. A verb whose
        // subject is there but names no actor ("that have raised fears")
        // has no source.
        AddUnique(&a.sources, NearestBefore(sv, anchor));
      }
    }
    if (a.targets.empty()) a.targets = TargetsBelow(sv, ctx, anchor, false, a.sources, agentless_passive_active);
  }
  if (target_ref >= 0) {
    // The '+' slot names one reference; its conjuncts are targets too
    // ("guarantees from the United States and NATO").
    const ActorRef* r = &sv.refs[target_ref];
    a.targets = ActorsOfPhrase(sv, ctx, r->head_tok);
    for (size_t k = target_ref + 1; k < sv.refs.size(); ++k) {
      // Surface coordination the parser may have missed ("with Britain and Poland").
      const Token* toks = sv.doc->begin_of(*sv.sentence);
      uint32_t from = sv.refs[k - 1].last_tok + 1, to = sv.refs[k].first_tok;
      if (to != from + 1 || (toks[from].form != "and" && toks[from].form != ",")) break;
      if (std::find(a.targets.begin(), a.targets.end(), &sv.refs[k]) == a.targets.end()) a.targets.push_back(&sv.refs[k]);
    }
    if (std::find(a.targets.begin(), a.targets.end(), r) == a.targets.end()) a.targets.insert(a.targets.begin(), r);
    for (const ActorRef* x : a.targets) {
      a.sources.erase(std::remove(a.sources.begin(), a.sources.end(), x), a.sources.end());
    }
  }
  if (source_ref >= 0) {
    // The '$' slot names the source and the actors listed with it.
    a.sources = SurfaceList(sv, source_ref);
    for (const ActorRef* x : a.sources) {
      a.targets.erase(std::remove(a.targets.begin(), a.targets.end(), x), a.targets.end());
    }
  }
  // "X rejected Y's demand but offered a path": a coordinated verb with no
  // target of its own acts on its head verb's target.
  if (a.targets.empty() && t.base_rel(anchor) == "conj" && t.head(anchor) >= 0 && t.IsVerbal(t.head(anchor))) {
    a.targets = TargetsBelow(sv, ctx, t.head(anchor), false, a.sources, agentless_passive_active);
  }
  return a;
}

}  // namespace faultline
