#include "clause/modality.h"

#include <array>
#include <string>

namespace faultline {
namespace {

template <size_t N>
bool In(const std::string& w, const std::array<std::string_view, N>& set) {
  for (std::string_view s : set) {
    if (w == s) return true;
  }
  return false;
}

// Verbs and adjectives whose complement is denied or refused, not asserted.
constexpr std::array<std::string_view, 12> kDenyVerbs = {"deny",    "refuse",  "reject",     "dismiss",
                                                         "rule",    "decline", "refusal",    "denial",
                                                         "prevent", "avoid",   "prevention", "rejection"};
// ... whose complement is announced for the future.
constexpr std::array<std::string_view, 15> kPlanVerbs = {
    "plan", "intend", "due", "prepare", "schedule", "set", "expect", "aim",
    "agree", "promise", "pledge", "vow", "decide", "offer", "go"};
// ... whose complement is only wished for or imagined.
// ... or only asked for, imagined or judged possible ("urged X to withdraw",
// "insisting that the West stick to", "it is possible to sign").
constexpr std::array<std::string_view, 20> kWishVerbs = {
    "want", "seek", "try", "hope", "wish", "threaten", "demand", "insist", "urge", "ask",
    "call", "request", "appeal", "need", "possible", "impossible", "able", "willing", "likely", "unlikely"};
constexpr std::array<std::string_view, 4> kNegators = {"not", "never", "n't", "no"};

bool Negated(const Tree& t, int v) {
  for (int c : t.children(v)) {
    std::string_view r = t.base_rel(c);
    if ((r == "advmod" || r == "det" || r == "neg") && In(t.lemma(c), kNegators)) return true;
  }
  return false;
}

// Modal auxiliaries on verb v: 'p' planned (will, shall), 'w' would, 'h'
// hypothetical (could, might, may), 0 none.
char Modal(const Tree& t, int v) {
  for (int c : t.children(v)) {
    if (t.base_rel(c) != "aux") continue;
    const std::string& l = t.lemma(c);
    if (l == "would") return 'w';
    if (l == "will" || l == "shall" || l == "'ll" || l == "wo") return 'p';
    if (l == "could" || l == "might" || l == "may" || l == "can" || l == "ca") return 'h';
  }
  return 0;
}

bool HasCondition(const Tree& t, int v) {
  for (int c : t.children(v)) {
    if (t.base_rel(c) != "advcl") continue;
    std::string m = t.MarkOf(c);
    if (m == "if" || m == "unless" || m == "provided" || m == "once") return true;
  }
  return false;
}

}  // namespace

bool IsLightVerb(const std::string& l) {
  static constexpr std::array<std::string_view, 25> kVerbs = {
      "hold", "have", "make", "conduct", "launch", "carry", "stage", "begin", "start",
      "take", "give", "attend", "join", "pay", "resume", "open", "continue", "renew",
      "announce", "reiterate", "repeat", "issue", "mount", "step", "wage"};
  return In(l, kVerbs);
}

std::string_view StatusName(EventStatus s) {
  switch (s) {
    case EventStatus::kReported: return "reported";
    case EventStatus::kPlanned: return "planned";
    case EventStatus::kConditional: return "conditional";
    case EventStatus::kNegated: return "negated";
    case EventStatus::kHypothetical: return "hypothetical";
  }
  return "reported";
}

int ClauseVerb(const Tree& t, int anchor) {
  int v = anchor;
  // A noun event takes the modality of the clause it sits in.
  for (int guard = 0; v >= 0 && !t.IsVerbal(v) && guard < 4; ++guard) {
    std::string_view r = t.base_rel(v);
    if (r != "nsubj" && r != "obj" && r != "obl" && r != "nmod" && r != "iobj") break;
    if (t.head(v) < 0) break;
    v = t.head(v);
  }
  return v < 0 ? anchor : v;
}

// A noun event ("the build-up", "an invasion") is presupposed by the clause
// around it, whatever that clause's own modality: it is negated by "no",
// imagined when it is the subject of a would/could clause or sits in an
// if-clause, and otherwise reported.
EventStatus NounStatus(const Tree& t, int anchor) {
  if (Negated(t, anchor)) return EventStatus::kNegated;
  int v = ClauseVerb(t, anchor);
  if (v == anchor) return EventStatus::kReported;
  std::string_view r = t.base_rel(anchor);
  // "could take military action unless ...": the light verb carries it.
  if (r == "obj" && t.head(anchor) == v && IsLightVerb(t.lemma(v))) return StatusOf(t, v);
  if ((r == "nsubj" || r == "csubj") && (Modal(t, v) == 'w' || Modal(t, v) == 'h')) {
    return EventStatus::kHypothetical;
  }
  std::string mark = t.MarkOf(v);
  if (t.base_rel(v) == "advcl" && (mark == "if" || mark == "unless")) return EventStatus::kHypothetical;
  return EventStatus::kReported;
}

EventStatus StatusOf(const Tree& t, int anchor) {
  if (t.tok(anchor).upos == "NOUN") return NounStatus(t, anchor);
  int v = ClauseVerb(t, anchor);
  if (Negated(t, anchor) || (v != anchor && Negated(t, v))) return EventStatus::kNegated;
  // The anchor is itself the condition ("if an escalation begins").
  std::string mark = t.MarkOf(v);
  if (t.base_rel(v) == "advcl" && (mark == "if" || mark == "unless")) return EventStatus::kHypothetical;
  if (HasCondition(t, v)) return EventStatus::kConditional;
  char modal = Modal(t, v);
  bool reported = false;  // inside a clause reported by a verb of saying
  // Climb through the verbs that govern this clause: "denies that it is
  // planning to invade" -> invade under plan under deny.
  EventStatus governed = EventStatus::kReported;
  int cur = v;
  for (int guard = 0; guard < 6 && cur >= 0; ++guard) {
    std::string_view r = t.base_rel(cur);
    // Through complements, clausal modifiers of nouns ("denial that ...",
    // "calls for Moscow to de-escalate") and coordination (a conjunct
    // shares its first member's governor).
    // A relative clause asserts its own content ("Blinken, who urged ...").
    // Also through an adverbial clause and a clause hung on "that" as an
    // object: parses of "denied that its forces were targeting" vary.
    bool that_clause = r == "obj" && t.lemma(cur) == "that";
    if (r != "xcomp" && r != "ccomp" && r != "csubj" && r != "acl" && r != "conj" && r != "advcl" &&
        !that_clause) {
      break;
    }
    if (t.rel(cur) == "acl:relcl") break;
    int h = t.head(cur);
    if (h < 0) break;
    if (r == "conj") {  // the first conjunct is a sibling, not a governor
      cur = h;
      continue;
    }
    const std::string& hl = t.lemma(h);
    if (In(hl, kDenyVerbs) || Negated(t, h)) return EventStatus::kNegated;
    if (HasCondition(t, h)) return EventStatus::kConditional;
    if (governed == EventStatus::kReported) {
      if (In(hl, kPlanVerbs)) governed = EventStatus::kPlanned;
      if (In(hl, kWishVerbs)) governed = EventStatus::kHypothetical;
    }
    // The means of an act not yet done is not done either ("to de-escalate
    // ... by withdrawing its forces").
    if (governed == EventStatus::kReported && cur != v && t.MarkOf(cur) == "to") {
      governed = EventStatus::kHypothetical;
    }
    if (r == "ccomp") {
      reported = true;  // a reported clause: its own modality counts
      break;
    }
    if (!modal) modal = Modal(t, h);
    cur = h;
  }
  if (modal == 'h') return EventStatus::kHypothetical;
  if (governed != EventStatus::kReported) return governed;
  // An infinitive no governor explains ("calls ... for Moscow to
  // de-escalate", "troops sent to secure the port") presents an act not
  // yet done.
  if (t.MarkOf(v) == "to" && !reported) return EventStatus::kHypothetical;
  if (modal == 'p') return EventStatus::kPlanned;
  // "would" reported ("said Poland would hand over") is the future seen from
  // the past: planned. Unreported, it is only imagined.
  if (modal == 'w') return reported ? EventStatus::kPlanned : EventStatus::kHypothetical;
  return EventStatus::kReported;
}

}  // namespace faultline
