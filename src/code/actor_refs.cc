#include "code/actor_refs.h"

#include <algorithm>

namespace faultline {
namespace {

bool IsCapitalised(const Word& w) {
  return !w.surface.empty() && w.surface[0] >= 'A' && w.surface[0] <= 'Z';
}

// Words allowed between two hits of one noun phrase: untitled capitalised
// title words ("Secretary of State", "Minister"), "of", the possessive
// before a role word ("Ukraine's army") and "former" just before one.
bool CanBridge(const std::vector<Word>& words, uint32_t from, uint32_t to, bool next_is_agent) {
  if (to - from > 4) return false;
  for (uint32_t i = from; i < to; ++i) {
    const Word& w = words[i];
    if (w.key == "of" && i > from) continue;
    if (w.key == "former" && next_is_agent && i + 1 == to) continue;  // "Arnor former security officials"
    if (w.key == "'s" && next_is_agent && to - from == 1) continue;
    if (!IsCapitalised(w) || w.key == "'s") return false;
  }
  return true;
}

struct Group {
  std::vector<const PhraseHit*> hits;
};

ActorRef Build(const ActorDictionary& dict, const std::vector<Word>& words, const Group& g, int day) {
  ActorRef ref;
  const PhraseHit& first = *g.hits.front();
  const PhraseHit& last = *g.hits.back();
  ref.first_tok = words[first.first_word].first;
  ref.last_tok = words[last.last_word].last;
  ref.head_tok = words[last.last_word].head;
  for (uint32_t w = first.first_word; w <= last.last_word; ++w) {
    if (!ref.text.empty() && words[w].key != "'s") ref.text += ' ';
    ref.text += words[w].surface;
  }
  std::string base, agent;
  const ActorEntry* person = nullptr;
  for (const PhraseHit* h : g.hits) {
    const ActorEntry& e = dict.entries()[h->entry];
    if (!ref.rule.empty()) ref.rule += ',';
    ref.rule += e.rule;
    ref.entry = h->entry;
    switch (e.kind) {
      case ActorKind::kPerson: person = &e; break;
      case ActorKind::kAgent:
        agent = e.code;
        // "former security officials", "Arnor former security officials":
        // a role held no longer is an elite's (CAMEO ELI), whatever it was.
        if (h->first_word > 0 && words[h->first_word - 1].key == "former") agent = "ELI";
        break;
      default:
        base = e.code;
        ref.kind = e.kind;
        ref.place = e.kind == ActorKind::kCapital;
    }
  }
  // "former Gondor prosecutors": the same before the whole phrase.
  if (!agent.empty() && first.first_word > 0 && words[first.first_word - 1].key == "former") agent = "ELI";
  if (person) {
    ref.kind = ActorKind::kPerson;
    ref.gender = person->gender;
    ref.place = false;
    std::string code = person->CodeOn(day);
    if (code.size() > 3 || base.empty()) {
      ref.code = code.empty() ? base + agent : code;
      return ref;
    }
    base = code.empty() ? base : code;  // former office-holder: country + role words
  }
  if (base.empty()) {
    ref.kind = ActorKind::kAgent;
    ref.role_only = true;
    ref.code = agent;
    return ref;
  }
  // A seat ("the Kremlin") or group code is already specific; a state, a
  // region or an organisation takes the role ("Russian troops" -> RUSMIL).
  if (!agent.empty() && ref.kind != ActorKind::kSeat && ref.kind != ActorKind::kGroup) {
    // Each member of a coded compound ("FRO/BIL/SAM", imported) takes it.
    std::string with_agent;
    for (const std::string& member : CompoundCodes(base)) with_agent += (with_agent.empty() ? "" : "/") + member + agent;
    base = with_agent;
    ref.place = false;
  }
  ref.code = base;
  return ref;
}

// "Hezbollah leader Hassan Nasrallah": a role word followed by capitalised
// words the dictionary does not know is a person named in the story; the
// reference takes in the name and becomes a person (for "he" and "said").
void ExtendWithName(const std::vector<Word>& words, const PhraseHit& last, size_t next_hit, bool last_is_role,
                    ActorRef* ref) {
  if (!last_is_role) return;
  size_t end = last.last_word + 1;
  while (end < next_hit && end < words.size() && end - last.last_word <= 4 && IsCapitalised(words[end]) &&
         words[end].key != "'s") {
    ++end;
  }
  if (end == last.last_word + 1) return;
  for (size_t w = last.last_word + 1; w < end; ++w) ref->text += " " + words[w].surface;
  ref->last_tok = words[end - 1].last;
  ref->head_tok = words[end - 1].head;
  ref->kind = ActorKind::kPerson;
  ref->gender = 'x';
  ref->entry_is_name = true;
  ref->surname = AsciiLower(words[end - 1].surface);
  ref->place = false;
  ref->role_only = ref->role_only && ref->code.size() == 3;
}

}  // namespace

std::vector<std::string> CompoundCodes(const std::string& code) {
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t slash; (slash = code.find('/', from)) != std::string::npos; from = slash + 1) {
    out.push_back(code.substr(from, slash - from));
  }
  out.push_back(code.substr(from));
  return out;
}

std::vector<ActorRef> ComposeActors(const ActorDictionary& dict, const std::vector<Word>& words,
                                    const std::vector<PhraseHit>& hits, int day) {
  std::vector<ActorRef> refs;
  size_t i = 0;
  while (i < hits.size()) {
    Group g;
    g.hits.push_back(&hits[i]);
    size_t j = i + 1;
    while (j < hits.size()) {
      const ActorEntry& next = dict.entries()[hits[j].entry];
      const ActorEntry& prev = dict.entries()[g.hits.back()->entry];
      bool next_agent = next.kind == ActorKind::kAgent;
      // Two named things side by side ("Russia Ukraine") stay apart; a
      // modifier followed by a role or a person joins, and so does a name
      // of the role's own country ("Bree Prime Minister Romendacil", where
      // an imported dictionary codes the man as his country, BRE).
      bool same_country = prev.kind == ActorKind::kAgent && !next_agent &&
                          std::any_of(g.hits.begin(), g.hits.end(), [&](const PhraseHit* h) {
                            const ActorEntry& e = dict.entries()[h->entry];
                            return e.kind != ActorKind::kAgent && !e.code.empty() && e.code == next.code;
                          });
      bool joins = next_agent || next.kind == ActorKind::kPerson || same_country ||
                   (prev.kind == ActorKind::kDemonym && next.kind != ActorKind::kCountry);
      if (!joins || prev.kind == ActorKind::kPerson) break;
      if (!CanBridge(words, g.hits.back()->last_word + 1, hits[j].first_word, next_agent)) break;
      g.hits.push_back(&hits[j]);
      ++j;
    }
    ActorRef ref = Build(dict, words, g, day);
    ExtendWithName(words, *g.hits.back(), j < hits.size() ? hits[j].first_word : words.size(),
                   dict.entries()[g.hits.back()->entry].kind == ActorKind::kAgent, &ref);
    refs.push_back(std::move(ref));
    i = j;
  }
  return refs;
}

}  // namespace faultline
